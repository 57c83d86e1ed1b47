import type { HandoverView, Order, OrderLine, RegisterCatalogItem } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { fixtureLine, fixtureOrder } from '../orders/order.fixture';
import { withPromotions } from '../promotions/cart-promotions';
import { cartReducer } from '../sale/cart';
import { draftOf, previewReceipt } from '../sale/draft';
import {
  addOnCart,
  blockedReasonOf,
  catalogItemOfSuggestion,
  collectableLines,
  returnAmountOf,
  returnableOrderLines,
  returnLinesOf,
  webOrderCart,
} from './handover-cart';

const sek = (amount: number) => ({ amount, currency: 'SEK' });

function orderLine(
  id: string,
  skuId: string,
  quantity: number,
  unitPrice: number,
  extra: Partial<OrderLine> = {},
) {
  return fixtureLine({
    id,
    skuId,
    sku: `SKU-${skuId}`,
    productName: `Vara ${skuId}`,
    variantName: null,
    quantity,
    unitPrice: sek(unitPrice),
    lineTotal: sek(quantity * unitPrice),
    state: 'picked',
    pickedQuantity: quantity,
    ...extra,
  });
}

// A ready pickup order paid in store: a hoodie (2 × 399 kr, a campaign price lower than today's), a
// book that was not found (removed), a mug replaced by a cheaper one. 2 × 399 + 79 = 877 kr to pay.
function readyOrder(extra: Partial<Order> = {}): Order {
  return fixtureOrder('1001', {
    id: 'ord_1',
    status: 'ready',
    lines: [
      orderLine('orl_hoodie', 'hoodie', 2, 39_900, { variantName: 'Röd / M' }),
      orderLine('orl_book', 'book', 1, 14_900, { state: 'removed', pickedQuantity: 0, note: 'Slut i lager' }),
      orderLine('orl_mug', 'mug', 1, 9_900, {
        state: 'substituted',
        substitutedBy: 'orl_mug2',
        note: 'Blå i stället',
      }),
      orderLine('orl_mug2', 'mug-blue', 1, 7_900, { substitutesLineId: 'orl_mug' }),
    ],
    payment: {
      id: 'pay_1',
      method: 'in_store',
      status: 'pay_in_store',
      authorized: sek(0),
      captured: sek(0),
      refunded: sek(0),
      action: null,
    },
    amountDue: sek(2 * 39_900 + 7_900),
    ...extra,
  });
}

function catalogItem(skuId: string, price: number, warrantyText: string | null = null): RegisterCatalogItem {
  return {
    skuId,
    sku: `SKU-${skuId}`,
    ean: null,
    productId: `p_${skuId}`,
    name: { sv: `Vara ${skuId}`, en: `Item ${skuId}` },
    options: {},
    unitPriceInclVat: price,
    regularUnitPriceInclVat: price,
    campaignId: null,
    vatRateBp: 2500,
    taxClass: 'standard',
    warrantyText,
    isBundle: false,
  };
}

function ids() {
  let n = 0;
  return { cartId: 'cart_1', newLineId: () => `ln_${++n}` };
}

