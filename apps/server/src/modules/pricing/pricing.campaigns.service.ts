// Campaigns: prices per SKU for a time window, company-wide or for one store. What has already
// happened is not rewritten: a started campaign keeps its start, an ended one is final.
import type {
  Campaign,
  CampaignListQuery,
  CampaignSummary,
  CreateCampaignBody,
  MoneyInput,
  UpdateCampaignBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { findSkuFacts } from '../catalog/catalog.lookups';
import { listStoreRows } from '../stores/stores.store';
import * as store from './pricing.campaigns.store';
import { findRetailListRow } from './pricing.price-lists.store';
import {
  checkVersion,
  decodeCursor,
  encodeCursor,
  findCompanyFacts,
  notFound,
  raceLost,
} from './pricing.shared';

type FieldError = { field: string; message: string };

const effectiveEnd = (row: store.CampaignRow) =>
  row.endedAt && row.endedAt < row.endsAt ? row.endedAt : row.endsAt;

function statusOf(row: store.CampaignRow, now: Date): CampaignSummary['status'] {
  if (effectiveEnd(row) <= now) return 'ended';
  return row.startsAt <= now ? 'active' : 'upcoming';
}

function toSummary(row: store.CampaignRow, now: Date): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    storeId: row.storeId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    status: statusOf(row, now),
    priceCount: row.priceCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function retailCurrency(q: Queryable): Promise<{ companyId: string; currency: string }> {
  const company = await findCompanyFacts(q);
  const retail = await findRetailListRow(q, company.id);
  if (!retail) throw new DomainError('invalid_state', 'There is no retail price list to campaign against.');
  return { companyId: company.id, currency: retail.currency };
}

async function readCampaign(q: Queryable, id: string, now: Date): Promise<Campaign> {
  const row = await store.findCampaignRow(q, id);
  if (!row) throw notFound('campaign', id, 'id');
  const { currency } = await retailCurrency(q);
  const prices = await store.listCampaignPriceRows(q, id);
  const articles = new Map(
    (
      await findSkuFacts(
        q,
        prices.map((p) => p.skuId),
      )
    ).map((f) => [f.skuId, f.sku]),
  );
  return {
    ...toSummary(row, now),
    prices: prices.map((p) => ({
      skuId: p.skuId,
      sku: articles.get(p.skuId) ?? '',
      unitPriceInclVat: { amount: p.unitPriceInclVat, currency },
    })),
  };
}

/** One campaign with its prices. */
export async function getCampaign(ctx: AppContext, id: string): Promise<Campaign> {
  return readCampaign(ctx.db, id, ctx.clock());
}

function decodeCampaignCursor(cursor: string): { startsAt: Date; id: string } {
  const [iso, id] = decodeCursor(cursor, 2);
  const startsAt = new Date(iso!);
  if (Number.isNaN(startsAt.getTime())) {
    throw new DomainError('validation_failed', 'The cursor is not one this API gave out.', [
      { field: 'cursor', message: 'Invalid cursor' },
    ]);
  }
  return { startsAt, id: id! };
}

/** A page of campaigns by start; with `storeId`, those that apply there (its own and company-wide). */
export async function listCampaigns(ctx: AppContext, query: CampaignListQuery) {
  const now = ctx.clock();
  const company = await findCompanyFacts(ctx.db);
  const after = query.cursor ? decodeCampaignCursor(query.cursor) : undefined;
  const rows = await store.listCampaignRows(ctx.db, {
    companyId: company.id,
    status: query.status,
    now,
    storeId: query.storeId,
    after,
    limit: query.limit + 1,
  });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => toSummary(row, now)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
  };
}

async function checkPrices(
  q: Queryable,
  prices: readonly { skuId: string; unitPriceInclVat: MoneyInput }[],
  currency: string,
): Promise<FieldError[]> {
  const known = new Set(
    (
      await findSkuFacts(
        q,
        prices.map((p) => p.skuId),
      )
    ).map((f) => f.skuId),
  );
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  prices.forEach((p, i) => {
    if (!known.has(p.skuId)) errors.push({ field: `prices.${i}.skuId`, message: 'Unknown SKU' });
    else if (seen.has(p.skuId)) errors.push({ field: `prices.${i}.skuId`, message: 'Listed twice' });
    seen.add(p.skuId);
    if (p.unitPriceInclVat.currency !== currency)
      errors.push({ field: `prices.${i}.unitPriceInclVat.currency`, message: `Must be ${currency}` });
  });
  return errors;
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0)
    throw new DomainError('validation_failed', 'The campaign has invalid fields.', errors);
}

