// SQL of money in against invoices (payments, credits, unmatched bank payments) and bank-file imports.
import type { InvoicePayment } from '@handla/api';
import type { Queryable } from '@handla/db';

const PAYMENT_COLUMNS = `id, invoice_id as "invoiceId", method, amount, to_char(paid_on, 'YYYY-MM-DD') as "paidOn",
  reference, payer, bank_reference as "bankReference", note, created_at as "createdAt"`;

export interface PaymentRow extends Omit<InvoicePayment, 'createdAt'> {
  createdAt: Date;
}

export interface NewPayment {
  id: string;
  companyId: string;
  invoiceId: string | null;
  method: 'manual' | 'bankgiro' | 'credit';
  amount: number;
  paidOn: string;
  reference: string | null;
  payer: string | null;
  bankReference: string | null;
  importId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** False when a payment with this id or bank reference was recorded before (nothing written). */
export async function insertPayment(q: Queryable, p: NewPayment): Promise<boolean> {
  const rows = await q.query(
    `insert into invoice_payments (id, company_id, invoice_id, method, amount, paid_on, reference, payer,
       bank_reference, import_id, note, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict do nothing returning id`,
    [
      p.id,
      p.companyId,
      p.invoiceId,
      p.method,
      p.amount,
      p.paidOn,
      p.reference,
      p.payer,
      p.bankReference,
      p.importId,
      p.note,
      p.createdBy,
      p.createdAt,
    ],
  );
  return rows.length === 1;
}

export async function findPayment(
  q: Queryable,
  id: string,
): Promise<(PaymentRow & { amount: number }) | undefined> {
  const [row] = await q.query<PaymentRow>(`select ${PAYMENT_COLUMNS} from invoice_payments where id = $1`, [
    id,
  ]);
  return row;
}

export async function listPayments(q: Queryable, invoiceId: string): Promise<PaymentRow[]> {
  return q.query<PaymentRow>(
    `select ${PAYMENT_COLUMNS} from invoice_payments where invoice_id = $1 order by paid_on, created_at, id`,
    [invoiceId],
  );
}

export async function listUnmatchedPayments(q: Queryable, companyId: string): Promise<PaymentRow[]> {
  return q.query<PaymentRow>(
    `select ${PAYMENT_COLUMNS} from invoice_payments where company_id = $1 and invoice_id is null
      order by paid_on desc, id limit 200`,
    [companyId],
  );
}

export interface ImportRow {
  id: string;
  companyId: string;
  fileSha256: string;
  fileTimestamp: string;
  receiverBankgiro: string;
  payments: number;
  matched: number;
  unmatched: number;
  totalAmount: number;
  createdBy: string | null;
  createdAt: Date;
}

/** False when this file (by checksum) was imported before. */
export async function insertImport(q: Queryable, r: ImportRow): Promise<boolean> {
  const rows = await q.query(
    `insert into invoice_imports (id, company_id, file_sha256, file_timestamp, receiver_bankgiro, payments,
       matched, unmatched, total_amount, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing returning id`,
    [
      r.id,
      r.companyId,
      r.fileSha256,
      r.fileTimestamp,
      r.receiverBankgiro,
      r.payments,
      r.matched,
      r.unmatched,
      r.totalAmount,
      r.createdBy,
      r.createdAt,
    ],
  );
  return rows.length === 1;
}

export async function findImportBySha(q: Queryable, companyId: string, sha: string) {
  const [row] = await q.query<{ id: string }>(
    'select id from invoice_imports where company_id = $1 and file_sha256 = $2',
    [companyId, sha],
  );
  return row;
}

export async function updateImportCounts(q: Queryable, id: string, matched: number, unmatched: number) {
  await q.query('update invoice_imports set matched = $2, unmatched = $3 where id = $1', [
    id,
    matched,
    unmatched,
  ]);
}
