// A day of invoices in the books (series F): sales on account made outside the register (debit
// receivables, credit sales and VAT per rate) and money in against invoices (debit the bank
// account — the one Swish is mapped to, 1930 by default — credit receivables). Register sales
// paid by invoice are booked by the register's own voucher (invoice → 1510), never here.
import { type AccountMap, accountKeysForVatRate } from '../accounting/bas-accounts';
import type { RateSales } from '../accounting/day-vouchers';
import { mergeTransactions, type Voucher, type VoucherTransaction } from '../accounting/vouchers';
import { DomainError } from '../errors';

export interface InvoiceDayFigures {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Sales on account invoiced that day, per VAT rate. */
  readonly invoicedByRate: readonly RateSales[];
  /** Money in against invoices that day (by hand or bank file). */
  readonly paid: number;
}

export function buildInvoiceDayVoucher(
  series: string,
  number: number,
  day: InvoiceDayFigures,
  accounts: AccountMap,
): Voucher {
  const t: VoucherTransaction[] = [];
  const invoiced = day.invoicedByRate.reduce((s, r) => s + r.grossAmount, 0);
  if (invoiced !== 0) t.push({ account: accounts.invoice, amount: invoiced, text: 'Fakturerat' });
  for (const r of day.invoicedByRate) {
    const keys = accountKeysForVatRate(r.vatRateBp);
    if (!keys) {
      throw new DomainError('invalid_state', `There is no sales account for VAT ${r.vatRateBp / 100} %.`, [
        { field: 'vatRateBp', message: `No account is mapped for VAT ${r.vatRateBp / 100} %` },
      ]);
    }
    t.push({
      account: accounts[keys.sales],
      amount: -(r.grossAmount - r.vatAmount),
      text: 'Försäljning på faktura',
    });
    if (keys.vat) t.push({ account: accounts[keys.vat], amount: -r.vatAmount, text: 'Utgående moms' });
  }
  if (day.paid !== 0) {
    t.push({ account: accounts.swish, amount: day.paid, text: 'Inbetalt på faktura' });
    t.push({ account: accounts.invoice, amount: -day.paid, text: 'Inbetalt på faktura' });
  }
  return { series, number, date: day.date, text: `Fakturor ${day.date}`, transactions: mergeTransactions(t) };
}
