// Promotion rules: create, change and archive them (validated so no rule can give a negative
// total), the active set the register caches (with an ETag), and pricing a basket for the shop.
import { createHash } from 'node:crypto';
import type {
  ActivePromotionRule,
  ActivePromotions,
  CreatePromotionBody,
  Promotion,
  PromotionListQuery,
  UpdatePromotionBody,
} from '@handla/api';
import {
  checkPromotionEffect,
  checkPromotionWindow,
  DomainError,
  type PromotionEffect,
  type PromotionTarget,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { findKnownCatalogRefs } from '../catalog/catalog.lookups';
import { checkVersion, findCompanyFacts, notFound, raceLost } from '../pricing/pricing.shared';
import { listStoreRows } from '../stores/stores.store';
import * as store from './promotions.store';

type FieldError = { field: string; message: string };

function statusOf(row: store.PromotionRow, now: Date): Promotion['status'] {
  if (row.archivedAt) return 'archived';
  if (row.endsAt && row.endsAt <= now) return 'ended';
  return row.startsAt && row.startsAt > now ? 'upcoming' : 'active';
}

/** A rule in the engine's shape, as the register caches it. */
export function toActiveRule(row: store.PromotionRow): ActivePromotionRule {
  return {
    id: row.id,
    name: row.name,
    effect: row.effect as ActivePromotionRule['effect'],
    priority: row.priority,
    isExclusive: row.isExclusive,
    isStackable: row.isStackable,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    channels: row.channels,
    storeIds: row.storeIds,
    membersOnly: row.membersOnly,
    customerGroups: row.customerGroups,
    requiresCoupon: row.requiresCoupon,
  };
}

function toPromotion(row: store.PromotionRow, now: Date): Promotion {
  return {
    ...toActiveRule(row),
    status: statusOf(row, now),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    couponCount: row.couponCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function targetsOf(effect: PromotionEffect): { target: PromotionTarget; field: string }[] {
  if (effect.type === 'bundle')
    return effect.components.map((c, i) => ({ target: c.target, field: `effect.components[${i}].target` }));
  return [{ target: effect.target, field: 'effect.target' }];
}

/** Every problem with a rule's fields: shape, window, stores and the catalog it points at. */
async function checkFields(q: Queryable, fields: store.PromotionFields): Promise<FieldError[]> {
  const errors = [
    ...checkPromotionEffect(fields.effect),
    ...checkPromotionWindow(fields.startsAt?.toISOString() ?? null, fields.endsAt?.toISOString() ?? null),
  ];
  if (fields.storeIds) {
    const known = new Set((await listStoreRows(q)).map((s) => s.id));
    fields.storeIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `storeIds[${i}]`, message: 'Unknown store' });
    });
  }
  const targets = targetsOf(fields.effect);
  const idsOf = (kind: PromotionTarget['kind']) =>
    targets.flatMap((t) => (t.target.kind === kind ? t.target.ids : []));
  const known = await findKnownCatalogRefs(q, {
    productIds: idsOf('product'),
    categoryIds: idsOf('category'),
    brands: idsOf('brand'),
  });
  const sets = { product: known.productIds, category: known.categoryIds, brand: known.brands } as const;
  for (const { target, field } of targets) {
    const kind = target.kind;
    if (kind === 'all') continue;
    target.ids.forEach((id, i) => {
      if (!sets[kind].has(id)) errors.push({ field: `${field}.ids[${i}]`, message: `Unknown ${kind}` });
    });
  }
  return errors;
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0)
    throw new DomainError('validation_failed', 'The promotion has invalid fields.', errors);
}

const instant = (value: string | null) => (value === null ? null : new Date(value));

/** The rules of the company: current (not archived, not ended) unless asked otherwise. */
export async function listPromotions(ctx: AppContext, query: PromotionListQuery): Promise<Promotion[]> {
  const now = ctx.clock();
  const company = await findCompanyFacts(ctx.db);
  return (await store.listPromotionRows(ctx.db, company.id, query.status, now)).map((r) =>
    toPromotion(r, now),
  );
}

