-- Accounting in a Swedish company's own currency (docs/accounting.md): exchange rates to SEK per
-- currency and date, entered in the back office or through the API (nothing fetches them from the
-- Riksbank here; a job could), reminder fees and over-payment refunds dated so the SIE export can
-- book them, and Finland's reduced VAT rate corrected.

-- `rate_to_sek`: how many kronor one unit of the currency is worth on `rate_date` (e.g. EUR 11.2345).
create table exchange_rates (
  company_id text not null references companies(id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  rate_date date not null,
  rate_to_sek numeric(14, 6) not null check (rate_to_sek > 0),
  source text not null default '',
  updated_by text,
  updated_at timestamptz not null,
  primary key (company_id, currency, rate_date)
);

-- A reminder fee as charged (the invoice's fees_amount is their sum from here on), booked as
-- income on the day it was charged: it raises the receivable the customer pays.
create table invoice_fee_charges (
  id text primary key,
  company_id text not null references companies(id),
  invoice_id text not null references invoices(id),
  charged_on date not null,
  amount integer not null check (amount > 0),
  created_at timestamptz not null
);
create index invoice_fee_charges_day_idx on invoice_fee_charges (company_id, charged_on);

-- Money paid back to a customer who paid an invoice more than was due. The client-made id makes a
-- repeated form post one refund.
create table invoice_refunds (
  id text primary key,
  company_id text not null references companies(id),
  invoice_id text not null references invoices(id),
  amount integer not null check (amount > 0),
  refunded_on date not null,
  note text,
  created_by text,
  created_at timestamptz not null
);
create index invoice_refunds_day_idx on invoice_refunds (company_id, refunded_on);
create index invoice_refunds_invoice_idx on invoice_refunds (invoice_id);

-- Finland lowered its reduced rate from 14 % to 13.5 % on 2026-01-01 for food, restaurant and
-- catering, books and admissions to cultural events (newspapers stay at 10 %, the standard rate at
-- 25.5 %). Sources: the Finnish Tax Administration's guidance on the 2026 rate change (vero.fi) and
-- the budget law of 2025, as summarized by vatcalc.com ("Finland cuts reduced VAT to 13.5% Jan
-- 2026"). Migration 0003 recorded 14 % without an end date; close those periods at 2025-12-31 and
-- open 13.5 % periods, leaving any period a company entered itself untouched.
update vat_rates set valid_to = '2025-12-31', version = version + 1
 where country = 'FI' and tax_class in ('food', 'raw_fish', 'restaurant', 'books', 'culture')
   and rate_bp = 1400 and valid_to is null and valid_from <= '2025-12-31';
insert into vat_rates (country, tax_class, rate_bp, valid_from, valid_to)
select 'FI', c.tax_class, 1350, '2026-01-01'::date, null
  from (values ('food'), ('raw_fish'), ('restaurant'), ('books'), ('culture')) as c (tax_class)
 where exists (select 1 from tax_classes t where t.code = c.tax_class)
   and not exists (select 1 from vat_rates v where v.country = 'FI' and v.tax_class = c.tax_class
                     and (v.valid_to is null or v.valid_to >= '2026-01-01'));
