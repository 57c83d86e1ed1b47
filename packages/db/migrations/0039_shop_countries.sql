-- Shops that deliver abroad and link to their own address (docs/shops.md): the countries a shop
-- delivers to (its own country until a manager adds more), the countries a shipping method goes to
-- (empty = the selling shop's own country only, so a domestic method is never offered abroad by
-- accident), and the address the shop's mails and SMS link to (null = PUBLIC_URL).
alter table shops
  add column delivery_countries jsonb not null default '[]',
  add column public_url text;
update shops set delivery_countries = jsonb_build_array(country);

alter table shipping_methods
  add column countries jsonb not null default '[]';
