import { ApiError, type Problem } from '@handla/api';
import { describe, expect, it, vi } from 'vitest';
import { decideInvoiceCredit, invoiceAmountToCheck, invoiceCreditDecisionOf } from './invoice-credit';

const problem = (status: number, code: string, extra: object = {}): Problem =>
  ({ type: 'about:blank', title: code, status, code, errors: [], ...extra }) as Problem;

describe('the credit pre-check decision at the register', () => {
  it('takes an invoice the server allowed', () => {
    const check = { isAllowed: true, creditLimit: 100_000, openBalance: 30_000, headroom: 70_000 };
    expect(invoiceCreditDecisionOf({ kind: 'answered', check })).toEqual({ kind: 'take' });
  });

  it('refuses on 409 credit_limit_exceeded with the limit and headroom the problem carries', () => {
    const error = new ApiError(
      problem(409, 'credit_limit_exceeded', { creditLimit: 100_000, openBalance: 30_000, headroom: 70_000 }),
    );
    expect(invoiceCreditDecisionOf({ kind: 'failed', error })).toEqual({
      kind: 'refuse',
      creditLimit: 100_000,
      headroom: 70_000,
      hasNoCredit: false,
    });
  });

  it('refuses a customer without credit, and still refuses when the numbers are missing', () => {
    const noCredit = new ApiError(
      problem(409, 'credit_limit_exceeded', { creditLimit: null, openBalance: 0, headroom: 0 }),
    );
    expect(invoiceCreditDecisionOf({ kind: 'failed', error: noCredit })).toMatchObject({
      kind: 'refuse',
      hasNoCredit: true,
    });
    const bare = new ApiError(problem(409, 'credit_limit_exceeded'));
    expect(invoiceCreditDecisionOf({ kind: 'failed', error: bare })).toEqual({
      kind: 'refuse',
      creditLimit: null,
      headroom: null,
      hasNoCredit: false,
    });
    // A 200 that says no (defensive: the route answers 409) is a refusal too.
    const check = { isAllowed: false, creditLimit: 50_000, openBalance: 50_000, headroom: 0 };
    expect(invoiceCreditDecisionOf({ kind: 'answered', check })).toMatchObject({
      kind: 'refuse',
      headroom: 0,
    });
  });

  it('takes the invoice unchecked when offline or when the server does not answer', () => {
    expect(invoiceCreditDecisionOf({ kind: 'offline' })).toEqual({
      kind: 'take_unchecked',
      reason: 'offline',
    });
    for (const error of [
      new TypeError('fetch failed'),
      new ApiError(problem(502, 'http_error')),
      new ApiError(problem(503, 'service_unavailable')),
    ]) {
      expect(invoiceCreditDecisionOf({ kind: 'failed', error })).toEqual({
        kind: 'take_unchecked',
        reason: 'unreachable',
      });
    }
  });

  it('does not take the invoice on another refusal, and passes the error on to be shown', () => {
    for (const error of [
      new ApiError(problem(400, 'validation_failed')),
      new ApiError(problem(401, 'device_not_paired')),
      new ApiError(problem(409, 'conflict')),
    ]) {
      expect(invoiceCreditDecisionOf({ kind: 'failed', error })).toEqual({ kind: 'error', error });
    }
  });

  it('asks about the whole invoice amount of the sale, not just this payment', () => {
    const payments = [
      { method: 'invoice' as const, amount: 40_000, reference: 'PO-1' },
      { method: 'card_standalone' as const, amount: 5_000 },
    ];
    expect(invoiceAmountToCheck(payments, 30_000)).toBe(70_000);
    expect(invoiceAmountToCheck([], 30_000)).toBe(30_000);
  });

  it('counts a server that does not answer in time as no answer', async () => {
    const hanging = () => new Promise<never>(() => {});
    expect(
      await decideInvoiceCredit(hanging, { isOnline: true, customerId: 'cus_1', amount: 100 }, 20),
    ).toEqual({ kind: 'take_unchecked', reason: 'unreachable' });
  });

  it('does not ask the server while offline', async () => {
    const ask = vi.fn();
    expect(await decideInvoiceCredit(ask, { isOnline: false, customerId: 'cus_1', amount: 100 })).toEqual({
      kind: 'take_unchecked',
      reason: 'offline',
    });
    expect(ask).not.toHaveBeenCalled();
  });
});
