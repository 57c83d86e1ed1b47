import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  type AllocatablePayment,
  type AllocatedPart,
  allocateCapture,
  allocateRefund,
  capturableOf,
  refundableOf,
} from './allocation';
import { statusOfAmounts } from './amounts';

const pay = (
  paymentId: string,
  createdAt: number,
  a: { authorized: number; captured?: number; refunded?: number; lastCapturedAt?: number },
): AllocatablePayment => {
  const amounts = { authorized: a.authorized, captured: a.captured ?? 0, refunded: a.refunded ?? 0 };
  return {
    paymentId,
    createdAt,
    status: statusOfAmounts(amounts),
    ...amounts,
    lastCapturedAt: a.lastCapturedAt ?? null,
  };
};

const sum = (parts: readonly AllocatedPart[]) => parts.reduce((n, p) => n + p.amount, 0);

describe('allocateCapture', () => {
  const first = pay('pay_checkout', 1, { authorized: 10_000, captured: 4_000 });
  const second = pay('pay_diff', 2, { authorized: 3_000 });

  it('takes the oldest authorization first, then the next, never more than each holds', () => {
    // Given in any order: the allocation sorts by when each payment was made.
    expect(allocateCapture([second, first], 7_500)).toEqual({
      isAllocated: true,
      parts: [
        { paymentId: 'pay_checkout', amount: 6_000 },
        { paymentId: 'pay_diff', amount: 1_500 },
      ],
    });
  });

  it('refuses more than the payments hold, saying how much they do', () => {
    expect(allocateCapture([first, second], 9_001)).toEqual({ isAllocated: false, available: 9_000 });
  });

  it('counts other callers’ captures in flight as taken', () => {
    const busy = { ...first, capturesInFlight: 5_000 };
    expect(allocateCapture([busy, second], 3_000)).toEqual({
      isAllocated: true,
      parts: [
        { paymentId: 'pay_checkout', amount: 1_000 },
        { paymentId: 'pay_diff', amount: 2_000 },
      ],
    });
  });

  it('keeps a part started under the same key and splits only the rest over the others', () => {
    const fixed = [{ paymentId: 'pay_diff', amount: 2_000 }];
    expect(allocateCapture([first, second], 5_000, fixed)).toEqual({
      isAllocated: true,
      parts: [
        { paymentId: 'pay_diff', amount: 2_000 },
        { paymentId: 'pay_checkout', amount: 3_000 },
      ],
    });
    expect(allocateCapture([first, second], 1_000, fixed).isAllocated).toBe(false);
  });

  it('gives nothing from payments that hold no money (declined, voided, pay in store)', () => {
    const declined = { ...pay('pay_declined', 0, { authorized: 9_999 }), status: 'declined' as const };
    const inStore = { ...pay('pay_store', 0, { authorized: 9_999 }), status: 'pay_in_store' as const };
    expect(capturableOf(declined)).toBe(0);
    expect(capturableOf(inStore)).toBe(0);
    expect(allocateCapture([declined, inStore, second], 3_000)).toEqual({
      isAllocated: true,
      parts: [{ paymentId: 'pay_diff', amount: 3_000 }],
    });
  });

  it('allocates nothing for nothing, and refuses a negative or fractional amount naming amount', () => {
    expect(allocateCapture([first], 0)).toEqual({ isAllocated: true, parts: [] });
    for (const bad of [-1, 1.5, Number.NaN]) {
      try {
        allocateCapture([first], bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).fields?.[0]?.field).toBe('amount');
      }
    }
  });
});

describe('allocateRefund', () => {
  it('gives back the newest capture first, then the older ones', () => {
    const checkout = pay('pay_checkout', 1, { authorized: 10_000, captured: 10_000, lastCapturedAt: 50 });
    const diff = pay('pay_diff', 2, { authorized: 3_000, captured: 3_000, lastCapturedAt: 60 });
    expect(allocateRefund([checkout, diff], 4_000)).toEqual({
      isAllocated: true,
      parts: [
        { paymentId: 'pay_diff', amount: 3_000 },
        { paymentId: 'pay_checkout', amount: 1_000 },
      ],
    });
  });

  it('never gives back more than a payment captured and has not refunded', () => {
    const some = pay('pay_a', 1, { authorized: 5_000, captured: 2_000, refunded: 500, lastCapturedAt: 9 });
    const none = pay('pay_b', 2, { authorized: 5_000 });
    expect(refundableOf(some)).toBe(1_500);
    expect(refundableOf(none)).toBe(0);
    expect(allocateRefund([some, none], 1_501)).toEqual({ isAllocated: false, available: 1_500 });
  });
});

