// The customer register: consumers and companies with their numbers, contacts, addresses, payment
// terms, credit limit, loyalty card number and B2B price list.
import type { CreateCustomerBody, Customer, CustomerListQuery, UpdateCustomerBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { checkVersion, decodeCursor, encodeCursor, notFound, raceLost } from '../pricing/pricing.shared';
import * as store from './customers.store';
import { checkCustomerState } from './customers.validate';

/** A page of active customers by name, optionally searched (name, e-mail, numbers, phone, card). */
export async function listCustomers(ctx: AppContext, query: CustomerListQuery) {
  const companyId = await store.firstCompanyId(ctx.db);
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const rows = await store.listCustomerRows(
    ctx.db,
    companyId,
    {
      ...(after ? { after: { name: after[0]!, id: after[1]! } } : {}),
      ...(query.q ? { text: query.q } : {}),
    },
    query.limit + 1,
  );
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    items: await store.toCustomers(ctx.db, pageRows),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/** The register's search: card number (a scan), name, e-mail, phone, personal or organisation number. */
export async function searchCustomers(ctx: AppContext, text: string, limit: number) {
  const companyId = await store.firstCompanyId(ctx.db);
  const rows = await store.searchCustomerRows(ctx.db, companyId, text, limit);
  return { items: await store.toCustomers(ctx.db, rows) };
}

/** One customer by id (a merged one too: its `mergedIntoId` says where it went). */
export async function getCustomer(ctx: AppContext, id: string): Promise<Customer> {
  const row = await store.findCustomerRow(ctx.db, id);
  if (!row) throw notFound('customer', id, 'id');
  return store.toCustomer(ctx.db, row);
}

/** Creates a customer in the open transaction; checked, then `customer.created` emitted last. */
export async function createCustomerIn(
  tx: Queryable,
  ctx: AppContext,
  input: CreateCustomerBody,
  now: Date,
): Promise<Customer> {
  const companyId = await store.firstCompanyId(tx);
  const state = await checkCustomerState(
    tx,
    companyId,
    {
      name: input.name,
      email: input.email,
      orgNumber: input.orgNumber,
      priceListId: input.priceListId,
      // Without a kind, an organisation number makes a company.
      kind: input.kind ?? (input.orgNumber ? 'company' : 'consumer'),
      personalNumber: input.personalNumber ?? null,
      phone: input.phone ?? null,
      cardNumber: input.cardNumber ?? null,
      paymentTermsDays: input.paymentTermsDays ?? null,
      creditLimit: input.creditLimit ?? null,
      deliveryAddress: input.deliveryAddress ?? null,
      invoiceAddress: input.invoiceAddress ?? null,
      groups: input.groups ?? [],
    },
    null,
  );
  const row = await store.insertCustomerRow(tx, { ...state, id: ctx.newId('cus'), companyId }, now);
  if (input.contacts?.length) await store.replaceContacts(tx, row.id, input.contacts);
  await emitEvent(
    tx,
    {
      type: 'customer.created',
      aggregateType: 'customer',
      aggregateId: row.id,
      data: { name: row.name, kind: row.kind, priceListId: row.priceListId },
    },
    now,
  );
  return store.toCustomer(tx, row);
}

/** Creates a customer: a consumer or a company, optionally on a B2B price list. */
export async function createCustomer(ctx: AppContext, input: CreateCustomerBody): Promise<Customer> {
  const now = ctx.clock();
  return ctx.db.transaction((tx) => createCustomerIn(tx, ctx, input, now));
}

const pick = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

/** Changes a customer at the version the caller read; `null` clears a field, absent keeps it. */
export async function updateCustomer(
  ctx: AppContext,
  id: string,
  input: UpdateCustomerBody,
): Promise<Customer> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findCustomerRow(tx, id);
    if (!current) throw notFound('customer', id, 'id');
    if (current.mergedIntoId !== null || current.erasedAt !== null) {
      throw new DomainError('conflict', 'A merged or erased customer is not changed.', [
        { field: 'id', message: current.mergedIntoId ? 'Merged into another customer' : 'Erased' },
      ]);
    }
    checkVersion(current, input.version, 'customer');
    const was = store.stateOf(current);
    const next = await checkCustomerState(
      tx,
      current.companyId,
      {
        name: input.name ?? was.name,
        email: pick(input.email, was.email),
        orgNumber: pick(input.orgNumber, was.orgNumber),
        priceListId: pick(input.priceListId, was.priceListId),
        kind: input.kind ?? was.kind,
        personalNumber: pick(input.personalNumber, was.personalNumber),
        phone: pick(input.phone, was.phone),
        cardNumber: pick(input.cardNumber, was.cardNumber),
        paymentTermsDays: pick(input.paymentTermsDays, was.paymentTermsDays),
        creditLimit: pick(input.creditLimit, was.creditLimit),
        deliveryAddress: pick(input.deliveryAddress, was.deliveryAddress),
        invoiceAddress: pick(input.invoiceAddress, was.invoiceAddress),
        groups: input.groups ?? was.groups,
      },
      { ...was, id },
    );
    const row = await store.updateCustomerRow(tx, id, next, input.version, now);
    if (!row) throw raceLost('customer');
    if (input.contacts) await store.replaceContacts(tx, id, input.contacts);
    await emitEvent(
      tx,
      {
        type: 'customer.updated',
        aggregateType: 'customer',
        aggregateId: id,
        data: { name: row.name, priceListId: row.priceListId, previousPriceListId: current.priceListId },
      },
      now,
    );
    return store.toCustomer(tx, row);
  });
}
