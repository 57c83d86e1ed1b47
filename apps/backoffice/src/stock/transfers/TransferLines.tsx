import type { StockTransfer } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { formatSigned, formatUnits } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/** A transfer's lines: sent, and once received, what arrived and the difference. */
export function TransferLines({ transfer }: { transfer: StockTransfer }) {
  const t = useT();
  const { locale } = useLocale();
  const lookup = useSkus(transfer.lines.map((l) => l.skuId));
  const isReceived = transfer.status === 'received';
  const differing = transfer.lines.filter((l) => (l.difference ?? 0) !== 0).length;
  return (
    <div className="stack">
      {isReceived && (
        <p className={differing > 0 ? 'notice notice-warning' : 'muted'}>
          {differing > 0
            ? t('stockAdmin.transfers.differences', { count: differing })
            : t('stockAdmin.transfers.noDifferences')}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t('stockAdmin.lines.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.col.article')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.transfers.sentQuantity')}
              </th>
              {isReceived && (
                <>
                  <th scope="col" className="number">
                    {t('stockAdmin.transfers.receivedQuantity')}
                  </th>
                  <th scope="col" className="number">
                    {t('stockAdmin.col.difference')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((line) => (
              <tr
                key={line.skuId}
                className={(line.difference ?? 0) !== 0 ? 'stock-row-attention' : undefined}
              >
                <th scope="row">
                  <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
                </th>
                <td className="number">{formatUnits(line.quantity, locale)}</td>
                {isReceived && (
                  <>
                    <td className="number">{formatUnits(line.receivedQuantity ?? 0, locale)}</td>
                    <td className={`number${(line.difference ?? 0) < 0 ? ' stock-negative' : ''}`}>
                      {formatSigned(line.difference ?? 0, locale)}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
