// SQL for receipts, their lines and payments, copies and prints. Receipts are written once and
// never updated; copies and prints are rows of their own.
import type { Queryable } from '@handla/db';

export interface NewReceipt {
  id: string;
  registerId: string;
  storeId: string;
  number: number;
  kind: 'sale' | 'return';
  isTraining: boolean;
  cashierId: string;
  approvedBy: string | null;
  customerId: string | null;
  currency: string;
  totalInclVat: number;
  vatAmount: number;
  rounding: number;
  controlCode: string;
  controlUnitSerial: string;
  computed: unknown;
  originalReceiptId: string | null;
  journalSequence: number;
  commandId: string;
  occurredAt: string;
  /** Lines sold at another price than the store's (see receipt-checks.ts `PriceDeviation`). */
  priceDeviations?: readonly unknown[];
}

export interface NewReceiptLine {
  lineNo: number;
  skuId: string;
  skuCode: string;
  name: string;
  quantity: number;
  unitPriceInclVat: number;
  discountInclVat: number;
  totalInclVat: number;
  vatRateBp: number;
  originalLineNo: number | null;
}

export interface NewReceiptPayment {
  method: string;
  amount: number;
  reference: string | null;
}

export async function findLastReceiptNumber(q: Queryable, registerId: string): Promise<number> {
  const [row] = await q.query<{ n: number | null }>(
    'select max(number) as n from receipts where register_id = $1',
    [registerId],
  );
  return row?.n ?? 0;
}

export async function insertReceipt(
  q: Queryable,
  r: NewReceipt,
  lines: readonly NewReceiptLine[],
  payments: readonly NewReceiptPayment[],
  createdAt: Date,
): Promise<void> {
  await q.query(
    `insert into receipts (id, register_id, store_id, number, kind, is_training, cashier_id, approved_by,
       customer_id, currency, total_incl_vat, vat_amount, rounding, control_code, control_unit_serial,
       computed, original_receipt_id, journal_sequence, command_id, occurred_at, created_at, price_deviations)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      r.id,
      r.registerId,
      r.storeId,
      r.number,
      r.kind,
      r.isTraining,
      r.cashierId,
      r.approvedBy,
      r.customerId,
      r.currency,
      r.totalInclVat,
      r.vatAmount,
      r.rounding,
      r.controlCode,
      r.controlUnitSerial,
      JSON.stringify(r.computed),
      r.originalReceiptId,
      r.journalSequence,
      r.commandId,
      r.occurredAt,
      createdAt,
      JSON.stringify(r.priceDeviations ?? []),
    ],
  );
  const col = <K extends keyof NewReceiptLine>(k: K) => lines.map((l) => l[k]);
  await q.query(
    `insert into receipt_lines (receipt_id, line_no, sku_id, sku_code, name, quantity, unit_price_incl_vat,
       discount_incl_vat, total_incl_vat, vat_rate_bp, original_line_no)
     select $1, * from unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::integer[],
       $8::integer[], $9::integer[], $10::integer[], $11::integer[])`,
    [
      r.id,
      col('lineNo'),
      col('skuId'),
      col('skuCode'),
      col('name'),
      col('quantity'),
      col('unitPriceInclVat'),
      col('discountInclVat'),
      col('totalInclVat'),
      col('vatRateBp'),
      col('originalLineNo'),
    ],
  );
  await q.query(
    `insert into receipt_payments (receipt_id, payment_no, method, amount, reference)
     select $1, n, m, a, ref from unnest($2::integer[], $3::text[], $4::integer[], $5::text[]) as p(n, m, a, ref)`,
    [
      r.id,
      payments.map((_, i) => i + 1),
      payments.map((p) => p.method),
      payments.map((p) => p.amount),
      payments.map((p) => p.reference),
    ],
  );
}

/** A stored receipt with its cashier's name and number of copies. */
export interface ReceiptRow extends Omit<NewReceipt, 'occurredAt'> {
  cashierName: string;
  copies: number;
  occurredAt: Date;
}

const RECEIPT_COLUMNS = `r.id, r.register_id as "registerId", r.store_id as "storeId", r.number, r.kind,
  r.is_training as "isTraining", r.cashier_id as "cashierId", u.name as "cashierName", r.approved_by as "approvedBy",
  r.customer_id as "customerId", r.currency, r.total_incl_vat as "totalInclVat", r.vat_amount as "vatAmount",
  r.rounding, r.control_code as "controlCode", r.control_unit_serial as "controlUnitSerial", r.computed,
  r.original_receipt_id as "originalReceiptId", r.journal_sequence as "journalSequence",
  r.command_id as "commandId", r.occurred_at as "occurredAt", r.price_deviations as "priceDeviations",
  (select count(*)::integer from receipt_copies c where c.receipt_id = r.id) as copies`;

export async function findReceipt(q: Queryable, id: string): Promise<ReceiptRow | undefined> {
  const [row] = await q.query<ReceiptRow>(
    `select ${RECEIPT_COLUMNS} from receipts r join staff_users u on u.id = r.cashier_id where r.id = $1`,
    [id],
  );
  return row;
}

export interface ReceiptSearch {
  registerId: string;
  q?: string;
  from?: string;
  to?: string;
  number?: number;
  limit: number;
}

/** Receipts of a register, newest first; `q` matches a line's SKU code or name. */
export async function searchReceipts(q: Queryable, s: ReceiptSearch): Promise<ReceiptRow[]> {
  return q.query<ReceiptRow>(
    `select ${RECEIPT_COLUMNS} from receipts r join staff_users u on u.id = r.cashier_id
      where r.register_id = $1
        and ($2::text is null or exists (select 1 from receipt_lines l where l.receipt_id = r.id
              and (l.sku_code ilike $2 or l.name ilike $2)))
        and ($3::timestamptz is null or r.occurred_at >= $3)
        and ($4::timestamptz is null or r.occurred_at < $4)
        and ($5::integer is null or r.number = $5)
      order by r.number desc limit $6`,
    [
      s.registerId,
      s.q ? `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      s.from ?? null,
      s.to ?? null,
      s.number ?? null,
      s.limit,
    ],
  );
}

