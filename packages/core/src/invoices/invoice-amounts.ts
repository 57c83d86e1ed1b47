// What an invoice owes and where it stands: VAT per rate on its lines, the due date from the
// customer's payment terms, the balance after payments and credits, and the credit-limit rule.
import { splitByVatRate } from '../accounting/day-vouchers';
import { addLocalDays } from '../pickup/wall-clock';
import { vatOfInclusive } from '../vat/vat';

/** One invoice line; amounts include VAT (öre). */
export interface InvoiceLineInput {
  readonly description: string;
  readonly quantity: number;
  readonly unitPriceInclVat: number;
  /** What the line costs after discounts. */
  readonly amountInclVat: number;
  readonly vatRateBp: number;
}

/** VAT of one rate on the invoice, computed on the rate's summed lines. */
export interface InvoiceVatRate {
  readonly vatRateBp: number;
  readonly grossAmount: number;
  readonly netAmount: number;
  readonly vatAmount: number;
}

/** The invoice's totals: VAT per rate (highest first) and the sums. */
export interface InvoiceTotals {
  readonly vat: InvoiceVatRate[];
  readonly totalInclVat: number;
  readonly vatAmount: number;
}

/** VAT per rate on the sum of that rate's lines (invariant 6), and the totals. */
export function invoiceTotals(lines: readonly InvoiceLineInput[]): InvoiceTotals {
  const gross = new Map<number, number>();
  for (const l of lines) gross.set(l.vatRateBp, (gross.get(l.vatRateBp) ?? 0) + l.amountInclVat);
  const vat = [...gross.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, grossAmount]) => {
      const vatAmount = vatOfInclusive(grossAmount, vatRateBp);
      return { vatRateBp, grossAmount, netAmount: grossAmount - vatAmount, vatAmount };
    });
  return {
    vat,
    totalInclVat: vat.reduce((s, r) => s + r.grossAmount, 0),
    vatAmount: vat.reduce((s, r) => s + r.vatAmount, 0),
  };
}

/** Invoices without stated terms are due in this many days (a common Swedish default). */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** The due date (YYYY-MM-DD): the issue date plus the customer's payment terms in days. */
export function invoiceDueDate(issueDate: string, paymentTermsDays: number | null): string {
  return addLocalDays(issueDate, paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS);
}

export const INVOICE_STATES = ['open', 'partially_paid', 'paid', 'credited'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** The money on an invoice: what it was for, what was added, paid and credited. */
export interface InvoiceMoney {
  readonly totalInclVat: number;
  /** Reminder fees added after issue. */
  readonly feesAmount: number;
  readonly paidAmount: number;
  readonly creditedAmount: number;
}

/** What is left to pay; negative when the customer paid too much (money we owe back). */
export function invoiceBalance(m: InvoiceMoney): number {
  return m.totalInclVat + m.feesAmount - m.paidAmount - m.creditedAmount;
}

/**
 * The state follows from the money, never set by hand: fully credited (a return of all of it) is
 * `credited`; nothing left to pay is `paid`; some paid is `partially_paid`.
 */
export function invoiceStateOf(m: InvoiceMoney): InvoiceState {
  if (m.creditedAmount >= m.totalInclVat + m.feesAmount) return 'credited';
  if (invoiceBalance(m) <= 0) return 'paid';
  return m.paidAmount > 0 || m.creditedAmount > 0 ? 'partially_paid' : 'open';
}

/** True while something is left to pay. */
export function isInvoiceOpen(state: InvoiceState): boolean {
  return state === 'open' || state === 'partially_paid';
}

/**
 * A new invoice sale is allowed when the customer's open balance plus it stays within the credit
 * limit. `creditLimit` null means the customer has no credit at all.
 */
export function fitsCreditLimit(openBalance: number, amount: number, creditLimit: number | null): boolean {
  if (creditLimit === null) return false;
  return openBalance + amount <= creditLimit;
}

/**
 * The VAT in `amount` when it pays only part of a sale (the rest paid at the register another
 * way): split over the sale's rates in proportion, largest remainder first, so no öre is lost.
 */
export function vatOfShare(sale: readonly InvoiceVatRate[], amount: number): InvoiceVatRate[] {
  return splitByVatRate(amount, sale).map((r) => ({
    vatRateBp: r.vatRateBp,
    grossAmount: r.grossAmount,
    netAmount: r.grossAmount - r.vatAmount,
    vatAmount: r.vatAmount,
  }));
}
