// Loyalty rules free of HTTP and SQL: points for an amount, the level from points earned in the
// last 12 months, and how many vouchers a balance pays for.

/** Points for an amount in öre at a rate in thousandths of a point per krona (rounded down). */
export function pointsFor(amountOre: number, rateMilli: number): number {
  return Math.trunc((Math.trunc(amountOre / 100) * rateMilli) / 1000);
}

export type LoyaltyLevel = 'member' | 'silver' | 'gold';

const LEVELS: { level: LoyaltyLevel; minPoints: number }[] = [
  { level: 'gold', minPoints: 5000 },
  { level: 'silver', minPoints: 1000 },
];

/** The level for the points earned (not spent) in the last 12 months. */
export function levelFor(earnedIn12Months: number): LoyaltyLevel {
  return LEVELS.find((l) => earnedIn12Months >= l.minPoints)?.level ?? 'member';
}

/** Vouchers a balance pays for at one voucher every `every` points. */
export function vouchersDue(balance: number, every: number): number {
  return balance > 0 ? Math.floor(balance / every) : 0;
}
