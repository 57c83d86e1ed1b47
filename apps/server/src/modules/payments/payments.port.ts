// STUB (skeleton) — the payments helper implements the service behind these types; the orders
// module and the register call it. Keep the signatures.
import type { PaymentAction, PaymentStatus } from '@handla/api';

export type PaymentMethod = 'card' | 'klarna' | 'swish' | 'in_store';

/** A payment as recorded by us (the provider's own state mirrored, with our amounts in öre). */
export interface PaymentRecord {
  id: string;
  orderId: string;
  method: PaymentMethod;
  provider: string;
  providerReference: string | null;
  status: PaymentStatus;
  currency: string;
  amount: number;
  authorized: number;
  captured: number;
  refunded: number;
  action: PaymentAction | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StartPaymentInput {
  /** Client-made (the order's checkout id + method is fine); a repeat returns the first result. */
  paymentId: string;
  orderId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  cardToken?: string;
  phone?: string;
  /** Where the shopper returns after an extra confirmation step. */
  returnUrl: string;
  /** Shown in the shopper's app / statement, e.g. "Order 1001". */
  description: string;
}

export interface MoneyCommand {
  paymentId: string;
  amount: number;
  /** Client-made; the same key twice is one capture/refund. */
  idempotencyKey: string;
  reason?: string;
}
