// SQL that gathers every price that might apply to some SKUs, for resolveUnitPrice to choose from.
import type { Queryable } from '@handla/db';

/** One candidate row; which fields are set depends on `source`. */
export interface CandidateRow {
  source: 'retail' | 'customer_list' | 'store_override' | 'campaign';
  skuId: string;
  amount: number;
  currency: string;
  /** The price list of a customer_list row, the campaign of a campaign row. */
  ref: string | null;
  storeId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

// Store overrides and campaign prices are in the retail list's currency; campaigns are read with
// their effective end, and only those running at `at` for this store or every store.
export async function listCandidateRows(
  q: Queryable,
  f: {
    companyId: string;
    skuIds: readonly string[];
    priceListId: string | null;
    storeId: string | null;
    at: Date;
    /** A shop's list that stands in for the retail list (its rows keep the source 'retail'). */
    basePriceListId?: string | null;
  },
): Promise<CandidateRow[]> {
  return q.query<CandidateRow>(
    `with retail as (select id, currency from price_lists where company_id = $1 and is_retail),
     base as (select id, currency from price_lists
               where id = coalesce($6::text, (select id from retail)) and company_id = $1)
     select 'retail' as source, p.sku_id as "skuId", p.unit_price_incl_vat as amount, b.currency,
            null::text as ref, null::text as "storeId", null::timestamptz as "startsAt",
            null::timestamptz as "endsAt"
       from prices p join base b on b.id = p.price_list_id
      where p.sku_id = any($2)
     union all
     select 'customer_list', p.sku_id, p.unit_price_incl_vat, pl.currency, pl.id, null, null, null
       from prices p join price_lists pl on pl.id = p.price_list_id
      where pl.id = $3::text and p.sku_id = any($2)
     union all
     select 'store_override', sp.sku_id, sp.unit_price_incl_vat, r.currency, null, sp.store_id, null, null
       from store_prices sp cross join retail r
      where sp.store_id = $4::text and sp.sku_id = any($2)
     union all
     select 'campaign', cp.sku_id, cp.unit_price_incl_vat, r.currency, c.id, c.store_id, c.starts_at,
            least(c.ends_at, coalesce(c.ended_at, c.ends_at))
       from campaign_prices cp join campaigns c on c.id = cp.campaign_id cross join retail r
      where c.company_id = $1 and cp.sku_id = any($2) and c.starts_at <= $5
        and least(c.ends_at, coalesce(c.ended_at, c.ends_at)) > $5
        and (c.store_id is null or c.store_id = $4::text)`,
    [f.companyId, f.skuIds, f.priceListId, f.storeId, f.at, f.basePriceListId ?? null],
  );
}
