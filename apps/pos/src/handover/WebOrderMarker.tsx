// The sale screen's note that the cart holds a web order paid in store (its lines keep the order's prices).
import { useT } from '@handla/ui';
import type { Cart } from '../sale/cart';

export function WebOrderMarker({ cart }: { cart: Cart }) {
  const t = useT();
  if (!cart.webOrder) return null;
  return (
    <p className="web-order-marker">
      <span className="badge">{t('pos.orders.handover.cartMarker', { number: cart.webOrder.number })}</span>
    </p>
  );
}
