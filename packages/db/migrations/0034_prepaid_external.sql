-- A payment taken elsewhere: an API order a marketplace already charged the shopper for
-- (`prepaid_external`, docs/orders-admin.md). The payment row keeps the marketplace's reference in
-- `provider_reference`; captures and refunds are only recorded (the marketplace refunds). The
-- constraints carry the names 0033 gave them.
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check
  check (method in ('card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external'));

alter table orders drop constraint orders_payment_method_check;
alter table orders add constraint orders_payment_method_check
  check (payment_method in ('card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external'));
