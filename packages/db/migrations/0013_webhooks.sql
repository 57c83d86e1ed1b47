-- Webhooks: integrators subscribe URLs to event types. A job fans outbox events out into one
-- delivery row per matching subscription (a cursor per subscription, advanced in the same
-- transaction); another claims due deliveries with `for update skip locked`, signs and POSTs them
-- and records every attempt.

create table webhook_subscriptions (
  id text primary key,
  url text not null,
  -- "order.*" or exact types such as "stock.changed"
  event_types text[] not null,
  description text not null default '',
  -- "whsec_…": kept in clear because every delivery is signed with it (HMAC), shown only on create/rotate
  secret text not null,
  is_active boolean not null default true,
  -- the last outbox event fanned out to this subscription; starts at the newest event when created,
  -- so a subscription gets events from then on
  last_event_id bigint not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table webhook_deliveries (
  id text primary key,
  subscription_id text not null references webhook_subscriptions (id) on delete cascade,
  -- the webhook-id header: the same on every attempt and redelivery, so receivers can deduplicate
  message_id text not null unique,
  event_id bigint not null,
  event_type text not null,
  -- "order:ord_…": deliveries of one resource to one subscription go out in event order
  resource text not null,
  -- what is POSTed: { type, timestamp, data }
  payload jsonb not null,
  status text not null check (status in ('pending', 'sending', 'delivered', 'retrying', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  -- `attempts` when staff last asked for a redelivery: the back-off and the give-up count start over
  attempts_before_redelivery integer not null default 0,
  next_attempt_at timestamptz not null,
  -- a claim expires, so a delivery whose sender process died is sent again (at least once)
  claimed_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  unique (subscription_id, event_id)
);

-- the job's claim: due deliveries in event order
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at, event_id)
  where status in ('pending', 'sending', 'retrying');
-- "is an earlier delivery of this resource still open?"
create index webhook_deliveries_resource_idx on webhook_deliveries (subscription_id, resource, event_id)
  where status in ('pending', 'sending', 'retrying');
-- the delivery log per subscription, newest first
create index webhook_deliveries_log_idx on webhook_deliveries (subscription_id, event_id desc);

create table webhook_attempts (
  delivery_id text not null references webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  at timestamptz not null,
  status_code integer,
  error text,
  duration_ms integer not null,
  -- the first 2,000 characters of the receiver's answer
  response_body text,
  primary key (delivery_id, attempt)
);
