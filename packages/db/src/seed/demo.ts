// The demo shop a fresh install starts with: Demo Butik AB with two stores, a central warehouse, a 3PL,
// staff to sign in with, ~50 products with variants and a bundle, prices and stock everywhere.
// Written in one transaction, only into an empty database; clock, ids and password hashing are injected.
import type { Database, Queryable } from '../database';
import {
  insertBundleComponents,
  insertCategory,
  insertCompany,
  insertLocation,
  insertPriceList,
  insertPrices,
  insertProducts,
  insertRegister,
  insertSkus,
  insertStaffUser,
  insertStore,
  type ProductSeed,
  receiveStockBatch,
  type SkuSeed,
  type StockReceiptSeed,
} from './builders';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-catalog';
import { seedDemoCatalog } from './demo-catalog-extras';
import { seedDemoCrm } from './demo-crm';
import { seedDemoFulfilment } from './demo-fulfilment';
import { seedDemoInventory } from './demo-inventory';
import { seedDemoInvoices } from './demo-invoices';
import { DEMO_CREDENTIALS, DEMO_LOCATIONS, DEMO_ORG_NUMBER, DEMO_STORES } from './demo-org';
import { seedDemoPickup } from './demo-pickup';
import { seedDemoPricing } from './demo-pricing';
import { seedDemoPromotions } from './demo-promotions';
import { seedDemoRegister } from './demo-register';
import { seedDemoReports } from './demo-reports';
import { seedDemoShops } from './demo-shops';
import { demoOptionTemplates, demoSkuSpecs, slugify } from './demo-skus';
import { demoEan } from './ean';
import { SEED_ID_PREFIX as P } from './ids';
import { insertSwedishVat } from './swedish-vat';

export interface DemoSeedDeps {
  hashPassword: (password: string) => Promise<string>;
  now: Date;
  newId: (prefix: string) => string;
}

export interface DemoSeedResult {
  /** False when the database already had a company, in which case nothing was written. */
  seeded: boolean;
  credentials: typeof DEMO_CREDENTIALS;
  /** What the database holds afterwards; stockRows counts stock_levels rows. */
  counts: { products: number; skus: number; locations: number; stockRows: number };
}

/**
 * Units of the n-th stocked SKU (0-based, catalog order, bundles skipped) received at a location:
 * CENTRAL 20–60, 3PL-BORAS 10–40, STHLM-BUTIK 0–15, GBG-BUTIK 0–11. Zero means no movement.
 */
export function demoStockQuantity(locationCode: string, skuIndex: number): number {
  switch (locationCode) {
    case 'CENTRAL':
      return 20 + ((skuIndex * 7) % 41);
    case '3PL-BORAS':
      return 10 + ((skuIndex * 11) % 31);
    case 'STHLM-BUTIK':
      return (skuIndex * 7 + 3) % 16;
    case 'GBG-BUTIK':
      return (skuIndex * 5) % 12;
    default:
      return 0;
  }
}

// Any fixed number: two server processes starting on one empty PostgreSQL seed it once.
const SEED_LOCK = 7_340_002;

/** Seeds the demo shop into an empty database (no company yet); otherwise changes nothing. */
export async function seedDemoData(db: Database, deps: DemoSeedDeps): Promise<DemoSeedResult> {
  const skipped = async (q: Queryable) => ({
    seeded: false,
    credentials: DEMO_CREDENTIALS,
    counts: await countCatalog(q),
  });
  if (await hasCompany(db)) return skipped(db);
  // Hashing is slow on purpose; do it before the transaction so it holds no lock meanwhile.
  const hashes = await Promise.all(DEMO_CREDENTIALS.map((c) => deps.hashPassword(c.password)));
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await hasCompany(tx)) return skipped(tx);
    await writeDemo(tx, deps, hashes);
    await seedDemoCatalog(tx, deps);
    await seedDemoPricing(tx, deps);
    await seedDemoCrm(tx, deps);
    await seedDemoInvoices(tx, deps);
    await seedDemoInventory(tx, deps);
    await seedDemoPickup(tx, deps);
    await seedDemoRegister(tx, deps);
    await seedDemoReports(tx, deps);
    await seedDemoPromotions(tx, deps);
    await seedDemoFulfilment(tx, deps);
    await seedDemoShops(tx, deps);
    return { seeded: true, credentials: DEMO_CREDENTIALS, counts: await countCatalog(tx) };
  });
}

async function hasCompany(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ n: number }>('select count(*)::integer as n from companies');
  return (row?.n ?? 0) > 0;
}

async function countCatalog(q: Queryable): Promise<DemoSeedResult['counts']> {
  const [row] = await q.query<DemoSeedResult['counts']>(
    `select (select count(*)::integer from products) as products,
            (select count(*)::integer from skus) as skus,
            (select count(*)::integer from locations) as locations,
            (select count(*)::integer from stock_levels) as "stockRows"`,
  );
  return row ?? { products: 0, skus: 0, locations: 0, stockRows: 0 };
}

