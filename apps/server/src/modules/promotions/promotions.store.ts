// SQL for promotion rules, their coupon codes and the coupons' redemptions.
import type { PromotionEffect } from '@handla/core';
import type { Queryable } from '@handla/db';

/** A promotion rule as stored. */
export interface PromotionRow {
  id: string;
  name: string;
  effect: PromotionEffect;
  priority: number;
  isExclusive: boolean;
  isStackable: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  channels: ('web' | 'store')[];
  storeIds: string[] | null;
  membersOnly: boolean;
  customerGroups: string[];
  requiresCoupon: boolean;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  couponCount: number;
}

/** The fields a manager sets on a rule. */
export type PromotionFields = Omit<
  PromotionRow,
  'id' | 'archivedAt' | 'version' | 'createdAt' | 'updatedAt' | 'couponCount'
>;

const COLUMNS = `p.id, p.name, p.effect, p.priority, p.is_exclusive as "isExclusive", p.is_stackable as "isStackable",
  p.starts_at as "startsAt", p.ends_at as "endsAt", p.channels, p.store_ids as "storeIds",
  p.members_only as "membersOnly", p.customer_groups as "customerGroups", p.requires_coupon as "requiresCoupon",
  p.archived_at as "archivedAt", p.version, p.created_at as "createdAt", p.updated_at as "updatedAt",
  (select count(*)::integer from promotion_coupons c where c.promotion_id = p.id) as "couponCount"`;

/** Which rules to list relative to `now`: `current` is not archived and not ended. */
export type PromotionFilter = 'current' | 'all' | 'archived';

const FILTERS: Record<PromotionFilter, string> = {
  current: 'p.archived_at is null and (p.ends_at is null or p.ends_at > $2)',
  archived: 'p.archived_at is not null and $2::timestamptz is not null',
  all: '$2::timestamptz is not null',
};

export async function listPromotionRows(
  q: Queryable,
  companyId: string,
  filter: PromotionFilter,
  now: Date,
): Promise<PromotionRow[]> {
  return q.query<PromotionRow>(
    `select ${COLUMNS} from promotions p where p.company_id = $1 and ${FILTERS[filter]}
      order by p.priority desc, p.id`,
    [companyId, now],
  );
}

