-- Accounting: which account each kind of daily figure is booked on (a company's overrides of the
-- BAS defaults in packages/core/src/accounting/bas-accounts.ts), the account names imported from a
-- chart of accounts (SIE #KONTO), and a log of the SIE exports made.

-- Only overrides are stored: a key without a row uses the BAS default.
create table accounting_account_map (
  company_id text not null references companies(id),
  key text not null,                -- sales_25, vat_25, cash, card, swish, gift_card, rounding, …
  account text not null check (account ~ '^[1-8][0-9]{3}$'),
  updated_by text references staff_users(id),
  updated_at timestamptz not null,
  primary key (company_id, key)
);

-- The company's chart of accounts as last imported; an import replaces it.
create table accounting_account_names (
  company_id text not null references companies(id),
  account text not null,
  name text not null,
  imported_at timestamptz not null,
  primary key (company_id, account)
);

-- Every SIE file handed out: for whom, what period, how many vouchers and its #KSUMMA.
create table accounting_exports (
  id text primary key,
  company_id text not null references companies(id),
  from_date date not null,
  to_date date not null,
  voucher_count integer not null,
  checksum bigint not null,
  created_by text references staff_users(id),
  created_at timestamptz not null
);
create index accounting_exports_company_idx on accounting_exports (company_id, created_at desc);
