// Invoice as a web checkout payment method: who may choose it, and the order's invoice issued in
// the checkout's own transaction (so a refusal for the credit limit rolls back the held stock, the
// order and its number too).
import type { InvoiceLine } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { findCustomerRow, lockCustomerRow } from '../customers/customers.store';
import { findSettings } from './invoice-settings.store';
import { issueInvoiceIn } from './invoices.issue';
import { lockInvoiceCounter } from './invoices.store';

const FIELD = 'payment.method';

function notAllowed(message: string): DomainError {
  return new DomainError('validation_failed', 'Paying by invoice is not offered to this shopper.', [
    { field: FIELD, message },
  ]);
}

/** Whether the signed-in shopper may pay by invoice: a company, or a consumer where allowed. */
export async function canPayByInvoice(q: Queryable, customerId: string | null): Promise<boolean> {
  if (!customerId) return false;
  const customer = await findCustomerRow(q, customerId);
  if (!customer || customer.mergedIntoId || customer.erasedAt) return false;
  return customer.kind === 'company' || (await findSettings(q, customer.companyId)).allowConsumers;
}

/** Refuses an invoice checkout by a guest or a consumer not allowed, before anything is held. */
export async function assertCanPayByInvoice(q: Queryable, customerId: string | null): Promise<void> {
  if (!customerId) throw notAllowed('Sign in to pay by invoice');
  if (!(await canPayByInvoice(q, customerId))) {
    throw notAllowed('Invoice is offered to companies (see the invoice settings)');
  }
}

/**
 * The first locks of a web checkout by invoice, before any stock row: the customer, then the
 * company's invoice counter. A register sale paid by invoice (register-invoices.apply.ts, inside
 * the receipt's transaction) locks the customer and takes the invoice number before it moves the
 * stock; a checkout taking stock first and the customer (or the counter) last could wait on that
 * sale while it waits on the checkout's stock row — a deadlock. Customer → invoice counter →
 * stock everywhere instead. Locking again later (issueInvoiceIn) is a no-op.
 */
export async function lockInvoiceSaleIn(tx: Queryable, customerId: string): Promise<void> {
  const customer = await lockCustomerRow(tx, customerId);
  if (customer) await lockInvoiceCounter(tx, customer.companyId);
}

/** The order's lines as priced, after discounts, and the shipping fee as a line of its own. */
export interface OrderInvoiceInput {
  orderId: string;
  customerId: string;
  storeId: string | null;
  currency: string;
  locale: 'sv' | 'en';
  lines: {
    name: string;
    quantity: number;
    unitPriceInclVat: number;
    lineTotalInclVat: number;
    vatRateBp: number;
  }[];
  shipping: { name: string; priceInclVat: number; vatRateBp: number } | null;
}

/**
 * Issues the invoice of a web order in the checkout's transaction: 409 `credit_limit_exceeded`
 * naming `creditLimit` beyond the limit. Returns the events for the caller to emit last.
 */
export async function issueOrderInvoiceIn(
  tx: Queryable,
  ctx: AppContext,
  order: OrderInvoiceInput,
): Promise<NewEvent[]> {
  const lines: InvoiceLine[] = order.lines.map((l) => ({
    description: l.name,
    quantity: l.quantity,
    // A discounted line is invoiced at its price after the discount, so the lines add up.
    unitPriceInclVat:
      l.lineTotalInclVat === l.unitPriceInclVat * l.quantity
        ? l.unitPriceInclVat
        : Math.round(l.lineTotalInclVat / l.quantity),
    amountInclVat: l.lineTotalInclVat,
    vatRateBp: l.vatRateBp,
  }));
  if (order.shipping && order.shipping.priceInclVat > 0) {
    lines.push({
      description: order.shipping.name,
      quantity: 1,
      unitPriceInclVat: order.shipping.priceInclVat,
      amountInclVat: order.shipping.priceInclVat,
      vatRateBp: order.shipping.vatRateBp,
    });
  }
  const issued = await issueInvoiceIn(tx, ctx, {
    source: { kind: 'order', id: order.orderId },
    customerId: order.customerId,
    storeId: order.storeId,
    currency: order.currency,
    lines,
    creditRule: 'refuse',
    customerField: FIELD,
    locale: order.locale,
    createdBy: null,
  });
  return issued.events;
}
