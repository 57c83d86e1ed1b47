// Orders, customers and daily sales to a simulated ERP that misbehaves (see erp.simulated-erp.testing.ts:
// the ERP is a paid third party we cannot reach, so a local server plays its documented protocol):
// it fails first attempts, times out (taking the message anyway), is down for a while, and once
// answers a conflicting number. Every version must reach it, in order per entity, each entity's
// number stored once, the day's figures equal to the receipts to the öre, and the conflict a dead
// letter. On PostgreSQL the jobs also run concurrently.
import type { Customer } from '@handla/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testing/test-app';
import { dismissDeadLetter } from '../connectors/dead-letters';
import { queueDueDailySales } from './erp.daily-sales';
import { fanOutToErp } from './erp.fanout';
import { claimDueMessages, lockClaim } from './erp.messages.store';
import { type RegisterDay, sellAtTheRegister } from './erp.register-sales.testing';
import type { DailySalesDocument } from './erp.rules';
import { sendDueErpMessages } from './erp.send';
import type { Fault } from './erp.simulated-erp.testing';
import { TEST_TIMEOUT_MS, useErp } from './erp.testing';

const harness = useErp();
const { h, api, connect, placeOrder, runJobs, syncUntilQuiet, openMessages } = harness;

interface MessageRow {
  id: string;
  messageId: string;
  entityKind: string;
  entityId: string;
  version: number;
  status: string;
  erpNumber: string | null;
}
const messageRows = () =>
  h.t.ctx.db.query<MessageRow>(
    `select id, message_id as "messageId", entity_kind as "entityKind", entity_id as "entityId", version, status,
            erp_number as "erpNumber" from erp_messages order by seq`,
  );
const referenceRows = () =>
  h.t.ctx.db.query<{ entityKind: string; entityId: string; erpNumber: string; lastSentVersion: number }>(
    `select entity_kind as "entityKind", entity_id as "entityId", erp_number as "erpNumber",
            last_sent_version as "lastSentVersion" from erp_references`,
  );

const attempts = new Map<string, number>();
let conflictOrderId = '';
/** The ERP's misbehaviour: first attempts fail (orders, days) or time out (customers); one conflict. */
const misbehave = (m: { entity: string; id: string; version: number; messageId: string }): Fault => {
  const attempt = (attempts.get(m.messageId) ?? 0) + 1;
  attempts.set(m.messageId, attempt);
  if (m.id === conflictOrderId && m.version === 2) return 'conflict';
  if (attempt > 1) return 'ok';
  return m.entity === 'customer' ? 'timeout' : 'fail';
};

const createCustomer = async (name: string, email: string): Promise<Customer> => {
  const response = await api('POST', '/api/customers', { name, email });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};
const payment = async (paymentId: string, path: 'captures' | 'refunds', amount: number) => {
  const response = await h.t.app.inject({
    method: 'POST',
    url: `/api/payments/${paymentId}/${path}`,
    payload: { amount },
    headers: { cookie: h.manager, 'idempotency-key': `erp-${paymentId}-${path}-${amount}` },
  });
  expect(response.statusCode, response.body).toBe(200);
};

/** Each entity's versions in the order they reached the ERP (repeats included). */
const arrivalsByEntity = () => {
  const byEntity = new Map<string, number[]>();
  for (const m of harness.erp.taken) {
    const key = `${m.entity}:${m.id}`;
    byEntity.set(key, [...(byEntity.get(key) ?? []), m.version]);
  }
  return byEntity;
};

