-- Pricing: VAT reference data for SE/NO/FI/DK, product tax-class overrides per country, price-list
-- kinds and versions, store price overrides, campaigns, and customers with their B2B price list.
-- Every install needs the VAT rates, so they live here rather than in the demo data. A country ×
-- class that already has periods (a database seeded before this migration) is left as it is, so
-- the seeded periods can never overlap the ones that were there.

insert into tax_classes (code, name_sv, name_en) values
  ('standard', 'Normalskattesats', 'Standard rate'),
  ('food', 'Livsmedel', 'Food'),
  ('restaurant', 'Restaurang och catering', 'Restaurant and catering'),
  ('books', 'Böcker', 'Books'),
  ('press', 'Tidningar och tidskrifter', 'Newspapers and periodicals'),
  ('culture', 'Kultur och evenemang (entré)', 'Culture and events (admission)'),
  ('raw_fish', 'Obearbetad fisk', 'Unprocessed fish'),
  ('exempt', 'Momsfritt', 'VAT exempt')
on conflict (code) do nothing;

-- Rates are recorded from 2022-01-01, a day on which every one below is known to hold; a system
-- that starts selling now never needs older ones. validTo is the inclusive last local date.
-- Sources to re-check before relying on them: Skatteverket, Skatteetaten, Vero, Skattestyrelsen.
insert into vat_rates (country, tax_class, rate_bp, valid_from, valid_to)
select seed.country, seed.tax_class, seed.rate_bp, seed.valid_from::date, seed.valid_to::date
from (values
  -- Sweden: food (and unprocessed fish, which is food) drops to 6 % from 2026-04-01 to 2027-12-31;
  -- restaurant and catering stay at 12 %.
  ('SE', 'standard', 2500, '2022-01-01', null),
  ('SE', 'food', 1200, '2022-01-01', '2026-03-31'),
  ('SE', 'food', 600, '2026-04-01', '2027-12-31'),
  ('SE', 'food', 1200, '2028-01-01', null),
  ('SE', 'raw_fish', 1200, '2022-01-01', '2026-03-31'),
  ('SE', 'raw_fish', 600, '2026-04-01', '2027-12-31'),
  ('SE', 'raw_fish', 1200, '2028-01-01', null),
  ('SE', 'restaurant', 1200, '2022-01-01', null),
  ('SE', 'books', 600, '2022-01-01', null),
  ('SE', 'press', 600, '2022-01-01', null),
  ('SE', 'culture', 600, '2022-01-01', null),
  ('SE', 'exempt', 0, '2022-01-01', null),
  -- Norway: 25 % standard (also served food), 15 % food, 12 % admission to cinema, museums and
  -- events, 11.11 % unprocessed fish sold by the fisher, 0 % (zero-rated) books and newspapers.
  ('NO', 'standard', 2500, '2022-01-01', null),
  ('NO', 'food', 1500, '2022-01-01', null),
  ('NO', 'raw_fish', 1111, '2022-01-01', null),
  ('NO', 'restaurant', 2500, '2022-01-01', null),
  ('NO', 'books', 0, '2022-01-01', null),
  ('NO', 'press', 0, '2022-01-01', null),
  ('NO', 'culture', 1200, '2022-01-01', null),
  ('NO', 'exempt', 0, '2022-01-01', null),
  -- Finland: the standard rate rose from 24 % to 25.5 % on 2024-09-01; books and admission to
  -- culture moved from 10 % to 14 % on 2025-01-01; food, fish, restaurant and catering are 14 %;
  -- newspapers and periodicals stay at 10 %.
  ('FI', 'standard', 2400, '2022-01-01', '2024-08-31'),
  ('FI', 'standard', 2550, '2024-09-01', null),
  ('FI', 'food', 1400, '2022-01-01', null),
  ('FI', 'raw_fish', 1400, '2022-01-01', null),
  ('FI', 'restaurant', 1400, '2022-01-01', null),
  ('FI', 'books', 1000, '2022-01-01', '2024-12-31'),
  ('FI', 'books', 1400, '2025-01-01', null),
  ('FI', 'culture', 1000, '2022-01-01', '2024-12-31'),
  ('FI', 'culture', 1400, '2025-01-01', null),
  ('FI', 'press', 1000, '2022-01-01', null),
  ('FI', 'exempt', 0, '2022-01-01', null),
  -- Denmark: one rate, 25 %, for everything taxable; newspapers are zero-rated.
  ('DK', 'standard', 2500, '2022-01-01', null),
  ('DK', 'food', 2500, '2022-01-01', null),
  ('DK', 'raw_fish', 2500, '2022-01-01', null),
  ('DK', 'restaurant', 2500, '2022-01-01', null),
  ('DK', 'books', 2500, '2022-01-01', null),
  ('DK', 'culture', 2500, '2022-01-01', null),
  ('DK', 'press', 0, '2022-01-01', null),
  ('DK', 'exempt', 0, '2022-01-01', null)
) as seed (country, tax_class, rate_bp, valid_from, valid_to)
where not exists (
  select 1 from vat_rates v where v.country = seed.country and v.tax_class = seed.tax_class
);

alter table vat_rates add column version integer not null default 1;
create index vat_rates_class_idx on vat_rates (tax_class);

-- A product sold abroad may fall in another class there (a snack that is food in Sweden but
-- confectionery at the standard rate elsewhere).
create table product_tax_overrides (
  product_id text not null references products(id),
  country char(2) not null,
  tax_class text not null references tax_classes(code),
  version integer not null default 1,
  updated_at timestamptz not null,
  primary key (product_id, country)
);

-- kind is derived from is_retail, which the catalog already reads; one retail list per company.
alter table price_lists
  add column kind text generated always as (case when is_retail then 'retail' else 'b2b' end) stored,
  add column version integer not null default 1,
  add column created_at timestamptz not null default now(),
  add column updated_at timestamptz not null default now();
create unique index price_lists_one_retail_idx on price_lists (company_id) where is_retail;

alter table prices
  add column version integer not null default 1,
  add column updated_at timestamptz not null default now();
create index prices_sku_idx on prices (sku_id);

-- A store's own retail price for a SKU, in the retail list's currency.
create table store_prices (
  store_id text not null references stores(id),
  sku_id text not null references skus(id),
  unit_price_incl_vat integer not null check (unit_price_incl_vat >= 0),
  version integer not null default 1,
  updated_at timestamptz not null,
  primary key (store_id, sku_id)
);
create index store_prices_sku_idx on store_prices (sku_id);

-- Campaign prices apply from starts_at until least(ends_at, ended_at), half-open; a null store_id
-- means every store. ended_at records an early end, so the planned end stays readable.
create table campaigns (
  id text primary key,
  company_id text not null references companies(id),
  name text not null,
  store_id text references stores(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  ended_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_at > starts_at)
);
create index campaigns_starts_idx on campaigns (starts_at, id);

create table campaign_prices (
  campaign_id text not null references campaigns(id) on delete cascade,
  sku_id text not null references skus(id),
  unit_price_incl_vat integer not null check (unit_price_incl_vat >= 0),
  primary key (campaign_id, sku_id)
);
create index campaign_prices_sku_idx on campaign_prices (sku_id);

-- A minimal customer register, for assigning B2B price lists; the customers module owns it.
create table customers (
  id text primary key,
  company_id text not null references companies(id),
  name text not null,
  email text,
  org_number text,
  price_list_id text references price_lists(id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index customers_price_list_idx on customers (price_list_id);
create index customers_name_idx on customers (name, id);
