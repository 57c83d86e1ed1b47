-- Loyalty vouchers paying web orders (docs/loyalty.md, "Paying with vouchers at the web checkout").
-- A voucher's part of an order is a payment of method `voucher`; the redemption names the order
-- instead of a receipt, and deleting it (the order cancelled before anything was captured) makes
-- the voucher unused again. The method constraints carry the names 0033 gave them and list
-- `prepaid_external` (0034) too.
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check
  check (method in ('card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external', 'voucher'));

alter table orders drop constraint orders_payment_method_check;
alter table orders add constraint orders_payment_method_check
  check (payment_method in ('card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external', 'voucher'));

alter table voucher_redemptions alter column receipt_id drop not null;
alter table voucher_redemptions add column order_id text references orders (id);
alter table voucher_redemptions add constraint voucher_redemptions_paid_on_check
  check ((receipt_id is null) <> (order_id is null));
create index voucher_redemptions_order_idx on voucher_redemptions (order_id) where order_id is not null;
-- Web orders pay only with single-use loyalty vouchers: one order per voucher, whatever the locks do.
create unique index voucher_redemptions_one_order_idx on voucher_redemptions (voucher_id)
  where order_id is not null;

-- What each release or refund of a voucher payment gave back: the order's own vouchers made unused
-- again (released before anything was captured), or a new voucher for the amount (a return, or a
-- release after part was captured). Keyed by the payment operation, so the job giving them back
-- never gives twice; the customer sees a new one among their vouchers.
create table voucher_refunds (
  operation_id text not null references payment_operations (id),
  voucher_id text not null references vouchers (id),
  customer_id text not null references customers (id),
  order_id text not null references orders (id),
  created_at timestamptz not null,
  primary key (operation_id, voucher_id)
);
create index voucher_refunds_customer_idx on voucher_refunds (customer_id);
