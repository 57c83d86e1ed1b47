// The HTTP contract of payments: a payment with its history for staff and integrations, the
// money operations (capture, refund, release), the test provider's card fields and Swish's
// callback. Amounts are öre; instants are ISO 8601 UTC. Checkout itself is in ./orders.
import { z } from 'zod';
import { MoneyDto } from './common';
import { PaymentAction, PaymentStatus } from './orders';

/** One call to the provider, or one callback from it, as recorded. */
export const PaymentOperation = z
  .object({
    id: z.string(),
    kind: z.enum(['authorize', 'capture', 'refund', 'void', 'callback']),
    /** What the operation moved or asked for, when it is about money. */
    amount: MoneyDto.nullable(),
    idempotencyKey: z.string(),
    /** `started`: sent, no answer recorded yet (in flight, or retry with the same key). */
    outcome: z.enum(['started', 'succeeded', 'refused', 'ignored']),
    /** Who asked: a staff user or API key id, `swish` for its callbacks, null for checkout. */
    actor: z.string().nullable(),
    reason: z.string().nullable(),
    /** The provider's answer (references, refusal reason), as recorded. */
    response: z.record(z.string(), z.unknown()).nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'PaymentOperation' });
export type PaymentOperation = z.infer<typeof PaymentOperation>;

/** A payment of an order: its amounts, status and every operation on it, oldest first. */
export const Payment = z
  .object({
    id: z.string(),
    orderId: z.string(),
    method: z.enum(['card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external', 'voucher']),
    provider: z.string(),
    providerReference: z.string().nullable(),
    status: PaymentStatus,
    amount: MoneyDto,
    /** The current hold (Swish: what was paid); shrinks to `captured` when the rest is released. */
    authorized: MoneyDto,
    captured: MoneyDto,
    refunded: MoneyDto,
    action: PaymentAction.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    operations: z.array(PaymentOperation),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

/** The header every money operation needs: the same key again is the same operation. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_:.-]+$/, 'Letters, digits and _ : . - only'),
});

/** POST /api/payments/:id/captures and /refunds. */
export const PaymentAmountBody = z
  .strictObject({
    /** In öre; a capture at most what is authorized and not captured, a refund at most what is captured and not refunded. */
    amount: z.number().int().min(1),
    reason: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'PaymentAmountBody' });
export type PaymentAmountBody = z.infer<typeof PaymentAmountBody>;

/** POST /api/payments/:id/void: releases what is authorized and not captured. */
export const VoidPaymentBody = z
  .strictObject({ reason: z.string().trim().max(200).optional() })
  .meta({ id: 'VoidPaymentBody' });
export type VoidPaymentBody = z.infer<typeof VoidPaymentBody>;

/** POST /api/payments/test/card-tokens: the test provider's stand-in for a PSP's hosted card fields. */
export const TestCardBody = z
  .strictObject({
    number: z.string().trim().min(12).max(23),
    /** MM/YY */
    expiry: z.string().trim().max(7),
    cvc: z.string().trim().max(4),
  })
  .meta({ id: 'TestCardBody' });
export type TestCardBody = z.infer<typeof TestCardBody>;

export const TestCardToken = z.object({ token: z.string() }).meta({ id: 'TestCardToken' });
export type TestCardToken = z.infer<typeof TestCardToken>;

/** What Swish POSTs to our callbackUrl when a payment request is answered (its documented fields). */
export const SwishCallback = z
  .object({
    id: z.string().min(1).max(64),
    payeePaymentReference: z.string().min(1).max(64),
    paymentReference: z.string().nullish(),
    callbackUrl: z.string().nullish(),
    payerAlias: z.string().nullish(),
    payeeAlias: z.string().nullish(),
    amount: z.number().min(0),
    currency: z.string(),
    message: z.string().nullish(),
    status: z.enum(['PAID', 'DECLINED', 'ERROR', 'CANCELLED']),
    dateCreated: z.string().nullish(),
    datePaid: z.string().nullish(),
    errorCode: z.string().nullish(),
    errorMessage: z.string().nullish(),
  })
  .meta({ id: 'SwishCallback' });
export type SwishCallback = z.infer<typeof SwishCallback>;
