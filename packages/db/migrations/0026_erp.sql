-- The ERP connector: one connection per company, the outbound messages (orders, customers, daily
-- sales) a fan-out job writes from the outbox and a sender job POSTs signed, and the ERP's own
-- numbers kept as references. Handla owns the numbers; the ERP only receives and answers its number.

create table erp_connections (
  company_id text primary key references companies (id),
  base_url text not null,
  -- Standard Webhooks secret ("whsec_…"): signs every message; shown only on create and rotate
  secret text not null,
  -- paused: nothing is fanned out or sent, the cursor waits, so nothing is lost while paused
  is_enabled boolean not null default true,
  sends_orders boolean not null default true,
  sends_customers boolean not null default true,
  sends_daily_sales boolean not null default true,
  -- "HH:MM" on the Europe/Stockholm wall clock: the day before goes out from then on
  daily_sales_at text not null default '02:00'
    check (daily_sales_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  -- the fan-out cursor: the last outbox event this connection has seen (starts at the newest)
  last_event_id bigint not null,
  -- the last local day whose daily sales were checked; null until the first run
  daily_sales_through date,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table erp_messages (
  id text primary key,
  -- the order messages were made in: per entity they are sent in this order
  seq bigint generated always as identity,
  company_id text not null references companies (id),
  -- also the webhook-id header: the same on every attempt, so the ERP can deduplicate
  message_id text not null unique,
  flow text not null check (flow in ('orders', 'customers', 'daily_sales')),
  entity_kind text not null check (entity_kind in ('order', 'customer', 'daily_sales')),
  -- ord_…, cus_…, or "<store id>:<YYYY-MM-DD>" / "web:<YYYY-MM-DD>" for daily sales
  entity_id text not null,
  -- 1, 2, … per entity: each message carries the entity's whole state as of that version
  version integer not null check (version > 0),
  payload jsonb not null,
  -- sha-256 of the entity's state: an event that changes nothing the ERP sees makes no message
  payload_hash text not null,
  -- failed: given up (a dead letter), blocks the entity's later messages until retried or dismissed
  status text not null check (status in ('pending', 'sending', 'retrying', 'sent', 'failed', 'dismissed')),
  attempts integer not null default 0 check (attempts >= 0),
  -- `attempts` when staff last retried: the back-off and the give-up count start over
  attempts_before_retry integer not null default 0,
  next_attempt_at timestamptz not null,
  -- a claim expires, so a message whose sender died goes out again (at least once)
  claimed_until timestamptz,
  last_status_code integer,
  last_error text,
  -- the number the ERP answered for this message
  erp_number text,
  created_at timestamptz not null,
  sent_at timestamptz,
  unique (company_id, entity_kind, entity_id, version)
);
create index erp_messages_due_idx on erp_messages (next_attempt_at, seq)
  where status in ('pending', 'sending', 'retrying');
-- "is an earlier message of this entity still open (or failed)?"
create index erp_messages_entity_idx on erp_messages (company_id, entity_kind, entity_id, seq);
create index erp_messages_recent_idx on erp_messages (company_id, seq desc);

-- The ERP's number for each entity it has taken: stored once; a different number later is a conflict.
create table erp_references (
  company_id text not null references companies (id),
  entity_kind text not null check (entity_kind in ('order', 'customer', 'daily_sales')),
  entity_id text not null,
  erp_number text not null,
  -- the highest version the ERP has acknowledged
  last_sent_version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (company_id, entity_kind, entity_id)
);
