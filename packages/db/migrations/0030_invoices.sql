-- Invoices: one per sale paid by invoice (register receipt, web order or a manual sale), numbered
-- without gaps per company, with an OCR reference; payments registered by hand or from a BgMax
-- file (idempotent on the bank's reference); reminders counted per invoice; per-company settings.

-- Seller and bank details printed on the invoice, the consumer rule and the reminder policy.
create table invoice_settings (
  company_id text primary key references companies(id),
  street text,
  postal_code text,
  city text,
  email text,
  bankgiro text,
  iban text,
  bic text,
  allow_consumers boolean not null default false,
  reminder_days_after_due integer not null default 7 check (reminder_days_after_due between 0 and 365),
  reminder_interval_days integer not null default 14 check (reminder_interval_days between 1 and 365),
  max_reminders integer not null default 3 check (max_reminders between 0 and 10),
  reminder_fee integer not null default 0 check (reminder_fee between 0 and 100000),
  updated_at timestamptz not null
);

-- The gapless series: the counter row is locked until the invoice's transaction commits.
create table invoice_counters (
  company_id text primary key references companies(id),
  last_number bigint not null
);

create table invoices (
  id text primary key,
  company_id text not null references companies(id),
  number bigint not null,
  customer_id text not null references customers(id),
  -- the buyer as invoiced (name, numbers, e-mail, billing address): the invoice never changes
  buyer jsonb not null,
  source_kind text not null check (source_kind in ('receipt', 'order', 'manual')),
  source_id text not null,
  store_id text references stores(id),
  currency char(3) not null,
  lines jsonb not null,
  vat jsonb not null,
  total_incl_vat integer not null check (total_incl_vat > 0),
  vat_amount integer not null,
  fees_amount integer not null default 0 check (fees_amount >= 0),
  paid_amount integer not null default 0,
  credited_amount integer not null default 0 check (credited_amount >= 0),
  ocr text not null,
  issue_date date not null,
  due_date date not null,
  state text not null check (state in ('open', 'partially_paid', 'paid', 'credited')),
  -- a register sale is a fact even beyond the credit limit: flagged for the manager instead
  is_over_credit_limit boolean not null default false,
  reminder_count integer not null default 0,
  last_reminded_on date,
  locale text not null default 'sv' check (locale in ('sv', 'en')),
  created_by text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (company_id, number),
  unique (company_id, ocr),
  -- exactly one invoice per sale, however often the sale is retried or synced
  unique (source_kind, source_id)
);
create index invoices_open_due_idx on invoices (company_id, due_date)
  where state in ('open', 'partially_paid');
create index invoices_customer_open_idx on invoices (customer_id) where state in ('open', 'partially_paid');
create index invoices_number_idx on invoices (company_id, number desc);

-- A bank file imported once: its checksum and Bankgirot's timestamp identify it.
create table invoice_imports (
  id text primary key,
  company_id text not null references companies(id),
  file_sha256 text not null,
  file_timestamp text not null,
  receiver_bankgiro text not null,
  payments integer not null,
  matched integer not null,
  unmatched integer not null,
  total_amount bigint not null,
  created_by text,
  created_at timestamptz not null,
  unique (company_id, file_sha256)
);

-- Money in against invoices. A bank payment that matched no invoice is kept (invoice_id null)
-- for a person to place. `bank_reference` (the file timestamp + Bankgirot's serial) is unique,
-- so a payment read twice from any file is recorded once.
create table invoice_payments (
  id text primary key,
  company_id text not null references companies(id),
  invoice_id text references invoices(id),
  method text not null check (method in ('manual', 'bankgiro', 'credit')),
  amount integer not null check (amount > 0),
  paid_on date not null,
  reference text,
  payer text,
  bank_reference text,
  import_id text references invoice_imports(id),
  note text,
  created_by text,
  created_at timestamptz not null,
  unique (company_id, bank_reference)
);
create index invoice_payments_invoice_idx on invoice_payments (invoice_id, paid_on);
create index invoice_payments_unmatched_idx on invoice_payments (company_id, paid_on) where invoice_id is null;
create index invoice_payments_day_idx on invoice_payments (company_id, paid_on);
