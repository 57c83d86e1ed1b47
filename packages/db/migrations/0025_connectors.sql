-- Connectors to outside systems (a 3PL warehouse now, room for an ERP), the messages exchanged with
-- them, and the dead-letter list of what could not be applied or delivered and needs a person.

create table connectors (
  id text primary key,
  kind text not null check (kind in ('3pl', 'erp')),
  name text not null,
  -- a 3PL works one third-party location: orders fulfilled there go out, its reports come back for it
  location_id text references locations (id),
  base_url text not null,
  -- Standard Webhooks secret ("whsec_…"): signs what we send and verifies what we receive
  secret text not null,
  is_enabled boolean not null default true,
  -- home-delivery orders are fulfilled at this connector's location (the checkout's choice)
  is_home_delivery boolean not null default false,
  -- the fan-out cursor: the last outbox event id this connector has seen
  last_event_id bigint not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (kind <> '3pl' or location_id is not null)
);
create unique index connectors_location_idx on connectors (location_id) where kind = '3pl';

-- One row per message in either direction. Outbound rows are the sender's queue; inbound rows are
-- the record that makes each message id apply once.
create table connector_messages (
  id bigserial primary key,
  connector_id text not null references connectors (id) on delete cascade,
  direction text not null check (direction in ('out', 'in')),
  message_id text not null,
  type text not null,
  -- "order:ord_…", "purchase_order:po_…", or "connector" for messages about no single resource
  resource text not null,
  order_id text,
  -- inbound order messages: the 3PL's per-order sequence number
  sequence integer,
  payload jsonb not null,
  -- out: pending → sending → sent | retrying | dead; in: applying → applied | held | dead_lettered
  status text not null check (status in
    ('pending', 'sending', 'retrying', 'sent', 'dead', 'applying', 'held', 'applied', 'dead_lettered')),
  -- outbound: at most one message per resource and kind (an order goes out once, its cancel once)
  dedupe_key text,
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  done_at timestamptz,
  unique (connector_id, direction, message_id),
  unique (connector_id, dedupe_key)
);
create index connector_messages_due_idx on connector_messages (next_attempt_at, id)
  where direction = 'out' and status in ('pending', 'sending', 'retrying');
create index connector_messages_resource_idx on connector_messages (connector_id, resource, id)
  where status in ('pending', 'sending', 'retrying', 'held', 'applying');
create index connector_messages_order_idx on connector_messages (order_id) where order_id is not null;
create index connector_messages_recent_idx on connector_messages (created_at desc, id desc);

-- Per connector and order: the next inbound sequence number to apply.
create table connector_order_sequences (
  connector_id text not null references connectors (id) on delete cascade,
  order_id text not null,
  next_sequence integer not null default 1,
  primary key (connector_id, order_id)
);

-- What needs a person: a message that could not be applied (inbound) or delivered (outbound).
-- `kind` names the retry handler ("wms.inbound", "wms.outbound", an ERP's own kinds).
create table dead_letters (
  id text primary key,
  kind text not null,
  connector_id text,
  -- the message id (or other reference) the handler retries
  reference text not null,
  order_id text,
  field text,
  reason text not null,
  payload jsonb not null,
  status text not null check (status in ('open', 'resolved', 'dismissed')),
  retries integer not null default 0,
  created_at timestamptz not null,
  last_retried_at timestamptz,
  closed_at timestamptz,
  closed_by text,
  dismiss_reason text
);
-- one open letter per thing to fix
create unique index dead_letters_open_idx on dead_letters (kind, reference) where status = 'open';
create index dead_letters_list_idx on dead_letters (status, created_at desc);
