// The catalog module's additions to the demo data, written after the base demo in the same transaction:
// one article of each status the base demo lacks, so the back office and register show what they mean.
import type { Queryable } from '../database';
import { insertPrices, insertProducts, insertSkus, type SeedCatalogStatus } from './builders';
import type { DemoSeedDeps } from './demo';
import { demoEan } from './ean';
import { SEED_ID_PREFIX as P } from './ids';

interface ExtraProduct {
  article: string;
  slug: string;
  category: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  priceInclVat: number;
  status: SeedCatalogStatus;
  /** Far above the base demo's EAN numbers, so the two never meet. */
  eanNumber: number;
}

/** A bag sold only at the register (hidden from the web shop) and last year's mug (discontinued). */
export const DEMO_CATALOG_EXTRAS: readonly ExtraProduct[] = [
  {
    article: 'KASSE-PAP',
    slug: 'papperskasse',
    category: 'accessoarer',
    nameSv: 'Papperskasse',
    nameEn: 'Paper carrier bag',
    descriptionSv: 'Bärkasse i återvunnet papper; säljs i kassan.',
    descriptionEn: 'Recycled paper carrier bag; sold at the register.',
    priceInclVat: 300,
    status: 'hidden',
    eanNumber: 990_001,
  },
  {
    article: 'KO-JUL-24',
    slug: 'julmugg-2024',
    category: 'kok',
    nameSv: 'Julmugg 2024',
    nameEn: 'Christmas mug 2024',
    descriptionSv: 'Förra årets julmugg; utgången.',
    descriptionEn: 'Last year’s Christmas mug; discontinued.',
    priceInclVat: 14900,
    status: 'discontinued',
    eanNumber: 990_002,
  },
];

/** Adds the catalog demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoCatalog(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  const [retail] = await tx.query<{ id: string }>(
    'select id from price_lists where is_retail order by id limit 1',
  );
  const categories = await tx.query<{ id: string; slug: string }>('select id, slug from categories');
  if (!company || !retail) throw new Error('demo catalog extras: the base demo has not been written');
  const categoryId = (slug: string) => categories.find((c) => c.slug === slug)?.id ?? null;
  const rows = DEMO_CATALOG_EXTRAS.map((item) => ({
    item,
    productId: deps.newId(P.product),
    skuId: deps.newId(P.sku),
  }));
  await insertProducts(
    tx,
    rows.map(({ item, productId }) => ({
      id: productId,
      companyId: company.id,
      categoryId: categoryId(item.category),
      slug: item.slug,
      nameSv: item.nameSv,
      nameEn: item.nameEn,
      descriptionSv: item.descriptionSv,
      descriptionEn: item.descriptionEn,
      brand: 'Demo Butik',
      status: item.status,
      createdAt: deps.now,
    })),
  );
  await insertSkus(
    tx,
    rows.map(({ item, productId, skuId }) => ({
      id: skuId,
      productId,
      sku: item.article,
      ean: demoEan(item.eanNumber),
      status: item.status,
      createdAt: deps.now,
    })),
  );
  await insertPrices(
    tx,
    rows.map(({ item, skuId }) => ({ priceListId: retail.id, skuId, unitPriceInclVat: item.priceInclVat })),
  );
}
