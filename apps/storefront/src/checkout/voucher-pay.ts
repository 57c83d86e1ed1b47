// The member's loyalty vouchers at checkout: which may be chosen, and what the chosen ones pay.
// The server splits the same way (apps/server/src/modules/loyalty/web-vouchers.ts).
import type { LoyaltyVoucher } from '@handla/api';

/** Vouchers the shopper can still pay with at `now`: unused, unexpired, in the cart's currency. */
export function usableVouchers(
  vouchers: readonly LoyaltyVoucher[],
  currency: string,
  now: Date,
): LoyaltyVoucher[] {
  return vouchers.filter((v) => !v.isUsed && v.currency === currency && new Date(v.validUntil) > now);
}

/** What the chosen vouchers pay of `total` (in the order chosen), what is left, and what is forfeited. */
export function voucherSplit(
  chosen: readonly LoyaltyVoucher[],
  total: number,
): { paidByVouchers: number; toPay: number; forfeited: number } {
  const worth = chosen.reduce((sum, v) => sum + v.amount, 0);
  const paidByVouchers = Math.min(worth, total);
  return { paidByVouchers, toPay: total - paidByVouchers, forfeited: worth - paidByVouchers };
}

/**
 * Whether a voucher may still be ticked: not once the ones already chosen pay the whole order (the
 * server refuses a voucher that would pay nothing).
 */
export function canAddVoucher(chosen: readonly LoyaltyVoucher[], total: number): boolean {
  return voucherSplit(chosen, total).toPay > 0;
}

/** What the chosen codes (of the usable vouchers) pay of `total`; see `voucherSplit`. */
export function chosenSplit(vouchers: readonly LoyaltyVoucher[], chosen: readonly string[], total: number) {
  return voucherSplit(
    chosen.flatMap((code) => vouchers.filter((v) => v.code === code)),
    total,
  );
}
