-- Customers (CRM): consumers and companies with their numbers, contacts, addresses, terms and
-- loyalty card; per-company matching order; merged customers kept as tombstones; erasure marked.
alter table customers
  add column kind text not null default 'company' check (kind in ('consumer', 'company')),
  add column personal_number text,
  add column phone text,
  add column card_number text,
  add column payment_terms_days integer check (payment_terms_days between 0 and 365),
  add column credit_limit integer check (credit_limit >= 0),
  add column delivery_address jsonb,
  add column invoice_address jsonb,
  -- a merged customer stays as a tombstone pointing at the one kept, so old references resolve
  add column merged_into text references customers(id),
  add column merged_at timestamptz,
  add column erased_at timestamptz,
  add check (merged_into is null or merged_into <> id);

-- One card number per company: scanning a card finds exactly one customer.
create unique index customers_card_number_key on customers (company_id, card_number)
  where card_number is not null;
create index customers_email_idx on customers (company_id, lower(email)) where email is not null;
create index customers_org_number_idx on customers (company_id, org_number) where org_number is not null;
create index customers_personal_number_idx on customers (company_id, personal_number)
  where personal_number is not null;
create index customers_phone_idx on customers (company_id, phone) where phone is not null;
create index customers_merged_into_idx on customers (merged_into) where merged_into is not null;

create table customer_contacts (
  customer_id text not null references customers(id),
  position integer not null check (position >= 1),
  name text not null,
  email text,
  phone text,
  role text,
  primary key (customer_id, position)
);

-- How an incoming customer is matched: the keys tried in order (e-mail first by default).
create table crm_settings (
  company_id text primary key references companies(id),
  match_order text[] not null default array['email', 'orgNumber', 'personalNumber'],
  updated_at timestamptz not null
);

create index receipts_customer_idx on receipts (customer_id, occurred_at) where customer_id is not null;
