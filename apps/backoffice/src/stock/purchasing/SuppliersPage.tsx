import { ErrorNotice, useLocale, useT } from '@handla/ui';
import { useState } from 'react';
import { stockHref } from '../paths';
import { formatUnits } from '../shared/format';
import { NewSupplierForm } from './NewSupplierForm';
import { useSuppliers } from './useSuppliers';

/** The suppliers, and a form for a new one. */
export function SuppliersPage() {
  const t = useT();
  const { locale } = useLocale();
  const suppliers = useSuppliers();
  const [added, setAdded] = useState('');
  return (
    <>
      <a className="stock-back" href={stockHref('purchasing')}>
        ← {t('stockAdmin.purchasing.back')}
      </a>
      <h2>{t('stockAdmin.purchasing.suppliers')}</h2>
      {suppliers.error !== null && <ErrorNotice error={suppliers.error} onRetry={suppliers.reload} />}
      <div role="status">
        {added && <p className="notice stock-done">{t('stockAdmin.suppliers.addedDone', { name: added })}</p>}
      </div>
      <div className="table-wrap">
        <table aria-busy={suppliers.loading}>
          <caption>{t('stockAdmin.purchasing.suppliers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.suppliers.name')}</th>
              <th scope="col">{t('stockAdmin.suppliers.code')}</th>
              <th scope="col">{t('stockAdmin.suppliers.email')}</th>
              <th scope="col">{t('stockAdmin.suppliers.phone')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.suppliers.leadTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {suppliers.data?.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>
                  <code>{s.code}</code>
                </td>
                <td>{s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : '–'}</td>
                <td>{s.phone ?? '–'}</td>
                <td className="number">
                  {t('stockAdmin.suppliers.days', { days: formatUnits(s.leadTimeDays, locale) })}
                </td>
              </tr>
            ))}
            {suppliers.data?.items.length === 0 && (
              <tr>
                <td colSpan={5}>{t('stockAdmin.suppliers.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <NewSupplierForm
        onCreated={(supplier) => {
          setAdded(supplier.name);
          suppliers.reload();
        }}
      />
    </>
  );
}
