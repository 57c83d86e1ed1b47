-- Fulfilment of delivery orders per location: when orders are released to picking (at once or at
-- batch times), the pick lists a release makes, and packing by scan.

create table fulfilment_settings (
  location_id text primary key references locations(id),
  mode text not null check (mode in ('immediate', 'batches')),
  -- "HH:MM" wall times in Europe/Stockholm, ascending
  batch_times text[] not null default '{}',
  -- the last batch instant released, so a batch is released once even with several processes
  last_batch_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null,
  updated_by text
);

create table pick_lists (
  id text primary key,
  location_id text not null references locations(id),
  created_at timestamptz not null,
  -- who released: a staff id, or 'system:release' for the job
  created_by text not null,
  order_count integer not null check (order_count > 0)
);
create index pick_lists_location_created_idx on pick_lists (location_id, created_at desc);

-- An order is released once: it belongs to at most one pick list.
create table pick_list_orders (
  order_id text primary key references orders(id),
  pick_list_id text not null references pick_lists(id),
  position integer not null
);
create index pick_list_orders_list_idx on pick_list_orders (pick_list_id, position);

-- Each accepted scan is one unit of one line; wrong and extra scans are refused and not stored.
create table pack_scans (
  id text primary key,
  order_id text not null references orders(id),
  line_id text not null references order_lines(id),
  code text not null,
  scanned_by text not null,
  scanned_at timestamptz not null
);
create index pack_scans_order_idx on pack_scans (order_id, line_id);

-- An order whose every line is packed: the shipping module books its shipment from here.
create table packed_orders (
  order_id text primary key references orders(id),
  packed_at timestamptz not null,
  packed_by text not null
);
