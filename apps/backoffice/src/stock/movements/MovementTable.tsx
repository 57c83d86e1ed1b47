import type { StockMovement } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { formatSigned } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useStockData } from '../shared/StockData';
import { useSkus } from '../shared/useSkus';
import { kindLabel } from './kinds';
import { Reference } from './Reference';

/** Ledger rows: when, (what, where,) kind, signed quantity, reason, reference and who. */
export function MovementTable({
  movements,
  caption,
  loading,
  showSku = true,
  showLocation = true,
}: {
  movements: StockMovement[] | undefined;
  caption: string;
  loading: boolean;
  showSku?: boolean;
  showLocation?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { locationName, actorName } = useStockData();
  const lookup = useSkus(showSku ? (movements?.map((m) => m.skuId) ?? []) : []);
  const columns = 6 + (showSku ? 1 : 0) + (showLocation ? 1 : 0);
  return (
    <div className="table-wrap">
      <table aria-busy={loading}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.when')}</th>
            {showSku && <th scope="col">{t('stockAdmin.col.article')}</th>}
            {showLocation && <th scope="col">{t('stockAdmin.location')}</th>}
            <th scope="col">{t('stockAdmin.col.kind')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.col.quantity')}
            </th>
            <th scope="col">{t('stockAdmin.col.reason')}</th>
            <th scope="col">{t('stockAdmin.col.reference')}</th>
            <th scope="col">{t('stockAdmin.col.who')}</th>
          </tr>
        </thead>
        <tbody>
          {movements?.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <time dateTime={m.occurredAt}>{formatDateTime(m.occurredAt, locale)}</time>
              </th>
              {showSku && (
                <td>
                  <SkuText lookup={lookup(m.skuId)} id={m.skuId} />
                </td>
              )}
              {showLocation && <td>{locationName(m.locationId)}</td>}
              <td>{t(kindLabel(m.kind))}</td>
              <td className={`number ${m.quantity < 0 ? 'stock-negative' : 'stock-positive'}`}>
                {formatSigned(m.quantity, locale)}
              </td>
              <td>{m.reason ?? '–'}</td>
              <td>
                <Reference reference={m.reference} />
              </td>
              <td>{actorName(m.actor)}</td>
            </tr>
          ))}
          {movements?.length === 0 && (
            <tr>
              <td colSpan={columns}>{t('stockAdmin.movements.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
