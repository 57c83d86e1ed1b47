// An order may hold several authorizations (the checkout's, then "pay the difference" after an
// edit). A capture or refund is split over them in a fixed order, so a retry with the same key
// asks each payment for the same amount.

/** One of the order's payments, as far as splitting money goes. */
export interface SplittablePayment {
  paymentId: string;
  /** What this payment can still give: authorized − captured (capture) or captured − refunded (refund). */
  available: number;
}

/** How much one payment takes of the amount. */
export interface PaymentPart {
  paymentId: string;
  amount: number;
}

/**
 * Takes `amount` from the payments in the order given, each up to what it has available; parts of
 * zero are left out. Returns null when the payments together have less than `amount`.
 */
export function splitOverPayments(
  payments: readonly SplittablePayment[],
  amount: number,
): PaymentPart[] | null {
  let left = amount;
  const parts: PaymentPart[] = [];
  for (const p of payments) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, p.available));
    if (take > 0) parts.push({ paymentId: p.paymentId, amount: take });
    left -= take;
  }
  return left === 0 ? parts : null;
}

/**
 * What the shopper still has to pay after an edit raised the order: what is left to capture
 * (`dueInclVat` − `capturedInclVat`) beyond what the authorizations still hold. Never negative.
 */
export function differenceToPay(input: {
  dueInclVat: number;
  capturedInclVat: number;
  uncapturedInclVat: number;
}): number {
  return Math.max(0, input.dueInclVat - input.capturedInclVat - input.uncapturedInclVat);
}
