// SQL of the shops module: shops, their host names, and an order's shop.
import type { Queryable } from '@handla/db';

/** A shop row with its host names in order. */
export interface ShopRow {
  id: string;
  companyId: string;
  name: string;
  isDefault: boolean;
  hostNames: string[];
  defaultLanguage: 'sv' | 'en';
  currency: string;
  priceListId: string;
  country: string;
  shippingMethodIds: string[];
  paymentMethods: ('card' | 'klarna' | 'swish' | 'in_store' | 'invoice')[];
  termsText: string;
  termsUrl: string | null;
  isOssRegistered: boolean;
  /** Where the shop delivers (ISO 3166-1 alpha-2), its own country first by default. */
  deliveryCountries: string[];
  /** The address its mails and SMS link to; null = PUBLIC_URL. */
  publicUrl: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a write sets; host names go to their own table. */
export type ShopWrite = Omit<ShopRow, 'companyId' | 'isDefault' | 'version' | 'createdAt' | 'updatedAt'>;

const COLUMNS = `s.id, s.company_id as "companyId", s.name, s.is_default as "isDefault",
  coalesce((select array_agg(h.host_name order by h.position) from shop_hosts h where h.shop_id = s.id),
           '{}') as "hostNames",
  s.default_language as "defaultLanguage", s.currency, s.price_list_id as "priceListId", s.country,
  s.shipping_method_ids as "shippingMethodIds", s.payment_methods as "paymentMethods",
  s.terms_text as "termsText", s.terms_url as "termsUrl", s.is_oss_registered as "isOssRegistered",
  -- A row written without countries (an older seed) delivers to its own country.
  case when jsonb_array_length(s.delivery_countries) = 0 then jsonb_build_array(s.country)
       else s.delivery_countries end as "deliveryCountries", s.public_url as "publicUrl", s.version, s.created_at as "createdAt", s.updated_at as "updatedAt"`;

/** Every shop of the company, the default first, then by name. */
export async function listShopRows(q: Queryable, companyId: string): Promise<ShopRow[]> {
  return q.query<ShopRow>(
    `select ${COLUMNS} from shops s where s.company_id = $1 order by s.is_default desc, s.name, s.id`,
    [companyId],
  );
}

export async function findShopRow(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ShopRow | undefined> {
  const [row] = await q.query<ShopRow>(
    `select ${COLUMNS} from shops s where s.id = $1${opts.forUpdate ? ' for update of s' : ''}`,
    [id],
  );
  return row;
}

/** The shop claiming `hostName`, else the company's default shop. */
export async function findShopRowForHost(
  q: Queryable,
  companyId: string,
  hostName: string,
): Promise<ShopRow | undefined> {
  const [row] = await q.query<ShopRow>(
    `select ${COLUMNS} from shops s
      where s.company_id = $1
        and (s.id = (select shop_id from shop_hosts where host_name = $2) or s.is_default)
      order by s.is_default limit 1`,
    [companyId, hostName],
  );
  return row;
}

/** The host names of `names` that a shop other than `exceptShopId` already has. */
export async function findTakenHostNames(
  q: Queryable,
  names: readonly string[],
  exceptShopId: string | null,
): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await q.query<{ hostName: string }>(
    `select host_name as "hostName" from shop_hosts
      where host_name = any($1) and ($2::text is null or shop_id <> $2)`,
    [names, exceptShopId],
  );
  return rows.map((r) => r.hostName);
}

const writeParams = (s: ShopWrite) => [
  s.name,
  s.defaultLanguage,
  s.currency,
  s.priceListId,
  s.country,
  JSON.stringify(s.shippingMethodIds),
  JSON.stringify(s.paymentMethods),
  s.termsText,
  s.termsUrl,
  s.isOssRegistered,
  JSON.stringify(s.deliveryCountries),
  s.publicUrl,
];

/** Inserts a shop; `on conflict do nothing` lets two processes race to make the default once. */
export async function insertShopRow(
  q: Queryable,
  shop: ShopWrite & { companyId: string; isDefault: boolean },
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `insert into shops (id, company_id, is_default, name, default_language, currency, price_list_id, country,
                        shipping_method_ids, payment_methods, terms_text, terms_url, is_oss_registered,
                        delivery_countries, public_url, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14::jsonb, $15, $16, $16)
     on conflict do nothing returning id`,
    [shop.id, shop.companyId, shop.isDefault, ...writeParams(shop), now],
  );
  return rows.length === 1;
}

