-- The foundation: company, stores, locations, registers, staff and their access,
-- the catalog with variants and bundles, price lists, the stock ledger and the outbox.
-- Money columns are integer minor units (öre); instants are timestamptz (UTC).

create table companies (
  id text primary key,
  name text not null,
  org_number text not null,
  vat_number text not null,
  country char(2) not null,
  currency char(3) not null,
  time_zone text not null default 'Europe/Stockholm',
  created_at timestamptz not null default now()
);

create table stores (
  id text primary key,
  company_id text not null references companies(id),
  code text not null unique,
  name text not null,
  street text not null,
  postal_code text not null,
  city text not null,
  country char(2) not null,
  phone text,
  email text,
  time_zone text not null default 'Europe/Stockholm',
  -- weekly hours [{ weekday 1-7, opens "HH:MM", closes "HH:MM" }] in the store's local time
  opening_hours jsonb not null default '[]',
  created_at timestamptz not null default now()
);

create table locations (
  id text primary key,
  company_id text not null references companies(id),
  store_id text references stores(id),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('store', 'warehouse', 'third_party')),
  created_at timestamptz not null default now()
);

create table registers (
  id text primary key,
  store_id text not null references stores(id),
  code text not null,
  name text not null,
  created_at timestamptz not null default now(),
  unique (store_id, code)
);

create table staff_users (
  id text primary key,
  company_id text not null references companies(id),
  email text not null,
  name text not null,
  role text not null check (role in ('owner', 'manager', 'cashier')),
  store_id text references stores(id),
  password_hash text not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_users_email_key on staff_users (lower(email));

create table staff_sessions (
  id text primary key,            -- sha256 of the cookie token; the token itself is never stored
  staff_user_id text not null references staff_users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index staff_sessions_user_idx on staff_sessions (staff_user_id);

create table login_failures (
  throttle_key text not null,     -- lower(email) and the client address, each its own row
  failed_at timestamptz not null
);
create index login_failures_key_idx on login_failures (throttle_key, failed_at);

create table api_keys (
  id text primary key,
  company_id text not null references companies(id),
  name text not null,
  prefix text not null unique,    -- the public part shown in lists and logs
  secret_hash text not null,      -- sha256 of the secret part
  scopes text[] not null,
  created_by text references staff_users(id),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table tax_classes (
  code text primary key,
  name_sv text not null,
  name_en text not null
);

create table vat_rates (
  country char(2) not null,
  tax_class text not null references tax_classes(code),
  rate_bp integer not null check (rate_bp between 0 and 10000),  -- basis points: 25 % = 2500
  valid_from date not null,
  valid_to date,                  -- inclusive last day; null = until further notice
  primary key (country, tax_class, valid_from)
);

create table categories (
  id text primary key,
  company_id text not null references companies(id),
  parent_id text references categories(id),
  slug text not null unique,
  name_sv text not null,
  name_en text not null,
  sort_order integer not null default 0
);

create table products (
  id text primary key,
  company_id text not null references companies(id),
  category_id text references categories(id),
  slug text not null unique,
  name_sv text not null,
  name_en text not null,
  description_sv text not null default '',
  description_en text not null default '',
  brand text,
  tax_class text not null references tax_classes(code),
  warranty_text text,
  -- option templates, e.g. [{ "name": { "sv": "Färg", "en": "Colour" }, "values": ["Blå", "Röd"] }]
  options jsonb not null default '[]',
  is_bundle boolean not null default false,
  status text not null default 'active' check (status in ('active', 'hidden', 'discontinued')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index products_category_idx on products (category_id);

create table skus (
  id text primary key,
  product_id text not null references products(id),
  sku text not null unique,       -- the article number
  ean text unique,
  options jsonb not null default '{}',  -- e.g. { "Färg": "Blå", "Storlek": "M" }
  weight_grams integer,
  image_urls text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'hidden', 'discontinued')),
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);
create index skus_product_idx on skus (product_id);

create table bundle_components (
  bundle_sku_id text not null references skus(id),
  component_sku_id text not null references skus(id),
  quantity integer not null check (quantity > 0),
  primary key (bundle_sku_id, component_sku_id)
);

create table price_lists (
  id text primary key,
  company_id text not null references companies(id),
  code text not null unique,
  name text not null,
  currency char(3) not null,
  is_retail boolean not null default false
);

create table prices (
  price_list_id text not null references price_lists(id),
  sku_id text not null references skus(id),
  unit_price_incl_vat integer not null check (unit_price_incl_vat >= 0),
  primary key (price_list_id, sku_id)
);

-- The stock ledger: append-only. stock_levels is its projection, written in the same transaction.
create table stock_movements (
  id text primary key,
  sku_id text not null references skus(id),
  location_id text not null references locations(id),
  kind text not null check (kind in ('receive', 'sell', 'return', 'adjust', 'transfer_out', 'transfer_in', 'count')),
  quantity integer not null,      -- signed: + into the location, − out of it
  reason text,
  reference text,
  actor text not null,            -- stf_…, key_… or 'system'
  occurred_at timestamptz not null
);
create index stock_movements_sku_loc_idx on stock_movements (sku_id, location_id, occurred_at);

create table stock_levels (
  sku_id text not null references skus(id),
  location_id text not null references locations(id),
  on_hand integer not null default 0,
  reserved integer not null default 0 check (reserved >= 0),
  updated_at timestamptz not null,
  primary key (sku_id, location_id)
);
create index stock_levels_location_idx on stock_levels (location_id);

-- The transactional outbox: written in the same transaction as the change it announces.
create table outbox_events (
  id bigserial primary key,
  type text not null,             -- past tense: order.placed, stock.changed, …
  aggregate_type text not null,
  aggregate_id text not null,
  store_id text,
  data jsonb not null,
  occurred_at timestamptz not null
);
create index outbox_events_store_idx on outbox_events (store_id, id);
