// Shopper accounts: sign-up, sign-in (throttled like staff sign-in), sign-out, order history and
// "order again". An account is linked to a customer; its orders are those placed while signed in
// (matched by customer id). Guest orders with the same e-mail are not claimed: an e-mail address
// proves nothing until it is verified, and the order-status link already serves the guest.
import { createHash, randomBytes } from 'node:crypto';
import type {
  CustomerAccount,
  CustomerSignInBody,
  CustomerSignUpBody,
  Order,
  ReorderResult,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import { signInThrottle } from '../auth/sign-in-throttle';
import { searchSkus } from '../catalog/catalog.service';
import { createCustomer } from '../customers/customers.service';
import { locationsCompanyId } from '../locations/locations.lookups';
import { findOrder, listOrderLines, listOrders } from '../orders/orders.store';
import { viewOrders } from '../orders/orders.view';
import * as store from './accounts.store';

/** A shopper stays signed in for a month. */
export const CUSTOMER_SESSION_DAYS = 30;

function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function toAccount(row: store.AccountRow): CustomerAccount {
  return { id: row.id, email: row.email, name: row.name, phone: row.phone };
}

async function openSession(ctx: AppContext, accountId: string): Promise<string> {
  const now = ctx.clock();
  const token = randomBytes(32).toString('base64url');
  await store.insertSession(ctx.db, {
    id: sessionIdOf(token),
    accountId,
    createdAt: now,
    expiresAt: new Date(+now + CUSTOMER_SESSION_DAYS * 86_400_000),
  });
  return token;
}

function emailTaken(): DomainError {
  return new DomainError('duplicate', 'An account with that e-mail exists; sign in instead.', [
    { field: 'email', message: 'Already has an account' },
  ]);
}

/** Creates the account (and its customer) and signs in; `duplicate` naming `email` when taken. */
export async function signUpCustomer(ctx: AppContext, input: CustomerSignUpBody) {
  if (await store.findAccountByEmail(ctx.db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const customer = await createCustomer(ctx, {
    name: input.name,
    email: input.email,
    orgNumber: null,
    priceListId: null,
  });
  const row: store.AccountRow = {
    id: ctx.newId('cac'),
    companyId: await locationsCompanyId(ctx.db),
    customerId: customer.id,
    email: input.email,
    passwordHash,
    name: input.name,
    phone: input.phone || null,
  };
  if (!(await store.insertAccount(ctx.db, row, ctx.clock()))) throw emailTaken();
  return { token: await openSession(ctx, row.id), account: toAccount(row) };
}

/** Checks the password and opens a session; throttled per e-mail and per client address. */
export async function signInCustomer(ctx: AppContext, input: CustomerSignInBody & { clientAddress: string }) {
  const now = ctx.clock();
  const throttle = signInThrottle('customer_login_failures', input.email, input.clientAddress);
  await throttle.assertAllowed(ctx.db, now);
  const row = await store.findAccountByEmail(ctx.db, input.email);
  const isMatch = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !isMatch) {
    await throttle.recordFailure(ctx.db, now);
    throw new DomainError('invalid_credentials', 'The e-mail or the password is wrong.');
  }
  await throttle.clear(ctx.db, now);
  return { token: await openSession(ctx, row.id), account: toAccount(row) };
}

export async function signOutCustomer(ctx: AppContext, token: string): Promise<void> {
  await store.deleteSession(ctx.db, sessionIdOf(token));
}

/** The signed-in shopper behind a cookie token, or null. */
export async function findCustomerSession(ctx: AppContext, token: string | undefined) {
  if (!token) return null;
  return (await store.findAccountBySession(ctx.db, sessionIdOf(token), ctx.clock())) ?? null;
}

export function accountOf(row: store.AccountRow): CustomerAccount {
  return toAccount(row);
}

/** The shopper's orders, newest first. */
export async function listAccountOrders(ctx: AppContext, account: store.AccountRow): Promise<Order[]> {
  const rows = await listOrders(ctx.db, { customerId: account.customerId, limit: 50 });
  return viewOrders(ctx.db, rows);
}

/** The lines of one of the shopper's orders that are still for sale, to put in the cart again. */
export async function reorder(
  ctx: AppContext,
  account: store.AccountRow,
  orderId: string,
): Promise<ReorderResult> {
  const order = await findOrder(ctx.db, { id: orderId });
  if (!order || order.customerId !== account.customerId) {
    throw new DomainError('not_found', 'No such order in your account.', [
      { field: 'id', message: 'Unknown order' },
    ]);
  }
  const lines = await listOrderLines(ctx.db, [order.id]);
  const skus = new Map(
    (await searchSkus(ctx, { ids: [...new Set(lines.map((l) => l.skuId))], limit: 20 })).map((s) => [
      s.id,
      s,
    ]),
  );
  const result: ReorderResult = { lines: [], unavailable: [] };
  for (const line of lines) {
    const sku = skus.get(line.skuId);
    if (sku?.status === 'active' && sku.priceInclVat) {
      const same = result.lines.find((l) => l.skuId === line.skuId);
      if (same) same.quantity += line.quantity;
      else result.lines.push({ skuId: line.skuId, quantity: line.quantity });
    } else if (!result.unavailable.includes(line.skuId)) {
      result.unavailable.push(line.skuId);
    }
  }
  return result;
}
