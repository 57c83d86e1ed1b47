// Claiming is safe with several server processes: rows claimed in one open transaction are skipped
// (not waited for) by another, and claimed rows are not claimed again until their lease expires.
import { createTestDatabase, type Database } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../context';
import { fixtureOrder } from './notifications.fixture';
import { queueMessage } from './notifications.queue';
import { claimDueMessages, type MessageRow } from './notifications.store';

let db: Database;
let ctx: AppContext;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createContext(db);
});
afterAll(() => db?.close());

const LEASE_MS = 60_000;

async function queueThree(): Promise<void> {
  for (const n of [1, 2, 3]) {
    const order = fixtureOrder({ id: `ord_c${n}`, number: String(4000 + n) });
    await db.transaction((tx) =>
      queueMessage(tx, ctx, {
        channel: 'email',
        to: `c${n}@example.se`,
        template: 'order_confirmation',
        locale: 'sv',
        order,
        dedupeKey: `order_confirmation:${order.id}:email`,
      }),
    );
  }
}

describe('claimDueMessages', () => {
  it('skips rows another transaction holds, and never hands out a row twice', async () => {
    await queueThree();
    const now = ctx.clock();
    let releaseFirst = () => {};
    const held = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let first: MessageRow[] | undefined;
    const firstTx = db.transaction(async (tx) => {
      first = await claimDueMessages(tx, now, 2, LEASE_MS);
      await held;
    });
    let second: MessageRow[];
    if (db.kind === 'postgres') {
      // A second process claims while the first transaction is still open: without `skip locked`
      // it would wait here for the first one, and this test would time out.
      while (first === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      second = await db.transaction((tx) => claimDueMessages(tx, now, 10, LEASE_MS));
      releaseFirst();
      await firstTx;
    } else {
      // PGlite runs one transaction at a time: the second claim comes after the first commits.
      releaseFirst();
      await firstTx;
      second = await db.transaction((tx) => claimDueMessages(tx, now, 10, LEASE_MS));
    }
    const firstIds = first!.map((m) => m.id);
    const secondIds = second.map((m) => m.id);
    expect(firstIds).toHaveLength(2);
    expect(secondIds).toHaveLength(1);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(3);
    expect(first!.every((m) => m.status === 'sending' && m.attempts === 1)).toBe(true);

    // claimed rows stay with their claim until the lease runs out
    expect(await db.transaction((tx) => claimDueMessages(tx, now, 10, LEASE_MS))).toEqual([]);
    const later = new Date(now.getTime() + LEASE_MS);
    const reclaimed = await db.transaction((tx) => claimDueMessages(tx, later, 10, LEASE_MS));
    expect(reclaimed.map((m) => m.id).sort()).toEqual([...firstIds, ...secondIds].sort());
    expect(reclaimed.every((m) => m.attempts === 2)).toBe(true);
  });
});