// Random orders of up to four payments, each in a state the amount rules allow.
const paymentArb = fc
  .record({
    authorized: fc.integer({ min: 1, max: 50_000 }),
    capturedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    refundedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    inFlightShare: fc.double({ min: 0, max: 1, noNaN: true }),
    createdAt: fc.integer({ min: 0, max: 1_000 }),
    lastCapturedAt: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
    status: fc.constantFrom('settled', 'declined', 'voided', 'pay_in_store', 'pending'),
  })
  .map((r): Omit<AllocatablePayment, 'paymentId'> => {
    const captured = Math.floor(r.authorized * r.capturedShare);
    const refunded = Math.floor(captured * r.refundedShare);
    const amounts = { authorized: r.authorized, captured, refunded };
    return {
      ...amounts,
      status: r.status === 'settled' ? statusOfAmounts(amounts) : r.status,
      createdAt: r.createdAt,
      lastCapturedAt: r.lastCapturedAt,
      capturesInFlight: Math.floor((r.authorized - captured) * r.inFlightShare),
      refundsInFlight: Math.floor((captured - refunded) * r.inFlightShare),
    };
  });
const paymentsArb = fc
  .array(paymentArb, { minLength: 0, maxLength: 4 })
  .map((ps) => ps.map((p, i) => ({ ...p, paymentId: `pay_${i}` })));

describe.each([
  ['capture', allocateCapture, capturableOf],
  ['refund', allocateRefund, refundableOf],
] as const)('allocate %s, for any payments and amount', (_kind, allocateFn, canGive) => {
  it('gives exactly the amount, never more than a payment can, or refuses with what there is', () => {
    fc.assert(
      fc.property(paymentsArb, fc.integer({ min: 0, max: 250_000 }), (payments, amount) => {
        const total = payments.reduce((n, p) => n + canGive(p), 0);
        const result = allocateFn(payments, amount);
        if (!result.isAllocated) {
          expect(amount).toBeGreaterThan(total);
          expect(result.available).toBe(total);
          return;
        }
        expect(amount).toBeLessThanOrEqual(total);
        expect(sum(result.parts)).toBe(amount);
        const ids = result.parts.map((p) => p.paymentId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const part of result.parts) {
          const payment = payments.find((p) => p.paymentId === part.paymentId)!;
          expect(part.amount).toBeGreaterThan(0);
          expect(part.amount).toBeLessThanOrEqual(canGive(payment));
        }
      }),
    );
  });

  it('repeated in the same state, allocates the same parts (a retry asks each payment for the same)', () => {
    fc.assert(
      fc.property(paymentsArb, fc.integer({ min: 0, max: 100_000 }), (payments, amount) => {
        expect(allocateFn([...payments].reverse(), amount)).toEqual(allocateFn(payments, amount));
      }),
    );
  });
});

describe('refunds after captures, for any sequence', () => {
  it('never give back more per payment than was captured on it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('capture', 'refund'), fc.integer({ min: 1, max: 30_000 })), {
          maxLength: 12,
        }),
        (authorizations, steps) => {
          let payments = authorizations.map((authorized, i) => pay(`pay_${i}`, i, { authorized }));
          steps.forEach(([kind, amount], t) => {
            const result =
              kind === 'capture' ? allocateCapture(payments, amount) : allocateRefund(payments, amount);
            if (!result.isAllocated) return;
            payments = payments.map((p) => {
              const part = result.parts.find((x) => x.paymentId === p.paymentId)?.amount ?? 0;
              if (part === 0) return p;
              const amounts =
                kind === 'capture'
                  ? { authorized: p.authorized, captured: p.captured + part, refunded: p.refunded }
                  : { authorized: p.authorized, captured: p.captured, refunded: p.refunded + part };
              return {
                ...p,
                ...amounts,
                status: statusOfAmounts(amounts),
                lastCapturedAt: kind === 'capture' ? t : p.lastCapturedAt,
              };
            });
          });
          for (const p of payments) {
            expect(p.captured).toBeLessThanOrEqual(p.authorized);
            expect(p.refunded).toBeLessThanOrEqual(p.captured);
          }
        },
      ),
    );
  });
});
