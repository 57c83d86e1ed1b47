-- Vouchers: a credit note from a return ("tillgodokvitto") or a coupon a manager hands out
-- ("rabattkupong"), paid with at the register as `method: 'voucher'` with the code as reference.
-- A voucher pays up to its amount once (single use) or on every receipt until it expires; the
-- excess over what it pays is forfeited (a voucher gives no change).
create table vouchers (
  id text primary key,
  company_id text not null references companies(id),
  code text not null unique,
  amount integer not null check (amount > 0),
  currency char(3) not null,
  valid_until timestamptz not null,
  is_single_use boolean not null default true,
  reason text not null,
  issued_by text references staff_users(id),
  -- A credit note: the return receipt that paid out with it.
  issued_receipt_id text references receipts(id),
  created_at timestamptz not null
);

-- Each payment made with a voucher; a single-use voucher has at most one.
create table voucher_redemptions (
  id text primary key,
  voucher_id text not null references vouchers(id),
  receipt_id text not null references receipts(id),
  amount integer not null check (amount > 0),
  occurred_at timestamptz not null
);
create index voucher_redemptions_voucher_idx on voucher_redemptions (voucher_id);
