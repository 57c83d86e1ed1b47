// Promotions at the register against the server: the register prices a basket with its cached
// rules and the POS's own code (apps/pos/src/promotions) and gets what `POST /api/promotions/price`
// gives for the same basket, to the öre; the sale is booked with its discounts by rule, the coupon
// counted once however often the sale is sent; what does not add up is refused naming the field.
import type { ActivePromotions, RegisterCatalogItem, RegisterSetup } from '@handla/api';
import type { PromotionRule, SaleLineDraft } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceApi } from '../../../../pos/src/device-api';
import type { QueuedCommand } from '../../../../pos/src/offline/db';
import { createQueueSender } from '../../../../pos/src/offline/sync';
import { sendBatch } from '../../../../pos/src/offline/useSync';
import { withPromotions } from '../../../../pos/src/promotions/cart-promotions';
import { type Cart, cartReducer, emptyCart } from '../../../../pos/src/sale/cart';
import { draftOf, previewReceipt } from '../../../../pos/src/sale/draft';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import {
  demoRegister,
  demoStaffIds,
  expectProblem,
  pairTestDevice,
  send,
  simulatorFor,
  type TestDevice,
} from './register.testing';
import type { SimulatedRegister } from './simulated-register.testing';

let t: TestApp;
let owner: { cookie: string };
let device: TestDevice;
let setup: RegisterSetup;
let sim: SimulatedRegister;
let cashierId: string;
let rules: PromotionRule[];
let memberId: string;

const ruleNamed = (name: string) => rules.find((r) => r.name === name)!;
const commandsUrl = () => `/api/registers/${device.registerId}/commands`;
const sendOne = (command: unknown) => send(t, device.headers, 'POST', commandsUrl(), { commands: [command] });

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await t.ctx.db.query<{ n: number }>(sql, params);
  return row!.n;
}

const couponUses = (code: string) =>
  count('select redemption_count as n from promotion_coupons where code = $1', [code]);

/** The basket of the end-to-end case: "3 för 2" t-shirts and a member's Fjällull sweater. */
function basket(): { cart: Cart; tee: RegisterCatalogItem; wool: RegisterCatalogItem } {
  const teeRule = ruleNamed('3 för 2 på t-shirts');
  const teeCategory = teeRule.effect.type === 'x_for_y' ? teeRule.effect.target.ids[0]! : '';
  const tee = setup.catalog.items.find(
    (i) => i.categoryIds?.includes(teeCategory) && i.unitPriceInclVat > 0,
  )!;
  const wool = setup.catalog.items.find((i) => i.brand === 'Fjällull' && i.unitPriceInclVat > 0)!;
  let cart = emptyCart('cart_1');
  for (const [i, item] of [tee, tee, tee, wool].entries()) {
    cart = cartReducer(cart, { type: 'add', item, lineId: `ln_${i}` });
  }
  cart = cartReducer(cart, {
    type: 'customer',
    customer: { id: memberId, name: 'Medlem', isMember: true, groups: [] },
  });
  return { cart, tee, wool };
}

const place = () => ({ at: new Date().toISOString(), storeId: setup.register.storeId, currency: 'SEK' });

async function checkCouponAtRegister(code: string) {
  return send(t, device.headers, 'GET', `/api/registers/${device.registerId}/coupons/${code}`);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = { cookie: await signIn(t.app, 'owner') };
  const register = await demoRegister(t, 'STHLM');
  device = await pairTestDevice(t, register.id, owner.cookie);
  setup = (await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)).json();
  sim = await simulatorFor(device, setup);
  cashierId = demoStaffIds(setup).cashierId;
  const active = await t.app.inject({ method: 'GET', url: '/api/promotions/active' });
  rules = (active.json() as ActivePromotions).rules as PromotionRule[];
  const [member] = await t.ctx.db.query<{ id: string }>(
    'select id from customers where card_number is not null order by id limit 1',
  );
  memberId = member!.id;
});

afterAll(() => t?.close());

