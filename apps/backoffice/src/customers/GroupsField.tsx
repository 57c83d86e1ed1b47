// The customer's groups in the customer form: one checkbox per group of the company (groups are
// made and renamed in the panel on the customer list). Promotions for a group apply to its members.
import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback, useId } from 'react';

export function GroupsField({ value, onChange }: { value: string[]; onChange: (groups: string[]) => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const groups = useLoader(useCallback(() => api.crm.groups(), [api]));
  const items = groups.data?.items ?? [];
  // A code the customer has that the list does not show (it failed to load) is kept as it is.
  const toggle = (code: string, isOn: boolean) =>
    onChange(isOn ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset className="customer-fieldset stack" aria-describedby={`${id}-hint`}>
      <legend>{t('crmAdmin.groups')}</legend>
      <span id={`${id}-hint`} className="hint">
        {t('crmAdmin.groups.hint')}
      </span>
      {groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
      {groups.data && items.length === 0 && <p>{t('crmAdmin.groups.none')}</p>}
      {items.map((group) => (
        <label key={group.code} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(group.code)}
            onChange={(e) => toggle(group.code, e.target.checked)}
          />
          <span>
            {group.name} <span className="muted">({group.code})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
