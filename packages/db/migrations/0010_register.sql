-- The register: paired devices, cashier PINs, register settings, receipts with their lines and
-- payments, the hash-chained journal, idempotent commands, and gift cards with their ledger.
-- Money columns are integer öre; instants are timestamptz (UTC).

-- One-time codes a manager creates to pair a device; only their hash is kept.
create table register_pairing_codes (
  code_hash text primary key,
  register_id text not null references registers(id),
  created_by text not null references staff_users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- A device paired with a register: it authenticates with its token (only the hash is kept) and
-- signs the journal with the private half of `public_key` (a JWK, ECDSA P-256).
create table register_devices (
  id text primary key,
  register_id text not null references registers(id),
  name text not null,
  token_hash text not null unique,
  public_key jsonb not null,
  paired_by text not null references staff_users(id),
  paired_at timestamptz not null,
  revoked_at timestamptz
);
create index register_devices_register_idx on register_devices (register_id);

-- A staff member's register sign-in: a personal number and a PIN hash (see register/pin.ts).
create table register_cashiers (
  staff_user_id text primary key references staff_users(id),
  company_id text not null references companies(id),
  staff_number text not null,
  pin_hash text not null,
  updated_at timestamptz not null,
  unique (company_id, staff_number)
);

create table register_pin_failures (
  throttle_key text not null,     -- register id + staff number
  failed_at timestamptz not null
);
create index register_pin_failures_key_idx on register_pin_failures (throttle_key, failed_at);

create table register_settings (
  register_id text primary key references registers(id),
  printer_host text,
  printer_port integer check (printer_port between 1 and 65535),
  control_unit_serial text,
  is_training_allowed boolean not null default true,
  idle_lock_minutes integer not null default 5 check (idle_lock_minutes between 1 and 240),
  updated_at timestamptz not null
);

-- Every journal entry of a register, as the device signed it. Gapless by construction: the
-- primary key holds the sequence, and the server only ever appends last + 1.
create table register_journal (
  register_id text not null references registers(id),
  sequence integer not null check (sequence >= 1),
  kind text not null,
  at text not null,               -- exactly as signed (ISO 8601), so the hash can be recomputed
  payload jsonb not null,
  previous_hash text not null,
  hash text not null,
  signature text not null,
  device_id text not null references register_devices(id),
  recorded_at timestamptz not null,
  primary key (register_id, sequence)
);

-- Receipts are immutable; a correction is a new (return) receipt. Numbered without gaps per
-- register, as the cash-register law requires.
create table receipts (
  id text primary key,
  register_id text not null references registers(id),
  store_id text not null references stores(id),
  number integer not null check (number >= 1),
  kind text not null check (kind in ('sale', 'return')),
  is_training boolean not null default false,
  cashier_id text not null references staff_users(id),
  approved_by text references staff_users(id),
  customer_id text references customers(id),
  currency char(3) not null,
  total_incl_vat integer not null,
  vat_amount integer not null,
  rounding integer not null default 0,
  control_code text not null,
  control_unit_serial text not null,
  computed jsonb not null,        -- the full computed receipt, as the register showed it
  original_receipt_id text references receipts(id),
  journal_sequence integer not null,
  command_id text not null,
  occurred_at timestamptz not null,  -- when the register completed it (possibly offline)
  created_at timestamptz not null,   -- when the server recorded it
  unique (register_id, number),
  foreign key (register_id, journal_sequence) references register_journal (register_id, sequence)
);
create index receipts_register_time_idx on receipts (register_id, occurred_at);
create index receipts_original_idx on receipts (original_receipt_id);

create table receipt_lines (
  receipt_id text not null references receipts(id),
  line_no integer not null,
  sku_id text not null references skus(id),
  sku_code text not null,
  name text not null,
  quantity integer not null,      -- negative on a return
  unit_price_incl_vat integer not null,
  discount_incl_vat integer not null default 0,
  total_incl_vat integer not null,
  vat_rate_bp integer not null,
  original_line_no integer,       -- on a return: the line of the original receipt
  primary key (receipt_id, line_no)
);

create table receipt_payments (
  receipt_id text not null references receipts(id),
  payment_no integer not null,
  method text not null,
  amount integer not null,        -- negative on a refund
  reference text,
  primary key (receipt_id, payment_no)
);

-- Copies of a receipt: each a journal entry of its own with its own control code.
create table receipt_copies (
  id text primary key,
  receipt_id text not null references receipts(id),
  register_id text not null references registers(id),
  journal_sequence integer not null,
  control_code text not null,
  control_unit_serial text not null,
  occurred_at timestamptz not null,
  foreign key (register_id, journal_sequence) references register_journal (register_id, sequence)
);
create index receipt_copies_receipt_idx on receipt_copies (receipt_id);

create table receipt_prints (
  receipt_id text not null references receipts(id),
  copy_id text references receipt_copies(id),
  printed_at timestamptz not null
);
create index receipt_prints_receipt_idx on receipt_prints (receipt_id);

-- Idempotency: a command id is applied once; a repeat returns the stored result.
create table register_commands (
  command_id text primary key,
  register_id text not null references registers(id),
  kind text not null,
  body_hash text not null,        -- sha256 of the canonical command: the same id with another body is refused
  result jsonb not null,
  applied_at timestamptz not null
);

create table gift_cards (
  id text primary key,
  company_id text not null references companies(id),
  code text not null unique,
  currency char(3) not null,
  issued_receipt_id text references receipts(id),
  created_at timestamptz not null
);

-- The balance of a gift card is the sum of its ledger; nothing else holds it.
create table gift_card_ledger (
  id text primary key,
  gift_card_id text not null references gift_cards(id),
  amount integer not null,        -- + issued or topped up, − redeemed
  receipt_id text references receipts(id),
  occurred_at timestamptz not null
);
create index gift_card_ledger_card_idx on gift_card_ledger (gift_card_id);
