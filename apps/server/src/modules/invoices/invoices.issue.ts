// Issuing an invoice inside the sale's own transaction: exactly one per sale (the source is unique
// and re-checked under the customer's lock), the next number of the company's gapless series, the
// OCR reference, the due date from the customer's terms, and the credit limit — refused for a sale
// that can still be refused, flagged for one that already happened (a register receipt).
import type { InvoiceBuyer, InvoiceLine } from '@handla/api';
import {
  DomainError,
  fitsCreditLimit,
  invoiceDueDate,
  invoiceTotals,
  makeOcrReference,
  toWallClock,
  vatOfShare,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { NewEvent } from '../../outbox/emit';
import { type CustomerRow, lockCustomerRow } from '../customers/customers.store';
import { queueInvoiceMail } from './invoices.mail';
import * as store from './invoices.store';

export interface IssueInvoiceInput {
  source: { kind: store.InvoiceRow['sourceKind']; id: string };
  customerId: string;
  storeId: string | null;
  currency: string;
  lines: InvoiceLine[];
  /** What the invoice is for when it pays only part of the sale; the lines' total by default. */
  amount?: number;
  /** `refuse`: 409 `credit_limit_exceeded` naming `creditLimit`; `flag`: issue it and flag it. */
  creditRule: 'refuse' | 'flag';
  /** The request field naming the customer, for a refusal. */
  customerField: string;
  locale: 'sv' | 'en';
  createdBy: string | null;
}

export interface IssuedInvoice {
  invoice: store.InvoiceRow;
  isNew: boolean;
  /** For the caller to emit last (the outbox lock is held until commit). */
  events: NewEvent[];
}

function buyerOf(customer: CustomerRow): InvoiceBuyer {
  const address = customer.invoiceAddress ?? customer.deliveryAddress;
  return {
    customerId: customer.id,
    name: customer.name,
    kind: customer.kind,
    orgNumber: customer.orgNumber,
    email: customer.email,
    address: address ? { ...address, country: address.country ?? 'SE' } : null,
  };
}

export function creditLimitExceeded(openBalance: number, amount: number, limit: number | null): DomainError {
  const message =
    limit === null
      ? 'The customer has no credit: set a credit limit to sell on invoice'
      : `Open invoices ${openBalance} öre + this sale ${amount} öre exceed the credit limit ${limit} öre`;
  return new DomainError('credit_limit_exceeded', 'The sale would exceed the customer’s credit limit.', [
    { field: 'creditLimit', message },
  ]);
}

/** Issues the invoice of a sale in `tx`, or returns the one issued for it before. */
export async function issueInvoiceIn(
  tx: Queryable,
  ctx: AppContext,
  input: IssueInvoiceInput,
): Promise<IssuedInvoice> {
  // The customer's lock serializes every invoice sale of that customer: the credit check below and
  // the insert are one step for concurrent sales, and a retried sale finds its first invoice.
  const customer = await lockCustomerRow(tx, input.customerId);
  if (!customer) {
    throw new DomainError('validation_failed', 'Unknown customer.', [
      { field: input.customerField, message: 'No such customer' },
    ]);
  }
  const earlier = await store.findInvoice(tx, { source: input.source });
  if (earlier) return { invoice: earlier, isNew: false, events: [] };
  if (input.creditRule === 'refuse' && (customer.mergedIntoId || customer.erasedAt)) {
    throw new DomainError('invalid_state', 'The customer was merged or erased.', [
      { field: input.customerField, message: 'Merged or erased customer' },
    ]);
  }

  const full = invoiceTotals(input.lines);
  const amount = input.amount ?? full.totalInclVat;
  const vat = amount === full.totalInclVat ? full.vat : vatOfShare(full.vat, amount);
  const openBalance = await store.sumOpenBalance(tx, customer.id);
  const fits = fitsCreditLimit(openBalance, amount, customer.creditLimit);
  if (!fits && input.creditRule === 'refuse')
    throw creditLimitExceeded(openBalance, amount, customer.creditLimit);

  const now = ctx.clock();
  const seller = await store.findSeller(tx, customer.companyId);
  const issueDate = toWallClock(now, seller.timeZone).date;
  // Late: the counter row stays locked until commit.
  const number = await store.takeInvoiceNumber(tx, customer.companyId);
  const invoice: store.InvoiceRow = {
    id: ctx.newId('inv'),
    companyId: customer.companyId,
    number,
    customerId: customer.id,
    buyer: buyerOf(customer),
    sourceKind: input.source.kind,
    sourceId: input.source.id,
    storeId: input.storeId,
    currency: input.currency,
    lines: input.lines,
    vat,
    totalInclVat: amount,
    vatAmount: vat.reduce((s, r) => s + r.vatAmount, 0),
    feesAmount: 0,
    paidAmount: 0,
    creditedAmount: 0,
    // The length digit lets Bankgirot's OCR control also catch a dropped or added digit.
    ocr: makeOcrReference(number, { withLengthDigit: true }),
    issueDate,
    dueDate: invoiceDueDate(issueDate, customer.paymentTermsDays),
    state: 'open',
    isOverCreditLimit: !fits,
    reminderCount: 0,
    lastRemindedOn: null,
    locale: input.locale,
    createdBy: input.createdBy,
    createdAt: now,
    updatedAt: now,
  };
  await store.insertInvoice(tx, invoice);
  await queueInvoiceMail(tx, ctx, invoice, 'invoice_issued');
  const data = {
    invoiceId: invoice.id,
    number,
    customerId: customer.id,
    totalInclVat: amount,
    source: input.source,
  };
  const events: NewEvent[] = [
    {
      type: 'invoice.issued',
      aggregateType: 'invoice',
      aggregateId: invoice.id,
      storeId: input.storeId,
      data,
    },
  ];
  if (!fits) {
    events.push({
      type: 'invoice.credit_limit_exceeded',
      aggregateType: 'invoice',
      aggregateId: invoice.id,
      storeId: input.storeId,
      data: { ...data, creditLimit: customer.creditLimit, openBalance },
    });
  }
  return { invoice, isNew: true, events };
}
