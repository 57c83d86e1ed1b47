// SQL for vouchers and their redemptions.
import type { Queryable } from '@handla/db';

export interface VoucherRow {
  id: string;
  code: string;
  amount: number;
  currency: string;
  validUntil: Date;
  isSingleUse: boolean;
  reason: string;
  issuedReceiptId: string | null;
  timesUsed: number;
  createdAt: Date;
}

/**
 * The voucher with how often it was paid with; `forUpdate` locks it for the transaction.
 * Locked, the count is a second statement: a count inside the locking statement is read with the
 * snapshot taken before the lock was waited for, so two registers redeeming one single-use voucher
 * at once would both see it unused.
 */
export async function findVoucher(
  q: Queryable,
  code: string,
  forUpdate = false,
): Promise<VoucherRow | undefined> {
  const [row] = await q.query<VoucherRow>(
    `select v.id, v.code, v.amount, v.currency, v.valid_until as "validUntil", v.is_single_use as "isSingleUse",
            v.reason, v.issued_receipt_id as "issuedReceiptId", v.created_at as "createdAt",
            ${forUpdate ? '0' : '(select count(*)::integer from voucher_redemptions r where r.voucher_id = v.id)'} as "timesUsed"
       from vouchers v where v.code = $1${forUpdate ? ' for update of v' : ''}`,
    [code],
  );
  if (!row || !forUpdate) return row;
  const [used] = await q.query<{ n: number }>(
    'select count(*)::integer as n from voucher_redemptions where voucher_id = $1',
    [row.id],
  );
  return { ...row, timesUsed: used?.n ?? 0 };
}

export async function insertVoucher(
  q: Queryable,
  v: {
    id: string;
    companyId: string;
    code: string;
    amount: number;
    currency: string;
    validUntil: Date;
    isSingleUse: boolean;
    reason: string;
    issuedBy: string | null;
    issuedReceiptId: string | null;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into vouchers (id, company_id, code, amount, currency, valid_until, is_single_use, reason, issued_by,
       issued_receipt_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      v.id,
      v.companyId,
      v.code,
      v.amount,
      v.currency,
      v.validUntil,
      v.isSingleUse,
      v.reason,
      v.issuedBy,
      v.issuedReceiptId,
      v.at,
    ],
  );
}

export async function insertVoucherRedemption(
  q: Queryable,
  r: { id: string; voucherId: string; receiptId: string; amount: number; at: Date },
): Promise<void> {
  await q.query(
    `insert into voucher_redemptions (id, voucher_id, receipt_id, amount, occurred_at) values ($1, $2, $3, $4, $5)`,
    [r.id, r.voucherId, r.receiptId, r.amount, r.at],
  );
}
