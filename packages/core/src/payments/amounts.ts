// The amount rules of a payment, in öre: capture ≤ authorized − captured, refund ≤ captured −
// refunded, and releasing shrinks the authorization to what was captured. Each operation returns
// the next state (status derived from the amounts) or throws, leaving the input unchanged.
import { DomainError } from '../errors';
import { assertMove } from '../inventory/state-machine';
import { PAYMENT_MOVES, type PaymentStatus } from './status';

/** A payment's status and amounts. `authorized` is the current hold (for Swish: what was paid). */
export interface PaymentState {
  status: PaymentStatus;
  authorized: number;
  captured: number;
  refunded: number;
}

/** What happened to a payment. */
export type PaymentChange =
  | { kind: 'authorized'; amount: number }
  | { kind: 'action_required' }
  | { kind: 'declined' }
  | { kind: 'captured'; amount: number }
  | { kind: 'refunded'; amount: number }
  | { kind: 'released' };

/** What may still be captured; `inFlight` is the sum of captures sent but not yet answered. */
export function capturableAmount(state: PaymentState, inFlight = 0): number {
  return Math.max(0, state.authorized - state.captured - inFlight);
}

/** What may still be refunded; `inFlight` is the sum of refunds sent but not yet answered. */
export function refundableAmount(state: PaymentState, inFlight = 0): number {
  return Math.max(0, state.captured - state.refunded - inFlight);
}

/** The status the amounts describe once a payment holds money. */
export function statusOfAmounts(a: Omit<PaymentState, 'status'>): PaymentStatus {
  if (a.refunded > 0) return a.refunded >= a.captured ? 'refunded' : 'partially_refunded';
  if (a.captured === 0) return 'authorized';
  return a.captured >= a.authorized ? 'captured' : 'partially_captured';
}

/** Throws `validation_failed` on `field` unless `amount` is a positive whole number of öre. */
export function assertPositiveAmount(amount: number, field = 'amount'): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError('validation_failed', `${amount} is not a positive amount in öre.`, [
      { field, message: 'A positive whole number of öre' },
    ]);
  }
}

function tooMuch(what: string, amount: number, limit: number): DomainError {
  return new DomainError('invalid_state', `Cannot ${what} ${amount} öre; at most ${limit} öre.`, [
    { field: 'amount', message: `At most ${limit}` },
  ]);
}

const HOLDS_MONEY: readonly PaymentStatus[] = [
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
];
// Which statuses each change may start from; the move table then checks where it leads.
const ALLOWED_FROM: Record<PaymentChange['kind'], readonly PaymentStatus[]> = {
  authorized: ['pending', 'action_required'],
  action_required: ['pending'],
  declined: ['pending', 'action_required'],
  captured: HOLDS_MONEY,
  refunded: HOLDS_MONEY,
  released: ['pending', 'action_required', ...HOLDS_MONEY],
};

/**
 * The state after `change`; throws `invalid_state` (or `validation_failed`) when not allowed.
 * `inFlight` is what operations of the same kind have sent and not yet recorded (for a release:
 * captures in flight), so concurrent operations never promise more than there is.
 */
export function applyPaymentChange(state: PaymentState, change: PaymentChange, inFlight = 0): PaymentState {
  if (!ALLOWED_FROM[change.kind].includes(state.status)) {
    throw new DomainError('invalid_state', `A ${state.status} payment cannot be ${change.kind}.`, [
      { field: 'status', message: `Is ${state.status}` },
    ]);
  }
  const next = nextAmounts(state, change, inFlight);
  if (next.status !== state.status) assertMove(PAYMENT_MOVES, 'payment', state.status, next.status);
  return next;
}

function nextAmounts(state: PaymentState, change: PaymentChange, inFlight: number): PaymentState {
  switch (change.kind) {
    case 'authorized':
      assertPositiveAmount(change.amount);
      return { status: 'authorized', authorized: change.amount, captured: 0, refunded: 0 };
    case 'action_required':
      return { ...state, status: 'action_required' };
    case 'declined':
      return { ...state, status: 'declined' };
    case 'captured': {
      assertPositiveAmount(change.amount);
      const limit = capturableAmount(state, inFlight);
      if (change.amount > limit) throw tooMuch('capture', change.amount, limit);
      const amounts = { ...state, captured: state.captured + change.amount };
      return { ...amounts, status: statusOfAmounts(amounts) };
    }
    case 'refunded': {
      assertPositiveAmount(change.amount);
      const limit = refundableAmount(state, inFlight);
      if (change.amount > limit) throw tooMuch('refund', change.amount, limit);
      const amounts = { ...state, refunded: state.refunded + change.amount };
      return { ...amounts, status: statusOfAmounts(amounts) };
    }
    case 'released': {
      // Nothing held yet (a pending Swish request, an unconfirmed card): the payment ends.
      if (state.status === 'pending' || state.status === 'action_required') {
        return { ...state, authorized: 0, status: 'voided' };
      }
      // A capture still waiting for the provider's answer could land after the release.
      if (inFlight > 0) {
        throw new DomainError('invalid_state', 'A capture is in progress; release the rest after it.', [
          { field: 'status', message: 'A capture is in progress' },
        ]);
      }
      if (capturableAmount(state) === 0) {
        throw new DomainError('invalid_state', 'Everything authorized is captured; nothing to release.', [
          { field: 'status', message: `Is ${state.status}; nothing left to release` },
        ]);
      }
      if (state.captured === 0) return { ...state, authorized: 0, status: 'voided' };
      const amounts = { ...state, authorized: state.captured };
      return { ...amounts, status: statusOfAmounts(amounts) };
    }
  }
}
