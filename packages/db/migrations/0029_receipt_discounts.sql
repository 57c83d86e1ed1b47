-- Promotion discounts on register receipt lines, by rule, as the register priced and printed them.
-- Facts of the receipt (decision 0011): checked to add up when the receipt is booked, never re-priced.
create table receipt_line_promotions (
  receipt_id text not null references receipts(id),
  line_no integer not null,
  promotion_id text not null references promotions(id),
  name text not null,             -- the rule's name as printed on the receipt
  amount_incl_vat integer not null check (amount_incl_vat > 0),
  primary key (receipt_id, line_no, promotion_id),
  foreign key (receipt_id, line_no) references receipt_lines (receipt_id, line_no)
);
create index receipt_line_promotions_promotion_idx on receipt_line_promotions (promotion_id);

-- The coupon codes a receipt used and whether the use was counted. A shared code taken offline may
-- have reached its limit before the sale synced: the paid receipt stands and the use is recorded
-- here as not counted, for a manager to review, instead of stopping the register's queue.
create table receipt_coupons (
  receipt_id text not null references receipts(id),
  code text not null,
  status text not null check (status in ('redeemed', 'not_counted')),
  reason text,                    -- why a use was not counted (the redemption's refusal code)
  primary key (receipt_id, code)
);
