import { describe, expect, it } from 'vitest';
import type { PosDb } from '../offline/db';
import { checkCoupon, readCachedPromotions, refreshPromotions } from './promotions-cache';

// The two calls of the register's IndexedDB these functions use, kept in memory.
function memoryDb(): PosDb {
  const meta = new Map<string, unknown>();
  return {
    get: async (_store: string, key: string) => meta.get(key),
    put: async (_store: string, value: unknown, key: string) => {
      meta.set(key, value);
      return key;
    },
  } as unknown as PosDb;
}

const RULES = {
  rules: [{ id: 'prm_1', name: '3 för 2' }],
  etag: '"v1"',
  generatedAt: '2026-06-15T10:00:00.000Z',
};

describe('the register’s promotion cache', () => {
  it('asks with the cached ETag, keeps the rules on a 304 and replaces them on a 200', async () => {
    const db = memoryDb();
    const seen: (string | null)[] = [];
    let answer: Response = Response.json(RULES, { headers: { etag: '"v1"' } });
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('if-none-match'));
      return answer;
    }) as typeof fetch;
    expect((await refreshPromotions(db, fetchImpl))?.rules).toHaveLength(1);
    answer = new Response(null, { status: 304 });
    expect((await refreshPromotions(db, fetchImpl))?.etag).toBe('"v1"');
    answer = Response.json({ ...RULES, rules: [], etag: '"v2"' }, { headers: { etag: '"v2"' } });
    await refreshPromotions(db, fetchImpl);
    expect(seen).toEqual([null, '"v1"', '"v1"']);
    expect(await readCachedPromotions(db)).toMatchObject({ etag: '"v2"', rules: [] });
    // Unreachable: the cache stays as it was.
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(refreshPromotions(db, down)).rejects.toThrow();
    expect((await readCachedPromotions(db))?.etag).toBe('"v2"');
  });

  it('takes offline only a shared code it checked online before', async () => {
    const db = memoryDb();
    expect(await checkCoupon(db, 'sommar26', null)).toEqual({ ok: false, reason: 'offline_unchecked' });
    await db.put(
      'meta',
      {
        SOMMAR26: { code: 'SOMMAR26', ruleId: 'prm_c', isShared: true },
        ENGANG1: { code: 'ENGANG1', ruleId: 'prm_c', isShared: false },
      },
      'checkedCoupons',
    );
    expect(await checkCoupon(db, ' sommar26 ', null)).toEqual({
      ok: true,
      coupon: { code: 'SOMMAR26', ruleId: 'prm_c', isShared: true },
    });
    expect(await checkCoupon(db, 'engang1', null)).toEqual({ ok: false, reason: 'offline_single_use' });
  });
});
