// The CRM's operations across channels: matching an incoming customer, the matching order,
// merging duplicates, a customer's history, and personal data export and erasure (docs/customers.md).
import type {
  CrmSettings,
  Customer,
  CustomerErasure,
  CustomerExport,
  CustomerHistory,
  CustomerMatch,
  CustomerMatchKey,
  MatchCustomerBody,
} from '@handla/api';
import { DomainError, validateOrganisationNumber, validatePersonalNumber } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { notFound } from '../pricing/pricing.shared';
import * as crm from './crm.store';
import { createCustomerIn } from './customers.service';
import * as store from './customers.store';

// Any fixed number: the class of the per-company advisory lock matching takes, so two channels
// matching the same new person at once make one customer, not two.
const MATCH_LOCK_CLASS = 7_340_221;
const HISTORY_LIMIT = 200;

export async function getCrmSettings(ctx: AppContext): Promise<CrmSettings> {
  return { matchOrder: await crm.findMatchOrder(ctx.db, await store.firstCompanyId(ctx.db)) };
}

export async function updateCrmSettings(ctx: AppContext, input: CrmSettings): Promise<CrmSettings> {
  await ctx.db.transaction(async (tx) =>
    crm.saveMatchOrder(tx, await store.firstCompanyId(tx), input.matchOrder, ctx.clock()),
  );
  return getCrmSettings(ctx);
}

// The incoming numbers in their stored form, or 400 naming the field: a typo must not create a
// second customer that the next correct entry would not find.
function normalizeIncoming(input: MatchCustomerBody): Record<CustomerMatchKey, string | null> {
  const errors = [];
  let personalNumber: string | null = null;
  let orgNumber: string | null = null;
  if (input.personalNumber) {
    const check = validatePersonalNumber(input.personalNumber, 'personalNumber');
    if (check.ok) personalNumber = check.value;
    else errors.push(check.error);
  }
  if (input.orgNumber) {
    const check = validateOrganisationNumber(input.orgNumber, 'orgNumber');
    if (check.ok) orgNumber = check.value;
    else errors.push(check.error);
  }
  if (errors.length > 0) throw new DomainError('validation_failed', 'Check the customer’s numbers.', errors);
  return { email: input.email ?? null, orgNumber, personalNumber };
}

/**
 * Finds the customer an incoming one is (by the company's match order: e-mail first by default,
 * then organisation or personal number) or creates them, in the open transaction. Merged and
 * erased customers are never matched.
 */
export async function matchCustomer(
  ctx: AppContext,
  tx: Queryable,
  incoming: MatchCustomerBody,
): Promise<CustomerMatch> {
  const keys = normalizeIncoming(incoming);
  const companyId = await store.firstCompanyId(tx);
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [MATCH_LOCK_CLASS, companyId]);
  for (const key of await crm.findMatchOrder(tx, companyId)) {
    const value = keys[key];
    if (value === null) continue;
    const found = await store.findActiveCustomerBy(tx, companyId, key, value);
    if (found) return { customer: await store.toCustomer(tx, found), isNew: false, matchedOn: key };
  }
  const customer = await createCustomerIn(
    tx,
    ctx,
    {
      name: incoming.name,
      email: keys.email,
      orgNumber: keys.orgNumber,
      personalNumber: keys.personalNumber,
      phone: incoming.phone ?? null,
      priceListId: null,
      ...(incoming.kind ? { kind: incoming.kind } : {}),
    },
    ctx.clock(),
  );
  return { customer, isNew: true, matchedOn: null };
}

/** `matchCustomer` in its own transaction (the API and the register). */
export async function matchCustomerOnce(
  ctx: AppContext,
  incoming: MatchCustomerBody,
): Promise<CustomerMatch> {
  return ctx.db.transaction((tx) => matchCustomer(ctx, tx, incoming));
}

/**
 * The customer a guest web order is linked to, by its e-mail — or null when that customer has a
 * shopper account: an account lists its customer's orders, and an unverified e-mail typed at a
 * guest checkout must not put a stranger's order (and address) there.
 */
export async function matchWebGuest(
  ctx: AppContext,
  tx: Queryable,
  shopper: { name: string; email: string; phone?: string | null | undefined },
): Promise<string | null> {
  const { customer } = await matchCustomer(ctx, tx, {
    name: shopper.name,
    kind: 'consumer',
    email: shopper.email,
    phone: shopper.phone ?? null,
  });
  return (await crm.hasShopperAccount(tx, customer.id)) ? null : customer.id;
}

