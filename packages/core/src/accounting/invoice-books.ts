// What the invoices' F voucher adds beyond sales on account and money in: reminder fees (income,
// no VAT — a fee for a late payment is no supply) and over-payments, a debt to the customer until
// paid back. Every money flow of an invoice goes through receivables (1510); a daily move between
// receivables and the over-payment liability keeps the liability equal to what customers paid
// beyond what they owed, so a refund (debit 1510, credit the bank) clears it by the same move.
import { buildInvoiceDayVoucher, type InvoiceDayFigures } from '../invoices/invoice-vouchers';
import type { AccountMap } from './bas-accounts';
import { mergeTransactions, type Voucher, type VoucherTransaction } from './vouchers';

/** One dated change of what an invoice asks for or has received. */
export interface InvoiceMoneyEvent {
  readonly date: string;
  /** `due` raises what is asked (the invoice, a fee), `settled` lowers it (paid, credited); a refund is a negative `settled`. */
  readonly kind: 'due' | 'settled';
  readonly amount: number;
}

/**
 * How much an invoice's over-payment (settled beyond what is due) grew, or shrank when negative,
 * on each date with an event: the end-of-day liability less the one the day before.
 */
export function overpaymentChanges(events: readonly InvoiceMoneyEvent[]): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const e of events) {
    byDate.set(e.date, (byDate.get(e.date) ?? 0) + (e.kind === 'due' ? e.amount : -e.amount));
  }
  const changes = new Map<string, number>();
  let balance = 0;
  let liability = 0;
  for (const date of [...byDate.keys()].sort()) {
    balance += byDate.get(date)!;
    const next = Math.max(0, -balance);
    if (next !== liability) changes.set(date, next - liability);
    liability = next;
  }
  return changes;
}

/** A day of invoices with the fees charged, refunds paid out and the over-payment change. */
export interface InvoiceBooksDay extends InvoiceDayFigures {
  /** Reminder fees charged that day. */
  readonly feesCharged: number;
  /** Over-payments paid back that day (money out of the bank). */
  readonly refunded: number;
  /** How much the customers' over-payments grew that day (negative when they shrank). */
  readonly overpaidChange: number;
}

/** The F voucher: sales on account and money in, plus fees, refunds and the over-payment move. */
export function buildInvoiceBooksVoucher(
  series: string,
  number: number,
  day: InvoiceBooksDay,
  accounts: AccountMap,
): Voucher {
  const base = buildInvoiceDayVoucher(series, number, day, accounts);
  const t: VoucherTransaction[] = [...base.transactions];
  if (day.feesCharged !== 0) {
    t.push({ account: accounts.invoice, amount: day.feesCharged, text: 'Påminnelseavgift' });
    t.push({ account: accounts.reminder_fees, amount: -day.feesCharged, text: 'Påminnelseavgift' });
  }
  if (day.refunded !== 0) {
    t.push({ account: accounts.invoice, amount: day.refunded, text: 'Återbetalt överskott' });
    t.push({ account: accounts.swish, amount: -day.refunded, text: 'Återbetalt överskott' });
  }
  if (day.overpaidChange !== 0) {
    t.push({ account: accounts.invoice, amount: day.overpaidChange, text: 'Överbetalt' });
    t.push({ account: accounts.customer_overpaid, amount: -day.overpaidChange, text: 'Överbetalt' });
  }
  return { ...base, transactions: mergeTransactions(t) };
}
