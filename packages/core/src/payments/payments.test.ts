import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { applyPaymentChange, capturableAmount, type PaymentChange, type PaymentState } from './amounts';
import { isExternallySettledMethod, isProviderlessMethod, PAYMENT_METHOD_RULES } from './methods';
import { isSettledStatus, PAYMENT_MOVES, PAYMENT_STATUSES } from './status';

const authorized = (amount: number): PaymentState =>
  applyPaymentChange(
    { status: 'pending', authorized: 0, captured: 0, refunded: 0 },
    { kind: 'authorized', amount },
  );

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('payment status machine', () => {
  it('lists each move once, with a reason, between known statuses', () => {
    const keys = PAYMENT_MOVES.map((m) => `${m.from}>${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const move of PAYMENT_MOVES) {
      expect(PAYMENT_STATUSES).toContain(move.from);
      expect(PAYMENT_STATUSES).toContain(move.to);
      expect(move.reason.length).toBeGreaterThan(10);
    }
  });

  it('never leaves declined, voided or pay in store', () => {
    for (const final of ['declined', 'voided', 'pay_in_store'] as const) {
      expect(PAYMENT_MOVES.filter((m) => m.from === final)).toEqual([]);
      expect(isSettledStatus(final)).toBe(false);
    }
  });

  it('captures a Klarna order in three parts, then releases nothing more', () => {
    let state = authorized(30_000);
    state = applyPaymentChange(state, { kind: 'captured', amount: 10_000 });
    expect(state.status).toBe('partially_captured');
    state = applyPaymentChange(state, { kind: 'captured', amount: 5_000 });
    state = applyPaymentChange(state, { kind: 'captured', amount: 5_000 });
    expect(state).toEqual({
      status: 'partially_captured',
      authorized: 30_000,
      captured: 20_000,
      refunded: 0,
    });
    state = applyPaymentChange(state, { kind: 'released' });
    expect(state).toEqual({ status: 'captured', authorized: 20_000, captured: 20_000, refunded: 0 });
    expect(codeOf(() => applyPaymentChange(state, { kind: 'released' }))).toBe('invalid_state');
    expect(codeOf(() => applyPaymentChange(state, { kind: 'captured', amount: 1 }))).toBe('invalid_state');
  });

  it('voids an authorization that was never captured', () => {
    expect(applyPaymentChange(authorized(500), { kind: 'released' })).toMatchObject({
      status: 'voided',
      authorized: 0,
    });
  });

  it('refuses to capture more than is left, to refund more than was captured, and bad amounts', () => {
    const state = applyPaymentChange(authorized(1_000), { kind: 'captured', amount: 600 });
    expect(codeOf(() => applyPaymentChange(state, { kind: 'captured', amount: 401 }))).toBe('invalid_state');
    expect(codeOf(() => applyPaymentChange(state, { kind: 'refunded', amount: 601 }))).toBe('invalid_state');
    expect(codeOf(() => applyPaymentChange(state, { kind: 'captured', amount: 0 }))).toBe(
      'validation_failed',
    );
    expect(codeOf(() => applyPaymentChange(state, { kind: 'refunded', amount: 1.5 }))).toBe(
      'validation_failed',
    );
  });

  it('counts captures in flight against what may be captured, and refuses a release during one', () => {
    const state = authorized(1_000);
    expect(capturableAmount(state, 700)).toBe(300);
    expect(codeOf(() => applyPaymentChange(state, { kind: 'captured', amount: 301 }, 700))).toBe(
      'invalid_state',
    );
    expect(codeOf(() => applyPaymentChange(state, { kind: 'released' }, 700))).toBe('invalid_state');
  });

  it('refuses money operations before anything is authorized', () => {
    const pending: PaymentState = { status: 'pending', authorized: 0, captured: 0, refunded: 0 };
    expect(codeOf(() => applyPaymentChange(pending, { kind: 'captured', amount: 1 }))).toBe('invalid_state');
    expect(codeOf(() => applyPaymentChange(pending, { kind: 'refunded', amount: 1 }))).toBe('invalid_state');
    expect(applyPaymentChange(pending, { kind: 'released' }).status).toBe('voided');
    const declined = applyPaymentChange(pending, { kind: 'declined' });
    expect(codeOf(() => applyPaymentChange(declined, { kind: 'authorized', amount: 5 }))).toBe(
      'invalid_state',
    );
  });

  it('says Swish captures move no money and its rest goes back as a refund', () => {
    expect(PAYMENT_METHOD_RULES.swish).toMatchObject({ doesCaptureCallProvider: false, releaseBy: 'refund' });
    expect(PAYMENT_METHOD_RULES.klarna.releaseBy).toBe('release');
  });

  it('says a marketplace-prepaid payment calls no provider and is given back by the marketplace', () => {
    expect(PAYMENT_METHOD_RULES.prepaid_external).toMatchObject({
      doesCaptureCallProvider: false,
      releaseBy: 'refund',
    });
    expect(isProviderlessMethod('prepaid_external')).toBe(true);
    expect(isExternallySettledMethod('prepaid_external')).toBe(true);
    expect(isExternallySettledMethod('invoice')).toBe(false);
    expect(isProviderlessMethod('card')).toBe(false);
    // Authorized for the total: shipped parts are captured, the undelivered rest released.
    const paid: PaymentState = { status: 'authorized', authorized: 10_000, captured: 0, refunded: 0 };
    const shipped = applyPaymentChange(paid, { kind: 'captured', amount: 6_000 });
    expect(applyPaymentChange(shipped, { kind: 'released' })).toEqual({
      status: 'captured',
      authorized: 6_000,
      captured: 6_000,
      refunded: 0,
    });
  });
});

const change: fc.Arbitrary<PaymentChange> = fc.oneof(
  fc.record({ kind: fc.constant('captured' as const), amount: fc.integer({ min: -10, max: 20_000 }) }),
  fc.record({ kind: fc.constant('refunded' as const), amount: fc.integer({ min: -10, max: 20_000 }) }),
  fc.constant({ kind: 'released' as const }),
);

describe('payment amounts (properties)', () => {
  it('keep 0 ≤ refunded ≤ captured ≤ authorized, and a refused change changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.array(change, { maxLength: 30 }),
        (amount, changes) => {
          let state = authorized(amount);
          let moneyIn = 0;
          let moneyBack = 0;
          for (const c of changes) {
            const before = { ...state };
            try {
              state = applyPaymentChange(state, c);
              if (c.kind === 'captured') moneyIn += c.amount;
              if (c.kind === 'refunded') moneyBack += c.amount;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect(state).toEqual(before);
            }
            expect(0).toBeLessThanOrEqual(state.refunded);
            expect(state.refunded).toBeLessThanOrEqual(state.captured);
            expect(state.captured).toBeLessThanOrEqual(state.authorized);
            expect(state.authorized).toBeLessThanOrEqual(amount);
          }
          // The amounts are exactly the sum of the accepted operations.
          expect(state.captured).toBe(moneyIn);
          expect(state.refunded).toBe(moneyBack);
        },
      ),
    );
  });
});
