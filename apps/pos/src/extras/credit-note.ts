// A return refunded as a credit note ("tillgodokvitto"): a voucher the server issues when it
// applies the return, under a code made here so it prints at once, offline too.
import type { PaymentInput } from '@handla/core';
import { randomDigits } from './random-code';

/** A new 16-character voucher code: "TK" and 14 digits. */
export function newVoucherCode(): string {
  return `TK${randomDigits(14)}`;
}

/** The refund of `total` (< 0) as one credit note with `code`; nothing for a zero total. */
export function creditNoteRefund(total: number, code: string): PaymentInput[] {
  return total === 0 ? [] : [{ method: 'voucher', amount: total, reference: code }];
}
