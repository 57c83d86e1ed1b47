// The web checkout's input and outcome, shared by its steps (../place-web-order.ts).
import type { Order } from '@handla/api';

/** Who places the order and where links point. */
export interface CheckoutContext {
  publicUrl: string;
  /** The signed-in shopper's customer id; the order shows in their account. */
  customerId: string | null;
  /** 'api' for orders an integration places through `POST /api/orders`; the shop's own are 'web'. */
  channel?: 'web' | 'api';
  /** The request's host name: it picks the shop (modules/shops), else the default shop sells. */
  shopHost?: string;
}

/** The placed (or still paying) order; `isNew` false for a repeated checkout id. */
export interface CheckoutOutcome {
  order: Order;
  isNew: boolean;
}
