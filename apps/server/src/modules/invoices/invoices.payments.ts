// Money in against invoices: a payment registered by hand, a Bankgirot BgMax file matched by OCR,
// and credits from register returns. Each payment is one row, recorded once (its id or the bank's
// reference is unique); the invoice's paid amount and state follow in the same transaction.
import { createHash } from 'node:crypto';
import type { BankFileImport, RegisterInvoicePaymentBody } from '@handla/api';
import { DomainError, invoiceBalance, invoiceStateOf, parseBgMax, toWallClock } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import * as store from './invoices.store';

export type PaymentOutcome = 'paid' | 'partially_paid' | 'overpaid';

/** Records a payment (or credit) on the locked invoice; null when it was recorded before. */
export async function applyPaymentIn(tx: Queryable, invoice: store.InvoiceRow, payment: store.NewPayment) {
  if (!(await store.insertPayment(tx, payment))) return null;
  return applyToInvoice(tx, invoice, payment);
}

/** Adds a recorded payment (or credit) to the locked invoice: paid amount and state. */
async function applyToInvoice(
  tx: Queryable,
  invoice: store.InvoiceRow,
  payment: store.NewPayment,
): Promise<{ outcome: PaymentOutcome; event: NewEvent }> {
  const money = {
    totalInclVat: invoice.totalInclVat,
    feesAmount: invoice.feesAmount,
    paidAmount: invoice.paidAmount + (payment.method === 'credit' ? 0 : payment.amount),
    creditedAmount: invoice.creditedAmount + (payment.method === 'credit' ? payment.amount : 0),
  };
  const state = invoiceStateOf(money);
  await store.updateInvoiceMoney(tx, invoice.id, { ...money, state }, payment.createdAt);
  const balance = invoiceBalance(money);
  const outcome: PaymentOutcome = balance < 0 ? 'overpaid' : balance === 0 ? 'paid' : 'partially_paid';
  return {
    outcome,
    event: {
      type: 'invoice.payment_recorded',
      aggregateType: 'invoice',
      aggregateId: invoice.id,
      storeId: invoice.storeId,
      data: {
        invoiceId: invoice.id,
        number: invoice.number,
        paymentId: payment.id,
        method: payment.method,
        amount: payment.amount,
        paidOn: payment.paidOn,
        state,
        balance,
      },
    },
  };
}

function todayOf(ctx: AppContext, timeZone: string) {
  return toWallClock(ctx.clock(), timeZone).date;
}

/**
 * Registers a payment by hand. A repeated `paymentId` records nothing new; the same id for another
 * invoice or amount is 409 `duplicate`. Paying more than is left is taken and shown as over-paid.
 */
export async function registerManualPayment(
  ctx: AppContext,
  actor: { companyId: string; staffId: string | null },
  invoiceId: string,
  body: RegisterInvoicePaymentBody,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invoice = await store.findInvoice(tx, { id: invoiceId }, { forUpdate: true });
    if (invoice?.companyId !== actor.companyId) throw invoiceNotFound(invoiceId);
    const seller = await store.findSeller(tx, invoice.companyId);
    if (body.paidOn > todayOf(ctx, seller.timeZone)) {
      throw new DomainError('validation_failed', 'A payment cannot be dated in the future.', [
        { field: 'paidOn', message: 'Not after today' },
      ]);
    }
    const payment: store.NewPayment = {
      id: `ipm_${body.paymentId}`,
      companyId: invoice.companyId,
      invoiceId: invoice.id,
      method: 'manual',
      amount: body.amount,
      paidOn: body.paidOn,
      reference: null,
      payer: null,
      bankReference: null,
      importId: null,
      note: body.note ?? null,
      createdBy: actor.staffId,
      createdAt: ctx.clock(),
    };
    if (!(await store.insertPayment(tx, payment))) {
      const earlier = await store.findPayment(tx, payment.id);
      if (
        earlier?.invoiceId !== invoice.id ||
        earlier.amount !== body.amount ||
        earlier.paidOn !== body.paidOn
      ) {
        throw new DomainError('duplicate', 'This payment id was used for another payment.', [
          { field: 'paymentId', message: 'Already used for another payment' },
        ]);
      }
      return;
    }
    if (invoice.state === 'credited') {
      throw new DomainError('invalid_state', 'The invoice is credited; nothing is owed on it.', [
        { field: 'amount', message: 'The invoice is credited' },
      ]);
    }
    const { event } = await applyToInvoice(tx, invoice, payment);
    await emitEvents(tx, [event], payment.createdAt);
  });
}

export function invoiceNotFound(id: string): DomainError {
  return new DomainError('not_found', `No invoice ${id}.`, [{ field: 'id', message: 'Unknown invoice' }]);
}