export async function findPromotionRow(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<PromotionRow | undefined> {
  const lock = forUpdate ? ' for update' : '';
  return (await q.query<PromotionRow>(`select ${COLUMNS} from promotions p where p.id = $1${lock}`, [id]))[0];
}

function values(f: PromotionFields) {
  return [
    f.name,
    JSON.stringify(f.effect),
    f.priority,
    f.isExclusive,
    f.isStackable,
    f.startsAt,
    f.endsAt,
    f.channels,
    f.storeIds,
    f.membersOnly,
    f.customerGroups,
    f.requiresCoupon,
  ];
}

export async function insertPromotionRow(
  q: Queryable,
  row: PromotionFields & { id: string; companyId: string },
  now: Date,
): Promise<void> {
  await q.query(
    `insert into promotions (name, effect, priority, is_exclusive, is_stackable, starts_at, ends_at, channels,
       store_ids, members_only, customer_groups, requires_coupon, id, company_id, created_at, updated_at)
     values ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [...values(row), row.id, row.companyId, now],
  );
}

/** Writes every field if the version is still `version`; false when someone changed it first. */
export async function updatePromotionRow(
  q: Queryable,
  id: string,
  fields: PromotionFields,
  version: number,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update promotions set name = $1, effect = $2::jsonb, priority = $3, is_exclusive = $4, is_stackable = $5,
       starts_at = $6, ends_at = $7, channels = $8, store_ids = $9, members_only = $10, customer_groups = $11,
       requires_coupon = $12, version = version + 1, updated_at = $13
     where id = $14 and version = $15 and archived_at is null returning id`,
    [...values(fields), now, id, version],
  );
  return rows.length === 1;
}

export async function archivePromotionRow(
  q: Queryable,
  id: string,
  version: number,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update promotions set archived_at = $1, version = version + 1, updated_at = $1
      where id = $2 and version = $3 and archived_at is null returning id`,
    [now, id, version],
  );
  return rows.length === 1;
}

/** A coupon code as stored; codes are kept upper-case. */
export interface CouponRow {
  id: string;
  promotionId: string;
  code: string;
  batchId: string;
  maxRedemptions: number;
  redemptionCount: number;
  createdAt: Date;
}

const COUPON_COLUMNS = `id, promotion_id as "promotionId", code, batch_id as "batchId",
  max_redemptions as "maxRedemptions", redemption_count as "redemptionCount", created_at as "createdAt"`;

/** Inserts codes, skipping any that already exist: fewer rows back means a code was taken. */
export async function insertCouponRows(
  q: Queryable,
  rows: readonly Omit<CouponRow, 'redemptionCount' | 'createdAt'>[],
  now: Date,
): Promise<CouponRow[]> {
  return q.query<CouponRow>(
    `insert into promotion_coupons (id, promotion_id, code, batch_id, max_redemptions, created_at)
     select id, $2, code, $3, max_redemptions, $4
       from unnest($1::text[], $5::text[], $6::integer[]) as t(id, code, max_redemptions)
     on conflict (code) do nothing
     returning ${COUPON_COLUMNS}`,
    [
      rows.map((r) => r.id),
      rows[0]?.promotionId,
      rows[0]?.batchId,
      now,
      rows.map((r) => r.code),
      rows.map((r) => r.maxRedemptions),
    ],
  );
}

export async function listCouponRows(q: Queryable, promotionId: string): Promise<CouponRow[]> {
  return q.query<CouponRow>(
    `select ${COUPON_COLUMNS} from promotion_coupons where promotion_id = $1 order by created_at, code`,
    [promotionId],
  );
}

export async function findCouponRow(q: Queryable, code: string): Promise<CouponRow | undefined> {
  return (
    await q.query<CouponRow>(`select ${COUPON_COLUMNS} from promotion_coupons where code = $1`, [code])
  )[0];
}

/**
 * Counts one use if the coupon is under its limit; undefined when it is not. The condition is
 * re-checked on the locked row, so concurrent redemptions cannot pass the limit.
 */
export async function countCouponRedemption(q: Queryable, couponId: string): Promise<CouponRow | undefined> {
  return (
    await q.query<CouponRow>(
      `update promotion_coupons set redemption_count = redemption_count + 1
        where id = $1 and redemption_count < max_redemptions returning ${COUPON_COLUMNS}`,
      [couponId],
    )
  )[0];
}

export async function findRedemption(q: Queryable, couponId: string, reference: string): Promise<boolean> {
  const rows = await q.query(
    'select 1 from promotion_coupon_redemptions where coupon_id = $1 and reference = $2',
    [couponId, reference],
  );
  return rows.length > 0;
}

export async function insertRedemption(
  q: Queryable,
  row: { id: string; couponId: string; reference: string },
  now: Date,
): Promise<void> {
  await q.query(
    `insert into promotion_coupon_redemptions (id, coupon_id, reference, occurred_at) values ($1, $2, $3, $4)`,
    [row.id, row.couponId, row.reference, now],
  );
}

/** Removes a redemption and lowers its coupon's counter; false when there was none to remove. */
export async function deleteRedemption(q: Queryable, couponId: string, reference: string): Promise<boolean> {
  const removed = await q.query(
    'delete from promotion_coupon_redemptions where coupon_id = $1 and reference = $2 returning id',
    [couponId, reference],
  );
  if (removed.length === 0) return false;
  await q.query(
    'update promotion_coupons set redemption_count = redemption_count - 1 where id = $1 and redemption_count > 0',
    [couponId],
  );
  return true;
}
