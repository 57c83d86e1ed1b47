// The invoices' days for the SIE export (series F): sales on account issued per local day, split
// by VAT rate, money in against invoices per payment date, reminder fees as charged, over-payments
// paid back, and the day's change in what customers over-paid (a debt to them). Credits are left
// out as money: a return is a register receipt whose negative invoice payment the register's
// voucher already books (they still count towards an invoice's over-payment).
import {
  addRateSales,
  type InvoiceBooksDay,
  type InvoiceMoneyEvent,
  type InvoiceVatRate,
  overpaymentChanges,
} from '@handla/core';
import type { Queryable } from '@handla/db';

type Draft = { -readonly [K in keyof InvoiceBooksDay]: InvoiceBooksDay[K] };

/** Every day from `from` to `to` (local dates) with anything for the books. */
export async function invoiceDayFigures(
  q: Queryable,
  companyId: string,
  from: string,
  to: string,
): Promise<InvoiceBooksDay[]> {
  const issued = await q.query<{ day: string; vat: InvoiceVatRate[] }>(
    `select to_char(issue_date, 'YYYY-MM-DD') as day, vat from invoices
      where company_id = $1 and source_kind = 'manual' and issue_date between $2 and $3`,
    [companyId, from, to],
  );
  const paid = await q.query<{ day: string; amount: string }>(
    `select to_char(paid_on, 'YYYY-MM-DD') as day, sum(amount) as amount from invoice_payments
      where company_id = $1 and method in ('manual', 'bankgiro') and paid_on between $2 and $3
      group by paid_on`,
    [companyId, from, to],
  );
  const fees = await q.query<{ day: string; amount: string }>(
    `select to_char(charged_on, 'YYYY-MM-DD') as day, sum(amount) as amount from invoice_fee_charges
      where company_id = $1 and charged_on between $2 and $3 group by charged_on`,
    [companyId, from, to],
  );
  const refunds = await q.query<{ day: string; amount: string }>(
    `select to_char(refunded_on, 'YYYY-MM-DD') as day, sum(amount) as amount from invoice_refunds
      where company_id = $1 and refunded_on between $2 and $3 group by refunded_on`,
    [companyId, from, to],
  );
  const days = new Map<string, Draft>();
  const dayOf = (date: string) => {
    let d = days.get(date);
    if (!d) {
      d = { date, invoicedByRate: [], paid: 0, feesCharged: 0, refunded: 0, overpaidChange: 0 };
      days.set(date, d);
    }
    return d;
  };
  for (const row of issued) {
    const d = dayOf(row.day);
    d.invoicedByRate = addRateSales(d.invoicedByRate, row.vat);
  }
  for (const row of paid) dayOf(row.day).paid += Number(row.amount);
  for (const row of fees) dayOf(row.day).feesCharged += Number(row.amount);
  for (const row of refunds) dayOf(row.day).refunded += Number(row.amount);
  for (const [date, change] of await overpaymentChangesIn(q, companyId, from, to)) {
    dayOf(date).overpaidChange += change;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The change in over-payments per day of the period, summed over the invoices that had money in,
 * a credit, a fee or a refund in it (each invoice's whole history, so the day before is known).
 */
async function overpaymentChangesIn(
  q: Queryable,
  companyId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await q.query<{
    invoiceId: string;
    day: string;
    kind: InvoiceMoneyEvent['kind'];
    amount: string;
  }>(
    `with touched as (
       select invoice_id as id from invoice_payments
        where company_id = $1 and invoice_id is not null and paid_on between $2 and $3
       union select invoice_id from invoice_fee_charges where company_id = $1 and charged_on between $2 and $3
       union select invoice_id from invoice_refunds where company_id = $1 and refunded_on between $2 and $3)
     -- fees charged before charges were dated (0037) count from the issue date
     select i.id as "invoiceId", to_char(i.issue_date, 'YYYY-MM-DD') as day, 'due' as kind,
            (i.total_incl_vat + i.fees_amount
              - coalesce((select sum(f.amount) from invoice_fee_charges f where f.invoice_id = i.id), 0))::bigint as amount
       from invoices i join touched t on t.id = i.id
     union all
     select f.invoice_id, to_char(f.charged_on, 'YYYY-MM-DD'), 'due', f.amount
       from invoice_fee_charges f join touched t on t.id = f.invoice_id
     union all
     select p.invoice_id, to_char(p.paid_on, 'YYYY-MM-DD'), 'settled', p.amount
       from invoice_payments p join touched t on t.id = p.invoice_id
     union all
     select r.invoice_id, to_char(r.refunded_on, 'YYYY-MM-DD'), 'settled', -r.amount
       from invoice_refunds r join touched t on t.id = r.invoice_id`,
    [companyId, from, to],
  );
  const byInvoice = new Map<string, InvoiceMoneyEvent[]>();
  for (const r of rows) {
    const events = byInvoice.get(r.invoiceId) ?? [];
    events.push({ date: r.day, kind: r.kind, amount: Number(r.amount) });
    byInvoice.set(r.invoiceId, events);
  }
  const total = new Map<string, number>();
  for (const events of byInvoice.values()) {
    for (const [date, change] of overpaymentChanges(events)) {
      if (date < from || date > to) continue;
      total.set(date, (total.get(date) ?? 0) + change);
    }
  }
  return total;
}

/** Records a reminder fee as charged on the company's local date (called in the reminder's transaction). */
export async function recordFeeCharge(
  q: Queryable,
  row: { id: string; companyId: string; invoiceId: string; chargedOn: string; amount: number; at: Date },
): Promise<void> {
  if (row.amount <= 0) return;
  await q.query(
    `insert into invoice_fee_charges (id, company_id, invoice_id, charged_on, amount, created_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [row.id, row.companyId, row.invoiceId, row.chargedOn, row.amount, row.at],
  );
}
