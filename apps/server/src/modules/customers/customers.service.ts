// A minimal customer register: enough to assign B2B price lists to the companies that buy on them.
import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { findPriceListFacts } from '../pricing/pricing.lookups';
import { checkVersion, decodeCursor, encodeCursor, notFound, raceLost } from '../pricing/pricing.shared';
import * as store from './customers.store';

// Only B2B lists are assigned: the retail list is what everyone without a list pays anyway.
async function assertAssignable(q: Queryable, priceListId: string | null): Promise<void> {
  if (priceListId === null) return;
  const list = await findPriceListFacts(q, priceListId);
  if (list?.kind !== 'b2b') {
    throw new DomainError('validation_failed', 'Customers are assigned B2B price lists only.', [
      { field: 'priceListId', message: list ? 'Not a B2B list' : 'Unknown price list' },
    ]);
  }
}

/** A page of customers by name. */
export async function listCustomers(ctx: AppContext, query: { limit: number; cursor?: string }) {
  const companyId = await store.firstCompanyId(ctx.db);
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const rows = await store.listCustomerRows(
    ctx.db,
    companyId,
    after ? { name: after[0]!, id: after[1]! } : undefined,
    query.limit + 1,
  );
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(store.toCustomer),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/** Customers matching `text` by name, e-mail or organisation number (the register's search). */
export async function searchCustomers(ctx: AppContext, text: string, limit: number) {
  const companyId = await store.firstCompanyId(ctx.db);
  return { items: (await store.searchCustomerRows(ctx.db, companyId, text, limit)).map(store.toCustomer) };
}

/** One customer by id. */
export async function getCustomer(ctx: AppContext, id: string): Promise<Customer> {
  const row = await store.findCustomerRow(ctx.db, id);
  if (!row) throw notFound('customer', id, 'id');
  return store.toCustomer(row);
}

/** Creates a customer, optionally on a B2B price list. */
export async function createCustomer(ctx: AppContext, input: CreateCustomerBody): Promise<Customer> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await assertAssignable(tx, input.priceListId);
    const row = await store.insertCustomerRow(
      tx,
      { ...input, id: ctx.newId('cus'), companyId: await store.firstCompanyId(tx) },
      now,
    );
    await emitEvent(
      tx,
      {
        type: 'customer.created',
        aggregateType: 'customer',
        aggregateId: row.id,
        data: { name: row.name, priceListId: row.priceListId },
      },
      now,
    );
    return store.toCustomer(row);
  });
}

/** Changes a customer at the version the caller read; `priceListId: null` ends B2B pricing. */
export async function updateCustomer(
  ctx: AppContext,
  id: string,
  input: UpdateCustomerBody,
): Promise<Customer> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findCustomerRow(tx, id);
    if (!current) throw notFound('customer', id, 'id');
    checkVersion(current, input.version, 'customer');
    const next = {
      name: input.name ?? current.name,
      email: input.email === undefined ? current.email : input.email,
      orgNumber: input.orgNumber === undefined ? current.orgNumber : input.orgNumber,
      priceListId: input.priceListId === undefined ? current.priceListId : input.priceListId,
    };
    if (next.priceListId !== current.priceListId) await assertAssignable(tx, next.priceListId);
    const row = await store.updateCustomerRow(tx, id, next, input.version, now);
    if (!row) throw raceLost('customer');
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
    return store.toCustomer(row);
  });
}
