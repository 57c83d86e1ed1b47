-- Pickup times per store: the manager's settings (one row per store, versioned for optimistic
-- locking), one booking per order, and a load row per slot that bookings update atomically.
-- Wall-clock values ("HH:MM", dates) are the store's local time; instants are timestamptz.
create table pickup_settings (
  store_id text primary key references stores(id),
  enabled boolean not null default false,
  lead_time_minutes integer not null default 30 check (lead_time_minutes >= 0),
  slot_minutes integer not null default 15 check (slot_minutes between 5 and 1440),
  capacity_orders integer check (capacity_orders >= 1),       -- null: no limit on orders per slot
  capacity_items integer check (capacity_items >= 1),         -- null: no limit on items per slot
  book_ahead_days integer not null default 14 check (book_ahead_days between 0 and 365),
  asap_enabled boolean not null default true,
  pay_in_store_allowed boolean not null default false,
  reminder_minutes_before integer check (reminder_minutes_before >= 5),
  collect_within_days integer not null default 7 check (collect_within_days >= 1),
  -- [{ weekday 1-7, opens "HH:MM", closes "HH:MM" }], possibly two intervals on one weekday
  weekly_hours jsonb not null default '[]',
  -- [{ date "YYYY-MM-DD", closed, opens, closes, note }], one per date
  exceptions jsonb not null default '[]',
  version integer not null default 1,
  updated_by text,
  updated_at timestamptz not null default now()
);

-- Booked orders per slot. A booking adds to it with a conditional upsert that refuses to pass the
-- store's capacity, so concurrent checkouts never over-book: the row lock serializes them.
create table pickup_slot_load (
  store_id text not null references stores(id),
  starts_at timestamptz not null,
  orders integer not null default 0 check (orders >= 0),
  items integer not null default 0 check (items >= 0),
  primary key (store_id, starts_at)
);

-- One booking per order (order_id has no foreign key: orders come in a later migration).
create table pickup_slot_bookings (
  order_id text primary key,
  store_id text not null references stores(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  is_asap boolean not null default false,
  items integer not null check (items >= 1),
  created_at timestamptz not null
);
create index pickup_slot_bookings_slot_idx on pickup_slot_bookings (store_id, starts_at);

-- Stores that existed before this migration get pickup on their opening hours, like the demo.
insert into pickup_settings (store_id, enabled, capacity_orders, capacity_items, reminder_minutes_before, weekly_hours)
select id, true, 6, 40, 120, opening_hours from stores
on conflict (store_id) do nothing;
