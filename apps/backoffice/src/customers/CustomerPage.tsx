// One customer: details, contacts, addresses, purchases across web and stores; edit, merge a
// duplicate, export or erase the person's data (each with a confirmation).
import type { Address, Customer } from '@handla/api';
import { ErrorNotice, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { CustomerForm } from './CustomerForm';
import { CustomerHistoryTable } from './CustomerHistoryTable';
import { MergePanel } from './MergePanel';
import { PersonalDataPanel } from './PersonalDataPanel';
import { useErpNumber } from './useErpNumber';

export function CustomerPage({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const customer = useLoader(useCallback(() => api.crm.get(id), [api, id]));
  const history = useLoader(useCallback(() => api.crm.history(id), [api, id]));
  const [isEditing, setEditing] = useState(false);
  const c = customer.data;
  const reload = () => {
    customer.reload();
    history.reload();
  };
  return (
    <div className="stack">
      <a href="#/customers">{t('crmAdmin.back')}</a>
      {customer.error !== null && <ErrorNotice error={customer.error} onRetry={customer.reload} />}
      {c === undefined ? (
        customer.error === null && <p>{t('common.loading')}</p>
      ) : (
        <>
          <h2>{c.name}</h2>
          {c.mergedIntoId && (
            <p className="notice" role="status">
              {t('crmAdmin.merged')}{' '}
              <a href={`#/customers/${encodeURIComponent(c.mergedIntoId)}`}>{t('crmAdmin.merged.open')}</a>
            </p>
          )}
          {c.erasedAt && (
            <p className="notice" role="status">
              {t('crmAdmin.erased')}
            </p>
          )}
          {isEditing ? (
            <>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                {t('crmAdmin.cancelEdit')}
              </button>
              <CustomerForm
                customer={c}
                onSaved={() => {
                  setEditing(false);
                  reload();
                }}
              />
            </>
          ) : (
            <CustomerDetails
              customer={c}
              onEdit={c.mergedIntoId || c.erasedAt ? null : () => setEditing(true)}
            />
          )}
          <section className="stack" aria-labelledby="customer-history-heading">
            <h3 id="customer-history-heading">{t('crmAdmin.history')}</h3>
            {history.error !== null && <ErrorNotice error={history.error} onRetry={history.reload} />}
            <CustomerHistoryTable items={history.data?.items} />
          </section>
          {!c.mergedIntoId && !c.erasedAt && <MergePanel customer={c} />}
          {!c.mergedIntoId && <PersonalDataPanel customer={c} onErased={reload} />}
        </>
      )}
    </div>
  );
}

function AddressText({ address }: { address: Address | null }) {
  const t = useT();
  if (!address) return <>{t('crmAdmin.address.none')}</>;
  return (
    <>
      {address.name}, {address.street}, {address.postalCode} {address.city}, {address.country}
    </>
  );
}

function CustomerDetails({ customer: c, onEdit }: { customer: Customer; onEdit: (() => void) | null }) {
  const t = useT();
  const { locale } = useLocale();
  const erpNumber = useErpNumber(c.id);
  // Left out for whoever may not read the ERP's references (cashiers).
  const erpRow: [string, React.ReactNode][] =
    erpNumber === undefined
      ? []
      : [[t('erpAdmin.customerErpNumber'), erpNumber ?? t('erpAdmin.customerErpNumberNone')]];
  const rows: [string, React.ReactNode][] = [
    [t('crmAdmin.kind'), t(`crmAdmin.kind.${c.kind}`)],
    [t('crmAdmin.email'), c.email],
    [t('crmAdmin.phone'), c.phone],
    c.kind === 'company'
      ? [t('crmAdmin.orgNumber'), c.orgNumber]
      : [t('crmAdmin.personalNumber'), c.personalNumber],
    [t('crmAdmin.cardNumber'), c.cardNumber],
    [t('crmAdmin.priceList'), c.priceListId],
    [t('crmAdmin.paymentTermsDays'), c.paymentTermsDays],
    [
      t('crmAdmin.creditLimit'),
      c.creditLimit === null
        ? t('crmAdmin.noCredit')
        : formatPrice({ amount: c.creditLimit, currency: 'SEK' }, locale),
    ],
    [t('crmAdmin.deliveryAddress'), <AddressText key="d" address={c.deliveryAddress} />],
    [t('crmAdmin.invoiceAddress'), <AddressText key="i" address={c.invoiceAddress} />],
    [t('crmAdmin.groups'), c.groups.length > 0 ? c.groups.join(', ') : null],
    ...erpRow,
  ];
  return (
    <section className="card stack" aria-labelledby="customer-details-heading">
      <h3 id="customer-details-heading">{t('crmAdmin.details')}</h3>
      <dl className="customer-details">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value ?? '–'}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('crmAdmin.contacts')}</h4>
      {c.contacts.length === 0 ? (
        <p>{t('crmAdmin.contacts.none')}</p>
      ) : (
        <ul>
          {c.contacts.map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; their position is who they are
            <li key={i}>{[k.name, k.role, k.email, k.phone].filter(Boolean).join(' · ')}</li>
          ))}
        </ul>
      )}
      {onEdit && (
        <div className="button-row">
          <button type="button" className="button" onClick={onEdit}>
            {t('crmAdmin.edit')}
          </button>
        </div>
      )}
    </section>
  );
}
