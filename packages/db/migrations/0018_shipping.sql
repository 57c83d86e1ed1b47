-- Shipping: shipments per order line and quantity, each booked with a carrier (tracking number and
-- label) and capturing exactly its own amount; what is cancelled of a line instead of shipped.

alter table order_lines
  -- Units that left in finished shipments, and units cancelled instead ("cancel the rest").
  add column shipped_quantity integer not null default 0 check (shipped_quantity >= 0),
  add column cancelled_quantity integer not null default 0 check (cancelled_quantity >= 0),
  add check (shipped_quantity + cancelled_quantity <= quantity);

-- One row per client-made key and order, written before the capture ("started"), so a retry after
-- a crash finishes the same shipment with the same capture key instead of capturing twice.
create table shipments (
  id text primary key,
  order_id text not null references orders(id),
  idempotency_key text not null,
  number integer not null,               -- 1, 2, … per order
  status text not null check (status in ('started', 'captured', 'done', 'failed')),
  location_id text not null references locations(id),
  carrier text not null,
  service_code text not null,
  amount integer not null check (amount >= 0),        -- captured for this shipment, öre incl. VAT
  shipping_fee integer not null default 0 check (shipping_fee >= 0),
  parcels jsonb not null,
  tracking_number text,
  tracking_url text,
  label_pdf bytea,
  error text,
  created_by text,
  created_at timestamptz not null,
  finished_at timestamptz,
  unique (order_id, idempotency_key),
  unique (order_id, number)
);
create index shipments_created_idx on shipments (created_at desc);

create table shipment_lines (
  shipment_id text not null references shipments(id),
  order_line_id text not null references order_lines(id),
  quantity integer not null check (quantity > 0),
  amount integer not null check (amount >= 0),
  primary key (shipment_id, order_line_id)
);
create index shipment_lines_line_idx on shipment_lines (order_line_id);
