// The web order's life cycle as data: each allowed move and why it exists, so services, docs and
// tests read the same table.
import type { StatusMove } from '../inventory/state-machine';

/** Where a web order can be. */
export type OrderStatusName =
  | 'awaiting_payment'
  | 'placed'
  | 'accepted'
  | 'picking'
  | 'ready'
  | 'collected'
  | 'shipped'
  | 'cancelled';

/** Every allowed move of an order's status, with its reason. */
export const ORDER_MOVES: readonly StatusMove<OrderStatusName>[] = [
  {
    from: 'awaiting_payment',
    to: 'placed',
    reason: 'The payment was authorized, or the shopper pays in store',
  },
  { from: 'awaiting_payment', to: 'cancelled', reason: 'The payment was declined or never finished in time' },
  { from: 'placed', to: 'accepted', reason: 'The store has seen the order and will prepare it' },
  { from: 'placed', to: 'picking', reason: 'Staff started picking without a separate accept step' },
  { from: 'placed', to: 'ready', reason: 'A small order was picked at once and is ready for pickup' },
  { from: 'placed', to: 'shipped', reason: 'A delivery order left the warehouse' },
  { from: 'placed', to: 'cancelled', reason: 'The shop or the shopper cancelled before work began' },
  { from: 'accepted', to: 'picking', reason: 'Staff started picking the items' },
  { from: 'accepted', to: 'ready', reason: 'The items were picked and wait at the counter' },
  { from: 'accepted', to: 'shipped', reason: 'A delivery order left the warehouse' },
  { from: 'accepted', to: 'cancelled', reason: 'The shop cancelled an accepted order' },
  { from: 'picking', to: 'ready', reason: 'Picking is done; the order waits at the counter' },
  { from: 'picking', to: 'shipped', reason: 'A picked delivery order left the warehouse' },
  { from: 'picking', to: 'cancelled', reason: 'Picking showed the items cannot be delivered' },
  { from: 'ready', to: 'collected', reason: 'The shopper showed the pickup code and took the items' },
  { from: 'ready', to: 'cancelled', reason: 'The order was not collected in time' },
];

/** Statuses in which the order still holds stock and a pickup slot. */
export const OPEN_ORDER_STATUSES: readonly OrderStatusName[] = [
  'awaiting_payment',
  'placed',
  'accepted',
  'picking',
  'ready',
];

/** True when nothing more will happen to an order in this status. */
export function isFinalOrderStatus(status: OrderStatusName): boolean {
  return !OPEN_ORDER_STATUSES.includes(status);
}
