// Cash rounding: a cash total is rounded to the smallest coin in circulation, and the difference is
// recorded as its own amount (ARCHITECTURE.md, invariant 6) rather than hidden in a line.
import { type Money, money, subtractMoney } from '../money/money';

/**
 * Smallest cash increment in minor units per currency, as data so a new country is one row:
 * Sweden and Norway round to whole kronor/kroner, Denmark to 50 øre, Finland (EUR) to 5 cent.
 */
export const CASH_ROUNDING_INCREMENTS: Readonly<Record<string, number>> = Object.freeze({
  SEK: 100,
  NOK: 100,
  DKK: 50,
  EUR: 5,
});

/** The cash increment for a currency; 1 (no rounding) where no rule is known. */
export function cashRoundingIncrement(currency: string): number {
  return CASH_ROUNDING_INCREMENTS[currency] ?? 1;
}

/** The rounded cash result: the total to pay and the rounding line (rounded − total). */
export interface CashRounding {
  readonly roundedTotal: Money;
  readonly roundingAmount: Money;
}

/**
 * Rounds a total to the currency's cash increment, half away from zero (SEK: 50 öre up), so a
 * refund rounds like the sale it reverses and |roundingAmount| never exceeds half an increment.
 */
export function roundForCash(total: Money): CashRounding {
  const increment = cashRoundingIncrement(total.currency);
  const magnitude = Math.abs(total.amount);
  const remainder = magnitude % increment;
  const down = magnitude - remainder;
  const roundedMagnitude = remainder * 2 >= increment ? down + increment : down;
  const roundedTotal = money(total.amount < 0 ? -roundedMagnitude : roundedMagnitude, total.currency);
  return { roundedTotal, roundingAmount: subtractMoney(roundedTotal, total) };
}
