// Invoices for staff and integrations: list with sums, one with its payments, a manual sale on
// account, the register's credit pre-check and the company's invoice settings.
import type {
  CreateInvoiceBody,
  Invoice,
  InvoiceCreditCheck,
  InvoiceList,
  InvoiceListQuery,
  InvoiceSettings,
} from '@handla/api';
import { DomainError, fitsCreditLimit, toWallClock } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents } from '../../outbox/emit';
import { findCustomerRow } from '../customers/customers.store';
import { issueInvoiceIn } from './invoices.issue';
import { invoiceNotFound } from './invoices.payments';
import * as store from './invoices.store';
import { viewInvoice, viewInvoiceSummary } from './invoices.view';

/** Who asks: the company whose invoices they see, and the staff member (null for an API key). */
export interface InvoiceActor {
  companyId: string;
  staffId: string | null;
}

async function todayIn(q: Queryable, ctx: AppContext, companyId: string) {
  return toWallClock(ctx.clock(), (await store.findSeller(q, companyId)).timeZone).date;
}

export async function listInvoices(
  ctx: AppContext,
  actor: InvoiceActor,
  query: InvoiceListQuery,
): Promise<InvoiceList> {
  const today = await todayIn(ctx.db, ctx, actor.companyId);
  const filter: store.InvoiceFilter = {
    companyId: actor.companyId,
    status: query.status,
    today,
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
  const [rows, sums] = await Promise.all([
    store.listInvoices(ctx.db, filter, query.limit),
    store.sumInvoices(ctx.db, filter),
  ]);
  return { items: rows.map((r) => viewInvoiceSummary(r, today)), sums };
}

export async function loadInvoice(q: Queryable, actor: InvoiceActor, id: string) {
  const row = await store.findInvoice(q, { id });
  if (row?.companyId !== actor.companyId) throw invoiceNotFound(id);
  return row;
}

export async function getInvoice(ctx: AppContext, actor: InvoiceActor, id: string): Promise<Invoice> {
  const row = await loadInvoice(ctx.db, actor, id);
  const today = await todayIn(ctx.db, ctx, actor.companyId);
  return viewInvoice(row, await store.listPayments(ctx.db, row.id), today);
}

/**
 * A sale on account without a register or web order (the back office, an integration): refused
 * with 409 `credit_limit_exceeded` naming `creditLimit` when the customer's open invoices plus this
 * one exceed the limit. Idempotent on `saleId`: a repeat answers the first invoice.
 */
export async function createManualInvoice(
  ctx: AppContext,
  actor: InvoiceActor,
  body: CreateInvoiceBody,
): Promise<{ invoice: Invoice; isNew: boolean }> {
  const customer = await findCustomerRow(ctx.db, body.customerId);
  if (customer?.companyId !== actor.companyId) {
    throw new DomainError('validation_failed', 'Unknown customer.', [
      { field: 'customerId', message: 'No such customer' },
    ]);
  }
  if (customer.kind === 'consumer' && !(await store.findSettings(ctx.db, actor.companyId)).allowConsumers) {
    throw new DomainError('validation_failed', 'Consumers may not buy on invoice here.', [
      {
        field: 'customerId',
        message: 'A consumer: invoice is offered to companies (see the invoice settings)',
      },
    ]);
  }
  const issued = await ctx.db.transaction(async (tx) => {
    const result = await issueInvoiceIn(tx, ctx, {
      source: { kind: 'manual', id: body.saleId },
      customerId: body.customerId,
      storeId: null,
      currency: 'SEK',
      lines: body.lines.map((l) => ({ ...l, amountInclVat: l.unitPriceInclVat * l.quantity })),
      creditRule: 'refuse',
      customerField: 'customerId',
      locale: body.locale,
      createdBy: actor.staffId,
    });
    if (result.isNew) await emitEvents(tx, result.events, ctx.clock());
    return result;
  });
  if (!issued.isNew && issued.invoice.customerId !== body.customerId) {
    throw new DomainError('duplicate', 'This sale id was used for another invoice.', [
      { field: 'saleId', message: 'Already used for another sale' },
    ]);
  }
  return { invoice: await getInvoice(ctx, actor, issued.invoice.id), isNew: issued.isNew };
}

/**
 * The register's online question before it takes an invoice payment: would this amount keep the
 * customer within the credit limit? Nothing is held — the sale itself is the fact (see docs).
 */
export async function checkInvoiceCredit(
  ctx: AppContext,
  customerId: string,
  amount: number,
): Promise<InvoiceCreditCheck> {
  const customer = await findCustomerRow(ctx.db, customerId);
  if (!customer) {
    throw new DomainError('validation_failed', 'Unknown customer.', [
      { field: 'customerId', message: 'No such customer' },
    ]);
  }
  const openBalance = await store.sumOpenBalance(ctx.db, customerId);
  const limit = customer.creditLimit;
  return {
    isAllowed: fitsCreditLimit(openBalance, amount, limit),
    creditLimit: limit,
    openBalance,
    headroom: limit === null ? 0 : Math.max(limit - openBalance, 0),
  };
}

export async function getInvoiceSettings(ctx: AppContext, actor: InvoiceActor): Promise<InvoiceSettings> {
  return store.findSettings(ctx.db, actor.companyId);
}

export async function saveInvoiceSettings(
  ctx: AppContext,
  actor: InvoiceActor,
  settings: InvoiceSettings,
): Promise<InvoiceSettings> {
  await store.saveSettings(ctx.db, actor.companyId, settings, ctx.clock());
  return store.findSettings(ctx.db, actor.companyId);
}
