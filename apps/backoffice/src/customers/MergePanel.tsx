// Merge this customer into another (managers): search for the one to keep, then confirm.
import type { Customer } from '@handla/api';
import { ErrorNotice, SearchField, useApi, useDebouncedValue, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ConfirmButton } from '../pages/ConfirmButton';

export function MergePanel({ customer }: { customer: Customer }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const [into, setInto] = useState<Customer | null>(null);
  const found = useLoader(
    useCallback(async () => (q.length < 2 ? { items: [] } : api.crm.list({ q, limit: 10 })), [api, q]),
  );
  const candidates = (found.data?.items ?? []).filter((c) => c.id !== customer.id);
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('crmAdmin.merge.heading')}</h3>
      <p>{t('crmAdmin.merge.explain')}</p>
      <SearchField label={t('crmAdmin.merge.into')} value={text} onChange={setText} />
      {found.error !== null && <ErrorNotice error={found.error} />}
      <ul className="plain-list" aria-live="polite">
        {candidates.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="button button-quiet"
              aria-pressed={into?.id === c.id}
              onClick={() => setInto(c)}
            >
              {t('crmAdmin.merge.choose', { name: c.name })}
            </button>{' '}
            {[c.email, c.phone, c.orgNumber ?? c.personalNumber].filter(Boolean).join(' · ')}
          </li>
        ))}
      </ul>
      {into && (
        <ConfirmButton
          label={t('crmAdmin.merge.button', { name: into.name })}
          warning={t('crmAdmin.merge.warning', { from: customer.name, into: into.name })}
          confirmLabel={t('crmAdmin.merge.confirm')}
          isDanger
          onConfirm={async () => {
            await api.crm.merge(customer.id, into.id);
            window.location.hash = `#/customers/${encodeURIComponent(into.id)}`;
          }}
        />
      )}
    </section>
  );
}
