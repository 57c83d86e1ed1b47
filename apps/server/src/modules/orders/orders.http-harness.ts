// Shared set-up of the orders HTTP tests: a demo app on a fixed clock, ids by code, a checkout body
// builder with our own prices, and readers of what a checkout holds (stock, slot load, messages).
import type { CheckoutBody, PickupSlotDay } from '@handla/api';
import { afterAll, beforeAll } from 'vitest';
import type { ServerConfig } from '../../config';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { resolvePrices } from '../pricing/pricing.resolve.service';

/** Test-provider card tokens (see payments/test-provider/cards.ts). */
export const CARD = {
  approve: 'tok_test_approve_0123456789ABCDEF',
  decline: 'tok_test_decline_0123456789ABCDEF',
  challenge: 'tok_test_challenge_0123456789ABCDEF',
};

export interface OrdersHttpState {
  t: TestApp;
  manager: string;
  cashier: string;
  owner: string;
  /** Store ids by code (STHLM, GBG) and location ids by code. */
  store: Record<string, string>;
  loc: Record<string, string>;
  /** Active, priced SKUs, the best stocked at STHLM-BUTIK first (each also at CENTRAL). */
  skus: { id: string; price: number }[];
  now: Date;
}

/** `config` overrides the test app's configuration (e.g. `testPayments: false`). */
export function useOrdersHttp(config: Partial<ServerConfig> = {}) {
  const h = { store: {}, loc: {}, skus: [] } as unknown as OrdersHttpState;
  // Tuesday 1 December 2026, 08:00 in Stockholm: slots later today are bookable.
  h.now = new Date('2026-12-01T07:00:00Z');

  beforeAll(async () => {
    h.t = await createTestApp(config);
    h.t.ctx.clock = () => h.now;
    h.manager = await signIn(h.t.app, 'manager');
    h.cashier = await signIn(h.t.app, 'cashier');
    h.owner = await signIn(h.t.app, 'owner');
    const q = h.t.ctx.db;
    for (const r of await q.query<{ id: string; code: string }>('select id, code from stores'))
      h.store[r.code] = r.id;
    for (const r of await q.query<{ id: string; code: string }>('select id, code from locations'))
      h.loc[r.code] = r.id;
    const rows = await q.query<{ id: string }>(
      `select s.id from skus s join products p on p.id = s.product_id
        where s.status = 'active' and p.status = 'active' and not p.is_bundle
          and exists (select 1 from stock_levels l where l.sku_id = s.id and l.location_id = $2 and l.on_hand - l.reserved >= 10)
        order by (select l.on_hand - l.reserved from stock_levels l where l.sku_id = s.id and l.location_id = $1) desc nulls last,
                 s.sku
        limit 4`,
      [h.loc['STHLM-BUTIK'], h.loc.CENTRAL],
    );
    const prices = await resolvePrices(h.t.ctx, { skuIds: rows.map((r) => r.id), at: h.now });
    h.skus = prices.map((p) => ({ id: p.skuId, price: p.unitPriceInclVat.amount }));
  });
  afterAll(() => h.t.close());

  let counter = 0;
  /** A new client-made checkout id. */
  const checkoutId = () =>
    `chk_${String(++counter).padStart(4, '0')}_${Math.random().toString(36).slice(2, 8)}`;

  /** A free slot of the store's first open day: the first one, or with `late` the last one. */
  const firstSlot = async (storeCode = 'STHLM', late = false) => {
    const day = (
      await h.t.app.inject({ url: `/api/stores/${h.store[storeCode]}/pickup-slots` })
    ).json() as PickupSlotDay;
    return (late ? day.slots.at(-1) : day.slots[0])!.startsAt;
  };

  /** A pickup checkout of two lines paid by card; `patch` overrides any part. */
  const pickupBody = async (patch: Partial<CheckoutBody> = {}): Promise<CheckoutBody> => ({
    checkoutId: checkoutId(),
    locale: 'sv',
    customer: { name: 'Anna Andersson', email: 'anna@example.se', phone: '070-123 45 67' },
    lines: [
      { skuId: h.skus[0]!.id, quantity: 2, unitPrice: h.skus[0]!.price },
      { skuId: h.skus[1]!.id, quantity: 1, unitPrice: h.skus[1]!.price },
    ],
    fulfilment: { kind: 'pickup', storeId: h.store.STHLM!, slot: await firstSlot() },
    payment: { method: 'card', cardToken: CARD.approve },
    ...patch,
  });

  const checkout = (body: unknown, cookie?: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/checkout',
      payload: body as object,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  /** Everything a checkout could have changed, to compare before and after a refusal. */
  const snapshot = async () => {
    const q = h.t.ctx.db;
    const [reserved] = await q.query<{ n: number }>(
      'select coalesce(sum(reserved), 0)::integer as n from stock_levels',
    );
    const [slots] = await q.query<{ n: number }>(
      'select coalesce(sum(orders), 0)::integer as n from pickup_slot_load',
    );
    const [orders] = await q.query<{ n: number }>('select count(*)::integer as n from orders');
    const [payments] = await q.query<{ n: number }>('select count(*)::integer as n from payments');
    const [messages] = await q.query<{ n: number }>(
      `select count(*)::integer as n from outgoing_messages where status <> 'cancelled'`,
    );
    return {
      reserved: reserved!.n,
      slotOrders: slots!.n,
      orders: orders!.n,
      payments: payments!.n,
      messages: messages!.n,
    };
  };

  const reservedAt = async (skuId: string, locationCode: string) =>
    (
      await h.t.ctx.db.query<{ n: number }>(
        'select coalesce(sum(reserved), 0)::integer as n from stock_levels where sku_id = $1 and location_id = $2',
        [skuId, h.loc[locationCode]],
      )
    )[0]!.n;

  const messagesOf = (orderId: string) =>
    h.t.ctx.db.query<{ channel: string; template: string; status: string; sendAfter: Date; to: string }>(
      `select channel, template, status, send_after as "sendAfter", "to" from outgoing_messages
        where order_id = $1 order by created_at, channel`,
      [orderId],
    );

  const eventsFor = async (aggregateId: string) =>
    (
      await h.t.ctx.db.query<{ type: string }>(
        'select type from outbox_events where aggregate_id = $1 order by id',
        [aggregateId],
      )
    ).map((e) => e.type);

  return { h, checkoutId, firstSlot, pickupBody, checkout, snapshot, reservedAt, messagesOf, eventsFor };
}
