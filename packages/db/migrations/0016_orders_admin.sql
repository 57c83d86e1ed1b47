-- Orders in the back office: the external reference of orders placed through the API (a
-- marketplace's own number), idempotent per channel, and indexes for the back office's search.

-- The channel as the caller named it ('api' or a marketplace such as 'cdon'); `channel` stays
-- 'web' | 'register' | 'api' for the shop's own logic.
alter table orders add column channel_name text;
alter table orders add column external_reference text;
-- A fingerprint of what the API caller sent, so a repeat with other content is told apart (409).
alter table orders add column external_fingerprint text;
-- The same external order twice is one order.
create unique index orders_external_reference_key on orders (channel_name, external_reference)
  where external_reference is not null;

-- The back office's list: newest first, cursor on (created_at, id).
create index orders_created_idx on orders (created_at desc, id desc);
-- Search: exact number, e-mail and phone (normalised as the search normalises them), reference.
create index orders_email_idx on orders (lower(customer_email));
create index orders_phone_digits_idx on orders (regexp_replace(coalesce(customer_phone, ''), '[^0-9]', '', 'g'));
create index orders_external_reference_idx on orders (lower(external_reference));
create index orders_number_idx on orders (company_id, number);

-- The timeline reads every event about an order by its aggregate id.
create index outbox_events_aggregate_idx on outbox_events (aggregate_type, aggregate_id, id);
create index outbox_events_reservation_reference_idx on outbox_events ((data->>'reference'))
  where aggregate_type = 'stock_reservation';
