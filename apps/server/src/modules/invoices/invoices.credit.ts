// Crediting an invoice (goods given back or never delivered): recorded as a credit row beside the
// payments, once per return or cancellation, so the invoice asks for less — or becomes `credited`
// when all of it came back. Never more than is left to credit; a credit on an invoice already
// paid leaves an over-payment to pay back. A sale without an invoice has nothing to credit.
import { invoiceBalance, toWallClock } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { applyPaymentIn } from './invoices.payments';
import * as store from './invoices.store';

export interface CreditInput {
  source: { kind: store.InvoiceRow['sourceKind']; id: string };
  /** Unique per return or cancellation: a return applied twice credits once. */
  creditId: string;
  amount: number;
  note: string;
}

/** How much of `amount` may still be credited, and the over-payment the credit leaves to refund. */
export function creditShareOf(
  invoice: Pick<store.InvoiceRow, 'totalInclVat' | 'feesAmount' | 'paidAmount' | 'creditedAmount'>,
  amount: number,
): { credit: number; overpaid: number } {
  const credit = Math.max(0, Math.min(amount, invoice.totalInclVat - invoice.creditedAmount));
  const before = Math.max(0, -invoiceBalance(invoice));
  const after = Math.max(0, -invoiceBalance({ ...invoice, creditedAmount: invoice.creditedAmount + credit }));
  return { credit, overpaid: after - before };
}

export async function creditInvoiceIn(
  tx: Queryable,
  ctx: AppContext,
  input: CreditInput,
): Promise<NewEvent[]> {
  const invoice = await store.findInvoice(tx, { source: input.source }, { forUpdate: true });
  if (!invoice) return [];
  const { credit, overpaid } = creditShareOf(invoice, input.amount);
  if (credit === 0) return [];
  const now = ctx.clock();
  const applied = await applyPaymentIn(tx, invoice, {
    id: input.creditId,
    companyId: invoice.companyId,
    invoiceId: invoice.id,
    method: 'credit',
    amount: credit,
    paidOn: toWallClock(now, (await store.findSeller(tx, invoice.companyId)).timeZone).date,
    reference: null,
    payer: null,
    bankReference: null,
    importId: null,
    note: input.note,
    createdBy: null,
    createdAt: now,
  });
  if (!applied) return [];
  // The over-payment this credit caused is money to pay back (invoices.books.ts books refunds).
  applied.event.data.overpaidAmount = overpaid;
  return [applied.event];
}
