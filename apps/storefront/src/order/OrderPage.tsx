// The confirmation after checkout and the order-status page from the e-mail: one view, live status.
import type { Order, OrderStatus } from '@handla/api';
import { ErrorNotice, type MessageKey, useApi, useLocale, useT } from '@handla/ui';
import { OrderTotals } from './OrderTotals';
import { PayDifferencePanel } from './PayDifferencePanel';
import { PaymentActionPanel } from './PaymentActionPanel';
import { pickupTimeText } from './pickup-time';
import { ReturnRequestPanel } from './ReturnRequestPanel';
import { ShipmentsPanel } from './ShipmentsPanel';
import { useOrderStatus } from './useOrderStatus';

const STATUS_KEYS: Record<OrderStatus, MessageKey> = {
  awaiting_payment: 'shop.status.awaiting_payment',
  placed: 'shop.status.placed',
  accepted: 'shop.status.accepted',
  picking: 'shop.status.picking',
  ready: 'shop.status.ready',
  collected: 'shop.status.collected',
  shipped: 'shop.status.shipped',
  cancelled: 'shop.status.cancelled',
};

function Fulfilment({ order }: { order: Order }) {
  const t = useT();
  const { locale } = useLocale();
  const f = order.fulfilment;
  if (f.kind === 'delivery') {
    return (
      <section className="card stack-tight" aria-labelledby="fulfilment-heading">
        <h2 id="fulfilment-heading">{t('shop.order.delivery')}</h2>
        <address>
          {f.address.name}
          <br />
          {f.address.street}
          <br />
          {f.address.postalCode} {f.address.city}
        </address>
        <p>{f.shippingMethod.name}</p>
      </section>
    );
  }
  return (
    <section className="card stack-tight" aria-labelledby="fulfilment-heading">
      <h2 id="fulfilment-heading">{t('shop.order.pickup')}</h2>
      <p className="pickup-time">
        <strong>
          {f.asap ? `${t('shop.checkout.asap')}, ` : ''}
          {pickupTimeText(f.slotStartsAt, f.slotEndsAt, f.timeZone, locale)}
        </strong>
      </p>
      <address>
        {f.store.name}
        <br />
        {f.store.street}
        <br />
        {f.store.postalCode} {f.store.city}
        {f.store.phone && (
          <>
            <br />
            {f.store.phone}
          </>
        )}
      </address>
    </section>
  );
}

export function OrderPage({ token }: { token: string }) {
  const t = useT();
  const api = useApi();
  const { order, error, retry } = useOrderStatus(token);
  if (!order) {
    if (error !== null) return <ErrorNotice error={error} onRetry={retry} />;
    return <p role="status">{t('common.loading')}</p>;
  }
  const waiting = order.status === 'awaiting_payment';
  const showCode =
    order.pickupCode && !waiting && order.status !== 'cancelled' && order.status !== 'collected';
  return (
    <article className="stack order-page" aria-labelledby="order-heading">
      <h1 id="order-heading">{waiting ? t('shop.order.almostDone') : t('shop.order.thanks')}</h1>
      <p className="order-number">{t('shop.order.number', { number: order.number })}</p>
      <p role="status" aria-live="polite" className={`order-status order-status-${order.status}`}>
        {t(STATUS_KEYS[order.status])}
      </p>
      {error !== null && <ErrorNotice error={error} onRetry={retry} />}
      {waiting && order.payment.action && <PaymentActionPanel action={order.payment.action} />}
      {showCode && (
        <section className="card stack-tight pickup-code" aria-labelledby="code-heading">
          <h2 id="code-heading">{t('shop.order.showAtPickup')}</h2>
          <img
            className="qr"
            src={api.shop.pickupQrUrl(token)}
            alt={t('shop.order.qrAlt', { code: order.pickupCode! })}
            width={240}
            height={240}
          />
          <p>
            {t('shop.order.pickupCode')} <strong className="pickup-code-text">{order.pickupCode}</strong>
          </p>
        </section>
      )}
      <PayDifferencePanel token={token} order={order} onPaid={retry} />
      <Fulfilment order={order} />
      <ShipmentsPanel token={token} order={order} />
      <section className="card stack-tight" aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t('shop.order.lines')}</h2>
        <OrderTotals order={order} />
      </section>
      <ReturnRequestPanel token={token} order={order} />
      <p className="muted">{t('shop.order.emailSent', { email: order.customer.email })}</p>
      <p>
        <a href="#/">{t('shop.cart.continue')}</a>
      </p>
    </article>
  );
}
