// A fake Swish for merchants, shaped like its public API (v2 payment requests and refunds): there
// is no authorization — a payment request is created (PUT with the merchant's instructionUUID as
// idempotency key), the shopper approves in the Swish app, and the outcome (PAID, DECLINED, ERROR)
// arrives later as a POST to the merchant's callbackUrl. With a phone number (payerAlias,
// "e-commerce") the app on that phone gets the request; without one ("m-commerce") the shop opens
// the app with the request token, or a desktop shows a QR code. A refund is its own request.
// This fake stands in for the shopper's app too: 0701234567 approves, 0709999999 declines, other
// numbers and no number wait for the buttons on the test confirmation page. Its QR code opens
// that page (a real one carries the token for the Swish app). Callbacks are sent through an
// injectable sender: by default an HTTP POST to our own public URL shortly after.
import QRCode from 'qrcode';
import type { PaymentProvider } from '../payments.port';
import { testConfirmUrl } from './card';
import { FakeProviderMemory, providerReference } from './memory';

/** The body of a Swish payment request callback (the fields of its public documentation). */
export interface SwishCallbackBody {
  id: string;
  payeePaymentReference: string;
  paymentReference: string | null;
  callbackUrl: string;
  payerAlias: string | null;
  payeeAlias: string;
  amount: number;
  currency: string;
  message: string;
  status: 'PAID' | 'DECLINED' | 'ERROR';
  dateCreated: string;
  datePaid: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** One callback on its way: Swish echoes the merchant's callbackIdentifier in a header. */
export interface SwishCallbackDelivery {
  url: string;
  headers: { 'content-type': 'application/json'; callbackidentifier: string };
  body: SwishCallbackBody;
}

export type SwishCallbackSender = (delivery: SwishCallbackDelivery) => void;

/** The path of our Swish callback endpoint. */
export const SWISH_CALLBACK_PATH = '/api/payments/swish/callback';
/** The demo shop's Swish number (payeeAlias). */
export const TEST_SWISH_PAYEE = '1231181189';
export const TEST_SWISH_APPROVE = '46701234567';
export const TEST_SWISH_DECLINE = '46709999999';

/** 070-123 45 67, +46 70 123 45 67 → 46701234567 (Swish's payerAlias format). */
export function swishAlias(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits.slice(1);
  if (digits.startsWith('00')) return digits.slice(2);
  return digits.startsWith('0') ? `46${digits.slice(1)}` : digits;
}

/** What the fake shopper's app needs to answer a request (read back from our payment record). */
export interface SwishRequestInfo {
  reference: string;
  paymentId: string;
  amount: number;
  currency: string;
  description: string;
  callbackIdentifier: string;
  createdAt: Date;
  payerAlias?: string | null;
}

/** Sends the callback by HTTP to our own server after `delayMs` (what a real Swish does from outside). */
export function httpSwishSender(
  delayMs = 300,
  onError: (error: unknown) => void = () => {},
): SwishCallbackSender {
  return (delivery) => {
    const timer = setTimeout(() => {
      fetch(delivery.url, { method: 'POST', headers: delivery.headers, body: JSON.stringify(delivery.body) })
        .then((response) => {
          if (!response.ok) onError(new Error(`Swish callback answered ${response.status}`));
        })
        .catch(onError);
    }, delayMs);
    timer.unref();
  };
}

export function createTestSwishProvider(options: {
  publicUrl: string;
  send: SwishCallbackSender;
  clock: () => Date;
}) {
  const memory = new FakeProviderMemory();
  // Read per request: the public URL is known only once the server listens (PORT=0).
  const callbackUrl = () => `${options.publicUrl}${SWISH_CALLBACK_PATH}`;
  const cancelled = new Set<string>();
  const answered = new Set<string>();

  /** The shopper answers in the (simulated) Swish app; the result leaves as a callback. */
  function shopperDecides(request: SwishRequestInfo, decision: 'approve' | 'decline'): boolean {
    if (cancelled.has(request.reference) || answered.has(request.reference)) return false;
    answered.add(request.reference);
    const isPaid = decision === 'approve';
    options.send({
      url: callbackUrl(),
      headers: { 'content-type': 'application/json', callbackidentifier: request.callbackIdentifier },
      body: {
        id: request.reference,
        payeePaymentReference: request.paymentId,
        paymentReference: isPaid ? providerReference('', 16) : null,
        callbackUrl: callbackUrl(),
        payerAlias: request.payerAlias ?? null,
        payeeAlias: TEST_SWISH_PAYEE,
        amount: request.amount / 100,
        currency: request.currency,
        message: request.description.slice(0, 50),
        status: isPaid ? 'PAID' : 'DECLINED',
        dateCreated: request.createdAt.toISOString(),
        datePaid: isPaid ? options.clock().toISOString() : null,
        errorCode: isPaid ? null : 'RF07',
        errorMessage: isPaid ? null : 'Transaction declined',
      },
    });
    return true;
  }

  const provider: PaymentProvider = {
    name: 'test',
    authorize: (request) =>
      memory.once(
        { kind: 'authorize', idempotencyKey: request.idempotencyKey, amount: request.amount },
        async () => {
          if (request.currency !== 'SEK') {
            return { outcome: 'declined', reference: null, reason: 'Swish takes SEK only (PA02)' };
          }
          // Swish's payment request id: 32 hex digits (the merchant's instructionUUID).
          const reference = providerReference('', 16);
          const token = providerReference('', 16).toLowerCase();
          const confirmUrl = testConfirmUrl(options.publicUrl, request.paymentId);
          const appUrl = `swish://paymentrequest?token=${token}&callbackurl=${encodeURIComponent(request.returnUrl)}`;
          const qrSvg = await QRCode.toString(confirmUrl, { type: 'svg', margin: 1 });
          const payerAlias = request.phone ? swishAlias(request.phone) : null;
          const info = { ...request, reference, createdAt: options.clock(), payerAlias };
          if (payerAlias === TEST_SWISH_APPROVE) shopperDecides(info, 'approve');
          if (payerAlias === TEST_SWISH_DECLINE) shopperDecides(info, 'decline');
          return { outcome: 'pending', reference, action: { kind: 'swish', token, appUrl, qrSvg } };
        },
      ),
    completeAction: async (call) => ({
      outcome: 'declined',
      reference: call.providerReference,
      reason: 'A Swish result arrives by callback',
    }),
    capture: async () => ({ outcome: 'refused', reason: 'Swish has no capture: the money moved when paid' }),
    refund: (call, amount) =>
      memory.once({ kind: 'refund', idempotencyKey: call.idempotencyKey, amount }, () => ({
        outcome: 'succeeded',
        reference: providerReference('', 16),
      })),
    release: (call) =>
      memory.once({ kind: 'release', idempotencyKey: call.idempotencyKey }, () => {
        // Only a request nobody has answered yet can be cancelled (PATCH status=cancelled).
        if (answered.has(call.providerReference)) {
          return { outcome: 'refused', reason: 'The payment request was already answered' };
        }
        cancelled.add(call.providerReference);
        return { outcome: 'succeeded', reference: call.providerReference };
      }),
  };
  return { ...provider, memory, shopperDecides };
}
