// Web to register: the time from a pickup checkout's HTTP response reaching the shopper's client to
// that order's `order.placed` reaching a paired register's event stream, over 1,000 orders placed
// one after another (paid in the store), so the figure is the latency, not a queue under load.
// `.two_process`: the checkout served by one server process and the register's stream by another
// on the same PostgreSQL, so each event crosses processes through the outbox and LISTEN/NOTIFY.
// PGlite cannot be shared between processes: on it only the one-process figures are measured.
import {
  followRegisterEvents,
  openStoreForPickup,
  orderIdOf,
  pairRegisterOver,
  placePickupOrder,
  signInOver,
} from '../../../apps/server/src/testing/http-driver';
import type { BenchResult } from '../results';
import { type BenchServer, startBenchServer } from '../server-process';
import { percentile } from './pos-scan';
import type { BenchSuite } from './suite';

const ORDERS = 1_000;
// Not counted: the first requests warm up both processes' code paths and connections.
const WARM_UP = 20;
const SKUS = 8;
const ARRIVAL_TIMEOUT_MS = 10_000;

/** Checkout on `checkoutAt`, register stream on `registerAt`; returns the sorted latencies in ms. */
async function measure(checkoutAt: BenchServer, registerAt: BenchServer): Promise<number[]> {
  const manager = await signInOver(checkoutAt.baseUrl, 'manager');
  const shop = await openStoreForPickup(manager, { skuCount: SKUS, units: ORDERS + WARM_UP });
  const token = await pairRegisterOver(manager, shop.registerId);
  const arrivedAt = new Map<string, number>();
  let repeated = 0;
  const stream = await followRegisterEvents(registerAt.baseUrl, shop.registerId, token, (message) => {
    const orderId = message.event === 'order.placed' ? orderIdOf(message) : undefined;
    if (!orderId) return;
    if (arrivedAt.has(orderId)) repeated++;
    else arrivedAt.set(orderId, performance.now());
  });
  try {
    const respondedAt = new Map<string, number>();
    for (let n = 0; n < WARM_UP + ORDERS; n++) {
      const { order } = await placePickupOrder(checkoutAt.baseUrl, shop, n);
      if (n >= WARM_UP) respondedAt.set(order.id, performance.now());
    }
    const deadline = performance.now() + ARRIVAL_TIMEOUT_MS;
    const missing = () => [...respondedAt.keys()].filter((id) => !arrivedAt.has(id)).length;
    while (missing() > 0) {
      if (performance.now() > deadline) {
        throw new Error(`${missing()} of ${ORDERS} orders never reached the register's stream`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (repeated > 0) throw new Error(`${repeated} orders reached the register's stream twice`);
    // The event is relayed on commit and the response sent after it, so the register may have the
    // order before the shopper's client does: that counts as 0, not as a negative time.
    return [...respondedAt].map(([id, at]) => Math.max(0, arrivedAt.get(id)! - at)).sort((a, b) => a - b);
  } finally {
    stream.stop();
  }
}

function figures(prefix: string, sorted: number[], db: BenchResult['db']): BenchResult[] {
  return [
    { name: `${prefix}.p50_ms`, value: percentile(sorted, 0.5), unit: 'ms', db },
    { name: `${prefix}.p99_ms`, value: percentile(sorted, 0.99), unit: 'ms', db },
  ];
}

export const webToRegisterSuite: BenchSuite = {
  figures: [
    'web_to_register.p50_ms',
    'web_to_register.p99_ms',
    'web_to_register.two_process.p50_ms',
    'web_to_register.two_process.p99_ms',
  ],
  async run(target, wanted) {
    const results: BenchResult[] = [];
    const first = await startBenchServer(target.env);
    let second: BenchServer | undefined;
    try {
      if (wanted('web_to_register.p')) {
        results.push(...figures('web_to_register', await measure(first, first), target.db));
      }
      if (target.db === 'postgres' && wanted('web_to_register.two_process')) {
        second = await startBenchServer(target.env);
        results.push(...figures('web_to_register.two_process', await measure(first, second), target.db));
      }
    } finally {
      await second?.stop();
      await first.stop();
    }
    return results.filter((r) => wanted(r.name));
  },
};
