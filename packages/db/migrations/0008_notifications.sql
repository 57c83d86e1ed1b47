-- Mail and SMS to shoppers. A message is a row written in the transaction of the change it is
-- about (nothing leaves before commit); the `notifications.send` job claims due rows with
-- `for update skip locked`, renders, sends and records what went out.

create table outgoing_messages (
  id text primary key,
  channel text not null check (channel in ('email', 'sms')),
  "to" text not null,
  template text not null,
  locale text not null check (locale in ('sv', 'en')),
  -- no foreign key: orders are created by a later migration, and a message outlives its order's edits
  order_id text,
  -- the `Order` as the shopper saw it when the message was queued: what the template renders
  payload jsonb not null,
  -- a repeat of the same message (a retried request, a second "ready") is ignored
  dedupe_key text not null unique,
  send_after timestamptz not null,
  status text not null check (status in ('queued', 'sending', 'sent', 'failed', 'cancelled', 'dev_outbox')),
  attempts integer not null default 0 check (attempts >= 0),
  -- a claim expires, so a message whose sender process died is sent again (at least once)
  claimed_until timestamptz,
  last_error text,
  -- stored when sent (or kept in the development outbox), so staff see exactly what went out
  subject text,
  body_text text,
  body_html text,
  provider_message_id text,
  created_at timestamptz not null,
  sent_at timestamptz
);

-- the job's claim: due messages in send order
create index outgoing_messages_due_idx on outgoing_messages (send_after) where status in ('queued', 'sending');
-- the back office's list, newest first
create index outgoing_messages_created_idx on outgoing_messages (created_at desc, id desc);
create index outgoing_messages_order_idx on outgoing_messages (order_id);
