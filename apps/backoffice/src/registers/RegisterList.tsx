import type { RegisterSummary } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { groupByStore } from './model';
import { registersHref } from './paths';
import { SalesChart } from './SalesChart';

/** Every register the manager may see, one table per store. */
export function RegisterList({ registers }: { registers: readonly RegisterSummary[] }) {
  const t = useT();
  const { locale } = useLocale();
  const groups = groupByStore(registers);
  return (
    <>
      <h1>{t('registersAdmin.title')}</h1>
      <p className="muted">{t('registersAdmin.intro')}</p>
      {groups.length === 0 && <p>{t('registersAdmin.none')}</p>}
      {groups.map((group) => (
        <section key={group.storeId} className="stack" aria-labelledby={`registers-${group.storeId}`}>
          <h2 id={`registers-${group.storeId}`}>
            {group.storeName} <span className="muted">({group.storeCode})</span>
          </h2>
          <div className="table-wrap">
            <table className="registers-table">
              <caption className="visually-hidden">{`${t('registersAdmin.listLabel')}: ${group.storeName}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registersAdmin.code')}</th>
                  <th scope="col">{t('registersAdmin.name')}</th>
                  <th scope="col">{t('registersAdmin.device')}</th>
                </tr>
              </thead>
              <tbody>
                {group.registers.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.code}</th>
                    <td>
                      <a href={registersHref(r.id)}>{r.name}</a>
                    </td>
                    <td>
                      {r.pairedAt
                        ? t('registersAdmin.pairedAt', { when: formatDateTime(r.pairedAt, locale) })
                        : t('registersAdmin.notPaired')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {groups.length > 0 && <SalesChart />}
    </>
  );
}
