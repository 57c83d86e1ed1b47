// The credit pre-check before an invoice payment at the register. Online, the server says whether
// the customer's open invoices plus this sale's invoice amount stay within the credit limit; a
// refusal keeps the invoice payment off the sale (other methods still pay). Offline, or when the
// server cannot be reached, the payment is taken: the receipt is a fact, and the server flags an
// invoice over the limit for the manager when the sale syncs (docs/invoices.md, "Credit limit").
import { ApiError, type InvoiceCreditCheck } from '@handla/api';
import type { PaymentInput } from '@handla/core';

/** What came of asking the server, or of not being able to ask. */
export type CreditCheckOutcome =
  | { kind: 'offline' }
  | { kind: 'answered'; check: InvoiceCreditCheck }
  | { kind: 'failed'; error: unknown };

/** What the pay panel does with an invoice payment. */
export type InvoiceCreditDecision =
  /** Checked: within the limit. */
  | { kind: 'take' }
  /** Not checked (offline, or no answer): taken, and the cashier is told the limit was not checked. */
  | { kind: 'take_unchecked'; reason: 'offline' | 'unreachable' }
  /** Over the limit: not taken. `null` numbers when the answer did not carry them. */
  | { kind: 'refuse'; creditLimit: number | null; headroom: number | null; hasNoCredit: boolean }
  /** Another refusal (unknown customer, device not paired): shown as it is, not taken. */
  | { kind: 'error'; error: unknown };

/** The decision for `outcome`. */
export function invoiceCreditDecisionOf(outcome: CreditCheckOutcome): InvoiceCreditDecision {
  if (outcome.kind === 'offline') return { kind: 'take_unchecked', reason: 'offline' };
  if (outcome.kind === 'answered') {
    const { check } = outcome;
    return check.isAllowed ? { kind: 'take' } : refusalOf(check);
  }
  const { error } = outcome;
  // No answer, or a server or proxy failing: the same as offline — the sale must not wait on it.
  if (!(error instanceof ApiError) || error.status >= 500) {
    return { kind: 'take_unchecked', reason: 'unreachable' };
  }
  if (error.problem.code === 'credit_limit_exceeded') return refusalOf(error.problem);
  return { kind: 'error', error };
}

// The 409 carries the numbers as problem extension members; an older server may not.
function refusalOf(answer: object): InvoiceCreditDecision {
  const { creditLimit, headroom } = answer as { creditLimit?: unknown; headroom?: unknown };
  const limit = typeof creditLimit === 'number' ? creditLimit : null;
  return {
    kind: 'refuse',
    creditLimit: limit,
    headroom: typeof headroom === 'number' ? headroom : null,
    hasNoCredit: creditLimit === null,
  };
}

/**
 * The amount to ask about: this payment plus the invoice payments already on the sale, so a sale
 * split into two invoice payments is checked as one invoice.
 */
export function invoiceAmountToCheck(payments: readonly PaymentInput[], amount: number): number {
  return payments.filter((p) => p.method === 'invoice').reduce((sum, p) => sum + p.amount, amount);
}

/** How long the cashier waits for the answer before it counts as no answer. */
export const CREDIT_CHECK_TIMEOUT_MS = 8_000;

/** Asks the server (when online) and decides. `ask` is the device API's `invoiceCreditCheck`. */
export async function decideInvoiceCredit(
  ask: (customerId: string, amount: number) => Promise<InvoiceCreditCheck>,
  input: { isOnline: boolean; customerId: string; amount: number },
  timeoutMs = CREDIT_CHECK_TIMEOUT_MS,
): Promise<InvoiceCreditDecision> {
  if (!input.isOnline) return invoiceCreditDecisionOf({ kind: 'offline' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A hanging server must not hold the sale; a late answer is harmless, the question holds nothing.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The credit check timed out')), timeoutMs);
  });
  try {
    const check = await Promise.race([ask(input.customerId, input.amount), timeout]);
    return invoiceCreditDecisionOf({ kind: 'answered', check });
  } catch (error) {
    return invoiceCreditDecisionOf({ kind: 'failed', error });
  } finally {
    clearTimeout(timer);
  }
}
