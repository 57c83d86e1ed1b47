// The inventory module's part of the demo data, written after the base demo in the same transaction:
// two suppliers, an open purchase order to the central warehouse with an expected date, and min/max
// rules for both stores on a handful of coffee-corner SKUs, and a shelf for every stocked SKU.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';
import { insertRows } from './rows';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The demo's suppliers. */
export const DEMO_SUPPLIERS = [
  { code: 'KAFFEROST', name: 'Kafferosteriet i Norr AB', email: 'order@kafferost.example', leadTimeDays: 5 },
  { code: 'NORDTEXTIL', name: 'Nordisk Textil AB', email: 'inkop@nordtextil.example', leadTimeDays: 14 },
] as const;

/** Min/max per store location for these SKUs (article numbers). */
export const DEMO_REPLENISHMENT_RULES = [
  { article: 'LV-KAF', minQuantity: 6, maxQuantity: 20 },
  { article: 'LV-ESP', minQuantity: 4, maxQuantity: 12 },
  { article: 'LV-MOR', minQuantity: 5, maxQuantity: 15 },
  { article: 'KO-MUG', minQuantity: 3, maxQuantity: 10 },
  { article: 'KO-KAN', minQuantity: 2, maxQuantity: 6 },
] as const;

/** Adds the inventory demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoInventory(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const { now, newId } = deps;
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  if (!company) throw new Error('demo inventory: the base demo has no company');
  const locations = await tx.query<{ id: string; code: string; kind: string }>(
    'select id, code, kind from locations',
  );
  const locationId = (code: string) => {
    const location = locations.find((l) => l.code === code);
    if (!location) throw new Error(`demo inventory: no location ${code}`);
    return location.id;
  };
  const articles = [...DEMO_REPLENISHMENT_RULES.map((r) => r.article), 'LV-LIN'];
  const skus = await tx.query<{ id: string; sku: string }>('select id, sku from skus where sku = any($1)', [
    articles,
  ]);
  const skuId = (article: string) => {
    const sku = skus.find((s) => s.sku === article);
    if (!sku) throw new Error(`demo inventory: no SKU ${article}`);
    return sku.id;
  };

  const supplierIds = DEMO_SUPPLIERS.map(() => newId('sup'));
  await insertRows(
    tx,
    'suppliers',
    DEMO_SUPPLIERS.map((s, i) => ({
      id: supplierIds[i],
      company_id: company.id,
      code: s.code,
      name: s.name,
      email: s.email,
      lead_time_days: s.leadTimeDays,
      created_at: now,
    })),
  );

  const purchaseOrderId = newId('po');
  const expectedOn = new Date(now.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  await insertRows(tx, 'purchase_orders', [
    {
      id: purchaseOrderId,
      supplier_id: supplierIds[0],
      location_id: locationId('CENTRAL'),
      status: 'open',
      expected_on: expectedOn,
      note: 'Veckobeställning kaffe',
      created_by: 'system',
      created_at: now,
      updated_at: now,
    },
  ]);
  await insertRows(
    tx,
    'purchase_order_lines',
    [
      { article: 'LV-KAF', quantity: 48 },
      { article: 'LV-ESP', quantity: 24 },
      { article: 'LV-LIN', quantity: 12 },
    ].map((line) => ({
      purchase_order_id: purchaseOrderId,
      sku_id: skuId(line.article),
      ordered_quantity: line.quantity,
    })),
  );

  const storeLocations = locations
    .filter((l) => l.kind === 'store')
    .sort((a, b) => a.code.localeCompare(b.code));
  await insertRows(
    tx,
    'replenishment_rules',
    storeLocations.flatMap((location) =>
      DEMO_REPLENISHMENT_RULES.map((rule) => ({
        location_id: location.id,
        sku_id: skuId(rule.article),
        min_quantity: rule.minQuantity,
        max_quantity: rule.maxQuantity,
        updated_at: now,
      })),
    ),
  );
  await seedDemoShelves(tx);
}

/**
 * A shelf for every stocked SKU at every location, so pick tickets and pick lists say where to
 * look: stores "A3-2" (aisle, section, shelf), warehouses "L04-12" (lane, bay). Products of one
 * article family sit next to each other because the shelves follow the article numbers.
 */
export async function seedDemoShelves(tx: Queryable): Promise<void> {
  const stocked = await tx.query<{ skuId: string; locationId: string; kind: string }>(
    `select l.sku_id as "skuId", l.location_id as "locationId", loc.kind
       from stock_levels l join locations loc on loc.id = l.location_id join skus s on s.id = l.sku_id
      order by loc.code, s.sku`,
  );
  const seen = new Map<string, number>();
  await insertRows(
    tx,
    'sku_shelves',
    stocked.map((row) => {
      const i = seen.get(row.locationId) ?? 0;
      seen.set(row.locationId, i + 1);
      const shelf =
        row.kind === 'store'
          ? `${'ABCDEFGH'[Math.floor(i / 12) % 8]}${(Math.floor(i / 3) % 4) + 1}-${(i % 3) + 1}`
          : `L${String(Math.floor(i / 20) + 1).padStart(2, '0')}-${String((i % 20) + 1).padStart(2, '0')}`;
      return { sku_id: row.skuId, location_id: row.locationId, shelf };
    }),
  );
}
