// The customer list: search by name, e-mail, phone, numbers or card; a page at a time; the
// company's matching order below.
import type { Customer } from '@handla/api';
import { ErrorNotice, SearchField, useApi, useDebouncedValue, useLoader, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { TableStatusRows } from '../pages/TableStatusRows';
import { CustomerGroupsPanel } from './CustomerGroupsPanel';
import { MatchSettings } from './MatchSettings';

export function CustomerList() {
  const t = useT();
  const api = useApi();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const first = useLoader(useCallback(() => api.crm.list({ limit: 50, ...(q ? { q } : {}) }), [api, q]));
  // Further pages of the current search only: a new search starts from its first page.
  const [loaded, setMore] = useState<{ q: string; items: Customer[]; nextCursor: string | null } | null>(
    null,
  );
  const more = loaded?.q === q ? loaded : null;
  const items = first.data ? [...first.data.items, ...(more?.items ?? [])] : undefined;
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  return (
    <div className="stack">
      <p>{t('crmAdmin.intro')}</p>
      <div className="button-row">
        <a className="button button-primary" href="#/customers/new">
          {t('crmAdmin.new')}
        </a>
      </div>
      <SearchField
        label={t('crmAdmin.search')}
        hint={t('crmAdmin.searchHint')}
        value={text}
        onChange={setText}
      />
      {first.error !== null && <ErrorNotice error={first.error} onRetry={first.reload} />}
      <CustomerTable customers={items} />
      {nextCursor && (
        <button
          type="button"
          className="button"
          onClick={async () => {
            const page = await api.crm.list({ limit: 50, cursor: nextCursor, ...(q ? { q } : {}) });
            setMore({ q, items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
          }}
        >
          {t('crmAdmin.more')}
        </button>
      )}
      <CustomerGroupsPanel />
      <MatchSettings />
    </div>
  );
}

function CustomerTable({ customers }: { customers: readonly Customer[] | undefined }) {
  const t = useT();
  return (
    <div className="table-wrap" aria-live="polite" aria-busy={customers === undefined}>
      <table>
        <caption>{t('crmAdmin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crmAdmin.name')}</th>
            <th scope="col">{t('crmAdmin.kind')}</th>
            <th scope="col">{t('crmAdmin.email')}</th>
            <th scope="col">{t('crmAdmin.phone')}</th>
            <th scope="col">{t('crmAdmin.number')}</th>
            <th scope="col">{t('crmAdmin.cardNumber')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('crmAdmin.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {customers?.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>{t(`crmAdmin.kind.${c.kind}`)}</td>
              <td>{c.email}</td>
              <td>{c.phone}</td>
              <td>{c.orgNumber ?? c.personalNumber}</td>
              <td>{c.cardNumber}</td>
              <td>
                <a
                  className="button button-quiet"
                  href={`#/customers/${encodeURIComponent(c.id)}`}
                  aria-label={t('crmAdmin.openLabel', { name: c.name })}
                >
                  {t('crmAdmin.open')}
                </a>
              </td>
            </tr>
          ))}
          <TableStatusRows rows={customers} columns={7} empty={t('crmAdmin.none')} />
        </tbody>
      </table>
    </div>
  );
}
