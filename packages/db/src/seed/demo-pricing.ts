// The pricing module's part of the demo data, written after the base demo in the same transaction:
// B2B prices and a reseller customer, a couple of store overrides, the running "Vinterrea" and an
// upcoming summer sale. Campaign windows are fixed instants, so every run seeds the same data.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';
import { insertRows } from './rows';

/** "Vinterrea": 20 % off winter clothing in every store, 2026-01-01 to the end of 2027 (Stockholm time). */
export const DEMO_WINTER_SALE = {
  name: 'Vinterrea',
  startsAt: new Date('2025-12-31T23:00:00Z'),
  endsAt: new Date('2027-12-31T23:00:00Z'),
  articlePrefixes: ['JA-DUN', 'SK-KAN', 'AC-MOS', 'AC-HAL', 'AC-VAN', 'TX-PLA'],
  percentOff: 20,
} as const;

/** "Sommarrea i Göteborg": 25 % off sunglasses and canvas sneakers in GBG, summer 2027. */
export const DEMO_SUMMER_SALE = {
  name: 'Sommarrea i Göteborg',
  storeCode: 'GBG',
  startsAt: new Date('2027-05-31T22:00:00Z'),
  endsAt: new Date('2027-08-31T22:00:00Z'),
  articlePrefixes: ['AC-SOL', 'SK-CAN'],
  percentOff: 25,
} as const;

/** Stores' own prices: coffee is cheaper in Göteborg, the tote bag in Stockholm. */
export const DEMO_STORE_OVERRIDES = [
  { storeCode: 'GBG', article: 'LV-KAF', amountOff: 1000 },
  { storeCode: 'STHLM', article: 'AC-TYG', amountOff: 1000 },
] as const;

/** The reseller on the B2B list, which prices everything at 75 % of retail. */
export const DEMO_B2B_CUSTOMER = {
  name: 'Café Kanelbullen AB',
  email: 'inkop@kanelbullen.example',
  orgNumber: '556677-8899',
  percentOfRetail: 75,
} as const;

// Sale prices end in whole kronor, as a shelf label would show them.
const wholeKronor = (ore: number) => Math.round(ore / 100) * 100;

interface RetailRow {
  skuId: string;
  article: string;
  amount: number;
}

/** Adds the pricing demo data; reads the ids it needs from the rows the base demo wrote. */
export async function seedDemoPricing(tx: Queryable, deps: DemoSeedDeps): Promise<void> {
  const { now, newId } = deps;
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  if (!company) throw new Error('demo pricing: the base demo wrote no company');
  const lists = await tx.query<{ id: string; code: string }>('select id, code from price_lists');
  const listId = (code: string) => lists.find((l) => l.code === code)?.id;
  const retailId = listId('RETAIL');
  const b2bId = listId('B2B');
  if (!retailId || !b2bId) throw new Error('demo pricing: the RETAIL and B2B lists are missing');
  const stores = await tx.query<{ id: string; code: string }>('select id, code from stores');
  const storeId = (code: string) => {
    const id = stores.find((s) => s.code === code)?.id;
    if (!id) throw new Error(`demo pricing: no store ${code}`);
    return id;
  };
  const retail = await tx.query<RetailRow>(
    `select s.id as "skuId", s.sku as article, p.unit_price_incl_vat as amount
       from prices p join skus s on s.id = p.sku_id where p.price_list_id = $1 order by s.sku`,
    [retailId],
  );
  const matching = (prefixes: readonly string[]) =>
    retail.filter((r) => prefixes.some((prefix) => r.article.startsWith(prefix)));

  await insertRows(
    tx,
    'prices',
    retail.map((r) => ({
      price_list_id: b2bId,
      sku_id: r.skuId,
      unit_price_incl_vat: wholeKronor((r.amount * DEMO_B2B_CUSTOMER.percentOfRetail) / 100),
      updated_at: now,
    })),
  );
  const { percentOfRetail: _, ...customer } = DEMO_B2B_CUSTOMER;
  await insertRows(tx, 'customers', [
    {
      id: newId('cus'),
      company_id: company.id,
      name: customer.name,
      email: customer.email,
      org_number: customer.orgNumber,
      price_list_id: b2bId,
      created_at: now,
      updated_at: now,
    },
  ]);

  await insertRows(
    tx,
    'store_prices',
    DEMO_STORE_OVERRIDES.map((o) => {
      const row = retail.find((r) => r.article === o.article);
      if (!row) throw new Error(`demo pricing: no retail price for ${o.article}`);
      return {
        store_id: storeId(o.storeCode),
        sku_id: row.skuId,
        unit_price_incl_vat: row.amount - o.amountOff,
        updated_at: now,
      };
    }),
  );

  for (const sale of [DEMO_WINTER_SALE, DEMO_SUMMER_SALE]) {
    const id = newId('cpn');
    await insertRows(tx, 'campaigns', [
      {
        id,
        company_id: company.id,
        name: sale.name,
        store_id: 'storeCode' in sale ? storeId(sale.storeCode) : null,
        starts_at: sale.startsAt,
        ends_at: sale.endsAt,
        created_at: now,
        updated_at: now,
      },
    ]);
    await insertRows(
      tx,
      'campaign_prices',
      matching(sale.articlePrefixes).map((r) => ({
        campaign_id: id,
        sku_id: r.skuId,
        unit_price_incl_vat: wholeKronor((r.amount * (100 - sale.percentOff)) / 100),
      })),
    );
  }
}