/** Writes the shop's fields and bumps its version. */
export async function updateShopRow(q: Queryable, shop: ShopWrite, now: Date): Promise<void> {
  await q.query(
    `update shops set name = $2, default_language = $3, currency = $4, price_list_id = $5, country = $6,
            shipping_method_ids = $7::jsonb, payment_methods = $8::jsonb, terms_text = $9, terms_url = $10,
            is_oss_registered = $11, delivery_countries = $12::jsonb, public_url = $13,
            version = version + 1, updated_at = $14
      where id = $1`,
    [shop.id, ...writeParams(shop), now],
  );
}

/** Replaces the shop's host names (a unique key keeps two shops from sharing one). */
export async function replaceShopHosts(q: Queryable, shopId: string, hostNames: readonly string[]) {
  await q.query('delete from shop_hosts where shop_id = $1', [shopId]);
  if (hostNames.length === 0) return;
  await q.query(
    `insert into shop_hosts (host_name, shop_id, position)
     select name, $1, ord::integer from unnest($2::text[]) with ordinality as h(name, ord)`,
    [shopId, hostNames],
  );
}

/**
 * Records which shop placed an order and the price list it was priced from. A shop with its own
 * public URL also gets the order's link (fixed at checkout, mailed and texted from then on) on its
 * address: the part from `/#/` on, as `statusUrlOf` made it, is kept behind the shop's URL. An OSS
 * sale keeps its destination country (`oss_country`): the books follow the VAT charged.
 */
export async function setOrderShop(
  q: Queryable,
  orderId: string,
  shop: { shopId: string; priceListId: string; ossCountry?: string },
): Promise<void> {
  await q.query(
    `update orders o set shop_id = $2, price_list_id = $3, oss_country = $4,
            status_url = coalesce(s.public_url || substring(o.status_url from '/#/.*$'), o.status_url)
       from shops s where o.id = $1 and s.id = $2`,
    [orderId, shop.shopId, shop.priceListId, shop.ossCountry ?? null],
  );
}

/** The countries each shipping method goes to (empty: the selling shop's own country only). */
export async function listShippingMethodCountries(q: Queryable): Promise<Map<string, string[]>> {
  const rows = await q.query<{ id: string; countries: string[] }>(
    'select id, countries from shipping_methods',
  );
  return new Map(rows.map((r) => [r.id, r.countries]));
}

/** Sets the countries a shipping method goes to. */
export async function updateShippingMethodCountries(
  q: Queryable,
  id: string,
  countries: readonly string[],
): Promise<void> {
  await q.query('update shipping_methods set countries = $2::jsonb where id = $1', [
    id,
    JSON.stringify(countries),
  ]);
}

/** A page of a price list's prices of active SKUs, by SKU id after `afterSkuId`. */
export async function listPriceRows(
  q: Queryable,
  priceListId: string,
  afterSkuId: string | undefined,
  limit: number,
): Promise<{ skuId: string; amount: number; currency: string }[]> {
  return q.query(
    `select p.sku_id as "skuId", p.unit_price_incl_vat as amount, pl.currency
       from prices p join price_lists pl on pl.id = p.price_list_id join skus s on s.id = p.sku_id
      where p.price_list_id = $1 and s.status = 'active' and ($2::text is null or p.sku_id > $2)
      order by p.sku_id limit $3`,
    [priceListId, afterSkuId ?? null, limit],
  );
}
