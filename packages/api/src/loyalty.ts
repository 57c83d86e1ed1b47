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
  id: z.string(),
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

/** A loyalty voucher the shopper holds: paid with by its code (in store, or at the web checkout). */
export const LoyaltyVoucher = z.object({
  code: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  validUntil: z.string(),
  isUsed: z.boolean(),
});
export type LoyaltyVoucher = z.infer<typeof LoyaltyVoucher>;

/** `GET /api/loyalty/me`: the signed-in shopper's membership (null until they join) and vouchers. */
export const ShopperLoyalty = z
  .object({
    member: LoyaltyMember.nullable(),
    vouchers: z.array(LoyaltyVoucher),
  })
  .meta({ id: 'ShopperLoyalty' });
export type ShopperLoyalty = z.infer<typeof ShopperLoyalty>;
