// Test fixture: a migrated database, a context with the test provider installed (Swish callbacks
// collected instead of sent), and helpers to start payments and count what happened.
import { DomainError } from '@handla/core';
import { createTestDatabase, type Database } from '@handla/db';
import { expect } from 'vitest';
import { type AppContext, createContext } from '../../context';
import type { PaymentMethod, PaymentRecord } from './payments.port';
import { installPaymentProviders } from './payments.providers';
import { startPayment } from './payments.service';
import { tokenizeTestCard } from './test-provider/cards';
import { createTestProviders, type TestProviders } from './test-provider/index';
import type { SwishCallbackDelivery } from './test-provider/swish';

export const TEST_PUBLIC_URL = 'http://shop.test';

export interface PaymentsFixture {
  db: Database;
  ctx: AppContext;
  providers: TestProviders;
  /** Swish callbacks the fake sent, oldest first. */
  deliveries: SwishCallbackDelivery[];
  start(
    method: PaymentMethod,
    amount: number,
    extra?: { card?: string; phone?: string },
  ): Promise<PaymentRecord>;
  eventCount(type: string, paymentId: string): Promise<number>;
  operations(paymentId: string): Promise<{ kind: string; outcome: string; amount: number | null }[]>;
}

/** Installs the test provider on `ctx` and returns the collected Swish callbacks. */
export function installTestProviders(ctx: AppContext) {
  const deliveries: SwishCallbackDelivery[] = [];
  const providers = createTestProviders({
    publicUrl: TEST_PUBLIC_URL,
    clock: ctx.clock,
    sendSwishCallback: (delivery) => deliveries.push(delivery),
  });
  installPaymentProviders(ctx, providers);
  return { providers, deliveries };
}

export async function createPaymentsFixture(existing?: {
  db: Database;
  ctx: AppContext;
}): Promise<PaymentsFixture> {
  const db = existing?.db ?? (await createTestDatabase());
  const ctx = existing?.ctx ?? createContext(db);
  const { providers, deliveries } = installTestProviders(ctx);
  return {
    db,
    ctx,
    providers,
    deliveries,
    start: (method, amount, extra = {}) =>
      startPayment(ctx, {
        paymentId: ctx.newId('pay'),
        orderId: ctx.newId('ord'),
        method,
        amount,
        currency: 'SEK',
        cardToken:
          method === 'card'
            ? tokenizeTestCard(
                { number: extra.card ?? '4111111111111111', expiry: '12/39', cvc: '123' },
                ctx.clock(),
              )
            : undefined,
        phone: extra.phone,
        returnUrl: `${TEST_PUBLIC_URL}/order/return`,
        description: 'Order 1001',
      }),
    async eventCount(type, paymentId) {
      const [row] = await db.query<{ n: number }>(
        'select count(*)::integer as n from outbox_events where type = $1 and aggregate_id = $2',
        [type, paymentId],
      );
      return row!.n;
    },
    operations: (paymentId) =>
      db.query(
        'select kind, outcome, amount from payment_operations where payment_id = $1 order by started_at, id',
        [paymentId],
      ),
  };
}

/** The DomainError `work` fails with (the test fails when it succeeds). */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
