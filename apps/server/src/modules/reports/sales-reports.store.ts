// SQL for the sales reports. Register sales by hour come from the `sales_hourly` rollup (kept by a
// trigger on receipt_lines, migration 0022), so a year answers from ~10^4 rows per store instead of
// a million receipts; products and categories read the lines through receipts_store_time_idx.
// Web sales are captured web orders dated when placed; a pay-in-store order is not one of them: it
// is counted once, through the register receipt it was paid on.
import type { SalesGroupBy } from '@handla/api';
import type { Queryable } from '@handla/db';

/** [start, end) as instants, and the store a report is limited to (null: every store). */
export interface ReportScope {
  start: Date;
  end: Date;
  storeId: string | null;
}

export interface SalesSums {
  key: string;
  salesInclVat: number;
  salesExclVat: number;
  receipts: number;
  returns: number;
  units: number;
  costedExclVat: number;
  cost: number;
}

// Local day and hour in the store's time zone (the company's for a web order without a store).
const LOCAL_KEY: Record<Exclude<SalesGroupBy, 'product' | 'category'>, { store: string; web: string }> = {
  day: {
    store: `to_char(h.hour_start at time zone s.time_zone, 'YYYY-MM-DD')`,
    web: `to_char(w.placed_at at time zone w.tz, 'YYYY-MM-DD')`,
  },
  hour: {
    store: `to_char(h.hour_start at time zone s.time_zone, 'HH24')`,
    web: `to_char(w.placed_at at time zone w.tz, 'HH24')`,
  },
  store: { store: 'h.store_id', web: `coalesce(w.store_id, 'web')` },
  register: { store: 'h.register_id', web: `'web'` },
  channel: { store: `'store'`, web: `'web'` },
  salesperson: { store: 'h.cashier_id', web: `'web'` },
};

// A web order line's part that was kept: returned units are taken off pro rata.
const WEB_LINE_AMOUNT = `round(l.line_total_incl_vat::numeric * (l.quantity - l.returned_quantity) / l.quantity)`;
const EXCL = (incl: string, bp: string) => `round((${incl}) * 10000.0 / (10000 + ${bp}))`;

// Captured web orders in the period (pay-in-store ones are sold on a register receipt instead).
const WEB_LINES = `
  from orders o
  join companies c on c.id = o.company_id
  left join stores st on st.id = o.store_id
  join order_lines l on l.order_id = o.id and l.state not in ('removed', 'substituted')
  left join sku_purchase_prices p on p.sku_id = l.sku_id
  where o.placed_at >= $1 and o.placed_at < $2 and ($3::text is null or o.store_id = $3)
    and o.payment_method <> 'in_store'
    and exists (select 1 from payments pm where pm.id = o.payment_id and pm.captured > 0)`;

const FIGURES = `coalesce(sum(incl), 0)::bigint as "salesInclVat", coalesce(sum(excl), 0)::bigint as "salesExclVat",
  coalesce(sum(receipts), 0)::integer as receipts, coalesce(sum(returns), 0)::integer as returns,
  coalesce(sum(units), 0)::integer as units, coalesce(sum(costed), 0)::bigint as "costedExclVat",
  coalesce(sum(cost), 0)::bigint as cost`;

function toNumbers(rows: Record<string, unknown>[]): SalesSums[] {
  return rows.map((r) => ({
    key: String(r.key),
    salesInclVat: Number(r.salesInclVat),
    salesExclVat: Number(r.salesExclVat),
    receipts: Number(r.receipts),
    returns: Number(r.returns),
    units: Number(r.units),
    costedExclVat: Number(r.costedExclVat),
    cost: Number(r.cost),
  }));
}

