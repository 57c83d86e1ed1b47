import { useLocale, useT } from '@handla/ui';
import { stockHref } from '../paths';
import { formatUnits } from '../shared/format';
import { useSkuName } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/** A SKU's figures at one location; `level` is null when nothing was ever booked there. */
export interface LevelRowData {
  skuId: string;
  onHand: number;
  reserved: number;
  available: number;
  isCountNeeded: boolean;
}

/** The levels table: article, name, on hand, reserved, available, the count flag, and a link to the SKU. */
export function LevelRows({
  locationId,
  rows,
  caption,
  loading,
  empty,
}: {
  locationId: string;
  rows: LevelRowData[] | undefined;
  caption: string;
  loading: boolean;
  empty: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const lookup = useSkus(rows?.map((r) => r.skuId) ?? []);
  const skuName = useSkuName();
  return (
    <div className="table-wrap">
      <table aria-busy={loading}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col">{t('stockAdmin.col.name')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.col.onHand')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.col.reserved')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.col.available')}
            </th>
            <th scope="col">{t('stockAdmin.col.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {rows?.map((row) => {
            const sku = lookup(row.skuId);
            const article = typeof sku === 'object' ? sku.sku : row.skuId;
            return (
              <tr key={row.skuId} className={row.isCountNeeded ? 'stock-row-attention' : undefined}>
                <th scope="row">
                  <a href={stockHref('levels', locationId, row.skuId)}>
                    <code>{article}</code>
                  </a>
                </th>
                <td>{typeof sku === 'object' ? skuName(sku) : sku === 'loading' ? '…' : '–'}</td>
                <td className={`number${row.onHand < 0 ? ' stock-negative' : ''}`}>
                  {formatUnits(row.onHand, locale)}
                </td>
                <td className="number">{formatUnits(row.reserved, locale)}</td>
                <td className="number">{formatUnits(row.available, locale)}</td>
                <td>
                  {row.isCountNeeded && (
                    <span className="stock-flag">{t('stockAdmin.levels.countNeeded')}</span>
                  )}
                </td>
              </tr>
            );
          })}
          {rows?.length === 0 && (
            <tr>
              <td colSpan={6}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
