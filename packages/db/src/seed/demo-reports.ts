// The reports part of the demo data: purchase prices (excl. VAT) for three SKUs in four, at about
// 45 % of the retail price excl. VAT, so the back office shows margins and how much of the sales
// has a known cost.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

export async function seedDemoReports(tx: Queryable, deps: Pick<DemoSeedDeps, 'now'>): Promise<void> {
  await tx.query(
    `insert into sku_purchase_prices (sku_id, unit_cost_excl_vat, updated_at)
     select sku_id, round(unit_price_incl_vat * 0.8 * 0.45)::integer, $1
       from (select p.sku_id, p.unit_price_incl_vat, row_number() over (order by s.sku) as n
               from prices p join price_lists l on l.id = p.price_list_id and l.is_retail
               join skus s on s.id = p.sku_id) retail
      where n % 4 <> 0
     on conflict (sku_id) do nothing`,
    [deps.now],
  );
}
