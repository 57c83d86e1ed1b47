import type { LocationKind } from '@handla/api';
import { ErrorNotice, type MessageKey, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback } from 'react';
import { stockHref } from '../paths';
import { formatUnits } from '../shared/format';
import { SkuLabel } from '../shared/SkuLabel';
import { useStockApi } from '../shared/useStockApi';

const KIND: Record<LocationKind, MessageKey> = {
  store: 'stockAdmin.locationKind.store',
  warehouse: 'stockAdmin.locationKind.warehouse',
  third_party: 'stockAdmin.locationKind.third_party',
};

/**
 * "Var finns den?": the SKU at every location, with a bar of available units per location so the
 * eye finds where it is at once; the figures stay in the table for reading and screen readers.
 * A bundle counts the whole bundles its components make up.
 */
export function WhereIs({
  skuId,
  currentLocationId,
  changes,
}: {
  skuId: string;
  currentLocationId: string;
  changes: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  const stock = useStockApi();
  const where = useLoader(
    // biome-ignore lint/correctness/useExhaustiveDependencies: `changes` rereads after a booking
    useCallback(() => stock.whereIs(skuId), [stock, skuId, changes]),
  );
  const data = where.data;
  const widest = Math.max(1, ...(data?.locations.map((l) => l.available) ?? []));
  return (
    <section className="stack" aria-labelledby="stock-where-heading">
      <h3 id="stock-where-heading">{t('stockAdmin.where.heading')}</h3>
      {where.error !== null && <ErrorNotice error={where.error} onRetry={where.reload} />}
      {data && (
        <p>
          {t('stockAdmin.where.totals', {
            onHand: formatUnits(data.totalOnHand, locale),
            available: formatUnits(data.totalAvailable, locale),
          })}
        </p>
      )}
      {data?.isBundle && (
        <div className="notice notice-warning">
          <p>{t('stockAdmin.where.bundle')}</p>
          <ul>
            {data.components.map((c) => (
              <li key={c.skuId}>
                {c.quantity} ×{' '}
                <a href={stockHref('levels', currentLocationId, c.skuId)}>
                  <SkuLabel id={c.skuId} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table aria-busy={where.loading}>
          <caption>{t('stockAdmin.where.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.location')}</th>
              <th scope="col">{t('stockAdmin.col.locationKind')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.col.onHand')}
              </th>
              <th scope="col" className="number">
                {t('stockAdmin.col.reserved')}
              </th>
              <th scope="col" className="number">
                {t('stockAdmin.col.available')}
              </th>
              <th scope="col">
                <span aria-hidden="true">{t('stockAdmin.where.chart')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.locations.map((row) => {
              const isCurrent = row.location.id === currentLocationId;
              const share = Math.max(0, row.available) / widest;
              return (
                <tr key={row.location.id} className={isCurrent ? 'stock-row-current' : undefined}>
                  <th scope="row">
                    {isCurrent ? (
                      <span aria-current="location">{row.location.name}</span>
                    ) : (
                      <a href={stockHref('levels', row.location.id, skuId)}>{row.location.name}</a>
                    )}
                  </th>
                  <td>{t(KIND[row.location.kind])}</td>
                  <td className="number">{formatUnits(row.onHand, locale)}</td>
                  <td className="number">{formatUnits(row.reserved, locale)}</td>
                  <td className="number">{formatUnits(row.available, locale)}</td>
                  <td className="stock-bar-cell" aria-hidden="true">
                    <div className="stock-bar">
                      <div
                        className={`stock-bar-fill${row.available <= 0 ? ' is-short' : ''}`}
                        style={{ width: `${share * 100}%` }}
                      />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
