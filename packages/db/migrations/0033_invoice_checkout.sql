-- Invoice as a web checkout payment method (docs/invoices.md, "Web checkout"): the payment and the
-- order may say `invoice`, and the default shop offers it. The constraints were written inline in
-- 0007/0009, so they carry PostgreSQL's generated names (the same in PGlite).
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check
  check (method in ('card', 'klarna', 'swish', 'in_store', 'invoice'));

alter table orders drop constraint orders_payment_method_check;
alter table orders add constraint orders_payment_method_check
  check (payment_method in ('card', 'klarna', 'swish', 'in_store', 'invoice'));

update shops set payment_methods = payment_methods || '["invoice"]'::jsonb
 where is_default and not payment_methods ? 'invoice';
