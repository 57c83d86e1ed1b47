/** A from–to date period as ISO dates (`YYYY-MM-DD`), which compare correctly as text. */
export interface DatePeriod {
  from: string;
  to: string;
}

/**
 * The two date fields of a period picker. Field ids are `${idPrefix}-from` / `${idPrefix}-to`; when
 * `invalid`, the "to" field points at `${idPrefix}-err`, where the caller shows why.
 */
export function PeriodFields({
  idPrefix,
  period,
  onChange,
  fromLabel,
  toLabel,
  invalid,
}: {
  idPrefix: string;
  period: DatePeriod;
  onChange: (update: (p: DatePeriod) => DatePeriod) => void;
  fromLabel: string;
  toLabel: string;
  invalid: boolean;
}) {
  return (
    <div className="registers-search">
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>{fromLabel}</label>
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={period.from}
          onChange={(e) => {
            const from = e.target.value;
            onChange((p) => ({ ...p, from }));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>{toLabel}</label>
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={period.to}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${idPrefix}-err` : undefined}
          onChange={(e) => {
            const to = e.target.value;
            onChange((p) => ({ ...p, to }));
          }}
        />
      </div>
    </div>
  );
}
