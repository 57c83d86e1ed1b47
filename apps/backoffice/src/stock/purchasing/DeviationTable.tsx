import type { PurchaseOrder } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { formatUnits } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/** Over- and under-deliveries recorded on the order, oldest first. */
export function DeviationTable({ order }: { order: PurchaseOrder }) {
  const t = useT();
  const { locale } = useLocale();
  const lookup = useSkus(order.deviations.map((d) => d.skuId));
  if (order.deviations.length === 0)
    return <p className="muted">{t('stockAdmin.purchasing.noDeviations')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('stockAdmin.purchasing.deviations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col">{t('stockAdmin.purchasing.deviationKind')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.col.quantity')}
            </th>
            <th scope="col">{t('stockAdmin.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {order.deviations.map((d) => (
            <tr key={`${d.skuId}:${d.kind}:${d.recordedAt}`} className="stock-row-attention">
              <th scope="row">
                <SkuText lookup={lookup(d.skuId)} id={d.skuId} />
              </th>
              <td>{t(d.kind === 'over' ? 'stockAdmin.purchasing.over' : 'stockAdmin.purchasing.under')}</td>
              <td className="number">{formatUnits(d.quantity, locale)}</td>
              <td>{formatDateTime(d.recordedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
