// Paying with a voucher (tillgodokvitto or coupon) looked up on the server: it pays at most what
// is left, and what it is worth beyond that is forfeited — a voucher gives no change.
import type { Voucher } from '@handla/api';
import type { PaymentInput } from '@handla/core';

export type VoucherPaymentResult =
  | { kind: 'ok'; payment: PaymentInput; forfeited: number }
  | { kind: 'refused'; reason: 'used' | 'expired' | 'currency' | 'nothing_left' };

/** The payment `voucher` makes towards `remaining` (öre in `currency`). */
export function voucherPaymentOf(
  voucher: Voucher,
  remaining: number,
  currency: string,
): VoucherPaymentResult {
  if (voucher.status === 'used') return { kind: 'refused', reason: 'used' };
  if (voucher.status === 'expired') return { kind: 'refused', reason: 'expired' };
  if (voucher.amount.currency !== currency) return { kind: 'refused', reason: 'currency' };
  if (remaining <= 0) return { kind: 'refused', reason: 'nothing_left' };
  const amount = Math.min(voucher.amount.amount, remaining);
  return {
    kind: 'ok',
    payment: { method: 'voucher', amount, reference: voucher.code },
    forfeited: voucher.isSingleUse ? voucher.amount.amount - amount : 0,
  };
}
