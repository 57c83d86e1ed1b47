// The invoices' days for the SIE export (series F): sales on account issued per local day, split
// by VAT rate, and money in against invoices per payment date. Credits are left out: a return is a
// register receipt whose negative invoice payment the register's voucher already books.
import { addRateSales, type InvoiceDayFigures, type InvoiceVatRate } from '@handla/core';
import type { Queryable } from '@handla/db';

/** Every day from `from` to `to` (local dates) with invoices issued on account or money in. */
export async function invoiceDayFigures(
  q: Queryable,
  companyId: string,
  from: string,
  to: string,
): Promise<InvoiceDayFigures[]> {
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
  const days = new Map<
    string,
    { date: string; invoicedByRate: InvoiceDayFigures['invoicedByRate']; paid: number }
  >();
  const dayOf = (date: string) => {
    let d = days.get(date);
    if (!d) {
      d = { date, invoicedByRate: [], paid: 0 };
      days.set(date, d);
    }
    return d;
  };
  for (const row of issued) {
    const d = dayOf(row.day);
    d.invoicedByRate = addRateSales(d.invoicedByRate, row.vat);
  }
  for (const row of paid) dayOf(row.day).paid += Number(row.amount);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