describe('ringing up a pay-in-store web order', () => {
  it('puts each collectable line in the cart at the order’s price, so the sale totals the amount due', () => {
    // Today's store price of the hoodie is higher than the order's: the order's price holds.
    const catalog = new Map([['hoodie', catalogItem('hoodie', 49_900, '2 års garanti')]]);
    const cart = webOrderCart(readyOrder(), [], ids(), catalog);

    expect(cart.webOrder).toEqual({ id: 'ord_1', number: '1001' });
    expect(cart.lines.map((l) => [l.orderLineId, l.skuId, l.quantity, l.unitPriceInclVat])).toEqual([
      ['orl_hoodie', 'hoodie', 2, 39_900],
      ['orl_mug2', 'mug-blue', 1, 7_900],
    ]);
    expect(cart.lines[0]!.optionsText).toBe('Röd / M');
    expect(cart.lines[0]!.warrantyText).toBe('2 års garanti');
    expect(previewReceipt(cart, 'SEK', false, 'cashier').total).toBe(readyOrder().amountDue.amount);
  });

  it('keeps the discounts the web checkout gave a line, so the shopper pays what the order promised', () => {
    // "3 för 2" at checkout: three mugs at 99 kr, one of them free. Rules at the register change nothing.
    const discounted = orderLine('orl_mugs', 'mug', 3, 9_900, {
      lineTotal: sek(2 * 9_900),
      discounts: [{ ruleId: 'prm_3for2', name: '3 för 2', amount: sek(9_900) }],
    });
    const order = readyOrder({ lines: [discounted], amountDue: sek(2 * 9_900) });
    const cart = withPromotions(webOrderCart(order, [], ids()), [], {
      at: '2026-12-03T12:00:00Z',
      storeId: 'sto_1',
      currency: 'SEK',
    });

    expect(cart.lines[0]!.promotionDiscounts).toEqual([
      { ruleId: 'prm_3for2', name: '3 för 2', amount: 9_900 },
    ]);
    expect(previewReceipt(cart, 'SEK', false, 'cashier').total).toBe(order.amountDue.amount);
  });

  it('adds chosen add-ons at the store price after the order’s lines, without merging into them', () => {
    const cart = webOrderCart(
      readyOrder(),
      [catalogItem('hoodie', 49_900), catalogItem('socks', 5_900)],
      ids(),
    );
    expect(cart.lines.map((l) => [l.skuId, l.quantity, l.unitPriceInclVat, l.orderLineId ?? null])).toEqual([
      ['hoodie', 2, 39_900, 'orl_hoodie'],
      ['mug-blue', 1, 7_900, 'orl_mug2'],
      ['hoodie', 1, 49_900, null],
      ['socks', 1, 5_900, null],
    ]);

    const draft = draftOf(cart, 'SEK', false, []);
    expect(draft.webOrderId).toBe('ord_1');
    expect(draft.lines.map((l) => l.orderLineId ?? null)).toEqual(['orl_hoodie', 'orl_mug2', null, null]);
  });

  it('rings up only lines still to collect: removed, substituted and shipped-home lines stay out', () => {
    const order = readyOrder();
    const shipped = {
      ...order,
      lines: [...order.lines, orderLine('orl_lamp', 'lamp', 1, 59_900, { state: 'shipping' })],
    };
    expect(collectableLines(shipped).map((l) => l.id)).toEqual(['orl_hoodie', 'orl_mug2']);
  });

  it('keeps the order’s lines as they are in the sale: no new quantity, line or receipt discount', () => {
    const cart = webOrderCart(readyOrder(), [catalogItem('socks', 5_900)], ids());
    const [hoodie] = cart.lines;
    expect(cartReducer(cart, { type: 'quantity', lineId: hoodie!.lineId, quantity: 5 })).toBe(cart);
    expect(
      cartReducer(cart, {
        type: 'lineDiscount',
        lineId: hoodie!.lineId,
        discount: { kind: 'percent', value: 1000, reason: 'Stamkund' },
      }),
    ).toBe(cart);
    expect(
      cartReducer(cart, {
        type: 'receiptDiscount',
        discount: { kind: 'amount', value: 1_000, reason: 'Stamkund' },
      }),
    ).toBe(cart);
    // The add-on is an ordinary line: its quantity changes.
    const socks = cart.lines[2]!;
    const more = cartReducer(cart, { type: 'quantity', lineId: socks.lineId, quantity: 2 });
    expect(more.lines[2]!.quantity).toBe(2);
  });

  it('takes the whole order out of the sale when one of its lines is removed, keeping the add-ons', () => {
    const cart = webOrderCart(readyOrder(), [catalogItem('socks', 5_900)], ids());
    const without = cartReducer(cart, { type: 'remove', lineId: cart.lines[1]!.lineId });
    expect(without.webOrder).toBeUndefined();
    expect(without.lines.map((l) => l.skuId)).toEqual(['socks']);
    const draft = draftOf(without, 'SEK', false, []);
    expect(draft.webOrderId).toBeUndefined();
    expect(draft.lines.every((l) => l.orderLineId === undefined)).toBe(true);
  });

  it('sells add-ons of a prepaid order as an ordinary sale, not tied to the order', () => {
    const cart = addOnCart([catalogItem('socks', 5_900), catalogItem('socks', 5_900)], ids());
    expect(cart.webOrder).toBeUndefined();
    expect(cart.lines.map((l) => [l.skuId, l.quantity, l.orderLineId ?? null])).toEqual([['socks', 2, null]]);
  });

  it('turns a suggestion the register’s catalog lacks into an item at the suggested store price', () => {
    const item = catalogItemOfSuggestion({
      skuId: 'socks',
      sku: 'SOCK-1',
      name: 'Strumpor',
      unitPrice: sek(5_900),
      vatRateBp: 2500,
      available: 12,
    });
    const cart = addOnCart([item], ids());
    expect(previewReceipt(cart, 'SEK', false, 'cashier').total).toBe(5_900);
    expect(cart.lines[0]!.name).toEqual({ sv: 'Strumpor', en: 'Strumpor' });
  });
});

