-- Web orders: the order and its lines, per-company gapless order numbers, shipping methods, and
-- shopper accounts with their sessions. Money is integer öre incl. VAT; instants are timestamptz.

-- Home-delivery options. One company per database today, so they are not per company yet.
create table shipping_methods (
  id text primary key,
  name text not null,
  carrier text not null,
  service_code text not null,
  description text not null default '',
  price_incl_vat integer not null check (price_incl_vat >= 0),
  vat_rate_bp integer not null default 2500 check (vat_rate_bp >= 0),
  currency char(3) not null default 'SEK',
  is_active boolean not null default true,
  sort_order integer not null default 0
);
insert into shipping_methods (id, name, carrier, service_code, description, price_incl_vat, sort_order) values
  ('shm_postnord_home', 'Hemleverans PostNord', 'PostNord', '17', 'Till dörren inom 1–3 vardagar', 5900, 1),
  ('shm_schenker_agent', 'Ombud DB Schenker', 'DB Schenker', 'BCF', 'Hämta hos ett ombud inom 1–3 vardagar', 4900, 2),
  ('shm_express', 'Express', 'PostNord', '19', 'Nästa vardag före kl. 12', 14900, 3);

-- The next order number per company, taken with `update … returning` in the checkout transaction:
-- the row lock makes concurrent checkouts wait for each other, and a rolled-back checkout gives
-- its number back, so numbers have no gaps.
create table order_counters (
  company_id text primary key references companies(id),
  next_number bigint not null default 1001
);

-- A shopper's account (not staff). Linked to a row in the customer register.
create table customer_accounts (
  id text primary key,
  company_id text not null references companies(id),
  customer_id text not null references customers(id),
  email text not null,
  password_hash text not null,
  name text not null,
  phone text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index customer_accounts_email_key on customer_accounts (lower(email));

create table customer_sessions (
  id text primary key,            -- sha256 of the cookie token; the token itself is never stored
  account_id text not null references customer_accounts(id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index customer_sessions_account_idx on customer_sessions (account_id);

create table orders (
  id text primary key,
  company_id text not null references companies(id),
  number bigint not null,
  -- the client-made checkout id: a retried checkout finds this order instead of placing another
  checkout_id text not null unique,
  status text not null check (status in
    ('awaiting_payment', 'placed', 'accepted', 'picking', 'ready', 'collected', 'shipped', 'cancelled')),
  channel text not null check (channel in ('web', 'register', 'api')),
  locale text not null check (locale in ('sv', 'en')),
  customer_name text not null,
  customer_email text not null,
  customer_phone text,
  customer_id text references customers(id),
  fulfilment text not null check (fulfilment in ('pickup', 'delivery')),
  store_id text references stores(id),
  location_id text not null references locations(id),
  slot_starts_at timestamptz,
  slot_ends_at timestamptz,
  slot_asap boolean not null default false,
  -- when the pickup reminder goes out (slot start − the store's reminder minutes, fixed at checkout)
  remind_at timestamptz,
  delivery_address jsonb,
  shipping_method_id text references shipping_methods(id),
  shipping_price_incl_vat integer not null default 0,
  shipping_vat_rate_bp integer not null default 0,
  lines_total_incl_vat integer not null,
  total_incl_vat integer not null,
  currency char(3) not null,
  payment_method text not null check (payment_method in ('card', 'klarna', 'swish', 'in_store')),
  payment_id text,
  status_token text not null unique,     -- 128 random bits, base64url: the order-status link
  status_url text not null,              -- the link as mailed, fixed when the order is placed
  pickup_code text not null,
  cancel_reason text,
  created_at timestamptz not null,
  placed_at timestamptz,
  ready_at timestamptz,
  cancelled_at timestamptz,
  updated_at timestamptz not null,
  unique (company_id, number),
  check ((fulfilment = 'pickup') = (store_id is not null and slot_starts_at is not null))
);
-- A pickup code identifies one open order at the counter; a closed order's code may come back.
create unique index orders_open_pickup_code_key on orders (company_id, pickup_code)
  where status not in ('collected', 'shipped', 'cancelled');
create index orders_store_status_idx on orders (store_id, status, created_at desc);
create index orders_status_created_idx on orders (status, created_at);
create index orders_customer_idx on orders (customer_id, created_at desc) where customer_id is not null;

create table order_lines (
  id text primary key,
  order_id text not null references orders(id),
  position integer not null,
  sku_id text not null references skus(id),
  sku text not null,
  product_name_sv text not null,
  product_name_en text not null,
  variant_name text,
  quantity integer not null check (quantity > 0),
  unit_price_incl_vat integer not null check (unit_price_incl_vat >= 0),
  line_total_incl_vat integer not null,
  vat_rate_bp integer not null,
  reservation_id text references stock_reservations(id),
  unique (order_id, position)
);

-- Failed shopper sign-ins, per lower(e-mail) and per client address, for throttling guessers.
create table customer_login_failures (
  throttle_key text not null,
  failed_at timestamptz not null
);
create index customer_login_failures_key_idx on customer_login_failures (throttle_key, failed_at);
