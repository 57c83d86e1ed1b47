// Manual discounts at the register: how much a discount takes off, and whether the cashier's role
// may give it. Amounts are minor units incl. VAT; percentages are basis points.
import type { DiscountInput, DiscountLimit, RegisterRole } from './types';

/** Default discount limits per role, for the server and the register to share. */
export const DEFAULT_REGISTER_DISCOUNT_LIMITS: Readonly<Record<RegisterRole, DiscountLimit>> = {
  cashier: { maxPercentBp: 2_000, maxAmount: 50_000 },
  manager: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
  owner: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
};

/** A field-level problem, collected so one refusal names every bad field at once. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The money a discount takes off `base` (≥ 0): percent rounds half up to the öre. */
export function discountAmountOf(discount: DiscountInput, base: number): number {
  if (discount.kind === 'amount') return discount.value;
  // BigInt because base × basis points can pass 2^53.
  const numerator = 2n * BigInt(base) * BigInt(discount.value) + 10_000n;
  return Number(numerator / 20_000n);
}

/** Checks a discount's own fields against the amount it applies to; pushes problems, returns ok. */
export function checkDiscountShape(
  discount: DiscountInput,
  base: number,
  field: string,
  problems: FieldProblem[],
): boolean {
  const before = problems.length;
  if (discount.kind !== 'amount' && discount.kind !== 'percent') {
    problems.push({ field: `${field}.kind`, message: 'Must be amount or percent' });
  } else if (!Number.isSafeInteger(discount.value) || discount.value <= 0) {
    problems.push({ field: `${field}.value`, message: 'Must be a positive whole number' });
  } else if (discount.kind === 'percent' && discount.value > 10_000) {
    problems.push({ field: `${field}.value`, message: 'Cannot exceed 100 %' });
  } else if (discount.kind === 'amount' && discount.value > base) {
    problems.push({ field: `${field}.value`, message: `Cannot exceed the amount it applies to (${base})` });
  }
  if (typeof discount.reason !== 'string' || discount.reason.trim() === '') {
    problems.push({ field: `${field}.reason`, message: 'A reason is required for a discount' });
  }
  return problems.length === before;
}

/** Checks a discount's size against the role's limit, both as money and as a share of `base`. */
export function checkDiscountLimit(
  amount: number,
  base: number,
  limit: DiscountLimit,
  field: string,
  problems: FieldProblem[],
): void {
  // amount / base > maxPercentBp / 10000, cross-multiplied to stay in integers.
  const exceedsShare = BigInt(amount) * 10_000n > BigInt(base) * BigInt(limit.maxPercentBp);
  if (amount > limit.maxAmount || exceedsShare) {
    problems.push({
      field: `${field}.value`,
      message: `Exceeds what your role may give (${limit.maxPercentBp / 100} % and ${limit.maxAmount} öre)`,
    });
  }
}
