-- Click & collect at the store: the order's store-side instants and its picking lock, the state of
-- each line at the store (picked, removed, substituted, shipped home), and shelf locations for
-- pick tickets and pick lists.

alter table orders
  add column accepted_at timestamptz,
  add column picking_at timestamptz,
  add column collected_at timestamptz,
  -- While picking, who holds the order: edits from anyone else are refused (409 order_locked).
  add column locked_by_kind text check (locked_by_kind in ('register', 'staff', 'api')),
  add column locked_by_id text,
  add column locked_by_name text,
  -- The register receipt a pay-in-store order was paid on (or a prepaid order handed over with).
  add column receipt_id text,
  add check ((locked_by_kind is null) = (locked_by_id is null));

alter table order_lines
  add column state text not null default 'open'
    check (state in ('open', 'picked', 'removed', 'substituted', 'shipping')),
  add column picked_quantity integer not null default 0 check (picked_quantity >= 0),
  add column returned_quantity integer not null default 0 check (returned_quantity >= 0),
  add column substitutes_line_id text references order_lines(id),
  add column ship_from_location_id text references locations(id),
  add column ship_address jsonb,
  add column note text,
  add check (picked_quantity <= quantity),
  add check (returned_quantity <= quantity);

-- Where a SKU sits at a location ("A3-2"): printed on pick tickets, grouping pick lists.
create table sku_shelves (
  sku_id text not null references skus(id),
  location_id text not null references locations(id),
  shelf text not null check (length(shelf) between 1 and 40),
  primary key (sku_id, location_id)
);

-- The expiry job's candidates: pickup orders still waiting, oldest pickup time first.
create index orders_waiting_pickup_idx on orders (slot_ends_at)
  where fulfilment = 'pickup' and status in ('placed', 'accepted', 'picking', 'ready');
