// Two server processes on one PostgreSQL database (PostgreSQL only: PGlite belongs to one process;
// run by `npm run test:pg`): a web order placed through one process reaches a register following
// the store's events on the other, and a register that lost its connection catches up on the
// other process with every order it missed, each once. How fast is the bench's figure
// `web_to_register.two_process.*`, not an assertion here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, startBenchServer } from '../../../bench/src/server-process';
import { type BenchTarget, freshTarget } from '../../../bench/src/target';
import {
  followRegisterEvents,
  openStoreForPickup,
  orderIdOf,
  type PickupShop,
  pairRegisterOver,
  placePickupOrder,
  signInOver,
} from './testing/http-driver';
import type { SseMessage } from './testing/sse';

let target: BenchTarget;
let checkoutServer: BenchServer;
let registerServer: BenchServer;
let shop: PickupShop;
let deviceToken: string;

beforeAll(async () => {
  target = await freshTarget('postgres');
  // One after the other: the first seeds the empty database, the second finds it seeded.
  checkoutServer = await startBenchServer(target.env);
  registerServer = await startBenchServer(target.env);
  const manager = await signInOver(checkoutServer.baseUrl, 'manager');
  shop = await openStoreForPickup(manager, { skuCount: 2, units: 20 });
  deviceToken = await pairRegisterOver(manager, shop.registerId);
});
afterAll(async () => {
  await registerServer?.stop();
  await checkoutServer?.stop();
  await target?.drop();
});

/** Follows the register's stream on the register server, keeping every message. */
async function follow(lastEventId?: string) {
  const received: SseMessage[] = [];
  const stream = await followRegisterEvents(
    registerServer.baseUrl,
    shop.registerId,
    deviceToken,
    (message) => received.push(message),
    lastEventId,
  );
  const placedOf = (orderId: string) =>
    received.filter((m) => m.event === 'order.placed' && orderIdOf(m) === orderId);
  return { stream, received, placedOf };
}

describe('the store queue across two server processes on one PostgreSQL', () => {
  it('shows an order placed on one process on the other process’s register stream', async () => {
    const { stream, placedOf } = await follow();
    try {
      const { order } = await placePickupOrder(checkoutServer.baseUrl, shop, 0);
      await expect.poll(() => placedOf(order.id).length, { timeout: 5000 }).toBe(1);
      expect(placedOf(order.id)[0]!.data).toMatchObject({
        storeId: shop.storeId,
        data: { order: { number: order.number, status: 'placed' } },
      });
    } finally {
      stream.stop();
    }
  });

  it('catches a reconnecting register up on every order it missed, once each, in order', async () => {
    const first = await follow();
    const { order: seen } = await placePickupOrder(checkoutServer.baseUrl, shop, 1);
    await expect.poll(() => first.placedOf(seen.id).length, { timeout: 5000 }).toBe(1);
    const lastEventId = first.received.at(-1)!.id;
    first.stream.stop();

    // Placed while the register is offline.
    const missed = [
      (await placePickupOrder(checkoutServer.baseUrl, shop, 2)).order,
      (await placePickupOrder(checkoutServer.baseUrl, shop, 3)).order,
    ];
    const again = await follow(lastEventId);
    try {
      await expect
        .poll(() => missed.every((o) => again.placedOf(o.id).length > 0), { timeout: 5000 })
        .toBe(true);
      // Live again after the replay.
      const { order: live } = await placePickupOrder(checkoutServer.baseUrl, shop, 4);
      await expect.poll(() => again.placedOf(live.id).length, { timeout: 5000 }).toBe(1);

      const ids = again.received.map((m) => Number(m.id));
      expect(ids[0]).toBeGreaterThan(Number(lastEventId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(again.placedOf(seen.id)).toHaveLength(0);
      for (const order of missed) expect(again.placedOf(order.id)).toHaveLength(1);
      expect(again.received.every((m) => m.event.startsWith('order.'))).toBe(true);
    } finally {
      again.stream.stop();
    }
  });

  it('turns away a stream request without a paired device’s token, on either process', async () => {
    for (const server of [checkoutServer, registerServer]) {
      const response = await fetch(`${server.baseUrl}/api/registers/${shop.registerId}/events`, {
        headers: { authorization: 'Device not-a-token' },
      });
      expect(response.status).toBe(401);
      await response.body?.cancel();
    }
  });
});