describe('promotions at the register', () => {
  it('caches the rules by ETag and gets the catalog facts rules match on with its setup', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/promotions/active' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/promotions/active',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const { tee, wool } = basket();
    expect(tee.categoryIds!.length).toBeGreaterThanOrEqual(2); // the category and its parent
    expect(wool.brand).toBe('Fjällull');
  });

  it('prices a basket exactly as POST /api/promotions/price does, line by line and per VAT rate', async () => {
    const checked = await checkCouponAtRegister('sommar26');
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ code: 'SOMMAR26', isShared: true });
    const { cart: bare } = basket();
    const cart = withPromotions(
      cartReducer(bare, { type: 'coupon', coupon: checked.json() }),
      rules,
      place(),
    );
    const receipt = previewReceipt(cart, 'SEK', false, 'cashier');

    const server = await t.app.inject({
      method: 'POST',
      url: '/api/promotions/price',
      payload: {
        lines: cart.lines.map((l) => ({ lineId: l.lineId, skuId: l.skuId, quantity: l.quantity })),
        channel: 'store',
        storeId: setup.register.storeId,
        coupon: 'SOMMAR26',
        isMember: true,
      },
    });
    expect(server.statusCode, server.body).toBe(200);
    const priced = server.json();
    expect(priced.discounts.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining([
        '3 för 2 på t-shirts',
        'Medlemspris Fjällull −15 %',
        'Sommarkupong: 50 kr på 500 kr',
      ]),
    );
    expect(receipt.total).toBe(priced.total);
    expect(receipt.discountTotal).toBe(priced.discountTotal);
    expect(receipt.vat.byRate).toEqual(priced.vat.byRate);
    for (const line of cart.lines) {
      const theirs = priced.lines.find((l: { lineId: string }) => l.lineId === line.lineId);
      expect(line.promotionDiscounts).toEqual(
        theirs.discounts.map((d: { ruleId: string; name: string; amount: number }) => ({
          ruleId: d.ruleId,
          name: d.name,
          amount: d.amount,
        })),
      );
    }
    expect(cart.appliedCouponCodes).toEqual(priced.appliedCouponCodes);
  });

  it('books the sale with its discounts by rule and counts the coupon once, however often it is sent', async () => {
    const coupon = (await checkCouponAtRegister('SOMMAR26')).json();
    const cart = withPromotions(cartReducer(basket().cart, { type: 'coupon', coupon }), rules, place());
    const draft = draftOf(cart, 'SEK', false, []);
    const usesBefore = await couponUses('SOMMAR26');
    const command = await sim.receipt({
      cashierId,
      lines: [...draft.lines],
      customerId: memberId,
      couponCodes: draft.couponCodes,
    });
    const first = await sendOne(command);
    expect(first.statusCode, first.body).toBe(200);
    const receiptId = first.json().results[0].receiptId as string;
    // Sent again (the answer was lost): the same result, nothing counted twice.
    const again = await sendOne(command);
    expect(again.json().results[0]).toMatchObject({ receiptId, isRepeat: true });
    expect(await couponUses('SOMMAR26')).toBe(usesBefore + 1);
    expect(
      await count('select count(*)::integer as n from promotion_coupon_redemptions where reference = $1', [
        receiptId,
      ]),
    ).toBe(1);

    const stored = await t.ctx.db.query<{ lineNo: number; name: string; amount: number }>(
      `select line_no as "lineNo", name, amount_incl_vat as amount from receipt_line_promotions
        where receipt_id = $1 order by line_no, name`,
      [receiptId],
    );
    const sent = draft.lines.flatMap((l, i) =>
      (l.promotionDiscounts ?? []).map((d) => ({ lineNo: i + 1, name: d.name, amount: d.amount })),
    );
    expect(stored).toEqual(sent.sort((a, b) => a.lineNo - b.lineNo || a.name.localeCompare(b.name)));
    const lineDiscounts = await t.ctx.db.query<{ discount: number }>(
      'select discount_incl_vat as discount from receipt_lines where receipt_id = $1 order by line_no',
      [receiptId],
    );
    const computed = (
      command as {
        journalEntry: { payload: { receipt: { lines: { amountInclVat: number; grossAmount: number }[] } } };
      }
    ).journalEntry.payload.receipt;
    expect(lineDiscounts.map((l) => l.discount)).toEqual(
      computed.lines.map((l) => l.grossAmount - l.amountInclVat),
    );

    // The receipt prints each discount by name, on paper and in the e-mail receipt.
    const detail = await send(t, device.headers, 'GET', `/api/receipts/${receiptId}`);
    expect(JSON.stringify(detail.json().document)).toContain('3 för 2 på t-shirts');
    const html = await send(t, device.headers, 'GET', `/api/receipts/${receiptId}/receipt.html`);
    expect(html.body).toContain('Medlemspris Fjällull');
    // The X report's discounts include the promotions.
    const x = (await send(t, owner, 'GET', `/api/registers/${device.registerId}/reports/x`)).json();
    expect(x.discounts.amount).toBeGreaterThanOrEqual(sent.reduce((s, d) => s + d.amount, 0));
  });

  it('syncs an offline queue of promoted sales exactly once, also when the first answer is lost', async () => {
    const coupon = (await checkCouponAtRegister('SOMMAR26')).json();
    const usesBefore = await couponUses('SOMMAR26');
    const receiptsBefore = await count('select count(*)::integer as n from receipts', []);
    const queue: QueuedCommand[] = [];
    for (let i = 0; i < 3; i++) {
      const cart = withPromotions(cartReducer(basket().cart, { type: 'coupon', coupon }), rules, place());
      const draft = draftOf(cart, 'SEK', false, []);
      const command = await sim.receipt({
        cashierId,
        lines: [...draft.lines],
        couponCodes: draft.couponCodes,
      });
      queue.push({
        sequence: i + 1,
        commandId: command.commandId,
        command,
        queuedAt: new Date().toISOString(),
      });
    }
    let posts = 0;
    // The register's own sender over the real endpoint; the first answer never reaches the device.
    const api = {
      sendCommands: async (commands: unknown[]) => {
        posts += 1;
        const response = await send(t, device.headers, 'POST', commandsUrl(), { commands });
        expect(response.statusCode, response.body).toBe(200);
        if (posts === 1) throw new TypeError('Failed to fetch');
        return response.json();
      },
    } as unknown as DeviceApi;
    const sendQueued = createQueueSender(
      {
        list: async () => [...queue],
        remove: async (sequence) => {
          queue.splice(
            queue.findIndex((q) => q.sequence === sequence),
            1,
          );
        },
        reject: async () => {},
      },
      (batch) => sendBatch(api, batch),
    );
    expect((await sendQueued()).stoppedBy?.kind).toBe('network');
    expect(queue).toHaveLength(3);
    expect((await sendQueued()).sent).toBe(3);
    expect(queue).toHaveLength(0);
    expect(await count('select count(*)::integer as n from receipts', [])).toBe(receiptsBefore + 3);
    expect(await couponUses('SOMMAR26')).toBe(usesBefore + 3);
  });

  it('books an offline sale whose shared code was used up meanwhile, recording the use as not counted', async () => {
    const created = await send(t, owner, 'POST', '/api/promotions', {
      name: 'Butikskupong 20 kr',
      effect: { type: 'amount_off', target: { kind: 'all', ids: [] }, amount: 2_000 },
      requiresCoupon: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const ruleId = created.json().id as string;
    const code = await send(t, owner, 'POST', `/api/promotions/${ruleId}/coupons`, {
      kind: 'shared',
      code: 'BUTIK20',
      maxRedemptions: 2,
    });
    expect(code.statusCode, code.body).toBe(201);
    const rule: PromotionRule = { ...created.json() };
    // The register checked the code while online (shared: it may be taken offline) …
    const checked = await checkCouponAtRegister('BUTIK20');
    expect(checked.json()).toMatchObject({ ruleId, isShared: true, remaining: 2 });
    const offlineCart = withPromotions(
      cartReducer(basket().cart, { type: 'coupon', coupon: checked.json() }),
      [rule],
      place(),
    );
    const draft = draftOf(offlineCart, 'SEK', false, []);
    expect(draft.couponCodes).toEqual(['BUTIK20']);
    const command = await sim.receipt({ cashierId, lines: [...draft.lines], couponCodes: draft.couponCodes });
    // … and while it was offline the web shop used the code up.
    for (const reference of ['ord_a', 'ord_b']) {
      const used = await send(t, owner, 'POST', '/api/promotions/coupons/redeem', {
        coupon: 'BUTIK20',
        reference,
      });
      expect(used.statusCode, used.body).toBe(200);
    }
    expect((await checkCouponAtRegister('BUTIK20')).statusCode).toBe(409);

    const synced = await sendOne(command);
    expect(synced.statusCode, synced.body).toBe(200);
    const receiptId = synced.json().results[0].receiptId as string;
    const [row] = await t.ctx.db.query<{ status: string; reason: string }>(
      'select status, reason from receipt_coupons where receipt_id = $1',
      [receiptId],
    );
    expect(row).toEqual({ status: 'not_counted', reason: 'coupon_limit_reached' });
    expect(await couponUses('BUTIK20')).toBe(2);
    expect(
      await count(
        `select count(*)::integer as n from outbox_events where type = 'sale.coupon_not_counted' and aggregate_id = $1`,
        [receiptId],
      ),
    ).toBe(1);
  });

  it('checks a coupon for the register: unknown 400 naming the code, single-use codes not shared', async () => {
    expectProblem(await checkCouponAtRegister('FINNS-INTE'), 400, 'validation_failed', 'code');
    const rule = ruleNamed('Sommarkupong: 50 kr på 500 kr');
    const batch = await send(t, owner, 'POST', `/api/promotions/${rule.id}/coupons`, {
      kind: 'single_use',
      count: 1,
      prefix: 'EN',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const code = batch.json().coupons[0].code as string;
    const checked = await checkCouponAtRegister(code.toLowerCase());
    expect(checked.json()).toEqual({ code, ruleId: rule.id, isShared: false, remaining: 1 });
    // Another register's device may not ask through this one.
    const other = await send(t, device.headers, 'GET', `/api/registers/reg_nope/coupons/${code}`);
    expect(other.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuses promotion discounts that do not add up or name no rule, naming the field, booking nothing', async () => {
    const cart = withPromotions(basket().cart, rules, place());
    const draft = draftOf(cart, 'SEK', false, []);
    const teeLine = draft.lines[0]!;
    const before = sim.head;
    const receiptsBefore = await count('select count(*)::integer as n from receipts', []);
    const cases: [SaleLineDraft[], number, string][] = [
      [
        [{ ...teeLine, promotionDiscounts: [{ ruleId: 'prm_nope', name: 'Påhittad', amount: 100 }] }],
        400,
        'commands.0.draft.lines[0].promotionDiscounts[0].ruleId',
      ],
      [
        [
          {
            ...teeLine,
            promotionDiscounts: [
              { ruleId: ruleNamed('Sommarkupong: 50 kr på 500 kr').id, name: 'Sommarkupong', amount: 100 },
            ],
          },
        ],
        400,
        'commands.0.draft.lines[0].promotionDiscounts[0].ruleId',
      ],
    ];
    for (const [lines, status, field] of cases) {
      sim = await simulatorFor(device, setup, before);
      const response = await sendOne(await sim.receipt({ cashierId, lines }));
      expectProblem(response, status, 'validation_failed', field);
    }
    // A discount larger than its line: the core refuses it before anything is signed or sent.
    await expect(
      sim.receipt({
        cashierId,
        lines: [
          {
            ...teeLine,
            promotionDiscounts: [
              { ruleId: 'r', name: 'R', amount: teeLine.quantity * teeLine.unitPriceInclVat + 1 },
            ],
          },
        ],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await count('select count(*)::integer as n from receipts', [])).toBe(receiptsBefore);
    sim = await simulatorFor(device, setup, before);
  });
});
