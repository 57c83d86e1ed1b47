// Reads the register's setup needs from other modules' tables. Catalog and company have no bulk
// lookup for "every sellable SKU" yet; these reads stand in for one (read-only, like pricing's
// findCompanyFacts).
import type { LocalizedText, RegisterCompany } from '@handla/api';
import type { Queryable } from '@handla/db';

/** A sellable SKU with what the register shows and prints. */
export interface SellableSku {
  skuId: string;
  sku: string;
  ean: string | null;
  productId: string;
  name: LocalizedText;
  options: Record<string, string>;
  warrantyText: string | null;
  isBundle: boolean;
}

/** Active SKUs of active products that have a retail price, in catalog order. */
export async function listSellableSkus(q: Queryable): Promise<SellableSku[]> {
  return q.query<SellableSku>(
    `select s.id as "skuId", s.sku, s.ean, p.id as "productId",
            jsonb_build_object('sv', p.name_sv, 'en', p.name_en) as name, s.options,
            p.warranty_text as "warrantyText", p.is_bundle as "isBundle"
       from skus s
       join products p on p.id = s.product_id
      where s.status = 'active' and p.status = 'active'
        and exists (select 1 from prices pr join price_lists pl on pl.id = pr.price_list_id
                     where pl.is_retail and pr.sku_id = s.id)
      order by p.slug, s.sort_order, s.sku`,
  );
}

/** The legal seller the receipts name. */
export async function findCompany(q: Queryable, companyId: string): Promise<RegisterCompany> {
  const [row] = await q.query<RegisterCompany>(
    `select name, org_number as "orgNumber", vat_number as "vatNumber", country, currency,
            time_zone as "timeZone"
       from companies where id = $1`,
    [companyId],
  );
  return row!;
}
