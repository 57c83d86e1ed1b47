// Release of 10,000 paid delivery orders (two lines each, generated with SQL) at the central
// warehouse into pick lists, then their papers. Timed: the release (claim, lock, move to picking,
// pick lists) plus every pick list PDF and every packing slip PDF; each part is also logged.
// The demo seed gives every stocked SKU a shelf, so the pick lists are grouped as in a real warehouse.
import { seedDemoData } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { packingSlipPdf, pickListPdf } from '../../../apps/server/src/modules/fulfilment/fulfilment.papers';
import { releaseNow } from '../../../apps/server/src/modules/fulfilment/fulfilment.service';
import type { BenchSuite } from './suite';

const ORDERS = 10_000;
const FIGURE = 'release.orders_per_s';

async function insertPaidDeliveryOrders(ctx: AppContext): Promise<string> {
  const db = ctx.db;
  const [central] = await db.query<{ id: string; companyId: string }>(
    `select id, company_id as "companyId" from locations where code = 'CENTRAL'`,
  );
  const [method] = await db.query<{ id: string }>(
    'select id from shipping_methods order by sort_order limit 1',
  );
  const skus = await db.query<{ id: string; sku: string }>(
    `select id, sku from skus where status = 'active' order by sku limit 20`,
  );
  const placedAt = ctx.clock();
  await db.query(
    `insert into orders (id, company_id, number, checkout_id, status, channel, locale, customer_name,
       customer_email, fulfilment, location_id, delivery_address, shipping_method_id, lines_total_incl_vat,
       total_incl_vat, currency, payment_method, status_token, status_url, pickup_code, created_at, placed_at,
       updated_at)
     select 'ord_bench_' || n, $1, 100000 + n, 'chk_bench_' || n, 'placed', 'web', 'sv', 'Kund ' || n,
            'kund' || n || '@example.se', 'delivery', $2,
            jsonb_build_object('name', 'Kund ' || n, 'street', 'Gatan ' || n, 'postalCode', '111 22',
                               'city', 'Stockholm', 'country', 'SE'),
            $3, 30000, 30000, 'SEK', 'card', 'tok_bench_' || n, 'http://localhost/o/' || n, 'B' || n, $4, $4, $4
       from generate_series(1, $5::integer) n`,
    [central!.companyId, central!.id, method!.id, placedAt, ORDERS],
  );
  await db.query(
    `insert into order_lines (id, order_id, position, sku_id, sku, product_name_sv, product_name_en,
       quantity, unit_price_incl_vat, line_total_incl_vat, vat_rate_bp)
     select 'oln_bench_' || n || '_' || k, 'ord_bench_' || n, k, (s.skus)[1 + (n * k) % $2], (s.codes)[1 + (n * k) % $2],
            'Vara', 'Item', k, 10000, 10000 * k, 2500
       from generate_series(1, $1::integer) n, generate_series(1, 2) k,
            (select $3::text[] as skus, $4::text[] as codes) s`,
    [ORDERS, skus.length, skus.map((s) => s.id), skus.map((s) => s.sku)],
  );
  // Paid: each order's card authorization covers it (release waits for orders that lack a difference).
  await db.query(
    `insert into payments (id, order_id, method, provider, status, currency, amount, authorized, return_url,
       description, created_at, updated_at)
     select 'pay_bench_' || n, 'ord_bench_' || n, 'card', 'test', 'authorized', 'SEK', 30000, 30000,
            'http://localhost/o/' || n, 'Order ' || (100000 + n), $1, $1
       from generate_series(1, $2::integer) n`,
    [placedAt, ORDERS],
  );
  await db.query(`update orders set payment_id = 'pay_bench_' || substr(id, 11) where id like 'ord_bench_%'`);
  await db.query('analyze');
  return central!.id;
}

export const releaseSuite: BenchSuite = {
  figures: [FIGURE],
  async run(target, wanted) {
    if (!wanted(FIGURE)) return [];
    const db = await target.open();
    try {
      const ctx = createContext(db);
      await seedDemoData(db, { hashPassword: async (p) => `bench$${p}`, now: new Date(), newId: ctx.newId });
      const locationId = await insertPaidDeliveryOrders(ctx);

      const started = performance.now();
      const result = await releaseNow(ctx, { id: 'bench', storeId: null }, locationId);
      const released = performance.now();
      for (const list of result.pickLists) await pickListPdf(ctx, list.id);
      const listed = performance.now();
      for (let n = 1; n <= ORDERS; n++) await packingSlipPdf(ctx, `ord_bench_${n}`);
      const slipped = performance.now();

      // The figure only counts if every order was released once, into one pick list.
      const [check] = await db.query<{ picking: number; listed: number }>(
        `select (select count(*)::integer from orders where id like 'ord_bench_%' and status = 'picking') as picking,
                (select count(*)::integer from pick_list_orders where order_id like 'ord_bench_%') as listed`,
      );
      if (result.releasedOrders !== ORDERS || check!.picking !== ORDERS || check!.listed !== ORDERS) {
        throw new Error(
          `expected ${ORDERS} released orders, got ${JSON.stringify({ ...check, result: result.releasedOrders })}`,
        );
      }
      const seconds = (slipped - started) / 1000;
      console.log(
        `release (${target.db}): ${ORDERS} orders released into ${result.pickLists.length} pick lists in ` +
          `${((released - started) / 1000).toFixed(1)} s (${(ORDERS / ((released - started) / 1000)).toFixed(0)} orders/s); ` +
          `pick list PDFs ${((listed - released) / 1000).toFixed(1)} s; packing slips ${((slipped - listed) / 1000).toFixed(1)} s; ` +
          `all ${seconds.toFixed(1)} s`,
      );
      return [{ name: FIGURE, value: ORDERS / seconds, unit: 'orders/s', db: target.db }];
    } finally {
      await db.close();
    }
  },
};
