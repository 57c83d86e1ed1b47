// What the ERP gets of each entity: an order's or customer's whole current state (as the API shows
// it, minus what only the shopper or the store needs), and the body that wraps one message.
import { createHash } from 'node:crypto';
import type { Customer, Order } from '@handla/api';
import type { Queryable } from '@handla/db';
import { listMergedIds } from '../customers/crm.store';
import { findCustomerRow, toCustomers } from '../customers/customers.store';
import { listOrders, listOrdersByIds } from '../orders/orders.store';
import { viewOrders } from '../orders/orders.view';
import type { MessageRow } from './erp.messages.store';

/** An entity's state and the company it belongs to. */
export interface EntityState<T> {
  id: string;
  companyId: string;
  state: T;
}

/** The hash that tells whether a state changed since the last message. */
export function hashOf(state: unknown): string {
  return createHash('sha256').update(JSON.stringify(state)).digest('hex');
}

// The status link, pickup code, lock holder and the pending 3-D Secure step are for the shopper and
// the store; leaving them out also keeps a lock or an unlock from making a new version.
function orderState(order: Order) {
  const { statusUrl: _u, pickupCode: _p, lockedBy: _l, amountToPay: _a, payment, ...rest } = order;
  const { action: _action, ...paymentState } = payment;
  return { ...rest, payment: paymentState };
}
export type ErpOrderState = ReturnType<typeof orderState>;

/** Every order of these customers, e.g. to follow an erasure. */
export async function listOrderIdsOfCustomers(
  q: Queryable,
  customerIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const customerId of customerIds) {
    for (const row of await listOrders(q, { customerId, limit: 10_000 })) ids.push(row.id);
  }
  return ids;
}

/** The orders as the ERP gets them; orders still awaiting payment are not placed yet and left out. */
export async function readOrderStates(
  q: Queryable,
  orderIds: readonly string[],
): Promise<EntityState<ErpOrderState>[]> {
  const rows = (await listOrdersByIds(q, orderIds)).filter((row) => row.status !== 'awaiting_payment');
  const views = await viewOrders(q, rows);
  return rows.map((row, i) => ({ id: row.id, companyId: row.companyId, state: orderState(views[i]!) }));
}

/**
 * The customers as the ERP gets them. An erased customer comes with the customers once merged
 * into it, anonymized too; a merged-away one carries `mergedIntoId`, so the ERP can merge as well.
 */
export async function readCustomerStates(
  q: Queryable,
  customerIds: readonly string[],
): Promise<EntityState<Customer>[]> {
  const ids = new Set(customerIds);
  for (const id of customerIds) {
    const row = await findCustomerRow(q, id);
    if (row?.erasedAt) for (const merged of await listMergedIds(q, id)) ids.add(merged);
  }
  const rows = [];
  for (const id of ids) {
    const row = await findCustomerRow(q, id);
    if (row) rows.push(row);
  }
  const customers = await toCustomers(q, rows);
  return rows.map((row, i) => ({ id: row.id, companyId: row.companyId, state: customers[i]! }));
}

const STATE_KEY = { order: 'order', customer: 'customer', daily_sales: 'dailySales' } as const;

/**
 * The JSON body of a message: who it is, which version of the entity, the ERP's number when it
 * already gave one (so it updates rather than creates), and the state.
 */
export function messageBody(message: MessageRow, erpNumber: string | null) {
  return {
    messageId: message.messageId,
    entity: message.entityKind,
    id: message.entityId,
    version: message.version,
    erpNumber,
    createdAt: message.createdAt.toISOString(),
    [STATE_KEY[message.entityKind]]: message.payload,
  };
}
