// Vouchers: issued by a manager (a coupon) or by a return (a credit note, vouchers.apply.ts), looked
// up by the register before it takes one, redeemed when the receipt paying with it is applied.
import { randomInt } from 'node:crypto';
import type { IssueVoucherBody, Voucher } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { findVoucher, insertVoucher, type VoucherRow } from './vouchers.store';

/** How long a voucher is valid when nobody says otherwise (a year, as credit notes usually are). */
export const VOUCHER_VALID_DAYS = 365;

/** A new 16-digit code. */
export function newVoucherCode(): string {
  return Array.from({ length: 16 }, () => randomInt(0, 10)).join('');
}

/** Where a voucher stands at `at`. */
export function voucherStatus(row: VoucherRow, at: Date): Voucher['status'] {
  if (row.isSingleUse && row.timesUsed > 0) return 'used';
  return row.validUntil.getTime() < at.getTime() ? 'expired' : 'valid';
}

function toVoucher(row: VoucherRow, now: Date): Voucher {
  return {
    id: row.id,
    code: row.code,
    amount: { amount: row.amount, currency: row.currency },
    validUntil: row.validUntil.toISOString(),
    isSingleUse: row.isSingleUse,
    reason: row.reason,
    issuedReceiptId: row.issuedReceiptId,
    timesUsed: row.timesUsed,
    status: voucherStatus(row, now),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The voucher and its status, or 404 naming the code. */
export async function getVoucher(ctx: AppContext, code: string): Promise<Voucher> {
  const row = await findVoucher(ctx.db, code);
  if (!row)
    throw new DomainError('not_found', 'No such voucher.', [{ field: 'code', message: 'Unknown voucher' }]);
  return toVoucher(row, ctx.clock());
}

/** Issues a voucher (managers); a code is made when none is given. */
export async function issueVoucher(
  ctx: AppContext,
  input: IssueVoucherBody,
  issuedBy: string | null,
): Promise<Voucher> {
  const now = ctx.clock();
  const validUntil = input.validUntil
    ? new Date(input.validUntil)
    : new Date(now.getTime() + VOUCHER_VALID_DAYS * 86_400_000);
  if (validUntil.getTime() <= now.getTime()) {
    throw new DomainError('validation_failed', 'A voucher must be valid for some time.', [
      { field: 'validUntil', message: 'Must be in the future' },
    ]);
  }
  const code = input.code ?? newVoucherCode();
  const company = await findCompanyFacts(ctx.db);
  return ctx.db.transaction(async (tx) => {
    if (await findVoucher(tx, code)) {
      throw new DomainError('duplicate', 'A voucher with that code exists.', [
        { field: 'code', message: 'Taken' },
      ]);
    }
    const id = ctx.newId('vch');
    await insertVoucher(tx, {
      id,
      companyId: company.id,
      code,
      amount: input.amount,
      currency: company.currency,
      validUntil,
      isSingleUse: input.isSingleUse ?? true,
      reason: input.reason,
      issuedBy,
      issuedReceiptId: null,
      at: now,
    });
    await emitEvent(
      tx,
      {
        type: 'voucher.issued',
        aggregateType: 'voucher',
        aggregateId: id,
        data: { voucherId: id, amount: input.amount, reason: input.reason, receiptId: null },
      },
      now,
    );
    return toVoucher((await findVoucher(tx, code))!, now);
  });
}
