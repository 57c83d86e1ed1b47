// Money as integer minor units (öre, øre, cent) so sums never drift the way floats do.
import { DomainError } from '../errors';

/** An amount of money in integer minor units of an ISO 4217 currency; negative for refunds and credits. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;
const fractionDigitsCache = new Map<string, number>();

/** Throws `invalid_currency` unless the code has the ISO 4217 shape, so typos fail at the edge. */
export function assertCurrency(currency: string): void {
  if (!CURRENCY_CODE.test(currency)) {
    throw new DomainError('invalid_currency', `Not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  }
}

/** Number of decimals the currency uses (SEK 2, ISK 0), taken from the runtime's ICU data. */
export function currencyDecimals(currency: string): number {
  const cached = fractionDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  assertCurrency(currency);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  // ICU can omit it in theory; two decimals is ISO 4217's default.
  const result = digits ?? 2;
  fractionDigitsCache.set(currency, result);
  return result;
}

/** Minor units in one major unit (SEK 100, ISK 1), for converting typed or displayed amounts. */
export function minorUnitsPerMajor(currency: string): number {
  return 10 ** currencyDecimals(currency);
}

/** Creates money, refusing non-integers and amounts beyond exact float range with `invalid_amount`. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('invalid_amount', `Amount must be a safe integer of minor units, got ${amount}`);
  }
  assertCurrency(currency);
  // Adding 0 turns -0 into 0, so equal amounts are equal under Object.is and in tests.
  return { amount: amount + 0, currency };
}

/** Zero in the given currency, the neutral start for sums. */
export function zero(currency: string): Money {
  return money(0, currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}`);
  }
}

/** Adds two amounts of the same currency; overflow past exact range throws `invalid_amount`. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** Subtracts `b` from `a` in the same currency. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Multiplies by a whole quantity; fractional quantities (weights) belong in pricing, not here. */
export function multiplyMoney(m: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new DomainError('invalid_quantity', `Quantity must be an integer, got ${quantity}`);
  }
  // A product of integers that lands in safe range is exact in IEEE 754; outside it money() refuses.
  return money(m.amount * quantity, m.currency);
}

/** Flips the sign, e.g. to turn a sale line into its return. */
export function negateMoney(m: Money): Money {
  return money(-m.amount, m.currency);
}

/** Sums a list that must all be in `currency`; the currency is explicit so an empty list has one. */
export function sumMoney(list: readonly Money[], currency: string): Money {
  return list.reduce(addMoney, zero(currency));
}

/** True when the amount is exactly zero. */
export function isZero(m: Money): boolean {
  return m.amount === 0;
}

/** Orders two amounts of the same currency as -1, 0 or 1, usable directly in `Array.sort`. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/**
 * Splits `total` by non-negative integer weights with the largest-remainder method, so the parts
 * always sum exactly to the total; leftover minor units go to the largest remainders, ties to the
 * earlier index; all-zero weights split evenly; negative totals split like their absolute value.
 */
export function allocateMoney(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) {
    throw new DomainError('invalid_weights', 'Cannot allocate over zero weights');
  }
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new DomainError('invalid_weights', `Weights must be non-negative integers, got ${weight}`);
    }
  }
  const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  // BigInt because |total| × weight can exceed 2^53 even when both fit.
  const magnitude = BigInt(Math.abs(total.amount));
  const weightSum = effective.reduce((sum, w) => sum + BigInt(w), 0n);
  const shares = effective.map((w, index) => {
    const product = magnitude * BigInt(w);
    return { index, quotient: product / weightSum, remainder: product % weightSum };
  });
  let leftover = magnitude - shares.reduce((sum, s) => sum + s.quotient, 0n);
  // Array.prototype.sort is stable, so equal remainders keep index order: earlier index first.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.quotient += 1n;
    leftover -= 1n;
  }
  const sign = total.amount < 0 ? -1 : 1;
  return shares.map((s) => money(sign * Number(s.quotient), total.currency));
}

const MAJOR_AMOUNT = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * Parses a typed major amount such as "12,50" or "12.50" into minor units (1250 for SEK), accepting
 * either decimal separator because Nordic users type both; no thousands separators, since "1.234"
 * would be ambiguous; more decimals than the currency has, or anything else, throws `invalid_amount`.
 */
export function parseMajorAmount(text: string, currency: string): number {
  const decimals = currencyDecimals(currency);
  const match = MAJOR_AMOUNT.exec(text.trim());
  const [, sign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || fraction.length > decimals) {
    throw new DomainError('invalid_amount', `Not an amount in ${currency}: ${JSON.stringify(text)}`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError('invalid_amount', `Amount too large: ${JSON.stringify(text)}`);
  }
  const amount = Number(minor);
  return money(sign === '-' ? -amount : amount, currency).amount;
}
