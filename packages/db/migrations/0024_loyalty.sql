-- Loyalty: a customer with a card number is a member. Points live in an append-only ledger (one
-- row per earning, take-back or spend; nothing is recomputed in place); the balance and the level
-- are sums over it. The source event id is unique, so an outbox event earns points at most once
-- even when several processes run the earning job.
create table loyalty_settings (
  company_id text primary key references companies(id),
  -- Points per krona, in thousandths (100 = 1 point per 10 kr), per channel.
  store_rate_milli integer not null default 100 check (store_rate_milli >= 0),
  web_rate_milli integer not null default 100 check (web_rate_milli >= 0),
  voucher_every_points integer not null default 500 check (voucher_every_points > 0),
  voucher_amount integer not null default 5000 check (voucher_amount > 0),
  version integer not null default 1
);

create table loyalty_ledger (
  id text primary key,
  company_id text not null references companies(id),
  customer_id text not null references customers(id),
  points integer not null check (points <> 0),
  reason text not null check (reason in ('earned', 'returned', 'voucher')),
  -- The outbox event that earned or took back the points; null for a voucher spend.
  source_event_id bigint unique,
  voucher_id text references vouchers(id),
  occurred_at timestamptz not null
);
create index loyalty_ledger_customer_idx on loyalty_ledger (customer_id, occurred_at);

-- The earning job's cursor over the outbox (one row), locked `for update skip locked`.
create table loyalty_cursor (
  id integer primary key check (id = 1),
  last_event_id bigint not null default 0
);
insert into loyalty_cursor (id) values (1);
