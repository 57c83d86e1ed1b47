// The banner of new web orders, above whatever screen the register shows.
import type { Order } from '@handla/api';
import { useT } from '@handla/ui';
import type { NewOrderAlert } from './OrdersLive';

/** The banner of new orders; a live region, so a screen reader reads each one out. */
export function NewOrderBanner({
  alerts,
  onShow,
  onDismiss,
}: {
  alerts: NewOrderAlert[];
  onShow: (order: Order) => void;
  onDismiss: (orderId: string) => void;
}) {
  const t = useT();
  return (
    <div role="status" aria-live="polite" className="order-alerts">
      {alerts.map(({ order, text }) => (
        <div key={order.id} className="order-alert" data-order-number={order.number}>
          <span>{text}</span>
          <span className="button-row">
            <button type="button" className="button button-primary" onClick={() => onShow(order)}>
              {t('pos.orders.alert.show', { number: order.number })}
            </button>
            <button
              type="button"
              className="button"
              aria-label={`${t('pos.orders.alert.dismiss')}: ${order.number}`}
              onClick={() => onDismiss(order.id)}
            >
              {t('pos.orders.alert.dismiss')}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
