-- Orders, more: a shipment's capture split over the order's payments ("pay the difference" adds a
-- second authorization), and drop-ship suppliers that take their orders by signed webhook.

-- [{ "paymentId": …, "amount": … }] fixed when the shipment is claimed, so a retry captures the same
-- parts with the same keys; null on shipments from before (all from the order's one payment).
alter table shipments add column captures jsonb;

-- A drop-ship supplier that takes its orders by webhook: where to POST and the Standard Webhooks
-- secret (`whsec_…`) the POST is signed with.
create table dropship_supplier_webhooks (
  supplier_id text primary key references suppliers(id),
  url text not null,
  secret text not null,
  updated_at timestamptz not null
);

-- One POST per supplier order, made in the transaction that makes the order; sent by a job and
-- retried with back-off. `id` is the webhook-id: the same on every attempt, so the supplier can
-- tell a repeat.
create table dropship_webhook_deliveries (
  id text primary key,
  supplier_order_id text not null unique references supplier_orders(id),
  supplier_id text not null references suppliers(id),
  payload jsonb not null,
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null,
  claimed_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index dropship_webhook_deliveries_due_idx on dropship_webhook_deliveries (next_attempt_at)
  where status = 'pending';

-- The release claims the oldest paid delivery orders of a location: read in this order, it stops
-- after a pick list's worth instead of checking every waiting order.
create index orders_release_idx on orders (location_id, placed_at, id)
  where status = 'placed' and fulfilment = 'delivery';
