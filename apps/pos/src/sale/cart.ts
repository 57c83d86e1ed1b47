// The receipt being rung up, as plain data and a reducer: what the cashier has scanned, with
// quantities and discounts. Pricing and VAT are the core's job (computeReceipt), not this file's.
import type { LocalizedText, RegisterCatalogItem } from '@handla/api';
import type { PromotionLineDiscount } from '@handla/core';

/** A manual discount: an amount in öre, or a percentage in basis points (10 % = 1000). */
export interface CartDiscount {
  kind: 'amount' | 'percent';
  value: number;
  reason: string;
}

export interface CartLine {
  lineId: string;
  skuId: string;
  sku: string;
  name: LocalizedText;
  optionsText: string;
  quantity: number;
  unitPriceInclVat: number;
  vatRateBp: number;
  warrantyText: string | null;
  discount: CartDiscount | null;
  /** On a return: the receipt and line this one gives back. */
  originalReceiptId?: string;
  originalLineNo?: number;
  /** A web order's line rung up in store (pay at pickup): handed over, not sold off the shelf. */
  orderLineId?: string;
  /** What promotion rules match on (from the catalog); a line without `productId` takes none. */
  productId?: string;
  categoryIds?: string[];
  brand?: string | null;
  /** Set by the promotion engine on every change (../promotions/cart-promotions.ts), never by hand. */
  promotionDiscounts?: PromotionLineDiscount[];
}

/** A coupon code the cashier entered, checked with the server (or, offline, from the register's cache). */
export interface CartCoupon {
  code: string;
  ruleId: string;
  isShared: boolean;
}

export interface CartCustomer {
  id: string;
  name: string;
  /** Has a loyalty card: member-only promotions apply. */
  isMember?: boolean;
  /** The customer groups customer-group promotions are for. */
  groups?: string[];
}

export interface Cart {
  id: string;
  lines: CartLine[];
  receiptDiscount: CartDiscount | null;
  customer: CartCustomer | null;
  /** The line the cashier last touched: quantity and discount keys act on it. */
  selectedLineId: string | null;
  /** A pickup order paid in store: its lines carry `orderLineId`; add-ons may join them. */
  webOrder?: { id: string; number: string };
  coupons?: CartCoupon[];
  /** The coupons whose rule gave a discount: redeemed with the receipt (set by the engine). */
  appliedCouponCodes?: string[];
}

export type CartAction =
  | { type: 'add'; item: RegisterCatalogItem; lineId: string }
  | { type: 'select'; lineId: string }
  | { type: 'quantity'; lineId: string; quantity: number }
  | { type: 'remove'; lineId: string }
  | { type: 'lineDiscount'; lineId: string; discount: CartDiscount | null }
  | { type: 'receiptDiscount'; discount: CartDiscount | null }
  | { type: 'customer'; customer: CartCustomer | null }
  | { type: 'coupon'; coupon: CartCoupon }
  | { type: 'removeCoupon'; code: string }
  | { type: 'replace'; cart: Cart };

export function emptyCart(id: string): Cart {
  return { id, lines: [], receiptDiscount: null, customer: null, selectedLineId: null };
}

/** "Röd / M" for a variant; '' for a product with one variant. */
export function optionsText(options: Record<string, string>): string {
  return Object.values(options).join(' / ');
}

function updateLine(cart: Cart, lineId: string, change: (line: CartLine) => CartLine): Cart {
  return { ...cart, lines: cart.lines.map((line) => (line.lineId === lineId ? change(line) : line)) };
}

/** A web order's line: sold at the order's price and quantity, so the register does not change it. */
export function isOrderLine(line: CartLine): boolean {
  return line.orderLineId !== undefined;
}

function isOrderLineId(cart: Cart, lineId: string): boolean {
  return cart.lines.some((line) => line.lineId === lineId && isOrderLine(line));
}

// The order is handed over whole: taking one of its lines off takes the order out of the sale.
function removeWebOrder(cart: Cart): Cart {
  const lines = cart.lines.filter((line) => !isOrderLine(line));
  const { webOrder: _dropped, ...rest } = cart;
  return { ...rest, lines, selectedLineId: lines.at(-1)?.lineId ?? null };
}

export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      // Scanning the item just scanned again adds one to that line, as cashiers expect.
      const last = cart.lines.at(-1);
      if (
        last &&
        last.skuId === action.item.skuId &&
        last.discount === null &&
        last.quantity > 0 &&
        !isOrderLine(last)
      ) {
        return {
          ...updateLine(cart, last.lineId, (l) => ({ ...l, quantity: l.quantity + 1 })),
          selectedLineId: last.lineId,
        };
      }
      const { item } = action;
      const line: CartLine = {
        lineId: action.lineId,
        skuId: item.skuId,
        sku: item.sku,
        name: item.name,
        optionsText: optionsText(item.options),
        quantity: 1,
        unitPriceInclVat: item.unitPriceInclVat,
        vatRateBp: item.vatRateBp,
        warrantyText: item.warrantyText,
        discount: null,
        productId: item.productId,
        categoryIds: item.categoryIds ?? [],
        brand: item.brand ?? null,
      };
      return { ...cart, lines: [...cart.lines, line], selectedLineId: line.lineId };
    }
    case 'select':
      return { ...cart, selectedLineId: action.lineId };
    case 'quantity':
      if (!Number.isInteger(action.quantity) || action.quantity === 0) return cart;
      if (isOrderLineId(cart, action.lineId)) return cart;
      return {
        ...updateLine(cart, action.lineId, (l) => ({ ...l, quantity: action.quantity })),
        selectedLineId: action.lineId,
      };
    case 'remove': {
      if (isOrderLineId(cart, action.lineId)) return removeWebOrder(cart);
      const lines = cart.lines.filter((l) => l.lineId !== action.lineId);
      return { ...cart, lines, selectedLineId: lines.at(-1)?.lineId ?? null };
    }
    case 'lineDiscount':
      if (isOrderLineId(cart, action.lineId)) return cart;
      return updateLine(cart, action.lineId, (l) => ({ ...l, discount: action.discount }));
    case 'receiptDiscount':
      // A receipt discount is spread over every line, which would re-price the order's lines.
      if (cart.webOrder && action.discount !== null) return cart;
      return { ...cart, receiptDiscount: action.discount };
    case 'customer':
      return { ...cart, customer: action.customer };
    case 'coupon': {
      const others = (cart.coupons ?? []).filter((c) => c.code !== action.coupon.code);
      return { ...cart, coupons: [...others, action.coupon] };
    }
    case 'removeCoupon':
      return { ...cart, coupons: (cart.coupons ?? []).filter((c) => c.code !== action.code) };
    case 'replace':
      return action.cart;
  }
}

/** Number of items (not lines) on the receipt, for the "3 varor" line. */
export function itemCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + Math.abs(line.quantity), 0);
}
