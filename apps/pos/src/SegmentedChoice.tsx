// One choice among a few, as a row of radio buttons under a legend (discount kind, gift card action).
export interface SegmentedChoiceProps<T extends string> {
  /** The radio group's name, unique on the page. */
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function SegmentedChoice<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
}: SegmentedChoiceProps<T>) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
