-- Sales reports: purchase prices (for margins), an hourly rollup of register sales kept by a
-- trigger in the receipt's own transaction, and indexes for the reports that read the lines.

-- What a SKU costs us, excl. VAT, in öre. A margin is only reported for sales whose SKU has one;
-- the rollup copies the cost at the time of sale, so a later price change does not rewrite history.
create table sku_purchase_prices (
  sku_id text primary key references skus(id),
  unit_cost_excl_vat integer not null check (unit_cost_excl_vat >= 0),
  updated_at timestamptz not null
);

-- Register sales per UTC hour, register and cashier (training receipts left out). An hour in UTC is
-- an hour in Europe/Stockholm too (whole-hour offsets), so local hours and days are derived at read
-- time with the store's time zone, DST included. Returns add negative amounts and units.
create table sales_hourly (
  store_id text not null references stores(id),
  hour_start timestamptz not null,
  register_id text not null references registers(id),
  cashier_id text not null references staff_users(id),
  sale_receipts integer not null default 0,
  return_receipts integer not null default 0,
  units bigint not null default 0,
  incl_vat bigint not null default 0,
  excl_vat bigint not null default 0,
  costed_excl_vat bigint not null default 0,  -- the part of excl_vat whose purchase price is known
  cost bigint not null default 0,
  primary key (store_id, hour_start, register_id, cashier_id)
);
create index sales_hourly_hour_idx on sales_hourly (hour_start);

-- Once per INSERT statement on receipt_lines (the register writes a receipt's lines in one), so a
-- receipt is counted exactly once and in the same transaction that records it.
create function sales_hourly_add() returns trigger language plpgsql as $$
begin
  insert into sales_hourly as h (store_id, hour_start, register_id, cashier_id, sale_receipts,
    return_receipts, units, incl_vat, excl_vat, costed_excl_vat, cost)
  select r.store_id, date_trunc('hour', r.occurred_at at time zone 'UTC') at time zone 'UTC',
         r.register_id, r.cashier_id,
         count(distinct r.id) filter (where r.kind = 'sale'),
         count(distinct r.id) filter (where r.kind = 'return'),
         sum(l.quantity),
         sum(l.total_incl_vat),
         sum(round(l.total_incl_vat * 10000.0 / (10000 + l.vat_rate_bp))),
         coalesce(sum(round(l.total_incl_vat * 10000.0 / (10000 + l.vat_rate_bp)))
                    filter (where p.sku_id is not null), 0),
         coalesce(sum(p.unit_cost_excl_vat::bigint * l.quantity), 0)
    from new_lines l
    join receipts r on r.id = l.receipt_id
    left join sku_purchase_prices p on p.sku_id = l.sku_id
   where not r.is_training
   group by 1, 2, 3, 4
  on conflict (store_id, hour_start, register_id, cashier_id) do update set
    sale_receipts = h.sale_receipts + excluded.sale_receipts,
    return_receipts = h.return_receipts + excluded.return_receipts,
    units = h.units + excluded.units,
    incl_vat = h.incl_vat + excluded.incl_vat,
    excl_vat = h.excl_vat + excluded.excl_vat,
    costed_excl_vat = h.costed_excl_vat + excluded.costed_excl_vat,
    cost = h.cost + excluded.cost;
  return null;
end $$;

create trigger receipt_lines_sales_hourly after insert on receipt_lines
  referencing new table as new_lines for each statement execute function sales_hourly_add();

-- Receipts recorded before this migration.
insert into sales_hourly (store_id, hour_start, register_id, cashier_id, sale_receipts, return_receipts,
  units, incl_vat, excl_vat)
select r.store_id, date_trunc('hour', r.occurred_at at time zone 'UTC') at time zone 'UTC', r.register_id,
       r.cashier_id, count(distinct r.id) filter (where r.kind = 'sale'),
       count(distinct r.id) filter (where r.kind = 'return'), sum(l.quantity), sum(l.total_incl_vat),
       sum(round(l.total_incl_vat * 10000.0 / (10000 + l.vat_rate_bp)))
  from receipt_lines l join receipts r on r.id = l.receipt_id
 where not r.is_training
 group by 1, 2, 3, 4;

-- Per-product and per-category reports and the payment mix read receipts of a store and period.
create index receipts_store_time_idx on receipts (store_id, occurred_at) where not is_training;
-- Web sales are dated when the order was placed.
create index orders_placed_idx on orders (placed_at) where placed_at is not null;
