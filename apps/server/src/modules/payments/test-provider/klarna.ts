// A fake Klarna shaped like its public Payments + Order management APIs. In real Klarna the
// shopper authorizes in Klarna's widget in the browser (authorize() → authorization_token) and the
// server then creates the order; this fake treats that widget step as done, so authorizing is
// synchronous: approved, or declined above 50 000 kr (as a credit check might). Then several
// partial captures, release-remaining-authorization and refunds, each with Klarna-Idempotency-Key.
import type { PaymentProvider } from '../payments.port';
import { FakeProviderMemory, providerReference } from './memory';

/** Above this (in öre) the fake declines, like a failed credit check. */
export const TEST_KLARNA_LIMIT = 5_000_000;

export function createTestKlarnaProvider(): PaymentProvider & { memory: FakeProviderMemory } {
  const memory = new FakeProviderMemory();
  return {
    name: 'test',
    memory,
    authorize: (request) =>
      memory.once(
        { kind: 'authorize', idempotencyKey: request.idempotencyKey, amount: request.amount },
        () =>
          request.amount > TEST_KLARNA_LIMIT
            ? {
                outcome: 'declined',
                reference: null,
                reason: 'Klarna did not approve the purchase (test limit)',
              }
            : { outcome: 'authorized', reference: providerReference('KLA'), amount: request.amount },
      ),
    completeAction: async (call) => ({
      outcome: 'declined',
      reference: call.providerReference,
      reason: 'Klarna authorizations need no extra step here',
    }),
    capture: (call, amount) =>
      memory.once({ kind: 'capture', idempotencyKey: call.idempotencyKey, amount }, () => ({
        outcome: 'succeeded',
        reference: providerReference('KCAP'),
      })),
    refund: (call, amount) =>
      memory.once({ kind: 'refund', idempotencyKey: call.idempotencyKey, amount }, () => ({
        outcome: 'succeeded',
        reference: providerReference('KREF'),
      })),
    release: (call) =>
      memory.once({ kind: 'release', idempotencyKey: call.idempotencyKey }, () => ({
        outcome: 'succeeded',
        reference: `release:${call.providerReference}`,
      })),
  };
}