describe('orders, customers and daily sales to a misbehaving ERP', () => {
  let x: RegisterDay;
  const ids = { orders: [] as string[], customers: [] as string[] };
  let capturedNet = 0;

  beforeAll(async () => {
    await connect();
    harness.erp.fault = misbehave;
    x = await sellAtTheRegister(h, api);

    // Round 1: orders placed and customers created; the ERP fails or times out on every first try.
    const orders = [await placeOrder(0), await placeOrder(1), await placeOrder(2), await placeOrder(3)];
    ids.orders = orders.map((o) => o.id);
    conflictOrderId = orders[3]!.id;
    const [c1, c2, c3] = [
      await createCustomer('Bo Berg', 'bo@example.se'),
      await createCustomer('Cecilia Ek', 'cecilia@example.se'),
      await createCustomer('Cecilia Ek', 'cecilia.ek@example.se'),
    ];
    ids.customers = [c1!.id, c2!.id, c3!.id];
    await runJobs();

    // Round 2: the same entities change while their first messages wait to be retried.
    const [o1, o2, , o4] = orders;
    await payment(o1!.payment.id, 'captures', o1!.totals.total.amount);
    await payment(o4!.payment.id, 'captures', o4!.totals.total.amount);
    capturedNet = o1!.totals.total.amount + o4!.totals.total.amount;
    expect(
      (await api('POST', `/api/orders/${o2!.id}/cancel`, { reason: 'Kunden ångrade sig' })).statusCode,
    ).toBe(200);
    expect(
      (await api('PATCH', `/api/customers/${c1!.id}`, { version: c1!.version, phone: '070-111 22 33' }))
        .statusCode,
    ).toBe(200);
    expect((await api('POST', `/api/customers/${c2!.id}/merge`, { intoId: c3!.id })).statusCode).toBe(200);
    expect((await api('POST', `/api/customers/${c3!.id}/erase`)).statusCode).toBe(200);
    await runJobs();

    // The ERP is down for two rounds, then everything is synced with the clock moving on.
    await harness.erp.down();
    await syncUntilQuiet(2);
    await harness.erp.up();
    await syncUntilQuiet();

    // A refund after the conflict: it must wait behind the dead letter, not overtake it.
    await payment(o4!.payment.id, 'refunds', 1_000);
    capturedNet -= 1_000;
    await syncUntilQuiet(3);

    // 02:30 in Stockholm on 2 December: 1 December is over and due.
    h.now = new Date('2026-12-02T01:30:00Z');
    // Sessions expire as the clock moves on: sign in again.
    h.manager = await signIn(h.t.app, 'manager');
    expect(await queueDueDailySales(h.t.ctx, h.now)).toBeGreaterThanOrEqual(2);
    expect(await queueDueDailySales(h.t.ctx, h.now)).toBe(0);
    await syncUntilQuiet();
  }, 120_000);

  it('got every version of every order and customer, with a valid signature', async () => {
    const rows = await messageRows();
    const taken = new Set(harness.erp.taken.map((m) => m.messageId));
    const expectedOpen = rows.filter((r) => r.entityId === conflictOrderId && r.version >= 2);
    for (const row of rows) {
      if (expectedOpen.includes(row)) continue;
      expect(row.status, `${row.entityKind} ${row.entityId} v${row.version}`).toBe('sent');
      expect(taken.has(row.messageId)).toBe(true);
    }
    for (const id of ids.orders) expect(rows.some((r) => r.entityId === id)).toBe(true);
    for (const id of ids.customers) expect(rows.some((r) => r.entityId === id)).toBe(true);
    // The cancellation and the erasure made new versions with what changed.
    const latest = (id: string) => harness.erp.taken.filter((m) => m.id === id).at(-1)!.body;
    expect((latest(ids.orders[1]!).order as { status: string }).status).toBe('cancelled');
    const erased = latest(ids.customers[2]!).customer as Customer;
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.email).toBeNull();
    const merged = latest(ids.customers[1]!).customer as Customer;
    expect(merged.mergedIntoId).toBe(ids.customers[2]);
    expect(harness.erp.badSignatures).toBe(0);
  });

  it('sent each entity in order: no version overtook an earlier one, even across retries', () => {
    for (const [entity, versions] of arrivalsByEntity()) {
      const sorted = [...versions].sort((a, b) => a - b);
      expect(versions, entity).toEqual(sorted);
      expect(new Set(versions).size, entity).toBe(Math.max(...versions));
    }
  });

  it('stored each entity’s number once, as the ERP gave it, also when the ERP answered a repeat', async () => {
    const references = await referenceRows();
    const rows = await messageRows();
    for (const ref of references) {
      expect(harness.erp.numbers.get(`${ref.entityKind}:${ref.entityId}`)).toBe(ref.erpNumber);
      const sent = rows.filter((r) => r.entityId === ref.entityId && r.status === 'sent');
      expect(sent.every((r) => r.erpNumber === ref.erpNumber)).toBe(true);
      expect(ref.lastSentVersion).toBe(Math.max(...sent.map((r) => r.version)));
    }
    expect(new Set(references.map((r) => `${r.entityKind}:${r.entityId}`)).size).toBe(references.length);
    // Timed-out customer messages were taken twice with the same messageId and answered alike.
    const repeats = harness.erp.taken.filter(
      (m, i, all) => all.findIndex((n) => n.messageId === m.messageId) !== i,
    );
    expect(repeats.length).toBeGreaterThan(0);
    for (const repeat of repeats) {
      expect(harness.erp.taken.find((m) => m.messageId === repeat.messageId)!.answered).toBe(repeat.answered);
    }
    // The ERP's number is on the order in the reference lookup.
    const found = (await api('GET', `/api/erp/references?kind=order&id=${ids.orders[0]}`)).json().items;
    expect(found[0].erpNumber).toBe(harness.erp.numbers.get(`order:${ids.orders[0]}`));
    // …and on the order in the back office.
    const adminOrder = await api('GET', `/api/admin/orders/${ids.orders[0]}`);
    expect(adminOrder.statusCode, adminOrder.body).toBe(200);
    expect(adminOrder.json().erpNumber).toBe(found[0].erpNumber);
    const timeline = (await api('GET', `/api/admin/orders/${ids.orders[0]}/timeline`)).json().items;
    const erpEntries = timeline.filter((e: { type: string }) => e.type === 'erp.order');
    expect(erpEntries.map((e: { outcome: string }) => e.outcome)).toEqual(['sent', 'sent']);
    expect(erpEntries[0].summary).toContain(found[0].erpNumber);
  });

  it('sent the store’s day with the receipts’ figures to the öre, and the web shop’s captures', () => {
    const days = harness.erp.taken.filter((m) => m.entity === 'daily_sales');
    const store = days.find((m) => m.id.endsWith(':2026-12-01') && !m.id.startsWith('web:'))!;
    const doc = store.body.dailySales as DailySalesDocument;
    expect(doc.channel).toBe('register');
    expect(
      doc.salesByRate.map(({ vatRateBp, grossAmount, vatAmount }) => ({ vatRateBp, grossAmount, vatAmount })),
    ).toEqual(
      [...x.vatByRate]
        .sort((a, b) => b.vatRateBp - a.vatRateBp)
        .map(({ vatRateBp, grossAmount, vatAmount }) => ({ vatRateBp, grossAmount, vatAmount })),
    );
    const paid = (...methods: string[]) =>
      x.payments.filter((p) => methods.includes(p.method)).reduce((sum, p) => sum + p.amount, 0);
    expect(doc.payments).toEqual(
      [
        { method: 'card', amount: paid('card_standalone', 'card_terminal') },
        { method: 'cash', amount: paid('cash') },
      ].filter((p) => p.amount !== 0),
    );
    expect(doc.rounding).toBe(x.rounding);
    expect(doc.totalPayments).toBe(doc.totalSalesInclVat + doc.rounding + doc.giftCardsSold);

    const web = days.find((m) => m.id === 'web:2026-12-01')!.body.dailySales as DailySalesDocument;
    expect(web.totalPayments).toBe(capturedNet);
    expect(web.totalSalesInclVat).toBe(capturedNet);
  });

  it('made the conflicting number a dead letter, kept the first number, and held the later version back', async () => {
    const rows = (await messageRows()).filter((r) => r.entityId === conflictOrderId);
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'sent'],
      [2, 'failed'],
      [3, 'pending'],
    ]);
    const [reference] = await h.t.ctx.db.query<{ erpNumber: string }>(
      `select erp_number as "erpNumber" from erp_references where entity_id = $1`,
      [conflictOrderId],
    );
    expect(reference!.erpNumber).toBe(rows[0]!.erpNumber);
    expect(harness.erp.taken.some((m) => m.id === conflictOrderId && m.version === 3)).toBe(false);
    const [letter] = await h.t.ctx.db.query<{ id: string; field: string; status: string; orderId: string }>(
      `select id, field, status, order_id as "orderId" from dead_letters where kind = 'erp.outbound' and reference = $1`,
      [rows[1]!.id],
    );
    expect(letter).toMatchObject({ field: 'number', status: 'open', orderId: conflictOrderId });

    // Retried from the ERP page: the ERP insists, so it stays failed.
    const retried = await api('POST', `/api/erp/messages/${rows[1]!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'failed', erpNumber: `${rows[0]!.erpNumber}-OTHER` });

    // A person dismisses it (fixed in the ERP by hand): version 3 goes, carrying our stored number.
    const [manager] = await h.t.ctx.db.query<{ id: string }>(
      `select id from staff_users where role = 'manager' limit 1`,
    );
    await dismissDeadLetter(h.t.ctx, letter!.id, manager!.id, 'Rättat i affärssystemet');
    await syncUntilQuiet();
    const v3 = harness.erp.taken.find((m) => m.id === conflictOrderId && m.version === 3)!;
    expect(v3.erpNumber).toBe(rows[0]!.erpNumber);
    expect(v3.answered).toBe(rows[0]!.erpNumber);
    expect(await openMessages()).toBe(0);
  });
});

describe('jobs running at once (several processes on PostgreSQL)', () => {
  it('never sends a message twice nor stores two numbers for one entity', async () => {
    harness.erp.fault = () => 'ok';
    const before = harness.erp.taken.length;
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await placeOrder(i));
    await Promise.all([1, 2, 3].map(() => fanOutToErp(h.t.ctx, h.t.ctx.clock())));
    for (let round = 0; round < 10 && (await openMessages()) > 0; round++) {
      await Promise.all(
        [1, 2, 3, 4].map(() => sendDueErpMessages(h.t.ctx, { timeoutMs: TEST_TIMEOUT_MS * 10 })),
      );
    }
    expect(await openMessages()).toBe(0);
    const taken = harness.erp.taken.slice(before);
    const messageIds = taken.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    for (const order of orders) {
      expect(taken.filter((m) => m.id === order.id).map((m) => m.version)).toEqual([1]);
    }
    const references = await referenceRows();
    for (const order of orders) {
      const mine = references.filter((r) => r.entityId === order.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.erpNumber).toBe(harness.erp.numbers.get(`order:${order.id}`));
    }
  });

  it('takes over the claim of a sender that died: the message goes once more, the late outcome is ignored', async () => {
    const order = await placeOrder(5);
    await fanOutToErp(h.t.ctx, h.t.ctx.clock());
    const claims = await h.t.ctx.db.transaction((tx) => claimDueMessages(tx, h.t.ctx.clock(), 50, 60_000));
    const claimed = claims.find((m) => m.entityId === order.id);
    expect(claimed).toBeDefined();
    // The process dies here. Within its lease nobody else sends the message…
    expect(await sendDueErpMessages(h.t.ctx, { timeoutMs: TEST_TIMEOUT_MS * 10 })).toBe(0);
    // …after it, another process does, and the dead claim could no longer record anything.
    h.now = new Date(h.now.getTime() + 61_000);
    expect(await sendDueErpMessages(h.t.ctx, { timeoutMs: TEST_TIMEOUT_MS * 10 })).toBe(claims.length);
    expect(await h.t.ctx.db.transaction((tx) => lockClaim(tx, claimed!.id, claimed!.attempts))).toBe(false);
    const [row] = await messageRows().then((rows) => rows.filter((r) => r.id === claimed!.id));
    expect(row).toMatchObject({ status: 'sent', erpNumber: harness.erp.numbers.get(`order:${order.id}`) });
  });
});