/** A stored line with how many units were already returned against it. */
export interface ReceiptLineRow extends NewReceiptLine {
  returnedQuantity: number;
}

export async function listReceiptLines(q: Queryable, receiptId: string): Promise<ReceiptLineRow[]> {
  return q.query<ReceiptLineRow>(
    `select l.line_no as "lineNo", l.sku_id as "skuId", l.sku_code as "skuCode", l.name, l.quantity,
            l.unit_price_incl_vat as "unitPriceInclVat", l.discount_incl_vat as "discountInclVat",
            l.total_incl_vat as "totalInclVat", l.vat_rate_bp as "vatRateBp", l.original_line_no as "originalLineNo",
            coalesce((select -sum(rl.quantity)::integer from receipts rr
                        join receipt_lines rl on rl.receipt_id = rr.id
                       where rr.original_receipt_id = l.receipt_id and rl.original_line_no = l.line_no), 0)
              as "returnedQuantity"
       from receipt_lines l where l.receipt_id = $1 order by l.line_no`,
    [receiptId],
  );
}

export async function listReceiptPayments(q: Queryable, receiptId: string): Promise<NewReceiptPayment[]> {
  return q.query<NewReceiptPayment>(
    `select method, amount, reference from receipt_payments where receipt_id = $1 order by payment_no`,
    [receiptId],
  );
}

/** Locks the original receipt while a return against it is booked, so two returns cannot both take its last unit. */
export async function lockReceipt(q: Queryable, id: string): Promise<void> {
  await q.query('select id from receipts where id = $1 for update', [id]);
}

export async function insertCopy(
  q: Queryable,
  c: {
    id: string;
    receiptId: string;
    registerId: string;
    journalSequence: number;
    controlCode: string;
    controlUnitSerial: string;
    occurredAt: string;
  },
): Promise<void> {
  await q.query(
    `insert into receipt_copies (id, receipt_id, register_id, journal_sequence, control_code, control_unit_serial, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [c.id, c.receiptId, c.registerId, c.journalSequence, c.controlCode, c.controlUnitSerial, c.occurredAt],
  );
}

export async function findCopy(q: Queryable, copyId: string) {
  const [row] = await q.query<{
    id: string;
    receiptId: string;
    controlCode: string;
    controlUnitSerial: string;
    occurredAt: Date;
    copyNumber: number;
  }>(
    `select c.id, c.receipt_id as "receiptId", c.control_code as "controlCode",
            c.control_unit_serial as "controlUnitSerial", c.occurred_at as "occurredAt",
            (select count(*)::integer from receipt_copies o where o.receipt_id = c.receipt_id
                and o.journal_sequence <= c.journal_sequence) as "copyNumber"
       from receipt_copies c where c.id = $1`,
    [copyId],
  );
  return row;
}

export async function countPrints(q: Queryable, receiptId: string, copyId: string | null): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::integer as n from receipt_prints where receipt_id = $1 and copy_id is not distinct from $2`,
    [receiptId, copyId],
  );
  return row?.n ?? 0;
}

export async function insertPrint(
  q: Queryable,
  receiptId: string,
  copyId: string | null,
  at: Date,
): Promise<void> {
  await q.query('insert into receipt_prints (receipt_id, copy_id, printed_at) values ($1, $2, $3)', [
    receiptId,
    copyId,
    at,
  ]);
}
