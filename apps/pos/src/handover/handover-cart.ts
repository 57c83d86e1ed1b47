// From a looked-up web order to what the register does with it: the sale cart for a pay-in-store
// order (its lines at the order's prices, plus add-ons), a cart of add-ons only, and the lines a
// collected order can still give back.
import type { AddOnSuggestion, HandoverView, Order, OrderLine, RegisterCatalogItem } from '@handla/api';
import { type Cart, type CartLine, cartReducer, emptyCart } from '../sale/cart';

/** Lines the shopper takes home now: not removed, replaced by a substitute, or sent home. */
export function collectableLines(order: Order): OrderLine[] {
  return order.lines.filter((line) => line.state === 'open' || line.state === 'picked');
}

/** A removed or substituted line, shown struck through with the note. */
export function isStruckThrough(line: OrderLine): boolean {
  return line.state === 'removed' || line.state === 'substituted';
}

/** "Hoodie Röd / M": the order line's product and variant as the receipt names it. */
function orderCartLine(line: OrderLine, lineId: string, warrantyText: string | null): CartLine {
  return {
    lineId,
    skuId: line.skuId,
    sku: line.sku,
    name: { sv: line.productName, en: line.productName },
    optionsText: line.variantName ?? '',
    quantity: line.quantity,
    unitPriceInclVat: line.unitPrice.amount,
    vatRateBp: line.vatRateBp,
    warrantyText,
    discount: null,
    orderLineId: line.id,
    // The promotions the web checkout gave the line: the shopper pays what the order promised.
    ...(line.discounts && line.discounts.length > 0
      ? {
          promotionDiscounts: line.discounts.map((d) => ({
            ruleId: d.ruleId,
            name: d.name,
            amount: d.amount.amount,
          })),
        }
      : {}),
  };
}

function withAddOns(cart: Cart, addOns: readonly RegisterCatalogItem[], newLineId: () => string): Cart {
  return addOns.reduce((next, item) => cartReducer(next, { type: 'add', item, lineId: newLineId() }), cart);
}

/**
 * The sale for a pay-in-store order: a line per collectable order line at the order's unit price
 * (what the shopper was promised), carrying `orderLineId`, then the chosen add-ons at the store's
 * price. `catalog` gives the register's warranty texts for the order's SKUs where it has them.
 */
export function webOrderCart(
  order: Order,
  addOns: readonly RegisterCatalogItem[],
  ids: { cartId: string; newLineId: () => string },
  catalog: ReadonlyMap<string, RegisterCatalogItem> = new Map(),
): Cart {
  const lines = collectableLines(order).map((line) =>
    orderCartLine(line, ids.newLineId(), catalog.get(line.skuId)?.warrantyText ?? null),
  );
  const cart: Cart = {
    ...emptyCart(ids.cartId),
    lines,
    selectedLineId: null,
    webOrder: { id: order.id, number: order.number },
  };
  return withAddOns(cart, addOns, ids.newLineId);
}

/** Add-ons bought with a prepaid order: an ordinary sale (the order is handed over on its own). */
export function addOnCart(
  addOns: readonly RegisterCatalogItem[],
  ids: { cartId: string; newLineId: () => string },
): Cart {
  return withAddOns(emptyCart(ids.cartId), addOns, ids.newLineId);
}

/**
 * A suggestion as a sellable item, for when the register's cached catalog does not have the SKU
 * (a product added since the last setup fetch); the cached item is preferred because it carries
 * the warranty text and the price the register's setup was given.
 */
export function catalogItemOfSuggestion(suggestion: AddOnSuggestion): RegisterCatalogItem {
  return {
    skuId: suggestion.skuId,
    sku: suggestion.sku,
    ean: null,
    productId: '',
    name: { sv: suggestion.name, en: suggestion.name },
    options: {},
    unitPriceInclVat: suggestion.unitPrice.amount,
    regularUnitPriceInclVat: suggestion.unitPrice.amount,
    campaignId: null,
    vatRateBp: suggestion.vatRateBp,
    taxClass: 'standard',
    warrantyText: null,
    isBundle: false,
  };
}

/** What one line of a collected order can still give back: collected units minus those returned. */
export interface ReturnableOrderLine {
  line: OrderLine;
  returnable: number;
}

export function returnableOrderLines(order: Order): ReturnableOrderLine[] {
  if (order.status !== 'collected') return [];
  return collectableLines(order)
    .map((line) => ({ line, returnable: line.quantity - line.returnedQuantity }))
    .filter((entry) => entry.returnable > 0);
}

/** The return body's lines from the quantities chosen, capped at what each line can give back. */
export function returnLinesOf(
  returnable: readonly ReturnableOrderLine[],
  quantities: Readonly<Record<string, number>>,
): { orderLineId: string; quantity: number }[] {
  return returnable.flatMap(({ line, returnable: max }) => {
    const quantity = Math.min(max, Math.max(0, Math.trunc(quantities[line.id] ?? 0)));
    return quantity > 0 ? [{ orderLineId: line.id, quantity }] : [];
  });
}

/** The refund the chosen lines come to at the prices the shopper paid. */
export function returnAmountOf(
  order: Order,
  lines: readonly { orderLineId: string; quantity: number }[],
): number {
  return lines.reduce((sum, chosen) => {
    const line = order.lines.find((l) => l.id === chosen.orderLineId);
    return sum + (line ? line.unitPrice.amount * chosen.quantity : 0);
  }, 0);
}

/** Why the order cannot be handed over here now, as a message and its values; null when it can. */
export type BlockedReason =
  | { kind: 'otherStore'; store: string }
  | { kind: 'collected' }
  | { kind: 'cancelled' }
  | { kind: 'notReady'; status: Order['status'] }
  | { kind: 'unpaid'; payment: Order['payment']['status'] }
  | { kind: 'server'; text: string };

/**
 * The reason in the register's own words, read from the order itself in the order the server
 * checks (another store, collected, cancelled, not ready, not paid); the server's sentence when
 * none of those fits.
 */
export function blockedReasonOf(view: HandoverView, storeId: string): BlockedReason | null {
  if (view.handover !== 'none') return null;
  const { order } = view;
  if (order.fulfilment.kind === 'pickup' && order.fulfilment.store.id !== storeId)
    return { kind: 'otherStore', store: order.fulfilment.store.name };
  if (order.status === 'collected') return { kind: 'collected' };
  if (order.status === 'cancelled') return { kind: 'cancelled' };
  if (order.status !== 'ready') return { kind: 'notReady', status: order.status };
  if (order.payment.method !== 'in_store') return { kind: 'unpaid', payment: order.payment.status };
  return view.blockedReason ? { kind: 'server', text: view.blockedReason } : null;
}
