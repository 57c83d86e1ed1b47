// Test fixture for the inventory database tests: a fresh database with the demo data, a context,
// and fresh SKUs (and bundles) with exactly the stock a test asks for.
import {
  createTestDatabase,
  type Database,
  insertBundleComponent,
  insertProduct,
  insertSku,
  seedDemoData,
} from '@handla/db';
import { type AppContext, createContext } from '../../context';
import { receiveStock } from './inventory.service';
import type { StockActor } from './inventory.shared';

/** A manager-like actor (not bound to a store). */
export const MANAGER: StockActor = { id: 'stf_test_manager', storeId: null, isStoreBound: false };

export interface InventoryFixture {
  db: Database;
  ctx: AppContext;
  /** Location id by code: STHLM-BUTIK, GBG-BUTIK, CENTRAL, 3PL-BORAS. */
  location(code: string): string;
  /** A new SKU with the given on-hand per location code, received through the service. */
  newSku(stock?: Record<string, number>): Promise<string>;
  /** A new bundle of the given component SKUs and quantities per bundle. */
  newBundle(components: { skuId: string; quantity: number }[]): Promise<string>;
}

export async function createInventoryFixture(): Promise<InventoryFixture> {
  const db = await createTestDatabase();
  const ctx = createContext(db);
  await seedDemoData(db, { hashPassword: async (p) => `fake$${p}`, now: ctx.clock(), newId: ctx.newId });
  const locations = await db.query<{ id: string; code: string }>('select id, code from locations');
  const [company] = await db.query<{ id: string }>('select id from companies');
  const location = (code: string) => {
    const found = locations.find((l) => l.code === code);
    if (!found) throw new Error(`no location ${code}`);
    return found.id;
  };
  const newProduct = async (isBundle: boolean) => {
    const productId = await insertProduct(db, { id: ctx.newId('prd'), companyId: company!.id, isBundle });
    return insertSku(db, { id: ctx.newId('sku'), productId });
  };
  return {
    db,
    ctx,
    location,
    async newSku(stock = {}) {
      const skuId = await newProduct(false);
      for (const [code, quantity] of Object.entries(stock)) {
        await receiveStock(ctx, MANAGER, { skuId, locationId: location(code), quantity });
      }
      return skuId;
    },
    async newBundle(components) {
      const bundleSkuId = await newProduct(true);
      for (const c of components) {
        await insertBundleComponent(db, { bundleSkuId, componentSkuId: c.skuId, quantity: c.quantity });
      }
      return bundleSkuId;
    },
  };
}

/** The level of a SKU at a location, straight from the projection. */
export async function levelOf(db: Database, skuId: string, locationId: string) {
  const [row] = await db.query<{ onHand: number; reserved: number; countNeeded: boolean }>(
    `select on_hand as "onHand", reserved, count_needed_at is not null as "countNeeded"
       from stock_levels where sku_id = $1 and location_id = $2`,
    [skuId, locationId],
  );
  return row ?? { onHand: 0, reserved: 0, countNeeded: false };
}

/** Rows where the projection disagrees with the ledger or with the active reservations. */
export async function projectionMismatches(db: Database) {
  return db.query(
    `with ledger as (select sku_id, location_id, sum(quantity)::integer as on_hand
                       from stock_movements group by sku_id, location_id),
          held as (select l.sku_id, r.location_id, sum(l.quantity)::integer as reserved
                     from stock_reservations r join stock_reservation_lines l on l.reservation_id = r.id
                    where r.status = 'active' group by l.sku_id, r.location_id)
     select coalesce(s.sku_id, g.sku_id) as sku_id, coalesce(s.location_id, g.location_id) as location_id,
            s.on_hand, g.on_hand as ledger, s.reserved, coalesce(h.reserved, 0) as held
       from stock_levels s
       full join ledger g on g.sku_id = s.sku_id and g.location_id = s.location_id
       left join held h on h.sku_id = coalesce(s.sku_id, g.sku_id) and h.location_id = coalesce(s.location_id, g.location_id)
      where s.on_hand is distinct from g.on_hand or s.reserved <> coalesce(h.reserved, 0)`,
  );
}