/** One rule. */
export async function getPromotion(ctx: AppContext, id: string): Promise<Promotion> {
  const row = await store.findPromotionRow(ctx.db, id);
  if (!row) throw notFound('promotion', id, 'id');
  return toPromotion(row, ctx.clock());
}

/** Creates a rule after checking every field. */
export async function createPromotion(ctx: AppContext, input: CreatePromotionBody): Promise<Promotion> {
  const now = ctx.clock();
  const fields: store.PromotionFields = {
    ...input,
    effect: input.effect as PromotionEffect,
    startsAt: instant(input.startsAt),
    endsAt: instant(input.endsAt),
  };
  return ctx.db.transaction(async (tx) => {
    throwIfAny(await checkFields(tx, fields));
    const company = await findCompanyFacts(tx);
    const id = ctx.newId('prm');
    await store.insertPromotionRow(tx, { ...fields, id, companyId: company.id }, now);
    return toPromotion((await store.findPromotionRow(tx, id))!, now);
  });
}

/** Changes a rule that is not archived; the whole rule is checked again. */
export async function updatePromotion(
  ctx: AppContext,
  id: string,
  input: UpdatePromotionBody,
): Promise<Promotion> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findPromotionRow(tx, id, true);
    if (!current) throw notFound('promotion', id, 'id');
    checkVersion(current, input.version, 'promotion');
    if (current.archivedAt) throw new DomainError('invalid_state', 'The promotion is archived.');
    const { version, ...change } = input;
    const fields: store.PromotionFields = {
      name: change.name ?? current.name,
      effect: (change.effect as PromotionEffect | undefined) ?? current.effect,
      priority: change.priority ?? current.priority,
      isExclusive: change.isExclusive ?? current.isExclusive,
      isStackable: change.isStackable ?? current.isStackable,
      startsAt: change.startsAt === undefined ? current.startsAt : instant(change.startsAt),
      endsAt: change.endsAt === undefined ? current.endsAt : instant(change.endsAt),
      channels: change.channels ?? current.channels,
      storeIds: change.storeIds === undefined ? current.storeIds : change.storeIds,
      membersOnly: change.membersOnly ?? current.membersOnly,
      customerGroups: change.customerGroups ?? current.customerGroups,
      requiresCoupon: change.requiresCoupon ?? current.requiresCoupon,
    };
    throwIfAny(await checkFields(tx, fields));
    if (!(await store.updatePromotionRow(tx, id, fields, version, now))) throw raceLost('promotion');
    return toPromotion((await store.findPromotionRow(tx, id))!, now);
  });
}

/** Archives a rule: it stops applying at once and stays on record for the receipts that name it. */
export async function archivePromotion(ctx: AppContext, id: string, version: number): Promise<Promotion> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findPromotionRow(tx, id, true);
    if (!current) throw notFound('promotion', id, 'id');
    checkVersion(current, version, 'promotion');
    if (current.archivedAt) throw new DomainError('invalid_state', 'The promotion is already archived.');
    if (!(await store.archivePromotionRow(tx, id, version, now))) throw raceLost('promotion');
    return toPromotion((await store.findPromotionRow(tx, id))!, now);
  });
}

/**
 * The rules in force now or later, in the engine's shape, with an ETag over their content so a
 * register that has them already gets a 304.
 */
export async function listActivePromotions(ctx: AppContext): Promise<ActivePromotions> {
  const now = ctx.clock();
  const company = await findCompanyFacts(ctx.db);
  const rules = (await store.listPromotionRows(ctx.db, company.id, 'current', now)).map(toActiveRule);
  const etag = `"${createHash('sha256').update(JSON.stringify(rules)).digest('base64url').slice(0, 27)}"`;
  return { rules, etag, generatedAt: now.toISOString() };
}
