// Bulk reads and writes of prices and tax classes for CSV import and export (set-based SQL).
import type { Queryable } from '@handla/db';

/** Codes of the tax classes that exist. */
export async function listTaxClassCodes(q: Queryable): Promise<Set<string>> {
  return new Set((await q.query<{ code: string }>('select code from tax_classes')).map((r) => r.code));
}

/** Price lists by code, with the retail list's code under `retail` too. */
export async function mapPriceLists(q: Queryable) {
  const rows = await q.query<{ id: string; code: string; currency: string; isRetail: boolean }>(
    'select id, code, currency, is_retail as "isRetail" from price_lists',
  );
  return {
    byCode: new Map(rows.map((r) => [r.code, { id: r.id, currency: r.currency }])),
    retail: rows.find((r) => r.isRetail) ?? null,
  };
}

/** Sets prices (insert or replace) in one statement; returns how many rows changed. */
export async function upsertPrices(
  q: Queryable,
  rows: readonly { priceListId: string; skuId: string; unitPriceInclVat: number }[],
  at: Date,
): Promise<number> {
  const changed = await q.query<{ skuId: string }>(
    `insert into prices as p (price_list_id, sku_id, unit_price_incl_vat, updated_at)
     select * , $4::timestamptz from unnest($1::text[], $2::text[], $3::int[])
     on conflict (price_list_id, sku_id) do update set
       unit_price_incl_vat = excluded.unit_price_incl_vat, version = p.version + 1, updated_at = excluded.updated_at
       where p.unit_price_incl_vat <> excluded.unit_price_incl_vat
     returning p.sku_id as "skuId"`,
    [rows.map((r) => r.priceListId), rows.map((r) => r.skuId), rows.map((r) => r.unitPriceInclVat), at],
  );
  return changed.length;
}

/** Every price in a list, by article number, for the prices export. */
export async function listPricesForExport(q: Queryable, priceListId: string) {
  return q.query<{ sku: string; price: number }>(
    `select s.sku, p.unit_price_incl_vat as price from prices p join skus s on s.id = p.sku_id
      where p.price_list_id = $1 order by s.sku`,
    [priceListId],
  );
}
