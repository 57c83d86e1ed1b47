// The payment life cycle as data: each allowed move between statuses with a one-line reason. The
// amounts (authorized, captured, refunded) decide which of these moves an operation makes.
import type { StatusMove } from '../inventory/state-machine';

/** Every status a payment can have; the same list as the API's `PaymentStatus`. */
export const PAYMENT_STATUSES = [
  'pending',
  'action_required',
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'declined',
  'pay_in_store',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The allowed moves; a status not listed as `from` is final. */
export const PAYMENT_MOVES: readonly StatusMove<PaymentStatus>[] = [
  {
    from: 'pending',
    to: 'authorized',
    reason: 'The provider approved (card, Klarna) or Swish reported PAID',
  },
  {
    from: 'pending',
    to: 'action_required',
    reason: 'The card issuer wants the shopper to confirm (3-D Secure)',
  },
  { from: 'pending', to: 'declined', reason: 'The provider declined, or Swish reported DECLINED or ERROR' },
  { from: 'pending', to: 'voided', reason: 'A Swish request was cancelled before the shopper paid' },
  { from: 'action_required', to: 'authorized', reason: 'The shopper confirmed the payment with the issuer' },
  { from: 'action_required', to: 'declined', reason: 'The shopper cancelled or failed the confirmation' },
  { from: 'action_required', to: 'voided', reason: 'The order was cancelled before the shopper confirmed' },
  { from: 'authorized', to: 'partially_captured', reason: 'Part of the order was handed over or shipped' },
  { from: 'authorized', to: 'captured', reason: 'The whole authorization was captured' },
  { from: 'authorized', to: 'voided', reason: 'The order was cancelled; the authorization is released' },
  { from: 'partially_captured', to: 'captured', reason: 'The last capture, or the rest was released' },
  { from: 'partially_captured', to: 'partially_refunded', reason: 'Part of what was captured was refunded' },
  { from: 'partially_captured', to: 'refunded', reason: 'All that was captured was refunded' },
  { from: 'captured', to: 'partially_refunded', reason: 'Part of what was captured was refunded (a return)' },
  { from: 'captured', to: 'refunded', reason: 'Everything captured was refunded' },
  { from: 'partially_refunded', to: 'refunded', reason: 'The rest of what was captured was refunded' },
  {
    from: 'refunded',
    to: 'partially_refunded',
    reason: 'More of the authorization was captured after a refund',
  },
];

/** Statuses in which the provider holds money for us to capture, refund or release. */
export function isSettledStatus(status: PaymentStatus): boolean {
  return !['pending', 'action_required', 'declined', 'voided', 'pay_in_store'].includes(status);
}
