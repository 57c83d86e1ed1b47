// The promotion rules the register prices with, kept in IndexedDB so they work offline: fetched
// with the last ETag (`If-None-Match`), so an unchanged rule set costs a 304 and no body. Also the
// coupon codes this register has checked, which decide what it may take offline.
import type { ActivePromotions, RegisterCoupon } from '@handla/api';
import { ApiError } from '@handla/api';
import type { PromotionRule } from '@handla/core';
import { call } from '../device-api';
import type { PosDb } from '../offline/db';
import type { CartCoupon } from '../sale/cart';

/** The cached rule set and the ETag it came with. */
export interface CachedPromotions {
  etag: string;
  rules: PromotionRule[];
  fetchedAt: string;
}

const RULES_KEY = 'promotions';
const COUPONS_KEY = 'checkedCoupons';

export async function readCachedPromotions(db: PosDb): Promise<CachedPromotions | undefined> {
  return (await db.get('meta', RULES_KEY)) as CachedPromotions | undefined;
}

/**
 * Asks the server for the active rules with the cached ETag: a 304 keeps the cache, a 200 replaces
 * it. Returns the rules now cached. Throws when the server cannot be reached (the cache stays).
 */
export async function refreshPromotions(
  db: PosDb,
  fetchImpl: typeof fetch = fetch,
  now: () => Date = () => new Date(),
): Promise<CachedPromotions | undefined> {
  const cached = await readCachedPromotions(db);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (cached) headers['if-none-match'] = cached.etag;
  // no-store: the browser's HTTP cache must not answer for us — the 304 is ours to see.
  const response = await fetchImpl('/api/promotions/active', { headers, cache: 'no-store' });
  if (response.status === 304 && cached) return cached;
  if (!response.ok) throw new Error(`GET /api/promotions/active: HTTP ${response.status}`);
  const body = (await response.json()) as ActivePromotions;
  const fresh: CachedPromotions = {
    etag: response.headers.get('etag') ?? body.etag,
    rules: body.rules as PromotionRule[],
    fetchedAt: now().toISOString(),
  };
  await db.put('meta', fresh, RULES_KEY);
  return fresh;
}

async function readCheckedCoupons(db: PosDb): Promise<Record<string, CartCoupon>> {
  return ((await db.get('meta', COUPONS_KEY)) as Record<string, CartCoupon> | undefined) ?? {};
}

/** Why a coupon code cannot be taken (the UI shows each in Swedish and English). */
export type CouponRefusal = 'unknown' | 'used_up' | 'offline_single_use' | 'offline_unchecked';

export type CouponCheck = { ok: true; coupon: CartCoupon } | { ok: false; reason: CouponRefusal };

export const normalizeCode = (code: string) => code.trim().toUpperCase();

/**
 * Whether the register may take a coupon code now. Online the server decides (unknown, used up) and
 * a shared code is remembered. Offline only a shared code checked online before is taken — counted
 * when the sale syncs; a single-use code could be used at another till meanwhile, so it is refused.
 */
export async function checkCoupon(
  db: PosDb,
  rawCode: string,
  online: { registerId: string; token: string } | null,
): Promise<CouponCheck> {
  const code = normalizeCode(rawCode);
  const checked = await readCheckedCoupons(db);
  if (!online) {
    const known = checked[code];
    if (!known) return { ok: false, reason: 'offline_unchecked' };
    return known.isShared ? { ok: true, coupon: known } : { ok: false, reason: 'offline_single_use' };
  }
  let found: RegisterCoupon;
  try {
    found = await call<RegisterCoupon>(
      'GET',
      `/api/registers/${encodeURIComponent(online.registerId)}/coupons/${encodeURIComponent(code)}`,
      online.token,
    );
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'coupon_limit_reached')
      return { ok: false, reason: 'used_up' };
    if (error instanceof ApiError && error.problem.status === 400) return { ok: false, reason: 'unknown' };
    throw error;
  }
  const coupon: CartCoupon = { code: found.code, ruleId: found.ruleId, isShared: found.isShared };
  await db.put('meta', { ...checked, [coupon.code]: coupon }, COUPONS_KEY);
  return { ok: true, coupon };
}
