// Replenishment: min/max rules per location and SKU, and per store the suggestions they give from
// available stock, what is already on its way and the average daily sales of the last days.
import type {
  ReplenishmentQuery,
  ReplenishmentRule,
  ReplenishmentSuggestion,
  ReplenishmentSuggestions,
  SetReplenishmentRulesBody,
} from '@handla/api';
import { availableQuantity, DomainError, suggestReplenishment } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { listLocations } from '../locations/locations.lookups';
import {
  assertDistinctSkus,
  assertMayWorkAt,
  requireLocation,
  requireSkus,
  type StockActor,
} from './inventory.shared';
import * as store from './inventory.store';
import { unitsOnOrderTo } from './purchase-orders.store';
import * as rules from './replenishment.store';
import { unitsInTransitTo } from './transfers.store';

const DAY_MS = 24 * 60 * 60 * 1000;
const toRule = (row: rules.RuleRow): ReplenishmentRule => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

/** Replaces a location's min/max rules with the given set (an empty set removes them all). */
export async function setReplenishmentRules(
  ctx: AppContext,
  actor: StockActor,
  locationId: string,
  input: SetReplenishmentRulesBody,
): Promise<ReplenishmentRule[]> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const location = await requireLocation(tx, locationId);
    assertMayWorkAt(actor, location);
    assertDistinctSkus(input.rules, 'rules');
    await requireSkus(
      tx,
      input.rules.map((r) => r.skuId),
      (i) => `rules.${i}.skuId`,
    );
    await rules.replaceRules(tx, locationId, input.rules, now);
    const saved = (await rules.listRuleRows(tx, [locationId])).map(toRule);
    await emitEvent(
      tx,
      {
        type: 'replenishment_rules.changed',
        aggregateType: 'location',
        aggregateId: locationId,
        storeId: location.storeId,
        data: { locationId, rules: saved.length },
      },
      now,
    );
    return saved;
  });
}

/** A location's rules. */
export async function listReplenishmentRules(
  ctx: AppContext,
  locationId: string,
): Promise<ReplenishmentRule[]> {
  await requireLocation(ctx.db, locationId);
  return (await rules.listRuleRows(ctx.db, [locationId])).map(toRule);
}

/** Suggestions for every rule at the store's locations; those that need stock first. */
export async function suggestStoreReplenishment(
  ctx: AppContext,
  storeId: string,
  query: ReplenishmentQuery,
): Promise<ReplenishmentSuggestions> {
  const locations = await listLocations(ctx.db, { storeId });
  if (locations.length === 0) {
    throw new DomainError('not_found', `No stock location belongs to store ${storeId}.`, [
      { field: 'storeId', message: 'Unknown store, or a store without a stock location' },
    ]);
  }
  const locationIds = locations.map((l) => l.id);
  const since = new Date(ctx.clock().getTime() - query.days * DAY_MS);
  const [ruleRows, inTransit, onOrder, sold] = await Promise.all([
    rules.listRuleRows(ctx.db, locationIds),
    unitsInTransitTo(ctx.db, locationIds),
    unitsOnOrderTo(ctx.db, locationIds),
    store.unitsSoldSince(ctx.db, locationIds, since),
  ]);
  const levels = await store.findLevels(ctx.db, ruleRows);
  const key = (r: { skuId: string; locationId: string }) => `${r.skuId}\u0000${r.locationId}`;
  const sum = (rows: { skuId: string; locationId: string; units: number }[]) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.units);
    return totals;
  };
  const incoming = sum([...inTransit, ...onOrder]);
  const soldUnits = sum(sold);
  const levelOf = new Map(levels.map((l) => [key(l), l]));
  const items: ReplenishmentSuggestion[] = ruleRows.map((rule) => {
    const level = levelOf.get(key(rule));
    const onHand = level?.onHand ?? 0;
    const available = availableQuantity(onHand, level?.reserved ?? 0);
    const figures = {
      available,
      incoming: incoming.get(key(rule)) ?? 0,
      unitsSold: soldUnits.get(key(rule)) ?? 0,
    };
    const suggestion = suggestReplenishment({
      ...rule,
      ...figures,
      days: query.days,
      leadTimeDays: query.leadTimeDays,
    });
    return {
      locationId: rule.locationId,
      skuId: rule.skuId,
      minQuantity: rule.minQuantity,
      maxQuantity: rule.maxQuantity,
      onHand,
      ...figures,
      averageDailySales: suggestion.averageDailySales,
      projected: suggestion.projected,
      suggestedQuantity: suggestion.suggestedQuantity,
    };
  });
  items.sort(
    (a, b) =>
      Number(b.suggestedQuantity > 0) - Number(a.suggestedQuantity > 0) || a.skuId.localeCompare(b.skuId),
  );
  return { storeId, days: query.days, leadTimeDays: query.leadTimeDays, items };
}
