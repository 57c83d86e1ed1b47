// Loyalty: per-company earning settings and a member's points (balance, level, ledger, vouchers).
import { z } from 'zod';

export const LoyaltySettings = z.strictObject({
  /** Points per krona in thousandths, per channel (100 = 1 point per 10 kr). */
  storeRateMilli: z.number().int().min(0).max(100_000),
  webRateMilli: z.number().int().min(0).max(100_000),
  /** A voucher is issued for every this many points. */
  voucherEveryPoints: z.number().int().min(1).max(1_000_000),
  /** The voucher's amount in öre. */
  voucherAmount: z.number().int().min(1).max(10_000_000),
});
export type LoyaltySettings = z.infer<typeof LoyaltySettings>;

export const LoyaltyLedgerEntry = z.object({
  points: z.number().int(),
  reason: z.enum(['earned', 'returned', 'voucher']),
  voucherId: z.string().nullable(),
  occurredAt: z.string(),
});

export const LoyaltyMember = z.object({
  customerId: z.string(),
  cardNumber: z.string(),
  balance: z.number().int(),
  level: z.enum(['member', 'silver', 'gold']),
  earnedIn12Months: z.number().int(),
  ledger: z.array(LoyaltyLedgerEntry),
});
export type LoyaltyMember = z.infer<typeof LoyaltyMember>;