async function requireActive(q: Queryable, id: string, field: string) {
  const row = await store.lockCustomerRow(q, id);
  if (!row) throw notFound('customer', id, field);
  if (row.mergedIntoId !== null || row.erasedAt !== null) {
    throw new DomainError('conflict', `Customer ${id} is ${row.erasedAt ? 'erased' : 'merged already'}.`, [
      { field, message: row.erasedAt ? 'Erased' : `Merged into ${row.mergedIntoId}` },
    ]);
  }
  return row;
}

/**
 * Merges customer `id` into `intoId`: orders, receipts, shopper accounts, contacts and earlier
 * tombstones move to the kept customer, which also takes the fields it lacks; `id` stays as a
 * tombstone pointing at it. Emits `customer.merged`.
 */
export async function mergeCustomer(ctx: AppContext, id: string, intoId: string): Promise<Customer> {
  if (id === intoId) {
    throw new DomainError('validation_failed', 'A customer is not merged into itself.', [
      { field: 'intoId', message: 'The same customer' },
    ]);
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = id < intoId ? [id, intoId] : [intoId, id];
    const rows = new Map<string, store.CustomerRow>();
    for (const key of [first!, second!])
      rows.set(key, await requireActive(tx, key, key === id ? 'id' : 'intoId'));
    const from = rows.get(id)!;
    const into = rows.get(intoId)!;
    const moved = await crm.relinkCustomer(tx, id, intoId);
    await crm.markMerged(tx, id, intoId, now);
    const kept = store.stateOf(into);
    const gone = store.stateOf(from);
    const filled = Object.fromEntries(
      Object.entries(kept).map(([k, v]) => [k, v ?? gone[k as keyof store.CustomerState]]),
    ) as unknown as store.CustomerState;
    // The kept customer is in every group either of them was in.
    filled.groups = [...new Set([...kept.groups, ...gone.groups])].sort();
    const row = (await store.updateCustomerRow(tx, intoId, filled, into.version, now))!;
    await emitEvent(
      tx,
      {
        type: 'customer.merged',
        aggregateType: 'customer',
        aggregateId: intoId,
        data: { mergedId: id, intoId, moved },
      },
      now,
    );
    return store.toCustomer(tx, row);
  });
}

/** A customer's web orders and store receipts, oldest first (the latest 200). */
export async function customerHistory(ctx: AppContext, id: string): Promise<CustomerHistory> {
  const row = await store.findCustomerRow(ctx.db, id);
  if (!row) throw notFound('customer', id, 'customerId');
  // A merged customer's history now lives with the one kept.
  const customerId = row.mergedIntoId ?? id;
  return { customerId, items: await crm.listHistory(ctx.db, customerId, HISTORY_LIMIT) };
}

/** Everything we hold about the person, as one JSON document. */
export async function exportCustomer(ctx: AppContext, id: string): Promise<CustomerExport> {
  return ctx.db.transaction(async (tx) => {
    const row = await store.findCustomerRow(tx, id);
    if (!row) throw notFound('customer', id, 'id');
    return {
      exportedAt: ctx.clock().toISOString(),
      customer: await store.toCustomer(tx, row),
      mergedCustomerIds: await crm.listMergedIds(tx, id),
      ...(await crm.readPersonalData(tx, row)),
    };
  });
}

/**
 * Erases a person on request: the customer (and the tombstones merged into it), their orders,
 * shopper accounts and messages are anonymized. Receipts, amounts, VAT and the register's signed
 * journal stay exactly as they were: bookkeeping must be kept. Emits `customer.erased`.
 */
export async function eraseCustomer(ctx: AppContext, id: string): Promise<CustomerErasure> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await store.lockCustomerRow(tx, id);
    if (!row) throw notFound('customer', id, 'id');
    if (row.mergedIntoId !== null) {
      throw new DomainError('conflict', 'A merged customer is erased through the one it was merged into.', [
        { field: 'id', message: `Merged into ${row.mergedIntoId}` },
      ]);
    }
    const people = [
      row,
      ...(await Promise.all((await crm.listMergedIds(tx, id)).map((m) => store.findCustomerRow(tx, m)))),
    ];
    const counts = { orders: 0, accounts: 0, messages: 0 };
    for (const person of people) {
      if (!person) continue;
      const changed = await crm.anonymizeRecords(tx, person, now);
      counts.orders += changed.orders;
      counts.accounts += changed.accounts;
      counts.messages += changed.messages;
      await crm.eraseCustomerRow(tx, person.id, now);
    }
    await emitEvent(
      tx,
      { type: 'customer.erased', aggregateType: 'customer', aggregateId: id, data: { customerId: id } },
      now,
    );
    return {
      customer: await store.toCustomer(tx, (await store.findCustomerRow(tx, id))!),
      ordersAnonymized: counts.orders,
      accountsAnonymized: counts.accounts,
      messagesAnonymized: counts.messages,
    };
  });
}
