// Paying back an over-payment: the customer paid an invoice more than it asked, and the money goes
// back by hand (a bank transfer made outside Handla). Recorded once per client-made id; the
// invoice's paid amount drops by the refund, so what it shows over-paid drops with it. The SIE
// export books the refund on its day (accounting: debit receivables, credit the bank, and the
// over-payment liability is cleared by the same day's move).
import type { InvoiceRefund, InvoiceRefundBody } from '@handla/api';
import { DomainError, invoiceBalance, invoiceStateOf, toWallClock } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents } from '../../outbox/emit';
import { invoiceNotFound } from './invoices.payments';
import * as store from './invoices.store';

interface RefundRow {
  id: string;
  invoiceId: string;
  amount: number;
  refundedOn: string;
}

async function findRefund(q: Queryable, id: string): Promise<RefundRow | undefined> {
  const [row] = await q.query<RefundRow>(
    `select id, invoice_id as "invoiceId", amount, to_char(refunded_on, 'YYYY-MM-DD') as "refundedOn"
       from invoice_refunds where id = $1`,
    [id],
  );
  return row;
}

/**
 * Records a refund of (part of) an invoice's over-payment. A repeated `refundId` returns the first
 * refund; the same id for another invoice, amount or date is 409 `duplicate`; more than was
 * over-paid is 409 naming `amount`; a date after today is 400 naming `refundedOn`.
 */
export async function refundOverpayment(
  ctx: AppContext,
  actor: { companyId: string; staffId: string | null },
  invoiceId: string,
  body: InvoiceRefundBody,
): Promise<InvoiceRefund> {
  return ctx.db.transaction(async (tx) => {
    const invoice = await store.findInvoice(tx, { id: invoiceId }, { forUpdate: true });
    if (invoice?.companyId !== actor.companyId) throw invoiceNotFound(invoiceId);
    const id = `irf_${body.refundId}`;
    const earlier = await findRefund(tx, id);
    if (earlier) {
      if (
        earlier.invoiceId !== invoice.id ||
        earlier.amount !== body.amount ||
        earlier.refundedOn !== body.refundedOn
      ) {
        throw new DomainError('duplicate', 'This refund id was used for another refund.', [
          { field: 'refundId', message: 'Already used for another refund' },
        ]);
      }
      return {
        refundId: body.refundId,
        invoiceId,
        amount: body.amount,
        refundedOn: body.refundedOn,
        balance: invoiceBalance(invoice),
      };
    }
    const now = ctx.clock();
    const seller = await store.findSeller(tx, invoice.companyId);
    if (body.refundedOn > toWallClock(now, seller.timeZone).date) {
      throw new DomainError('validation_failed', 'A refund cannot be dated in the future.', [
        { field: 'refundedOn', message: 'Not after today' },
      ]);
    }
    const overpaid = Math.max(0, -invoiceBalance(invoice));
    if (body.amount > overpaid) {
      throw new DomainError('invalid_state', 'That is more than the customer paid too much.', [
        { field: 'amount', message: `At most ${overpaid} öre is over-paid on this invoice` },
      ]);
    }
    await tx.query(
      `insert into invoice_refunds (id, company_id, invoice_id, amount, refunded_on, note, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        invoice.companyId,
        invoice.id,
        body.amount,
        body.refundedOn,
        body.note ?? null,
        actor.staffId,
        now,
      ],
    );
    const money = { ...invoice, paidAmount: invoice.paidAmount - body.amount };
    const state = invoiceStateOf(money);
    await store.updateInvoiceMoney(tx, invoice.id, { ...money, state }, now);
    const balance = invoiceBalance(money);
    await emitEvents(
      tx,
      [
        {
          type: 'invoice.overpayment_refunded',
          aggregateType: 'invoice',
          aggregateId: invoice.id,
          storeId: invoice.storeId,
          data: {
            invoiceId: invoice.id,
            number: invoice.number,
            refundId: body.refundId,
            amount: body.amount,
            refundedOn: body.refundedOn,
            balance,
          },
        },
      ],
      now,
    );
    return { refundId: body.refundId, invoiceId, amount: body.amount, refundedOn: body.refundedOn, balance };
  });
}
