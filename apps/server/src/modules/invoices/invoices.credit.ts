// Crediting an invoice (a return of goods bought on it): recorded as a credit row beside the
// payments, once per return, so the invoice asks for less — or becomes `credited` when all of it
// came back. A sale without an invoice has nothing to credit.
import { toWallClock } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { applyPaymentIn } from './invoices.payments';
import * as store from './invoices.store';

export interface CreditInput {
  source: { kind: store.InvoiceRow['sourceKind']; id: string };
  /** Unique per return: a synced return applied twice credits once. */
  creditId: string;
  amount: number;
  note: string;
}

export async function creditInvoiceIn(
  tx: Queryable,
  ctx: AppContext,
  input: CreditInput,
): Promise<NewEvent[]> {
  const invoice = await store.findInvoice(tx, { source: input.source }, { forUpdate: true });
  if (!invoice) return [];
  const now = ctx.clock();
  const applied = await applyPaymentIn(tx, invoice, {
    id: input.creditId,
    companyId: invoice.companyId,
    invoiceId: invoice.id,
    method: 'credit',
    amount: input.amount,
    paidOn: toWallClock(now, (await store.findSeller(tx, invoice.companyId)).timeZone).date,
    reference: null,
    payer: null,
    bankReference: null,
    importId: null,
    note: input.note,
    createdBy: null,
    createdAt: now,
  });
  return applied ? [applied.event] : [];
}
