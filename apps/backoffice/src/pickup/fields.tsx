// Small labelled inputs for the pickup form, each showing its server field error in place.
import { useId } from 'react';

/** A labelled text-like input (number, time, date) with an optional hint and its error. */
export function Field({
  label,
  value,
  onChange,
  type = 'number',
  hint,
  error,
  disabled,
  min,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'number' | 'time' | 'date' | 'text';
  hint?: string;
  error?: string;
  disabled?: boolean;
  min?: number;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        className="pickup-input"
        value={value}
        min={min}
        step={type === 'time' ? 300 : undefined}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="pickup-field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A checkbox with its label and optional hint. */
export function Check({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint && <span className="muted">{hint}</span>}
    </div>
  );
}
