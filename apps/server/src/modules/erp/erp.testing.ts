// Shared set-up of the ERP tests: the orders harness (demo app on a movable clock), a simulated ERP
// with a connection to it, calls as the manager, web orders, and the jobs run until nothing is open.
import type { CheckoutResult, ErpConnectionSaved } from '@handla/api';
import { afterAll, beforeAll, expect } from 'vitest';
import { useOrdersHttp } from '../orders/orders.http-harness';
import { fanOutToErp } from './erp.fanout';
import { sendDueErpMessages } from './erp.send';
import { type SimulatedErp, startSimulatedErp } from './erp.simulated-erp.testing';

/** Short, so the tests' "ERP times out" costs well under a second each. */
export const TEST_TIMEOUT_MS = 300;

export function useErp() {
  const orders = useOrdersHttp();
  const { h, pickupBody, checkout } = orders;
  const state = {} as { erp: SimulatedErp; secret: string };

  beforeAll(async () => {
    state.erp = await startSimulatedErp(TEST_TIMEOUT_MS * 3);
  });
  afterAll(() => state.erp.close());

  /** A request as the manager (or `cookie`). */
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, cookie?: string) =>
    h.t.app.inject({
      method,
      url,
      headers: { cookie: cookie ?? h.manager },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  /** Sets up the connection to the simulated ERP; the ERP learns the secret. */
  const connect = async (body: Record<string, unknown> = {}) => {
    const response = await api('PUT', '/api/erp/connection', { baseUrl: state.erp.baseUrl, ...body });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as ErpConnectionSaved;
    expect(saved.secret).toMatch(/^whsec_/);
    state.secret = saved.secret!;
    state.erp.setSecret(saved.secret!);
    return saved;
  };

  /** A home-delivery web order of one item paid by card (authorized), by Anna unless `customer` says. */
  const placeOrder = async (skuIndex = 0, customer?: { name: string; email: string; phone?: string }) => {
    const sku = h.skus[skuIndex % h.skus.length]!;
    const response = await checkout(
      await pickupBody({
        ...(customer ? { customer } : {}),
        lines: [{ skuId: sku.id, quantity: 1, unitPrice: sku.price }],
        fulfilment: {
          kind: 'delivery',
          shippingMethodId: 'shm_postnord_home',
          address: {
            name: 'Anna Andersson',
            street: 'Storgatan 1',
            postalCode: '111 22',
            city: 'Stockholm',
            country: 'SE',
          },
        },
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as CheckoutResult).order;
  };

  /** Messages not yet settled (waiting, being sent, retrying). */
  const openMessages = async () =>
    (
      await h.t.ctx.db.query<{ n: number }>(
        `select count(*)::int as n from erp_messages where status in ('pending', 'sending', 'retrying')`,
      )
    )[0]!.n;

  /** One round of the jobs: fan out, then send what is due. */
  const runJobs = async () => {
    await fanOutToErp(h.t.ctx, h.t.ctx.clock());
    return sendDueErpMessages(h.t.ctx, { timeoutMs: TEST_TIMEOUT_MS });
  };

  /** Rounds of the jobs, two minutes apart on the app's clock, until nothing is open (or `rounds`). */
  const syncUntilQuiet = async (rounds = 40, between?: (round: number) => Promise<void>) => {
    for (let round = 0; round < rounds; round++) {
      await between?.(round);
      await runJobs();
      if ((await openMessages()) === 0) return round;
      h.now = new Date(h.now.getTime() + 2 * 60_000);
    }
    return rounds;
  };

  return {
    ...orders,
    get erp() {
      return state.erp;
    },
    api,
    connect,
    placeOrder,
    openMessages,
    runJobs,
    syncUntilQuiet,
  };
}