async function emitCampaignEvent(
  tx: Queryable,
  change: 'campaign_created' | 'campaign_updated' | 'campaign_ended',
  campaign: Campaign,
  skuIds: readonly string[],
  now: Date,
) {
  await emitEvent(
    tx,
    {
      type: 'price.changed',
      aggregateType: 'campaign',
      aggregateId: campaign.id,
      storeId: campaign.storeId,
      data: {
        change,
        campaignId: campaign.id,
        name: campaign.name,
        startsAt: campaign.startsAt,
        endsAt: campaign.endedAt ?? campaign.endsAt,
        skuIds: [...new Set(skuIds)],
      },
    },
    now,
  );
}

/** Creates a campaign; it must end after it starts, and in the future. */
export async function createCampaign(ctx: AppContext, input: CreateCampaignBody): Promise<Campaign> {
  const now = ctx.clock();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  return ctx.db.transaction(async (tx) => {
    const { companyId, currency } = await retailCurrency(tx);
    const errors = await checkPrices(tx, input.prices, currency);
    if (input.storeId && !(await listStoreRows(tx)).some((s) => s.id === input.storeId))
      errors.push({ field: 'storeId', message: 'Unknown store' });
    if (endsAt <= startsAt) errors.push({ field: 'endsAt', message: 'Must be after startsAt' });
    else if (endsAt <= now) errors.push({ field: 'endsAt', message: 'Must be in the future' });
    throwIfAny(errors);
    const id = ctx.newId('cpn');
    await store.insertCampaignRow(
      tx,
      { id, companyId, name: input.name, storeId: input.storeId, startsAt, endsAt },
      now,
    );
    const prices = input.prices.map((p) => ({ skuId: p.skuId, amount: p.unitPriceInclVat.amount }));
    await store.replaceCampaignPrices(tx, id, prices);
    const created = await readCampaign(tx, id, now);
    await emitCampaignEvent(
      tx,
      'campaign_created',
      created,
      prices.map((p) => p.skuId),
      now,
    );
    return created;
  });
}

/** Changes a campaign that has not ended; `prices` replaces the whole set. */
export async function updateCampaign(
  ctx: AppContext,
  id: string,
  input: UpdateCampaignBody,
): Promise<Campaign> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findCampaignRow(tx, id);
    if (!current) throw notFound('campaign', id, 'id');
    checkVersion(current, input.version, 'campaign');
    const status = statusOf(current, now);
    if (status === 'ended')
      throw new DomainError('invalid_state', 'The campaign has ended; its prices are final.');
    const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : current.endsAt;
    if (status === 'active' && startsAt.getTime() !== current.startsAt.getTime()) {
      throw new DomainError('invalid_state', 'The campaign has started; its start cannot move.', [
        { field: 'startsAt', message: 'Already started' },
      ]);
    }
    const { currency } = await retailCurrency(tx);
    const errors = input.prices ? await checkPrices(tx, input.prices, currency) : [];
    if (endsAt <= startsAt) errors.push({ field: 'endsAt', message: 'Must be after startsAt' });
    else if (endsAt <= now) errors.push({ field: 'endsAt', message: 'Must be in the future' });
    throwIfAny(errors);
    const before = (await store.listCampaignPriceRows(tx, id)).map((p) => p.skuId);
    const change = { name: input.name, startsAt, endsAt };
    if (!(await store.updateCampaignRow(tx, id, change, input.version, now))) throw raceLost('campaign');
    const prices = input.prices?.map((p) => ({ skuId: p.skuId, amount: p.unitPriceInclVat.amount }));
    if (prices) await store.replaceCampaignPrices(tx, id, prices);
    const updated = await readCampaign(tx, id, now);
    await emitCampaignEvent(
      tx,
      'campaign_updated',
      updated,
      [...before, ...(prices ?? []).map((p) => p.skuId)],
      now,
    );
    return updated;
  });
}

/** Ends a campaign now (an upcoming one never starts); ending it twice is refused. */
export async function endCampaign(ctx: AppContext, id: string, version: number): Promise<Campaign> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findCampaignRow(tx, id);
    if (!current) throw notFound('campaign', id, 'id');
    checkVersion(current, version, 'campaign');
    if (statusOf(current, now) === 'ended')
      throw new DomainError('invalid_state', 'The campaign has already ended.');
    if (!(await store.updateCampaignRow(tx, id, { endedAt: now }, version, now))) throw raceLost('campaign');
    const ended = await readCampaign(tx, id, now);
    const skuIds = ended.prices.map((p) => p.skuId);
    await emitCampaignEvent(tx, 'campaign_ended', ended, skuIds, now);
    return ended;
  });
}