/** Bankgirot writes ISO 8859-1; a file saved again as UTF-8 is taken too. */
function decodeBankFile(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

type ImportRowResult = BankFileImport['rows'][number];

/**
 * Imports a BgMax file: each payment (record 20) is matched to an invoice by its OCR reference
 * (or an extra reference) and recorded once — by Bankgirot's serial on the payment date — so the
 * same file, or a later file repeating a payment, records nothing twice. Payments that match no
 * open invoice are kept unmatched for a person to place. A bad file changes nothing.
 */
export async function importBankFile(
  ctx: AppContext,
  actor: { companyId: string; staffId: string | null },
  bytes: Buffer,
): Promise<BankFileImport> {
  const file = parseBgMax(decodeBankFile(bytes));
  const sha = createHash('sha256').update(bytes).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const settings = await store.findSettings(tx, actor.companyId);
    const ours = settings.bankgiro?.replace(/\D/g, '');
    if (ours && ours !== file.receiverBankgiro) {
      throw new DomainError('validation_failed', 'The file is for another bankgiro number.', [
        {
          field: 'line 2',
          message: `The file is for bankgiro ${file.receiverBankgiro}, ours is ${settings.bankgiro}`,
        },
      ]);
    }
    const now = ctx.clock();
    const importId = ctx.newId('ibf');
    const isNew = await store.insertImport(tx, {
      id: importId,
      companyId: actor.companyId,
      fileSha256: sha,
      fileTimestamp: file.timestamp,
      receiverBankgiro: file.receiverBankgiro,
      payments: file.payments.length,
      matched: 0,
      unmatched: 0,
      totalAmount: file.payments.reduce((s, p) => s + (p.kind === 'payment' ? p.amount : -p.amount), 0),
      createdBy: actor.staffId,
      createdAt: now,
    });
    const rows: ImportRowResult[] = [];
    const events: NewEvent[] = [];
    for (const p of file.payments) {
      const base = {
        line: p.line,
        reference: p.reference,
        amount: p.kind === 'payment' ? p.amount : -p.amount,
        paidOn: p.paymentDate,
        payer: p.payerName,
      };
      // A deduction (21) takes money back from an earlier payment: left for a person to handle.
      if (p.kind === 'deduction') {
        rows.push({ ...base, outcome: 'unmatched', invoiceId: null, invoiceNumber: null });
        continue;
      }
      let invoice: store.InvoiceRow | undefined;
      for (const ref of [p.reference, ...p.extraReferences]) {
        const digits = ref.replace(/\s+/g, '');
        if (!/^\d+$/.test(digits)) continue;
        invoice = await store.findInvoice(
          tx,
          { companyId: actor.companyId, ocr: digits },
          { forUpdate: true },
        );
        if (invoice && invoice.state !== 'credited') break;
        invoice = undefined;
      }
      const payment: store.NewPayment = {
        id: ctx.newId('ipm'),
        companyId: actor.companyId,
        invoiceId: invoice?.id ?? null,
        method: 'bankgiro',
        amount: p.amount,
        paidOn: p.paymentDate,
        reference: p.reference,
        payer: p.payerName,
        bankReference: `bg:${file.receiverBankgiro}:${p.paymentDate}:${p.bgcSerial}`,
        importId,
        note: p.information.join(' ') || null,
        createdBy: actor.staffId,
        createdAt: now,
      };
      if (!(await store.insertPayment(tx, payment))) {
        rows.push({ ...base, outcome: 'already_recorded', invoiceId: null, invoiceNumber: null });
        continue;
      }
      if (!invoice) {
        rows.push({ ...base, outcome: 'unmatched', invoiceId: null, invoiceNumber: null });
        continue;
      }
      const applied = await applyToInvoice(tx, invoice, payment);
      events.push(applied.event);
      rows.push({ ...base, outcome: applied.outcome, invoiceId: invoice.id, invoiceNumber: invoice.number });
    }
    const matched = rows.filter((r) => r.invoiceId !== null).length;
    const unmatched = rows.filter((r) => r.outcome === 'unmatched').length;
    const existing = isNew ? null : await store.findImportBySha(tx, actor.companyId, sha);
    if (isNew) await store.updateImportCounts(tx, importId, matched, unmatched);
    await emitEvents(tx, events, now);
    return {
      importId: existing?.id ?? importId,
      isRepeat: !isNew,
      fileTimestamp: file.timestamp,
      payments: file.payments.length,
      matched,
      unmatched,
      totalAmount: file.payments.reduce((s, p) => s + (p.kind === 'payment' ? p.amount : -p.amount), 0),
      rows,
    };
  });
}
