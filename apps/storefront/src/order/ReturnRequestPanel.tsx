// "Returnera" on the order-status page: a delivered order's return requests (RMA number and what to
// do) and a form to request a return of some units with a reason. The server decides what may go back.
import type { Order, ReturnRequest } from '@handla/api';
import { describeError, useApi, useT } from '@handla/ui';
import { type FormEvent, useCallback, useEffect, useState } from 'react';

export function ReturnRequestPanel({ token, order }: { token: string; order: Order }) {
  const t = useT();
  const api = useApi();
  const [requests, setRequests] = useState<ReturnRequest[]>([]);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const isDelivered = order.status === 'collected' || order.status === 'shipped';

  const load = useCallback(
    () =>
      api.returns.ofOrder(token).then(
        (r) => setRequests(r.items),
        () => setRequests([]),
      ),
    [api, token],
  );
  useEffect(() => {
    if (isDelivered) void load();
  }, [isDelivered, load]);
  if (!isDelivered) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lines = Object.entries(quantities)
      .filter(([, quantity]) => quantity > 0)
      .map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
    if (lines.length === 0) {
      setMessage(t('shop.return.pickSomething'));
      return;
    }
    setBusy(true);
    try {
      const made = await api.returns.requestFromShop(token, { lines, reason });
      setMessage(t('shop.return.requested', { rma: made.rmaNumber }));
      setQuantities({});
      setReason('');
      await load();
    } catch (error) {
      setMessage(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack-tight" aria-labelledby="return-heading">
      <h2 id="return-heading">{t('shop.return.heading')}</h2>
      {requests.map((r) => (
        <div key={r.id} className="stack-tight">
          <p>
            <strong>{r.rmaNumber}</strong> · {t(`shop.return.status.${r.status}`)}
          </p>
          {r.status === 'requested' && <p>{r.instructions}</p>}
        </div>
      ))}
      <form className="stack-tight" onSubmit={submit}>
        <p className="muted">{t('shop.return.intro')}</p>
        {order.lines
          .filter((l) => l.state !== 'removed' && l.state !== 'substituted')
          .map((l) => {
            const name = l.variantName ? `${l.productName} (${l.variantName})` : l.productName;
            return (
              <label key={l.id}>
                {t('shop.return.quantityOf', { item: name })}
                <input
                  type="number"
                  min={0}
                  max={l.quantity - l.returnedQuantity}
                  value={quantities[l.id] ?? 0}
                  onChange={(e) =>
                    setQuantities((q) => ({ ...q, [l.id]: Math.max(0, Number(e.target.value)) }))
                  }
                />
              </label>
            );
          })}
        <label>
          {t('shop.return.reason')}
          <input value={reason} required maxLength={300} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t('shop.return.submit')}
        </button>
        <p role="status" aria-live="polite">
          {message}
        </p>
      </form>
    </section>
  );
}
