-- A register receipt is a fact once printed: the customer paid its prices. A line whose price
-- differs from the store's price (a cashier's own price, or a price changed while the register was
-- offline) is recorded here for a manager to review instead of refusing the receipt at sync, which
-- would stop the register's queue: [{ lineNo, skuId, charged, listed }] in öre incl. VAT.
alter table receipts add column price_deviations jsonb not null default '[]';
create index receipts_price_deviations_idx on receipts (store_id, occurred_at)
  where price_deviations <> '[]'::jsonb;
