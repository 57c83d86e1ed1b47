-- Payments of web orders and their history. The provider's state is mirrored in `payments`
-- (amounts in öre); every call to the provider and every callback from it is a row in
-- `payment_operations`, written as "started" before the call and completed after it, so a crash
-- in between is visible and a retry with the same idempotency key calls the provider again with
-- that key instead of doing the operation twice.
create table payments (
  id text primary key,                      -- client-made (checkout id + method), so checkout retries are one payment
  order_id text not null,                   -- no foreign key: orders come in a later migration
  method text not null check (method in ('card', 'klarna', 'swish', 'in_store')),
  provider text not null,                   -- 'test', later a real PSP's name
  provider_reference text,                  -- the PSP's id: pspReference, Klarna order_id, Swish request id
  status text not null check (status in ('pending', 'action_required', 'authorized', 'partially_captured',
    'captured', 'partially_refunded', 'refunded', 'voided', 'declined', 'pay_in_store')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount bigint not null check (amount >= 0),               -- what was asked for at checkout
  authorized bigint not null default 0 check (authorized >= 0), -- the current hold (Swish: what was paid)
  captured bigint not null default 0 check (captured >= 0),
  refunded bigint not null default 0 check (refunded >= 0),
  action jsonb,                             -- what the shopper must do: { kind: 'redirect' | 'swish', … }
  return_url text not null,
  description text not null,
  callback_identifier text,                 -- a secret the provider echoes in its callbacks (Swish)
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (captured <= authorized),
  check (refunded <= captured)
);
create index payments_order_idx on payments (order_id, created_at);

create table payment_operations (
  id text primary key,
  payment_id text not null references payments (id),
  kind text not null check (kind in ('authorize', 'capture', 'refund', 'void', 'callback')),
  amount bigint,
  idempotency_key text not null,
  -- started: sent, no answer recorded yet (in flight, the provider did not answer, or the process
  -- died; `response` may hold the last error); succeeded/refused: the provider's answer;
  -- ignored: a callback that changed nothing (a late or repeated one).
  outcome text not null check (outcome in ('started', 'succeeded', 'refused', 'ignored')),
  request jsonb not null,
  response jsonb,
  actor text,
  reason text,
  started_at timestamptz not null,
  finished_at timestamptz,
  unique (payment_id, idempotency_key)
);
create index payment_operations_payment_idx on payment_operations (payment_id, started_at, id);
