// Back office #/shipments: find an order by number, choose lines and units to ship, book the
// shipment (label PDF and tracking number), cancel the rest; the latest shipments below.
import type { Shipment, ShippingOrder } from '@handla/api';
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { PageHeading } from '../pages/PageHeading';

export function ShipmentsArea() {
  const t = useT();
  const api = useApi().shipping;
  const recent = useLoader(useCallback(() => api.recent(), [api]));
  const [number, setNumber] = useState('');
  const [order, setOrder] = useState<ShippingOrder | null>(null);
  const [error, setError] = useState<unknown>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setOrder(await api.findOrder(number.trim()));
    } catch (e) {
      setOrder(null);
      setError(e);
    }
  };

  return (
    <>
      <PageHeading title={t('nav.shipments')} />
      <p>{t('shippingAdmin.intro')}</p>
      <form onSubmit={find} aria-labelledby="find-order-heading" className="inline-form">
        <h2 id="find-order-heading">{t('shippingAdmin.findHeading')}</h2>
        <label htmlFor="ship-order-number">{t('shippingAdmin.orderNumber')}</label>
        <input
          id="ship-order-number"
          inputMode="numeric"
          pattern="[0-9]+"
          required
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <button type="submit">{t('shippingAdmin.find')}</button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {order && (
        <OrderShipping
          key={order.orderId}
          order={order}
          onChanged={(next) => {
            setOrder(next);
            recent.reload();
          }}
        />
      )}
      <ShipmentTable caption={t('shippingAdmin.recentCaption')} shipments={recent.data?.items} showOrder />
      {recent.error !== null && <ErrorNotice error={recent.error} onRetry={recent.reload} />}
    </>
  );
}

function OrderShipping({
  order,
  onChanged,
}: {
  order: ShippingOrder;
  onChanged: (o: ShippingOrder) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi().shipping;
  const [units, setUnits] = useState<Record<string, number>>({});
  const [weight, setWeight] = useState(1000);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  // One key per attempt: a retry after a lost answer books the same shipment, not a second one.
  const [attemptKey, setAttemptKey] = useState(() => newKey());
  const chosen = useMemo(
    () =>
      order.lines
        .filter((l) => (units[l.id] ?? 0) > 0)
        .map((l) => ({ orderLineId: l.id, quantity: units[l.id]! })),
    [order.lines, units],
  );

  const book = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setStatus(t('shippingAdmin.nothingChosen'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const shipment = await api.ship(order.orderId, {
        idempotencyKey: attemptKey,
        lines: chosen,
        parcels: [{ weightGrams: weight }],
      });
      setStatus(
        t('shippingAdmin.booked', {
          number: shipment.number,
          tracking: shipment.trackingNumber ?? '—',
          amount: formatPrice(shipment.amount, locale),
        }),
      );
      setUnits({});
      setAttemptKey(newKey());
      onChanged(await api.order(order.orderId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const cancelRest = async () => {
    if (!window.confirm(t('shippingAdmin.cancelRestConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.cancelRest(order.orderId, reason.trim() ? { reason: reason.trim() } : {}));
      setStatus(t('shippingAdmin.restCancelled'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const isOpen = order.lines.some((l) => l.remaining > 0);
  return (
    <section aria-labelledby="ship-order-heading">
      <h2 id="ship-order-heading">{t('shippingAdmin.orderHeading', { number: order.number })}</h2>
      <dl className="facts">
        <dt>{t('shippingAdmin.customer')}</dt>
        <dd>{order.customerName}</dd>
        <dt>{t('shippingAdmin.status')}</dt>
        <dd>
          {order.status} · {t(`shippingAdmin.state.${order.shippingState}`)}
        </dd>
        <dt>{t('shippingAdmin.payment')}</dt>
        <dd>
          {order.payment.status} ·{' '}
          {t('shippingAdmin.captured', {
            captured: formatPrice(order.payment.captured, locale),
            authorized: formatPrice(order.payment.authorized, locale),
          })}
        </dd>
      </dl>
      <form onSubmit={book}>
        <div className="table-wrap">
          <table>
            <caption>{t('shippingAdmin.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shippingAdmin.article')}</th>
                <th scope="col">{t('shippingAdmin.ordered')}</th>
                <th scope="col">{t('shippingAdmin.shipped')}</th>
                <th scope="col">{t('shippingAdmin.cancelled')}</th>
                <th scope="col">{t('shippingAdmin.left')}</th>
                <th scope="col">{t('shippingAdmin.toShip')}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.name} <code>{l.sku}</code>
                  </th>
                  <td>{l.quantity}</td>
                  <td>{l.shipped}</td>
                  <td>{l.cancelled}</td>
                  <td>{l.remaining}</td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={l.remaining}
                      disabled={l.remaining === 0}
                      aria-label={t('shippingAdmin.toShipOf', { name: l.name })}
                      value={units[l.id] ?? 0}
                      onChange={(e) => setUnits({ ...units, [l.id]: Number(e.target.value) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <label htmlFor="ship-weight">{t('shippingAdmin.weight')}</label>
        <input
          id="ship-weight"
          type="number"
          min={1}
          max={70000}
          value={weight}
          onChange={(e) => setWeight(Number(e.target.value))}
        />
        <button type="submit" disabled={busy || !isOpen}>
          {busy ? t('shippingAdmin.booking') : t('shippingAdmin.book')}
        </button>
      </form>
      <p aria-live="polite" role="status">
        {status}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {isOpen && (
        <div>
          <label htmlFor="ship-cancel-reason">{t('shippingAdmin.cancelReason')}</label>
          <input
            id="ship-cancel-reason"
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="button" onClick={cancelRest} disabled={busy}>
            {t('shippingAdmin.cancelRest')}
          </button>
        </div>
      )}
      <ShipmentTable caption={t('shippingAdmin.shipmentsCaption')} shipments={order.shipments} />
    </section>
  );
}

function ShipmentTable({
  caption,
  shipments,
  showOrder = false,
}: {
  caption: string;
  shipments: readonly Shipment[] | undefined;
  showOrder?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showOrder && <th scope="col">{t('shippingAdmin.order')}</th>}
            <th scope="col">{t('shippingAdmin.shipment')}</th>
            <th scope="col">{t('shippingAdmin.carrier')}</th>
            <th scope="col">{t('shippingAdmin.tracking')}</th>
            <th scope="col">{t('shippingAdmin.amount')}</th>
            <th scope="col">{t('shippingAdmin.when')}</th>
            <th scope="col">{t('shippingAdmin.label')}</th>
          </tr>
        </thead>
        <tbody>
          {shipments?.length === 0 && (
            <tr>
              <td colSpan={showOrder ? 7 : 6}>{t('shippingAdmin.none')}</td>
            </tr>
          )}
          {shipments?.map((s) => (
            <tr key={s.id}>
              {showOrder && <td>{s.orderNumber}</td>}
              <th scope="row">
                {s.number} · {t(`shippingAdmin.shipmentStatus.${s.status}`)}
              </th>
              <td>{s.carrier}</td>
              <td>{s.trackingUrl ? <a href={s.trackingUrl}>{s.trackingNumber}</a> : '—'}</td>
              <td>{formatPrice(s.amount, locale)}</td>
              <td>{s.finishedAt ? formatDateTime(s.finishedAt, locale) : '—'}</td>
              <td>
                {s.labelUrl ? (
                  <a href={s.labelUrl} target="_blank" rel="noreferrer">
                    {t('shippingAdmin.label')}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function newKey(): string {
  return `ship-${crypto.randomUUID()}`;
}
