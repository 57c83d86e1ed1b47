// The customer groups a rule is for: the built-in kinds (company, consumer) and the company's own
// groups (made under Customers), as checkboxes. None chosen: the rule is for every customer.
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useId } from 'react';

export function RuleGroupsField({
  value,
  onChange,
}: {
  value: string[];
  onChange: (groups: string[]) => void;
}) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const groups = useLoader(useCallback(() => api.crm.groups(), [api]));
  const options: { code: string; label: string }[] = [
    { code: 'company', label: t('promotionsAdmin.customerGroups.company') },
    { code: 'consumer', label: t('promotionsAdmin.customerGroups.consumer') },
    ...(groups.data?.items ?? []).map((g) => ({ code: g.code, label: g.name })),
  ];
  // A code the rule names that no longer exists (or the list failed to load) stays visible to untick.
  const known = new Set(options.map((o) => o.code));
  for (const code of value) {
    if (!known.has(code)) {
      options.push({ code, label: t('promotionsAdmin.customerGroups.unknown', { code }) });
    }
  }
  const toggle = (code: string, isOn: boolean) =>
    onChange(isOn ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="stack" aria-describedby={`${id}-hint`}>
      <legend>{t('promotionsAdmin.customerGroups')}</legend>
      <span id={`${id}-hint`} className="hint">
        {t('promotionsAdmin.customerGroups.hint')}
      </span>
      {groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
      {options.map((o) => (
        <label key={o.code} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(o.code)}
            onChange={(e) => toggle(o.code, e.target.checked)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
