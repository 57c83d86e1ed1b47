import type { StockTransfer } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { formatSigned, formatUnits } from '../shared/format';
import { parseQuantity } from '../shared/LineEditor';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/**
 * Receiving a sent transfer: what arrived per line, the sent quantity filled in; a line that
 * differs shows its difference at once, and the server records it on the transfer.
 */
export function ReceiveTransferForm({
  transfer,
  pending,
  onReceive,
}: {
  transfer: StockTransfer;
  pending: boolean;
  onReceive: (lines: { skuId: string; receivedQuantity: number }[]) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const lookup = useSkus(transfer.lines.map((l) => l.skuId));
  const [received, setReceived] = useState<Record<string, string>>(() =>
    Object.fromEntries(transfer.lines.map((l) => [l.skuId, String(l.quantity)])),
  );
  const [checked, setChecked] = useState(false);
  const parsed = transfer.lines.map((l) => ({ ...l, received: parseQuantity(received[l.skuId] ?? '') }));
  const isBad = parsed.some((l) => l.received === null || l.received < 0);
  const differing = parsed.filter((l) => l.received !== null && l.received !== l.quantity).length;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (isBad) return;
    onReceive(parsed.map((l) => ({ skuId: l.skuId, receivedQuantity: l.received ?? 0 })));
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.transfers.receiveHeading')}</h3>
      <p className="muted">{t('stockAdmin.transfers.receiveExplained')}</p>
      <div className="table-wrap">
        <table>
          <caption>{t('stockAdmin.lines.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.col.article')}</th>
              <th scope="col" className="number">
                {t('stockAdmin.transfers.sentQuantity')}
              </th>
              <th scope="col" className="number" id={`${id}-received`}>
                {t('stockAdmin.transfers.receivedQuantity')}
              </th>
              <th scope="col" className="number">
                {t('stockAdmin.col.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parsed.map((line, i) => {
              const difference = line.received === null ? null : line.received - line.quantity;
              return (
                <tr key={line.skuId} className={difference ? 'stock-row-attention' : undefined}>
                  <th scope="row" id={`${id}-${i}`}>
                    <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
                  </th>
                  <td className="number">{formatUnits(line.quantity, locale)}</td>
                  <td className="number">
                    <input
                      type="number"
                      className="stock-qty"
                      min={0}
                      step={1}
                      required
                      aria-labelledby={`${id}-received ${id}-${i}`}
                      aria-invalid={(checked && (line.received === null || line.received < 0)) || undefined}
                      value={received[line.skuId] ?? ''}
                      onChange={(e) => setReceived({ ...received, [line.skuId]: e.target.value })}
                    />
                  </td>
                  <td className={`number${difference && difference < 0 ? ' stock-negative' : ''}`}>
                    {difference === null ? '–' : formatSigned(difference, locale)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className={differing > 0 ? 'notice notice-warning' : 'muted'}>
        {differing > 0
          ? t('stockAdmin.transfers.differences', { count: differing })
          : t('stockAdmin.transfers.asSent')}
      </p>
      {checked && isBad && (
        <p className="notice notice-error" role="alert">
          {t('stockAdmin.lines.badReceived')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('stockAdmin.saving') : t('stockAdmin.transfers.receive')}
        </button>
      </div>
    </form>
  );
}
