// Cash counting at the register: the notes and coins of each currency the drawer takes, the total a
// count per denomination adds up to, and counted against expected. Pure, so it is tested alone.
import { parseMajorAmount } from '@handla/core';

/** The currencies the drawer takes: the receipt currency first. */
export const DRAWER_CURRENCIES = ['SEK', 'EUR', 'NOK'] as const;
export type DrawerCurrency = (typeof DRAWER_CURRENCIES)[number];

/** Notes and coins in circulation, in minor units, largest first. */
const DENOMINATIONS: Readonly<Record<DrawerCurrency, readonly number[]>> = {
  SEK: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100],
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  NOK: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 100],
};

export function denominationsOf(currency: string): readonly number[] {
  return DENOMINATIONS[currency as DrawerCurrency] ?? [];
}

/** How many of each denomination (minor units → pieces) were counted. */
export type DenominationCount = Readonly<Record<number, number>>;

/** The total of a count; null when a quantity is not a whole number ≥ 0 or a value is not a denomination. */
export function totalOfCount(currency: string, count: DenominationCount): number | null {
  const known = new Set(denominationsOf(currency));
  let total = 0;
  for (const [value, pieces] of Object.entries(count)) {
    if (!known.has(Number(value)) || !Number.isSafeInteger(pieces) || pieces < 0) return null;
    total += Number(value) * pieces;
  }
  return total;
}

/** A typed amount ("1234,50") in minor units, or null when it is not a positive-or-zero amount. */
export function parseCountedAmount(text: string, currency: string): number | null {
  try {
    const amount = parseMajorAmount(text.replace(/\s/g, ''), currency);
    return amount >= 0 ? amount : null;
  } catch {
    return null;
  }
}

/** Counted against expected: a negative difference is cash missing, a positive one cash over. */
export interface CountResult {
  readonly currency: string;
  readonly counted: number;
  readonly expected: number | null;
  readonly difference: number | null;
}

/** Compares a count with what the journal says should be there (null: nothing expected is known). */
export function compareCount(currency: string, counted: number, expected: number | null): CountResult {
  return { currency, counted, expected, difference: expected === null ? null : counted - expected };
}

/**
 * What the drawer should hold per currency from an X report's figures: the receipt currency has
 * `expectedCash`; other currencies only what the cash movements put in and took out.
 */
export function expectedPerCurrency(report: {
  currency: string;
  expectedCash: number;
  cashMovements: readonly { movement: string; currency: string; amount: number }[];
}): Record<string, number> {
  const expected: Record<string, number> = { [report.currency]: report.expectedCash };
  for (const m of report.cashMovements) {
    if (m.currency === report.currency) continue;
    const sign = m.movement === 'float' || m.movement === 'income' ? 1 : -1;
    expected[m.currency] = (expected[m.currency] ?? 0) + sign * m.amount;
  }
  return expected;
}
