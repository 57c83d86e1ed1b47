// The outbox events of payments: one per change of money, written in the same transaction.
import type { Queryable } from '@handla/db';
import { emitEvent } from '../../outbox/emit';
import type { PaymentRecord } from './payments.port';

export type PaymentEventType =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.refunded'
  | 'payment.voided'
  | 'payment.declined';

/** What a prepaid_external payment's marketplace must refund (`released`: the undelivered rest). */
export interface MarketplaceRefund {
  amount: number;
  reference: string | null;
  released: boolean;
}

/** Emits `type` for `payment`; `amount` is what this operation moved (captured, refunded, released). */
export async function emitPaymentEvent(
  tx: Queryable,
  type: PaymentEventType,
  payment: PaymentRecord,
  now: Date,
  amount?: number,
  extra: { refundByMarketplace?: MarketplaceRefund } = {},
): Promise<void> {
  await emitEvent(
    tx,
    {
      type,
      aggregateType: 'payment',
      aggregateId: payment.id,
      data: {
        paymentId: payment.id,
        orderId: payment.orderId,
        method: payment.method,
        status: payment.status,
        currency: payment.currency,
        ...(amount !== undefined ? { amount } : {}),
        authorized: payment.authorized,
        captured: payment.captured,
        refunded: payment.refunded,
        ...(payment.method === 'prepaid_external' ? { reference: payment.providerReference } : {}),
        ...extra,
      },
    },
    now,
  );
}

/** The event of a status an authorization ended in, if it is one anyone announces. */
export function eventOfAuthorization(status: PaymentRecord['status']): PaymentEventType | null {
  if (status === 'authorized') return 'payment.authorized';
  if (status === 'declined') return 'payment.declined';
  if (status === 'voided') return 'payment.voided';
  return null;
}
