-- Returns within the right of withdrawal (requests with an RMA number, inbound parcels inspected
-- per unit, refunds to the original payment) and drop shipping (supplier orders confirmed by link).

-- Per company: the withdrawal window and who pays for the way back.
create table return_settings (
  company_id text primary key references companies(id),
  withdrawal_days integer not null default 14 check (withdrawal_days between 1 and 365),
  -- deducted from the refund when the shopper pays the return shipping; 0 = free returns
  return_shipping_fee integer not null default 0 check (return_shipping_fee >= 0),
  -- a full return also refunds what the shopper paid for the original shipping
  refund_original_shipping boolean not null default true,
  version integer not null default 1,
  updated_at timestamptz not null,
  updated_by text
);

create table return_counters (
  company_id text primary key references companies(id),
  last_number bigint not null default 0
);

create table return_requests (
  id text primary key,
  company_id text not null references companies(id),
  order_id text not null references orders(id),
  number bigint not null,                       -- shown as the RMA number "RMA-<number>"
  status text not null check (status in ('requested', 'refunding', 'completed', 'refused')),
  source text not null check (source in ('shop', 'staff', 'api')),
  reason text not null,
  requested_by text,                            -- staff id; null for the shopper
  requested_at timestamptz not null,
  -- the inbound delivery: where the parcel was received and each unit inspected
  location_id text references locations(id),
  received_by text,
  received_at timestamptz,
  -- fixed when received: refunded to the original payment with key `rma:<id>`
  refund_amount integer check (refund_amount >= 0),
  shipping_refund integer not null default 0,
  shipping_fee integer not null default 0,
  refund_error text,
  refunded_at timestamptz,
  unique (company_id, number)
);
create index return_requests_order_idx on return_requests (order_id);
create index return_requests_status_idx on return_requests (company_id, status, requested_at desc);

create table return_request_lines (
  return_id text not null references return_requests(id),
  order_line_id text not null references order_lines(id),
  quantity integer not null check (quantity > 0),
  -- the inspection: units back to stock, units written off (no stock effect: they were sold and
  -- never came back on the shelf) with the reason
  restocked integer check (restocked >= 0),
  written_off integer check (written_off >= 0),
  write_off_reason text,
  primary key (return_id, order_line_id),
  check (restocked is null or restocked + written_off = quantity)
);

-- Drop shipping: the supplier who ships the product for us.
alter table products add column drop_ship_supplier_id text references suppliers(id);

create table supplier_orders (
  id text primary key,
  order_id text not null references orders(id),
  supplier_id text not null references suppliers(id),
  status text not null check (status in ('sent', 'shipped', 'cancelled')),
  -- sha256 of the supplier's confirmation token (128 random bits); the token is only mailed
  token_hash text not null unique,
  lines jsonb not null,                         -- [{ "orderLineId": …, "quantity": …, "amount": … }]
  amount integer not null check (amount >= 0),  -- captured when the supplier confirms
  tracking_number text,
  capture_status text check (capture_status in ('captured', 'failed')),
  created_at timestamptz not null,
  shipped_at timestamptz,
  unique (order_id, supplier_id)
);
create index supplier_orders_created_idx on supplier_orders (created_at desc);

-- The drop-ship job's place in the outbox: locked while a process reads, advanced in the same
-- transaction as the supplier orders it makes, so each paid order is handled once.
create table dropship_cursor (
  id text primary key,
  last_event_id bigint not null
);
insert into dropship_cursor (id, last_event_id) values ('order.placed', 0);
