-- Promotions on web orders: each line's discounts by rule (the order and the receipt name each one),
-- the order's discount total and the coupon it redeemed. An order line's `line_total_incl_vat` is
-- after its discounts; `unit_price_incl_vat` stays the list price the shopper saw.
create table order_line_discounts (
  order_line_id text not null references order_lines(id),
  order_id text not null references orders(id),
  -- The order the engine applied the rules in, per line.
  position integer not null,
  promotion_id text not null references promotions(id),
  -- As it was when the order was placed: a rule renamed later does not rename old orders.
  promotion_name text not null,
  level text not null check (level in ('item', 'basket')),
  amount integer not null check (amount > 0),
  primary key (order_line_id, position)
);
create index order_line_discounts_order_idx on order_line_discounts (order_id);

alter table orders add column discount_total integer not null default 0 check (discount_total >= 0);
-- The coupon redeemed with this order (reference = the order id); released if the order is
-- cancelled before it was paid.
alter table orders add column coupon_code text;
