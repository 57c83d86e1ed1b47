-- Whether an order was taxed under OSS is decided once, at checkout, and kept on the order: the
-- books must follow the VAT the shopper was charged, even after the shop's OSS setting changes.
-- `oss_country` is the destination country whose VAT the order carries (null: Swedish VAT).
alter table orders add column oss_country text;

-- Orders placed before this column: as the export decided until now (the shop's setting).
update orders o set oss_country = o.delivery_address->>'country'
  from shops s, companies c
 where s.id = o.shop_id and c.id = o.company_id and s.is_oss_registered
   and o.delivery_address->>'country' <> c.country;
