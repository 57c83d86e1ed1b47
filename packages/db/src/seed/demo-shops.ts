// The shops of the demo data, written after the base demo in the same transaction: the Swedish
// default shop at `localhost`, and a Finnish shop at `fi.localhost` in euros with its own price
// list and delivery method, registered for OSS (so Finnish VAT on deliveries to Finland).
import type { Queryable } from '../database';
import { insertPriceList, insertPrices } from './builders';
import type { DemoSeedDeps } from './demo';
import { SEED_ID_PREFIX as P } from './ids';
import { insertRows } from './rows';

/** The Finnish demo shop; `http://fi.localhost:3000/` opens it (browsers resolve *.localhost locally). */
export const DEMO_FI_SHOP = {
  name: 'Demo Butik Suomi',
  hostName: 'fi.localhost',
  priceListCode: 'RETAIL-EUR',
  shippingMethodId: 'shm_posti_home',
  /** Where its mails and SMS link to. */
  publicUrl: 'http://fi.localhost:3000',
} as const;

/** A SEK price in euros: about SEK 11.5 to the euro, ending in ,90. */
export const eurosFromKronor = (ore: number) => Math.max(190, Math.round(ore / 1150) * 100 - 10);

export async function seedDemoShops(tx: Queryable, deps: Pick<DemoSeedDeps, 'now' | 'newId'>): Promise<void> {
  const { now, newId } = deps;
  const [company] = await tx.query<{ id: string; name: string; retailId: string }>(
    `select c.id, c.name, pl.id as "retailId" from companies c
       join price_lists pl on pl.company_id = c.id and pl.is_retail order by c.created_at, c.id limit 1`,
  );
  if (!company) throw new Error('demo shops: the base demo wrote no company or retail list');
  const euroListId = await insertPriceList(tx, {
    id: newId(P.priceList),
    companyId: company.id,
    code: DEMO_FI_SHOP.priceListCode,
    name: 'Verkkokauppa',
    currency: 'EUR',
  });
  const retail = await tx.query<{ skuId: string; amount: number }>(
    'select sku_id as "skuId", unit_price_incl_vat as amount from prices where price_list_id = $1',
    [company.retailId],
  );
  await insertPrices(
    tx,
    retail.map((p) => ({
      priceListId: euroListId,
      skuId: p.skuId,
      unitPriceInclVat: eurosFromKronor(p.amount),
    })),
  );
  await insertRows(tx, 'shipping_methods', [
    {
      id: DEMO_FI_SHOP.shippingMethodId,
      name: 'Kotiinkuljetus / Home delivery (Posti)',
      carrier: 'Posti',
      service_code: '2103',
      description: 'Finland, 2–4 arkipäivää / working days',
      price_incl_vat: 690,
      currency: 'EUR',
      sort_order: 10,
    },
  ]);
  // Home delivery by PostNord also goes to Finland and Denmark (docs/shops.md, delivery abroad).
  await tx.query(
    `update shipping_methods set countries = '["SE", "FI", "DK"]'::jsonb where id = 'shm_postnord_home'`,
  );
  const sekMethods = await tx.query<{ id: string }>(
    `select id from shipping_methods where is_active and currency = 'SEK' order by sort_order, id`,
  );
  const shop = (id: string, isDefault: boolean, fields: Record<string, unknown>) => ({
    id,
    company_id: company.id,
    is_default: isDefault,
    created_at: now,
    updated_at: now,
    ...fields,
  });
  const defaultId = `shp_default_${company.id}`;
  const finnishId = newId('shp');
  await insertRows(tx, 'shops', [
    shop(defaultId, true, {
      name: company.name,
      default_language: 'sv',
      currency: 'SEK',
      price_list_id: company.retailId,
      country: 'SE',
      shipping_method_ids: JSON.stringify(sekMethods.map((m) => m.id)),
      payment_methods: JSON.stringify(['card', 'klarna', 'swish', 'in_store', 'invoice']),
      terms_text: 'Ångerrätt i 14 dagar. Priser inklusive moms.',
      // Not Norway: outside the EU a delivery is an export, which the checkout does not price.
      delivery_countries: JSON.stringify(['SE', 'FI', 'DK']),
    }),
    shop(finnishId, false, {
      name: DEMO_FI_SHOP.name,
      default_language: 'en',
      currency: 'EUR',
      price_list_id: euroListId,
      country: 'FI',
      shipping_method_ids: JSON.stringify([DEMO_FI_SHOP.shippingMethodId]),
      payment_methods: JSON.stringify(['card', 'klarna']),
      terms_text: '14 days to change your mind. Prices include Finnish VAT.',
      is_oss_registered: true,
      delivery_countries: JSON.stringify(['FI']),
      public_url: DEMO_FI_SHOP.publicUrl,
    }),
  ]);
  await insertRows(tx, 'shop_hosts', [
    { host_name: 'localhost', shop_id: defaultId, position: 1 },
    { host_name: DEMO_FI_SHOP.hostName, shop_id: finnishId, position: 1 },
  ]);
  // Euro rates for the last five weeks, so a demo day of Finnish sales exports to SIE in kronor.
  await insertRows(
    tx,
    'exchange_rates',
    demoEuroRates(now).map((r) => ({ company_id: company.id, ...r })),
  );
}

/** Made-up EUR→SEK rates around 11.2 for the 35 days up to `now` (UTC dates). */
export function demoEuroRates(now: Date) {
  return Array.from({ length: 35 }, (_, i) => ({
    currency: 'EUR',
    rate_date: new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10),
    rate_to_sek: (11.2 + ((i * 37) % 21) / 1000).toFixed(4),
    source: 'Demo data (not Riksbank rates)',
    updated_at: now,
  }));
}
