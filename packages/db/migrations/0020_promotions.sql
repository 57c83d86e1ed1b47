-- Promotions: automatic rules priced by the engine in @handla/core (docs/promotions.md), and coupon
-- codes that unlock a rule. A coupon's limit is enforced by the row's own counter, raised in the
-- redeeming transaction under the check below, so concurrent redemptions can never pass it.
create table promotions (
  id text primary key,
  company_id text not null references companies(id),
  name text not null,
  -- The engine's PromotionEffect: { type, target, … } as validated by checkPromotionEffect.
  effect jsonb not null,
  priority integer not null default 0,
  is_exclusive boolean not null default false,
  is_stackable boolean not null default false,
  starts_at timestamptz,
  ends_at timestamptz,
  channels text[] not null default '{web,store}',
  -- null: every store.
  store_ids text[],
  members_only boolean not null default false,
  customer_groups text[] not null default '{}',
  requires_coupon boolean not null default false,
  -- A rule is archived, never deleted: receipts and orders name it.
  archived_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index promotions_company_idx on promotions (company_id, archived_at);

-- A code is single-use (max_redemptions 1, one of a batch) or shared with a limit.
create table promotion_coupons (
  id text primary key,
  promotion_id text not null references promotions(id),
  code text not null unique,
  batch_id text not null,
  max_redemptions integer not null check (max_redemptions > 0),
  redemption_count integer not null default 0,
  created_at timestamptz not null,
  check (redemption_count >= 0 and redemption_count <= max_redemptions)
);
create index promotion_coupons_promotion_idx on promotion_coupons (promotion_id, batch_id);

-- Each use of a coupon, by the order or receipt it was used on; a repeat for the same one is the
-- same redemption (idempotent), not a second.
create table promotion_coupon_redemptions (
  id text primary key,
  coupon_id text not null references promotion_coupons(id),
  reference text not null,
  occurred_at timestamptz not null,
  unique (coupon_id, reference)
);
