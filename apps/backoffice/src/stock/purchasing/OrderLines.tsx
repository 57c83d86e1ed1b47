import type { PurchaseOrder } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { formatUnits } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/** A purchase order's lines: ordered, received so far and still outstanding. */
export function OrderLines({ order }: { order: PurchaseOrder }) {
  const t = useT();
  const { locale } = useLocale();
  const lookup = useSkus(order.lines.map((l) => l.skuId));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('stockAdmin.lines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.purchasing.ordered')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.purchasing.receivedSoFar')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.purchasing.outstanding')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.skuId}>
              <th scope="row">
                <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
              </th>
              <td className="number">{formatUnits(line.orderedQuantity, locale)}</td>
              <td className="number">{formatUnits(line.receivedQuantity, locale)}</td>
              <td className="number">{formatUnits(line.outstandingQuantity, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