async function writeDemo(tx: Queryable, deps: DemoSeedDeps, hashes: readonly string[]): Promise<void> {
  const { now, newId } = deps;
  const companyId = await insertCompany(tx, {
    id: newId(P.company),
    name: 'Demo Butik AB',
    orgNumber: DEMO_ORG_NUMBER,
    vatNumber: `SE${DEMO_ORG_NUMBER.replace('-', '')}01`,
    country: 'SE',
    currency: 'SEK',
    timeZone: 'Europe/Stockholm',
    createdAt: now,
  });
  await insertSwedishVat(tx);

  const storeIds = new Map<string, string>();
  for (const { registers, ...store } of DEMO_STORES) {
    const storeId = await insertStore(tx, {
      id: newId(P.store),
      companyId,
      country: 'SE',
      createdAt: now,
      ...store,
    });
    storeIds.set(store.code, storeId);
    for (const [i, code] of registers.entries()) {
      await insertRegister(tx, {
        id: newId(P.register),
        storeId,
        code,
        name: `Kassa ${i + 1}`,
        createdAt: now,
      });
    }
  }
  const locationIds: { code: string; id: string }[] = [];
  for (const { storeCode, ...location } of DEMO_LOCATIONS) {
    const storeId = storeCode ? storeIds.get(storeCode) : null;
    const id = await insertLocation(tx, {
      id: newId(P.location),
      companyId,
      storeId,
      createdAt: now,
      ...location,
    });
    locationIds.push({ code: location.code, id });
  }
  for (const [i, staff] of DEMO_CREDENTIALS.entries()) {
    await insertStaffUser(tx, {
      id: newId(P.staff),
      companyId,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      storeId: staff.storeCode ? storeIds.get(staff.storeCode) : null,
      passwordHash: hashes[i]!,
      createdAt: now,
    });
  }

  const skus = await writeCatalog(tx, companyId, deps);
  const retailId = await insertPriceList(tx, {
    id: newId(P.priceList),
    companyId,
    code: 'RETAIL',
    name: 'Ordinarie pris',
    currency: 'SEK',
    isRetail: true,
  });
  await insertPriceList(tx, {
    id: newId(P.priceList),
    companyId,
    code: 'B2B',
    name: 'Återförsäljare',
    currency: 'SEK',
  });
  await insertPrices(
    tx,
    skus.map((s) => ({ priceListId: retailId, skuId: s.seed.id, unitPriceInclVat: s.priceInclVat })),
  );

  const receipts: StockReceiptSeed[] = [];
  for (const [index, sku] of skus.filter((s) => !s.isBundle).entries()) {
    for (const location of locationIds) {
      const quantity = demoStockQuantity(location.code, index);
      if (quantity === 0) continue;
      receipts.push({
        id: newId(P.movement),
        skuId: sku.seed.id,
        locationId: location.id,
        quantity,
        actor: 'system',
        reason: 'Demodata',
        occurredAt: now,
      });
    }
  }
  await receiveStockBatch(tx, receipts);
}

/** Categories, products, SKUs and the bundle's components; returns the SKUs in catalog order. */
async function writeCatalog(tx: Queryable, companyId: string, deps: DemoSeedDeps) {
  const { now, newId } = deps;
  const categoryIds = new Map<string, string>();
  for (const [i, category] of DEMO_CATEGORIES.entries()) {
    const id = await insertCategory(tx, {
      id: newId(P.category),
      companyId,
      parentId: category.parent ? categoryIds.get(category.parent) : null,
      slug: category.slug,
      nameSv: category.nameSv,
      nameEn: category.nameEn,
      sortOrder: i,
    });
    categoryIds.set(category.slug, id);
  }

  const products: ProductSeed[] = [];
  const skus: { seed: SkuSeed; priceInclVat: number; isBundle: boolean }[] = [];
  for (const item of DEMO_PRODUCTS) {
    const productId = newId(P.product);
    products.push({
      id: productId,
      companyId,
      categoryId: categoryIds.get(item.category),
      slug: slugify(item.nameSv),
      nameSv: item.nameSv,
      nameEn: item.nameEn,
      descriptionSv: item.descriptionSv,
      descriptionEn: item.descriptionEn,
      brand: item.brand,
      taxClass: item.taxClass ?? 'standard',
      warrantyText: item.warrantyText ?? null,
      options: demoOptionTemplates(item),
      isBundle: item.bundle !== undefined,
      createdAt: now,
    });
    for (const [i, spec] of demoSkuSpecs(item).entries()) {
      const seed: SkuSeed = {
        id: newId(P.sku),
        productId,
        sku: spec.article,
        ean: demoEan(skus.length + 1),
        options: spec.options,
        weightGrams: item.weightGrams ?? null,
        imageUrls: [], // no images yet; the shop shows a placeholder
        sortOrder: i,
        createdAt: now,
      };
      skus.push({ seed, priceInclVat: spec.priceInclVat, isBundle: item.bundle !== undefined });
    }
  }
  await insertProducts(tx, products);
  await insertSkus(
    tx,
    skus.map((s) => s.seed),
  );

  const skuIdByArticle = new Map(skus.map((s) => [s.seed.sku, s.seed.id]));
  const skuId = (article: string) => {
    const id = skuIdByArticle.get(article);
    if (!id) throw new Error(`demo catalog: no SKU with article number ${article}`);
    return id;
  };
  const components = DEMO_PRODUCTS.flatMap((item) =>
    (item.bundle ?? []).map((part) => ({
      bundleSkuId: skuId(item.article),
      componentSkuId: skuId(part.article),
      quantity: part.quantity,
    })),
  );
  await insertBundleComponents(tx, components);
  return skus;
}
