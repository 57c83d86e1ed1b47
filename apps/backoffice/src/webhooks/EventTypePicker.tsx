// Event types as checkboxes by family: "All order events" (order.*) or single types.
import { useT } from '@handla/ui';
import { FAMILIES, type Family, familyHeading, familyName, typesOf } from './labels';

/** `value` holds patterns as the API takes them: "order.*" or exact types. */
export function EventTypePicker({
  value,
  onChange,
  errorId,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** The id of an error message about the choice, for aria-describedby. */
  errorId?: string;
}) {
  const t = useT();
  const toggle = (pattern: string, checked: boolean) =>
    onChange(checked ? [...value, pattern] : value.filter((p) => p !== pattern));
  // Taking the whole family replaces its single types: the server would send them once anyway.
  const toggleFamily = (family: Family, checked: boolean) => {
    const rest = value.filter((p) => !p.startsWith(`${family}.`));
    onChange(checked ? [...rest, `${family}.*`] : rest);
  };
  return (
    <fieldset className="webhook-events" aria-describedby={errorId}>
      <legend>{t('webhooksAdmin.eventTypes')}</legend>
      {FAMILIES.map((family) => {
        const isWhole = value.includes(`${family}.*`);
        return (
          <fieldset key={family} className="webhook-family">
            <legend>{t(familyHeading(family))}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={isWhole}
                onChange={(e) => toggleFamily(family, e.target.checked)}
              />
              <span>
                {t('webhooksAdmin.allOfFamily', { family: t(familyName(family)) })} (<code>{family}.*</code>)
              </span>
            </label>
            {typesOf(family).map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  disabled={isWhole}
                  checked={isWhole || value.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                <code>{type}</code>
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
