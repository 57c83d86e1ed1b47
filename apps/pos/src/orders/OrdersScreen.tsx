// The store's web orders at the register: the live queue and working one order.
import { useT } from '@handla/ui';

export function OrdersScreen() {
  const t = useT();
  return <section aria-label={t('pos.orders.nav')} />;
}
