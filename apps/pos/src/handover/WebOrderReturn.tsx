// Goods of a collected web order brought back to the counter: choose lines and quantities and a
// reason; the refund goes to the shopper's online payment and the stock back to this store.
import type { Order, WebOrderReturnResult } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { newId, useFormatAmount } from '../format';
import type { HandoverApi } from './handover-api';
import { returnAmountOf, returnableOrderLines, returnLinesOf } from './handover-cart';

export function WebOrderReturn({
  order,
  api,
  cashierId,
  onReturned,
  onError,
  onCancel,
}: {
  order: Order;
  api: HandoverApi;
  cashierId: string;
  onReturned: (result: WebOrderReturnResult) => void;
  onError: (error: unknown) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const formatAmount = useFormatAmount(order.amountDue.currency);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per return until it succeeds: a retry after a lost answer is then refunded once.
  const [returnId] = useState(() => newId('wret'));
  const returnable = returnableOrderLines(order);
  const lines = returnLinesOf(returnable, quantities);
  const headingId = `web-return-${order.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (lines.length === 0) return setMessage(t('pos.orders.handover.returnNothing'));
    if (!reason.trim()) return setMessage(t('pos.orders.handover.returnNeedsReason'));
    setMessage(null);
    setBusy(true);
    try {
      onReturned(await api.returnLines(order.id, { cashierId, returnId, lines, reason: reason.trim() }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" aria-labelledby={headingId} onSubmit={submit}>
      <h4 id={headingId}>{t('pos.orders.handover.returnHeading', { number: order.number })}</h4>
      {returnable.map(({ line, returnable: max }) => (
        <label key={line.id} className="field return-line">
          <span>
            {t('pos.orders.handover.returnQuantity', {
              name: line.variantName ? `${line.productName} ${line.variantName}` : line.productName,
            })}{' '}
            ({t('pos.orders.handover.returnMax', { count: max })})
          </span>
          <input
            type="number"
            min={0}
            max={max}
            value={quantities[line.id] ?? 0}
            onChange={(e) =>
              setQuantities({
                ...quantities,
                [line.id]: Math.max(0, Math.min(max, Number(e.target.value) || 0)),
              })
            }
          />
        </label>
      ))}
      <label className="field">
        <span>{t('pos.orders.handover.returnReason')}</span>
        <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p className="totals-total">
        {t('pos.orders.handover.returnTotal', { amount: formatAmount(returnAmountOf(order, lines)) })}
      </p>
      {message && (
        <p className="notice notice-warning" role="alert">
          {message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('pos.orders.handover.returnSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
