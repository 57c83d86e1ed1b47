// A register receipt paid by invoice, inside the command's transaction: a sale issues its invoice
// (the receipt is a fact, so a sale beyond the credit limit is issued and flagged, never refused);
// a return refunded to invoice credits the original receipt's invoice. Lock order: this runs
// before the receipt's stock moves, so the customer and the invoice counter are locked before any
// stock row — the web checkout by invoice locks in the same order (invoices.checkout.ts).
import type { InvoiceLine } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { invalidField } from '../register/receipt-checks';
import type { ReceiptWork } from '../register/receipts.apply';
import { creditInvoiceIn } from './invoices.credit';
import { issueInvoiceIn } from './invoices.issue';

/** Issues or credits the invoice of a receipt; returns the events for the caller to emit last. */
export async function applyInvoicePayments(
  tx: Queryable,
  ctx: AppContext,
  w: ReceiptWork,
): Promise<NewEvent[]> {
  const { computed, cmd } = w;
  const amount = computed.payments.filter((p) => p.method === 'invoice').reduce((s, p) => s + p.amount, 0);
  if (amount === 0 || computed.isTraining) return [];
  if (amount < 0) {
    if (cmd.kind !== 'return.complete' || !cmd.originalReceiptId) return [];
    return creditInvoiceIn(tx, ctx, {
      source: { kind: 'receipt', id: cmd.originalReceiptId },
      creditId: `ipm_cr_${cmd.receiptId}`,
      amount: -amount,
      note: `Retur kvitto ${cmd.receiptNumber}`,
    });
  }
  if (!computed.customerId) {
    const i = computed.payments.findIndex((p) => p.method === 'invoice');
    throw invalidField(
      `${w.field}draft.payments[${i}].method`,
      'An invoice payment needs a customer on the sale',
    );
  }
  const lines: InvoiceLine[] = computed.lines.map((l) => ({
    description: l.name,
    quantity: l.quantity,
    unitPriceInclVat: l.unitPriceInclVat,
    amountInclVat: l.amountInclVat,
    vatRateBp: l.vatRateBp,
  }));
  const issued = await issueInvoiceIn(tx, ctx, {
    source: { kind: 'receipt', id: cmd.receiptId },
    customerId: computed.customerId,
    storeId: w.register.storeId,
    currency: computed.currency,
    lines,
    amount,
    creditRule: 'flag',
    customerField: `${w.field}draft.customerId`,
    locale: 'sv',
    createdBy: cmd.cashierId,
  });
  return issued.events;
}
