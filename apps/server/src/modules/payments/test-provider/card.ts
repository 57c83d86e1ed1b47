// A fake card PSP shaped like Adyen's or Stripe's public APIs: authorize with a token from the
// hosted card fields (manual capture), 3-D Secure as a redirect whose result is posted back and
// finished with a "details" call, then capture (several partial ones), refund and cancel — every
// call with an idempotency key. It moves no money; the amount rules are enforced by our service.
import type { PaymentProvider } from '../payments.port';
import { outcomeOfToken } from './cards';
import { FakeProviderMemory, providerReference } from './memory';

export interface FakeProviderOptions {
  /** Where the shopper's browser reaches us (confirmation pages are served here). */
  publicUrl: string;
}

/** The URL of the test provider's confirmation page for a payment (3-D Secure, Swish without a number). */
export function testConfirmUrl(publicUrl: string, paymentId: string): string {
  return `${publicUrl}/api/payments/test/confirm/${encodeURIComponent(paymentId)}`;
}

export function createTestCardProvider(options: FakeProviderOptions): PaymentProvider & {
  memory: FakeProviderMemory;
} {
  const memory = new FakeProviderMemory();
  // Authorizations waiting for the shopper's confirmation: reference → amount.
  const challenged = new Map<string, number>();
  return {
    name: 'test',
    memory,
    authorize: (request) =>
      memory.once(
        { kind: 'authorize', idempotencyKey: request.idempotencyKey, amount: request.amount },
        () => {
          const reference = providerReference('PSP');
          switch (outcomeOfToken(request.cardToken ?? '')) {
            case 'approve':
              return { outcome: 'authorized', reference, amount: request.amount };
            case 'challenge':
              challenged.set(reference, request.amount);
              return {
                outcome: 'action_required',
                reference,
                action: { kind: 'redirect', url: testConfirmUrl(options.publicUrl, request.paymentId) },
              };
            case 'decline':
              return { outcome: 'declined', reference, reason: 'Refused (test card 4000 0000 0000 0002)' };
            default:
              return { outcome: 'declined', reference: null, reason: 'Unknown card token' };
          }
        },
      ),
    completeAction: (call, details) =>
      memory.once({ kind: 'complete', idempotencyKey: call.idempotencyKey }, () => {
        const amount = challenged.get(call.providerReference);
        if (amount === undefined) {
          return { outcome: 'declined', reference: call.providerReference, reason: 'No such confirmation' };
        }
        challenged.delete(call.providerReference);
        return details.decision === 'approve'
          ? { outcome: 'authorized', reference: call.providerReference, amount }
          : {
              outcome: 'declined',
              reference: call.providerReference,
              reason: 'The shopper cancelled 3-D Secure',
            };
      }),
    capture: (call, amount) =>
      memory.once({ kind: 'capture', idempotencyKey: call.idempotencyKey, amount }, () => ({
        outcome: 'succeeded',
        reference: providerReference('CAP'),
      })),
    refund: (call, amount) =>
      memory.once({ kind: 'refund', idempotencyKey: call.idempotencyKey, amount }, () => ({
        outcome: 'succeeded',
        reference: providerReference('REF'),
      })),
    release: (call) =>
      memory.once({ kind: 'release', idempotencyKey: call.idempotencyKey }, () => ({
        outcome: 'succeeded',
        reference: providerReference('CAN'),
      })),
  };
}