/** Sales per day, hour of day, store, register, channel or salesperson: rollup plus web orders. */
export async function sumSalesByTime(
  q: Queryable,
  groupBy: keyof typeof LOCAL_KEY,
  scope: ReportScope,
): Promise<SalesSums[]> {
  const key = LOCAL_KEY[groupBy];
  const rows = await q.query<Record<string, unknown>>(
    `with facts as (
       select ${key.store} as key, h.incl_vat as incl, h.excl_vat as excl, h.sale_receipts as receipts,
              h.return_receipts as returns, h.units, h.costed_excl_vat as costed, h.cost
         from sales_hourly h join stores s on s.id = h.store_id
        where h.hour_start >= $1 and h.hour_start < $2 and ($3::text is null or h.store_id = $3)
       union all
       select ${key.web}, w.incl, w.excl, 1, 0, w.units, w.costed, w.cost
         from (select o.id, o.placed_at, o.store_id, coalesce(st.time_zone, c.time_zone) as tz,
                      sum(${WEB_LINE_AMOUNT}) as incl,
                      sum(${EXCL(WEB_LINE_AMOUNT, 'l.vat_rate_bp')}) as excl,
                      sum(l.quantity - l.returned_quantity) as units,
                      coalesce(sum(${EXCL(WEB_LINE_AMOUNT, 'l.vat_rate_bp')}) filter (where p.sku_id is not null), 0)
                        as costed,
                      coalesce(sum(p.unit_cost_excl_vat::bigint * (l.quantity - l.returned_quantity)), 0) as cost
                 ${WEB_LINES}
                group by o.id, st.time_zone, c.time_zone) w
     )
     select key, ${FIGURES} from facts group by key order by key`,
    [scope.start, scope.end, scope.storeId],
  );
  return toNumbers(rows);
}

/** Sales per product or category from the lines (register receipts and web orders). */
export async function sumSalesByProduct(
  q: Queryable,
  groupBy: 'product' | 'category',
  scope: ReportScope,
): Promise<SalesSums[]> {
  const key = groupBy === 'product' ? 'pr.id' : `coalesce(pr.category_id, 'none')`;
  const rows = await q.query<Record<string, unknown>>(
    `with facts as (
       select l.sku_id, l.total_incl_vat as incl, ${EXCL('l.total_incl_vat', 'l.vat_rate_bp')} as excl,
              l.quantity as units, p.unit_cost_excl_vat as unit_cost, r.id as receipt_id, r.kind
         from receipts r
         join receipt_lines l on l.receipt_id = r.id
         left join sku_purchase_prices p on p.sku_id = l.sku_id
        where not r.is_training and r.occurred_at >= $1 and r.occurred_at < $2
          and ($3::text is null or r.store_id = $3)
       union all
       select l.sku_id, ${WEB_LINE_AMOUNT}, ${EXCL(WEB_LINE_AMOUNT, 'l.vat_rate_bp')},
              l.quantity - l.returned_quantity, p.unit_cost_excl_vat, o.id, 'sale'
         ${WEB_LINES}
     ), keyed as (
       select ${key} as key, f.incl, f.excl, f.units,
              case when f.unit_cost is null then 0 else f.excl end as costed,
              coalesce(f.unit_cost::bigint * f.units, 0) as cost, f.receipt_id, f.kind
         from facts f join skus k on k.id = f.sku_id join products pr on pr.id = k.product_id
     )
     select key, coalesce(sum(incl), 0)::bigint as "salesInclVat", coalesce(sum(excl), 0)::bigint as "salesExclVat",
            count(distinct receipt_id) filter (where kind = 'sale')::integer as receipts,
            count(distinct receipt_id) filter (where kind = 'return')::integer as returns,
            coalesce(sum(units), 0)::integer as units, coalesce(sum(costed), 0)::bigint as "costedExclVat",
            coalesce(sum(cost), 0)::bigint as cost
       from keyed group by key order by key`,
    [scope.start, scope.end, scope.storeId],
  );
  return toNumbers(rows);
}

