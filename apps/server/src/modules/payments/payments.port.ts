// The payments module's contract with the rest of the server (the orders module and the register
// call the service with these types) and with the payment providers (`PaymentProvider`, one per
// method family: card, Klarna, Swish). The built-in test provider and later real ones implement it.
import type { PaymentAction, PaymentStatus } from '@handla/api';
import type { PaymentMethod, ProviderlessMethod } from '@handla/core';

export type { PaymentMethod };

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
  /** `prepaid_external`: the marketplace's payment reference (kept as the provider reference). */
  externalReference?: string;
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
  /** Who asked (a staff user or API key id), for the history; the orders module may leave it out. */
  actor?: string;
}

/** What a provider needs to authorize (card, Klarna) or to create a payment request (Swish). */
export interface AuthorizeRequest {
  paymentId: string;
  /** Sent to the provider as its idempotency key (Idempotency-Key, Klarna-Idempotency-Key, Swish instructionUUID). */
  idempotencyKey: string;
  amount: number;
  currency: string;
  cardToken?: string;
  phone?: string;
  returnUrl: string;
  description: string;
  /** A secret the provider echoes in its callbacks, so we can tell them from forgeries. */
  callbackIdentifier: string;
}

/** The provider's answer to an authorization (or Swish payment request). */
export type AuthorizeResult =
  | { outcome: 'authorized'; reference: string; amount: number }
  | { outcome: 'declined'; reference: string | null; reason: string }
  /** The shopper must do something first (3-D Secure, Klarna's page); the result comes back later. */
  | { outcome: 'action_required'; reference: string; action: PaymentAction }
  /** Nothing decided yet; the result arrives by callback (Swish). */
  | { outcome: 'pending'; reference: string; action: PaymentAction | null };

/** The provider's answer to a capture, refund or release. */
export type OperationResult =
  | { outcome: 'succeeded'; reference: string }
  | { outcome: 'refused'; reason: string };

/** Identifies the payment at the provider for a follow-up call. */
export interface ProviderCall {
  paymentId: string;
  providerReference: string;
  idempotencyKey: string;
  currency: string;
}

/**
 * One payment method family at one provider. Every call carries an idempotency key: calling again
 * with the same key must return the first answer and move no money twice. Calls may throw when
 * the provider does not answer; the service then keeps the operation "started" for a retry.
 */
export interface PaymentProvider {
  readonly name: string;
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  /** Finishes an `action_required` authorization with what the shopper's redirect brought back. */
  completeAction(call: ProviderCall, details: Record<string, string>): Promise<AuthorizeResult>;
  capture(call: ProviderCall, amount: number): Promise<OperationResult>;
  refund(call: ProviderCall, amount: number): Promise<OperationResult>;
  /** Releases the uncaptured rest of a hold, or cancels an authorization not yet decided. */
  release(call: ProviderCall): Promise<OperationResult>;
}

/** The providers by method family; "pay in store", invoice and marketplace-prepaid need none. */
export type PaymentProviders = Record<Exclude<PaymentMethod, ProviderlessMethod>, PaymentProvider>;
