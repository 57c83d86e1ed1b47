-- Inventory: reservations, transfers between locations, stock counts, suppliers and purchase
-- orders, and min/max replenishment rules. The ledger (stock_movements) and its projection
-- (stock_levels) are in 0001; every change here that moves stock writes both in one statement.

-- Set when on-hand goes below zero (a register sale never refuses); cleared by a completed count.
alter table stock_levels add column count_needed_at timestamptz;
create index stock_levels_count_needed_idx on stock_levels (location_id) where count_needed_at is not null;

-- Movement history is paged newest first per SKU or per location; recent sales feed replenishment.
create index stock_movements_sku_recent_idx on stock_movements (sku_id, occurred_at desc, id desc);
create index stock_movements_location_recent_idx on stock_movements (location_id, occurred_at desc, id desc);

-- A hold on stock for a web order. The id is made by the client, so a retried call finds the first
-- result instead of reserving twice. A bundle's reservation holds its components (the lines).
create table stock_reservations (
  id text primary key,
  sku_id text not null references skus(id),
  location_id text not null references locations(id),
  quantity integer not null check (quantity > 0),
  status text not null check (status in ('active', 'released', 'consumed')),
  reference text,
  actor text not null,
  created_at timestamptz not null,
  ended_at timestamptz
);
create index stock_reservations_active_idx on stock_reservations (location_id) where status = 'active';

create table stock_reservation_lines (
  reservation_id text not null references stock_reservations(id),
  sku_id text not null references skus(id),
  quantity integer not null check (quantity > 0),
  primary key (reservation_id, sku_id)
);

create table stock_transfers (
  id text primary key,
  from_location_id text not null references locations(id),
  to_location_id text not null references locations(id),
  status text not null check (status in ('draft', 'sent', 'received', 'cancelled')),
  note text not null default '',
  version integer not null default 1,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  sent_at timestamptz,
  received_at timestamptz,
  check (from_location_id <> to_location_id)
);
create index stock_transfers_to_idx on stock_transfers (to_location_id, status);
create index stock_transfers_from_idx on stock_transfers (from_location_id, status);

create table stock_transfer_lines (
  transfer_id text not null references stock_transfers(id),
  sku_id text not null references skus(id),
  quantity integer not null check (quantity > 0),
  -- null until received; received - quantity is the difference found on arrival
  received_quantity integer check (received_quantity >= 0),
  primary key (transfer_id, sku_id)
);

create table stock_counts (
  id text primary key,
  location_id text not null references locations(id),
  status text not null check (status in ('open', 'completed', 'cancelled')),
  note text not null default '',
  version integer not null default 1,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz
);
-- One open count sheet per location at a time.
create unique index stock_counts_one_open_idx on stock_counts (location_id) where status = 'open';

create table stock_count_lines (
  count_id text not null references stock_counts(id),
  sku_id text not null references skus(id),
  expected_on_hand integer not null,  -- on-hand when the line joined the sheet
  counted_quantity integer check (counted_quantity >= 0),
  counted_at timestamptz,
  primary key (count_id, sku_id)
);

create table suppliers (
  id text primary key,
  company_id text not null references companies(id),
  code text not null unique,
  name text not null,
  email text,
  phone text,
  lead_time_days integer not null default 7 check (lead_time_days between 0 and 365),
  created_at timestamptz not null
);

create table purchase_orders (
  id text primary key,
  supplier_id text not null references suppliers(id),
  location_id text not null references locations(id),
  status text not null check (status in ('open', 'partially_received', 'received', 'closed')),
  expected_on date not null,
  note text not null default '',
  version integer not null default 1,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
create index purchase_orders_location_idx on purchase_orders (location_id, status);
create index purchase_orders_supplier_idx on purchase_orders (supplier_id, status);

create table purchase_order_lines (
  purchase_order_id text not null references purchase_orders(id),
  sku_id text not null references skus(id),
  ordered_quantity integer not null check (ordered_quantity >= 0),  -- 0: delivered without being ordered
  received_quantity integer not null default 0 check (received_quantity >= 0),
  primary key (purchase_order_id, sku_id)
);

create table purchase_order_deviations (
  id text primary key,
  purchase_order_id text not null references purchase_orders(id),
  sku_id text not null references skus(id),
  kind text not null check (kind in ('over', 'under')),
  quantity integer not null check (quantity > 0),
  actor text not null,
  recorded_at timestamptz not null
);
create index purchase_order_deviations_po_idx on purchase_order_deviations (purchase_order_id);

create table replenishment_rules (
  location_id text not null references locations(id),
  sku_id text not null references skus(id),
  min_quantity integer not null check (min_quantity >= 0),
  max_quantity integer not null check (max_quantity > 0 and max_quantity >= min_quantity),
  updated_at timestamptz not null,
  primary key (location_id, sku_id)
);
