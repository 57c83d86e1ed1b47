// Coupon codes: batches of single-use codes or one shared code with a limit, looked up for pricing
// and redeemed once per order or receipt, never past the limit (the counter is raised under a
// check on the locked row, in the redeeming transaction).
import { randomInt } from 'node:crypto';
import type { CouponRedemption, CreateCouponsBody, CreatedCoupons, PromotionCoupon } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { notFound } from '../pricing/pricing.shared';
import * as store from './promotions.store';

// No 0/O or 1/I/L: codes are read aloud at the till and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

function newCode(prefix: string): string {
  let code = prefix ? `${prefix}-` : '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

function toCoupon(row: store.CouponRow): PromotionCoupon {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** A coupon refused for pricing or redemption, naming the request's coupon field. */
function couponProblem(code: string, message: string, detail: string, field = 'coupon'): DomainError {
  return new DomainError(code, detail, [{ field, message }]);
}

/** Codes are case-insensitive: stored and compared upper-case. */
export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

/** Creates a batch of single-use codes or one shared code for a rule that requires a coupon. */
export async function createCoupons(
  ctx: AppContext,
  promotionId: string,
  input: CreateCouponsBody,
): Promise<CreatedCoupons> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const promotion = await store.findPromotionRow(tx, promotionId);
    if (!promotion) throw notFound('promotion', promotionId, 'id');
    if (promotion.archivedAt) throw new DomainError('invalid_state', 'The promotion is archived.');
    if (!promotion.requiresCoupon) {
      throw new DomainError('validation_failed', 'Only a rule that requires a coupon takes codes.', [
        { field: 'requiresCoupon', message: 'The promotion does not require a coupon' },
      ]);
    }
    const batchId = ctx.newId('cpb');
    const wanted =
      input.kind === 'shared'
        ? [{ code: normalizeCouponCode(input.code), maxRedemptions: input.maxRedemptions }]
        : Array.from({ length: input.count }, () => ({ code: newCode(input.prefix), maxRedemptions: 1 }));
    const rows = wanted.map((w) => ({ ...w, id: ctx.newId('cpc'), promotionId, batchId }));
    const inserted = await store.insertCouponRows(tx, rows, now);
    if (inserted.length < rows.length) {
      // A shared code someone already has, or (astronomically rarely) a random collision.
      throw new DomainError('duplicate', 'That coupon code already exists.', [
        { field: input.kind === 'shared' ? 'code' : 'count', message: 'A code already exists; try again' },
      ]);
    }
    return { batchId, coupons: inserted.map(toCoupon) };
  });
}

/** The codes of a rule, oldest batch first. */
export async function listCoupons(ctx: AppContext, promotionId: string): Promise<PromotionCoupon[]> {
  if (!(await store.findPromotionRow(ctx.db, promotionId))) throw notFound('promotion', promotionId, 'id');
  return (await store.listCouponRows(ctx.db, promotionId)).map(toCoupon);
}

/** The coupon behind a code if it can still be used: 400 for an unknown code, 409 past its limit. */
export async function findUsableCoupon(
  q: Queryable,
  rawCode: string,
  field = 'coupon',
): Promise<store.CouponRow> {
  const coupon = await store.findCouponRow(q, normalizeCouponCode(rawCode));
  if (!coupon) throw couponProblem('validation_failed', 'Unknown coupon code', 'No such coupon code.', field);
  if (coupon.redemptionCount >= coupon.maxRedemptions) {
    throw couponProblem(
      'coupon_limit_reached',
      'The coupon has been used up',
      'The coupon has reached its limit.',
      field,
    );
  }
  return coupon;
}

/**
 * Counts one use of a code on an order or receipt (`reference`). A repeat with the same reference
 * returns the first redemption; past the limit → 409 `coupon_limit_reached` naming `coupon`,
 * nothing changed.
 */
export async function redeemCoupon(
  ctx: AppContext,
  input: { coupon: string; reference: string },
): Promise<CouponRedemption> {
  return ctx.db.transaction((tx) => redeemCouponIn(tx, ctx, input));
}

/**
 * `redeemCoupon` in the caller's transaction (the web checkout redeems with the order it writes):
 * the coupon row stays locked by the counter update until that transaction ends.
 */
export async function redeemCouponIn(
  tx: Queryable,
  ctx: AppContext,
  input: { coupon: string; reference: string },
  field = 'coupon',
): Promise<CouponRedemption> {
  const now = ctx.clock();
  const coupon = await store.findCouponRow(tx, normalizeCouponCode(input.coupon));
  if (!coupon) throw couponProblem('validation_failed', 'Unknown coupon code', 'No such coupon code.', field);
  if (await store.findRedemption(tx, coupon.id, input.reference))
    return { coupon: toCoupon(coupon), reference: input.reference, isRepeat: true };
  const promotion = await store.findPromotionRow(tx, coupon.promotionId);
  if (promotion?.archivedAt || (promotion?.endsAt && promotion.endsAt <= now)) {
    throw couponProblem(
      'invalid_state',
      'The promotion has ended',
      'The coupon’s promotion has ended.',
      field,
    );
  }
  const counted = await store.countCouponRedemption(tx, coupon.id);
  if (!counted) {
    throw couponProblem(
      'coupon_limit_reached',
      'The coupon has been used up',
      'The coupon has reached its limit.',
      field,
    );
  }
  await store.insertRedemption(
    tx,
    { id: ctx.newId('cpr'), couponId: coupon.id, reference: input.reference },
    now,
  );
  return { coupon: toCoupon(counted), reference: input.reference, isRepeat: false };
}

/**
 * Gives back the use `reference` made of a code (an order cancelled before it was paid), in the
 * caller's transaction; false when it had made none. The redemption row goes and the counter drops.
 */
export async function releaseCouponIn(tx: Queryable, rawCode: string, reference: string): Promise<boolean> {
  const coupon = await store.findCouponRow(tx, normalizeCouponCode(rawCode));
  if (!coupon) return false;
  return store.deleteRedemption(tx, coupon.id, reference);
}