/** Names to show for the keys of a grouping (ids of stores, registers, staff, products, categories). */
export async function labelsFor(
  q: Queryable,
  groupBy: SalesGroupBy,
  keys: string[],
): Promise<Map<string, string>> {
  const sql: Partial<Record<SalesGroupBy, string>> = {
    store: 'select id, name as label from stores where id = any($1)',
    register: `select r.id, s.name || ' ' || r.code as label from registers r join stores s on s.id = r.store_id
                where r.id = any($1)`,
    salesperson: 'select id, name as label from staff_users where id = any($1)',
    product: 'select id, name_sv as label from products where id = any($1)',
    category: 'select id, name_sv as label from categories where id = any($1)',
  };
  const query = sql[groupBy];
  if (!query) return new Map();
  const rows = await q.query<{ id: string; label: string }>(query, [keys]);
  return new Map(rows.map((r) => [r.id, r.label]));
}

export interface PaymentSums {
  channel: 'store' | 'web';
  method: string;
  amount: number;
  count: number;
}

/** Payments per method: register receipts (training left out) and captured web payments. */
export async function sumPayments(q: Queryable, scope: ReportScope): Promise<PaymentSums[]> {
  const rows = await q.query<{ channel: 'store' | 'web'; method: string; amount: string; count: number }>(
    `select 'store' as channel, p.method, sum(p.amount)::bigint as amount, count(*)::integer as count
       from receipts r join receipt_payments p on p.receipt_id = r.id
      where not r.is_training and r.occurred_at >= $1 and r.occurred_at < $2
        and ($3::text is null or r.store_id = $3)
      group by p.method
     union all
     select 'web', pm.method, sum(pm.captured - pm.refunded)::bigint, count(*)::integer
       from orders o join payments pm on pm.id = o.payment_id
      where o.placed_at >= $1 and o.placed_at < $2 and ($3::text is null or o.store_id = $3)
        and o.payment_method <> 'in_store' and pm.captured > 0
      group by pm.method
     order by channel, method`,
    [scope.start, scope.end, scope.storeId],
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export interface ClickCollectRow {
  status: string;
  storeId: string;
  slotStartsAt: Date;
  slotEndsAt: Date;
  placedAt: Date | null;
  readyAt: Date | null;
}

/** Pickup orders whose slot starts in the period (orders never placed left out). */
export async function listPickupOrders(q: Queryable, scope: ReportScope): Promise<ClickCollectRow[]> {
  return q.query<ClickCollectRow>(
    `select status, store_id as "storeId", slot_starts_at as "slotStartsAt", slot_ends_at as "slotEndsAt",
            placed_at as "placedAt", ready_at as "readyAt"
       from orders
      where fulfilment = 'pickup' and placed_at is not null
        and slot_starts_at >= $1 and slot_starts_at < $2 and ($3::text is null or store_id = $3)`,
    [scope.start, scope.end, scope.storeId],
  );
}

/** Open pickup orders past their slot's end right now. */
export async function countOverduePickups(q: Queryable, storeId: string | null, now: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::integer as n from orders
      where fulfilment = 'pickup' and status in ('placed', 'accepted', 'picking', 'ready')
        and slot_ends_at < $1 and ($2::text is null or store_id = $2)`,
    [now, storeId],
  );
  return row?.n ?? 0;
}

/** The company's time zone, in which report days start and end. */
export async function findReportTimeZone(q: Queryable, storeId: string | null): Promise<string> {
  const [row] = await q.query<{ tz: string }>(
    `select coalesce((select time_zone from stores where id = $1), (select time_zone from companies limit 1),
                     'Europe/Stockholm') as tz`,
    [storeId],
  );
  return row?.tz ?? 'Europe/Stockholm';
}

/** [from 00:00, day after to 00:00) in `tz`. */
export async function periodBounds(
  q: Queryable,
  from: string,
  to: string,
  tz: string,
): Promise<[Date, Date]> {
  const [row] = await q.query<{ start: Date; end: Date }>(
    `select ($1::date)::timestamp at time zone $3 as start, ($2::date + 1)::timestamp at time zone $3 as "end"`,
    [from, to, tz],
  );
  return [row!.start, row!.end];
}

export async function storeExists(q: Queryable, storeId: string): Promise<boolean> {
  const rows = await q.query('select 1 from stores where id = $1', [storeId]);
  return rows.length > 0;
}
