-- Hand-over at the counter and returns of web orders in the store.

-- A prepaid hand-over, claimed before the capture. The claim fixes the capture's idempotency key
-- and amount, so a retry after a crash between the capture and the hand-over's transaction — with
-- the same key or another — finishes that capture instead of taking a second one.
create table order_handovers (
  order_id text primary key references orders(id),
  idempotency_key text not null,
  amount integer not null check (amount >= 0),
  register_id text not null references registers(id),
  cashier_id text not null references staff_users(id),
  status text not null check (status in ('started', 'done')),
  started_at timestamptz not null,
  finished_at timestamptz
);

-- Goods of a collected web order brought back to a store, one row per client-made return id: a
-- repeat finds it and changes nothing. Started rows count against what may still be returned.
create table web_order_returns (
  id text primary key,
  order_id text not null references orders(id),
  register_id text not null references registers(id),
  cashier_id text not null references staff_users(id),
  lines jsonb not null,                      -- [{ "orderLineId": …, "quantity": … }]
  amount integer not null check (amount > 0),  -- refunded to the original payment, öre
  reason text not null,
  status text not null check (status in ('started', 'done', 'refused')),
  started_at timestamptz not null,
  finished_at timestamptz
);
create index web_order_returns_order_idx on web_order_returns (order_id);