describe('returning goods of a collected web order', () => {
  const collected = () =>
    readyOrder({
      status: 'collected',
      collectedAt: '2026-12-03T13:05:00.000Z',
      payment: { ...readyOrder().payment, method: 'card', status: 'captured', captured: sek(87_700) },
      lines: readyOrder().lines.map((l) => (l.id === 'orl_hoodie' ? { ...l, returnedQuantity: 1 } : l)),
    });

  it('offers collected units not yet returned, and nothing of an order not collected', () => {
    expect(returnableOrderLines(collected()).map((r) => [r.line.id, r.returnable])).toEqual([
      ['orl_hoodie', 1],
      ['orl_mug2', 1],
    ]);
    expect(returnableOrderLines(readyOrder())).toEqual([]);
  });

  it('caps each chosen quantity at what the line can give back and refunds the paid price', () => {
    const returnable = returnableOrderLines(collected());
    const lines = returnLinesOf(returnable, { orl_hoodie: 3, orl_mug2: 0, orl_book: 1 });
    expect(lines).toEqual([{ orderLineId: 'orl_hoodie', quantity: 1 }]);
    expect(returnAmountOf(collected(), lines)).toBe(39_900);
    expect(returnLinesOf(returnable, { orl_hoodie: -2 })).toEqual([]);
  });
});

describe('why an order cannot be handed over here', () => {
  const view = (order: Order, handover: HandoverView['handover'] = 'none') => ({
    order,
    handover,
    blockedReason: handover === 'none' ? 'Order 1001 is blocked.' : null,
    suggestions: [],
  });

  it('names the store of another store’s order before anything else', () => {
    expect(blockedReasonOf(view(readyOrder({ status: 'cancelled' })), 'sto_gbg')).toEqual({
      kind: 'otherStore',
      store: 'Demo Butik Stockholm',
    });
  });

  it('reads the order’s state: collected, cancelled, not ready, payment not completed', () => {
    expect(blockedReasonOf(view(readyOrder({ status: 'collected' })), 'sto_sthlm')).toEqual({
      kind: 'collected',
    });
    expect(blockedReasonOf(view(readyOrder({ status: 'cancelled' })), 'sto_sthlm')).toEqual({
      kind: 'cancelled',
    });
    expect(blockedReasonOf(view(readyOrder({ status: 'picking' })), 'sto_sthlm')).toEqual({
      kind: 'notReady',
      status: 'picking',
    });
    const pending = { ...readyOrder().payment, method: 'card' as const, status: 'pending' as const };
    expect(blockedReasonOf(view(readyOrder({ payment: pending })), 'sto_sthlm')).toEqual({
      kind: 'unpaid',
      payment: 'pending',
    });
  });

  it('has nothing to say of an order that can be handed over, and falls back on the server’s words', () => {
    expect(blockedReasonOf(view(readyOrder(), 'pay_in_store'), 'sto_sthlm')).toBeNull();
    expect(blockedReasonOf(view(readyOrder()), 'sto_sthlm')).toEqual({
      kind: 'server',
      text: 'Order 1001 is blocked.',
    });
  });
});
