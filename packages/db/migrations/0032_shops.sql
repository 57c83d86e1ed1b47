-- Several web shops on one back office: each with its host names, language, currency, price list,
-- shipping and payment methods, terms, and whether its company reports EU distance sales through
-- OSS. The single web shop there was becomes each company's default shop; orders record their shop
-- and price list. (A database created empty gets its default shop when first asked: docs/shops.md.)

create table shops (
  id text primary key,
  company_id text not null references companies(id),
  name text not null,
  is_default boolean not null default false,
  default_language text not null check (default_language in ('sv', 'en')),
  currency char(3) not null,
  price_list_id text not null references price_lists(id),
  country char(2) not null,
  -- ids of shipping_methods rows, in the order the shop offers them
  shipping_method_ids jsonb not null default '[]',
  payment_methods jsonb not null default '[]',
  terms_text text not null default '',
  terms_url text,
  is_oss_registered boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index shops_one_default_key on shops (company_id) where is_default;

-- Lower-case host names without port; a host name belongs to one shop.
create table shop_hosts (
  host_name text primary key,
  shop_id text not null references shops(id),
  position integer not null
);
create index shop_hosts_shop_idx on shop_hosts (shop_id, position);

insert into shops (id, company_id, name, is_default, default_language, currency, price_list_id, country,
                   shipping_method_ids, payment_methods, created_at, updated_at)
select 'shp_default_' || c.id, c.id, c.name, true, 'sv', c.currency, pl.id, c.country,
       coalesce((select jsonb_agg(m.id order by m.sort_order, m.id) from shipping_methods m
                  where m.is_active and m.currency = c.currency), '[]'::jsonb),
       '["card", "klarna", "swish", "in_store"]'::jsonb, now(), now()
  from companies c
  join lateral (select id from price_lists where company_id = c.id and is_retail order by id limit 1) pl on true;

-- Null for orders no shop placed; web and API orders before this migration came from the default shop.
alter table orders
  add column shop_id text references shops(id),
  add column price_list_id text references price_lists(id);
update orders o set shop_id = s.id, price_list_id = s.price_list_id
  from shops s where s.company_id = o.company_id and s.is_default and o.channel in ('web', 'api');
create index orders_shop_idx on orders (shop_id, created_at desc) where shop_id is not null;
