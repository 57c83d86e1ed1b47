-- Customer groups (docs/customers.md, "Groups"): a company's groups by code with a name a manager
-- may change, and each customer's set of group codes. Promotions name groups by code
-- (`promotions.customer_groups`), so a rename changes no rule and no customer.
create table customer_groups (
  company_id text not null references companies(id),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name text not null check (length(name) between 1 and 100),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (company_id, code)
);

alter table customers add column group_codes text[] not null default '{}';

-- The cursor of the `invoices.credit-orders` job over the outbox (docs/invoices.md, "Web orders
-- made smaller"): one row, locked `for update skip locked`. It starts at the newest event, so
-- cancellations and returns from before this migration (credited by hand until now) are not
-- credited a second time.
create table invoice_credit_cursor (
  id integer primary key check (id = 1),
  last_event_id bigint not null default 0
);
insert into invoice_credit_cursor (id, last_event_id)
  select 1, coalesce(max(id), 0) from outbox_events;
