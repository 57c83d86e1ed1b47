// SQL of invoices and their number series; payments and imports, settings and the seller are in
// the two files re-exported at the end.
import type { InvoiceBuyer, InvoiceLine, InvoiceState } from '@handla/api';
import type { InvoiceVatRate } from '@handla/core';
import type { Queryable } from '@handla/db';

export interface InvoiceRow {
  id: string;
  companyId: string;
  number: number;
  customerId: string;
  buyer: InvoiceBuyer;
  sourceKind: 'receipt' | 'order' | 'manual';
  sourceId: string;
  storeId: string | null;
  currency: string;
  lines: InvoiceLine[];
  vat: InvoiceVatRate[];
  totalInclVat: number;
  vatAmount: number;
  feesAmount: number;
  paidAmount: number;
  creditedAmount: number;
  ocr: string;
  issueDate: string;
  dueDate: string;
  state: InvoiceState;
  isOverCreditLimit: boolean;
  reminderCount: number;
  lastRemindedOn: string | null;
  locale: 'sv' | 'en';
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, company_id as "companyId", number::int as number, customer_id as "customerId", buyer,
  source_kind as "sourceKind", source_id as "sourceId", store_id as "storeId", currency, lines, vat,
  total_incl_vat as "totalInclVat", vat_amount as "vatAmount", fees_amount as "feesAmount",
  paid_amount as "paidAmount", credited_amount as "creditedAmount", ocr,
  to_char(issue_date, 'YYYY-MM-DD') as "issueDate", to_char(due_date, 'YYYY-MM-DD') as "dueDate", state,
  is_over_credit_limit as "isOverCreditLimit", reminder_count as "reminderCount",
  to_char(last_reminded_on, 'YYYY-MM-DD') as "lastRemindedOn", locale, created_by as "createdBy",
  created_at as "createdAt", updated_at as "updatedAt"`;

/** The next number of the company's gapless series; the counter row stays locked until commit. */
export async function takeInvoiceNumber(q: Queryable, companyId: string): Promise<number> {
  const [row] = await q.query<{ number: string }>(
    `insert into invoice_counters (company_id, last_number) values ($1, 1001)
     on conflict (company_id) do update set last_number = invoice_counters.last_number + 1
     returning last_number as number`,
    [companyId],
  );
  return Number(row!.number);
}

/**
 * Locks the company's invoice counter row (made at 1000 if missing, so the first number taken is
 * still 1001) without taking a number: a web checkout by invoice takes it before any stock row.
 */
export async function lockInvoiceCounter(q: Queryable, companyId: string): Promise<void> {
  await q.query(
    'insert into invoice_counters (company_id, last_number) values ($1, 1000) on conflict (company_id) do nothing',
    [companyId],
  );
  await q.query('select last_number from invoice_counters where company_id = $1 for update', [companyId]);
}

export async function insertInvoice(q: Queryable, r: InvoiceRow): Promise<void> {
  await q.query(
    `insert into invoices (id, company_id, number, customer_id, buyer, source_kind, source_id, store_id,
       currency, lines, vat, total_incl_vat, vat_amount, ocr, issue_date, due_date, state,
       is_over_credit_limit, locale, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)`,
    [
      r.id,
      r.companyId,
      r.number,
      r.customerId,
      JSON.stringify(r.buyer),
      r.sourceKind,
      r.sourceId,
      r.storeId,
      r.currency,
      JSON.stringify(r.lines),
      JSON.stringify(r.vat),
      r.totalInclVat,
      r.vatAmount,
      r.ocr,
      r.issueDate,
      r.dueDate,
      r.state,
      r.isOverCreditLimit,
      r.locale,
      r.createdBy,
      r.createdAt,
    ],
  );
}

export async function findInvoice(
  q: Queryable,
  by:
    | { id: string }
    | { source: { kind: InvoiceRow['sourceKind']; id: string } }
    | { ocr: string; companyId: string },
  options: { forUpdate?: boolean } = {},
): Promise<InvoiceRow | undefined> {
  const lock = options.forUpdate ? ' for update' : '';
  const [where, params] =
    'id' in by
      ? ['id = $1', [by.id]]
      : 'source' in by
        ? ['source_kind = $1 and source_id = $2', [by.source.kind, by.source.id]]
        : ['company_id = $1 and ocr = $2', [by.companyId, by.ocr]];
  const [row] = await q.query<InvoiceRow>(`select ${COLUMNS} from invoices where ${where}${lock}`, params);
  return row;
}

/** What the customer owes on invoices not yet paid (fees included, over-payments not counted). */
export async function sumOpenBalance(q: Queryable, customerId: string): Promise<number> {
  const [row] = await q.query<{ balance: string | null }>(
    `select sum(greatest(total_incl_vat + fees_amount - paid_amount - credited_amount, 0)) as balance
       from invoices where customer_id = $1 and state in ('open', 'partially_paid')`,
    [customerId],
  );
  return Number(row?.balance ?? 0);
}

export interface InvoiceFilter {
  companyId: string;
  status: 'unpaid' | 'overdue' | 'paid' | 'credited' | 'all';
  today: string;
  customerId?: string;
  q?: string;
}

function whereOf(f: InvoiceFilter): [string, unknown[]] {
  const params: unknown[] = [f.companyId];
  const where = ['company_id = $1'];
  if (f.status === 'unpaid' || f.status === 'overdue') where.push(`state in ('open', 'partially_paid')`);
  if (f.status === 'paid' || f.status === 'credited') {
    params.push(f.status);
    where.push(`state = $${params.length}`);
  }
  if (f.status === 'overdue') {
    params.push(f.today);
    where.push(`due_date < $${params.length}`);
  }
  if (f.customerId) {
    params.push(f.customerId);
    where.push(`customer_id = $${params.length}`);
  }
  if (f.q) {
    params.push(`%${f.q.toLowerCase()}%`);
    where.push(`(lower(buyer->>'name') like $${params.length} or number::text like $${params.length}
      or ocr like $${params.length})`);
  }
  return [where.join(' and '), params];
}

export async function listInvoices(q: Queryable, f: InvoiceFilter, limit: number): Promise<InvoiceRow[]> {
  const [where, params] = whereOf(f);
  return q.query<InvoiceRow>(
    `select ${COLUMNS} from invoices where ${where} order by due_date, number limit ${Number(limit)}`,
    params,
  );
}

export async function sumInvoices(q: Queryable, f: InvoiceFilter) {
  const [where, params] = whereOf(f);
  params.push(f.today);
  const [row] = await q.query<Record<string, string | null>>(
    `select count(*) as count, sum(total_incl_vat) as total,
       sum(total_incl_vat + fees_amount - paid_amount - credited_amount) as balance,
       sum(total_incl_vat + fees_amount - paid_amount - credited_amount)
         filter (where state in ('open', 'partially_paid') and due_date < $${params.length}) as overdue
       from invoices where ${where}`,
    params,
  );
  return {
    count: Number(row?.count ?? 0),
    totalInclVat: Number(row?.total ?? 0),
    balance: Number(row?.balance ?? 0),
    overdueBalance: Number(row?.overdue ?? 0),
  };
}

/**
 * Open invoices that the company's reminder policy may remind on `today` (a date at or after every
 * company's local date), for the reminder job; rows another run holds are skipped. The defaults are
 * those of a company without settings (DEFAULT_SETTINGS).
 */
export async function claimRemindableInvoices(
  q: Queryable,
  today: string,
  limit: number,
): Promise<InvoiceRow[]> {
  return q.query<InvoiceRow>(
    `select ${COLUMNS} from invoices where id in (
       select i.id from invoices i left join invoice_settings s on s.company_id = i.company_id
        where i.state in ('open', 'partially_paid')
          and i.reminder_count < coalesce(s.max_reminders, 3)
          and i.due_date + coalesce(s.reminder_days_after_due, 7) <= $1::date
          and (i.last_reminded_on is null
               or i.last_reminded_on + coalesce(s.reminder_interval_days, 14) <= $1::date)
        order by i.due_date, i.id limit ${Number(limit)})
     order by due_date, id for update skip locked`,
    [today],
  );
}

/** Writes the money columns and the state derived from them. */
export async function updateInvoiceMoney(
  q: Queryable,
  id: string,
  m: { paidAmount: number; creditedAmount: number; feesAmount: number; state: InvoiceState },
  at: Date,
): Promise<void> {
  await q.query(
    `update invoices set paid_amount = $2, credited_amount = $3, fees_amount = $4, state = $5, updated_at = $6
      where id = $1`,
    [id, m.paidAmount, m.creditedAmount, m.feesAmount, m.state, at],
  );
}

export async function recordReminder(q: Queryable, id: string, on: string, at: Date): Promise<void> {
  await q.query(
    `update invoices set reminder_count = reminder_count + 1, last_reminded_on = $2, updated_at = $3 where id = $1`,
    [id, on, at],
  );
}

export * from './invoice-payments.store';
export * from './invoice-settings.store';
