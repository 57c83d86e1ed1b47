// Hand-over at the counter: scan the shopper's pickup code (or search), hand over or ring up.
import { useT } from '@handla/ui';
import type { Cart } from '../sale/cart';

export interface HandoverScreenProps {
  /** Pay in store: put the order (and add-ons) in the sale cart and go to the sale. */
  onRingUp: (cart: Cart) => void;
  /** The current cart is empty, so a web order can be rung up. */
  canRingUp: boolean;
}

export function HandoverScreen(_props: HandoverScreenProps) {
  const t = useT();
  return <section aria-label={t('pos.orders.nav')} />;
}
