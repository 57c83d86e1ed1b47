// The cart as plain data: what the shopper chose and the price they were shown. Pure functions,
// so the rules (merge, limits, re-pricing) are tested without a browser.
import type { LocalizedText, Product } from '@handla/api';

/** Most of one SKU per order; the checkout contract allows 999, a shop needs far fewer. */
export const MAX_QUANTITY = 99;

/** One line of the cart. `unitPrice` is öre incl. VAT as shown, sent back so the server can check it. */
export interface CartLine {
  skuId: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  productSlug: string;
  productName: LocalizedText;
  /** "Svart / M", or null for a product with a single variant. */
  variantName: string | null;
  imageUrl: string | null;
}

const clampQuantity = (quantity: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.trunc(quantity)));

/** Adds `quantity` of a SKU, merging with a line already in the cart. */
export function addToCart(lines: readonly CartLine[], line: CartLine): CartLine[] {
  const existing = lines.find((l) => l.skuId === line.skuId);
  if (!existing) return [...lines, { ...line, quantity: clampQuantity(line.quantity) }];
  return lines.map((l) =>
    l.skuId === line.skuId ? { ...line, quantity: clampQuantity(l.quantity + line.quantity) } : l,
  );
}

/** Sets a line's quantity; 0 or less removes it. */
export function setCartQuantity(lines: readonly CartLine[], skuId: string, quantity: number): CartLine[] {
  if (quantity <= 0) return lines.filter((l) => l.skuId !== skuId);
  return lines.map((l) => (l.skuId === skuId ? { ...l, quantity: clampQuantity(quantity) } : l));
}

/** How many items (not lines) the cart holds. */
export function cartItemCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** The sum of the lines in öre incl. VAT. */
export function cartTotal(lines: readonly CartLine[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
}

/** What re-checking the cart against the current catalog found. */
export interface Repriced {
  lines: CartLine[];
  /** SKUs whose price differs from the one shown before, with the old and new price. */
  changed: { skuId: string; before: number; after: number }[];
  /** Lines no longer for sale; they are taken out of the cart. */
  removed: CartLine[];
}

/**
 * Re-prices the cart from the catalog's current products (as the host's shop sells them: its list
 * and currency); SKUs no longer listed are removed. A price in another currency counts as changed.
 */
export function repriceCart(lines: readonly CartLine[], products: readonly Product[]): Repriced {
  const prices = new Map<string, { amount: number; currency: string }>();
  for (const product of products) {
    for (const sku of product.skus) prices.set(sku.id, sku.priceInclVat);
  }
  const result: Repriced = { lines: [], changed: [], removed: [] };
  for (const line of lines) {
    const price = prices.get(line.skuId);
    if (price === undefined) {
      result.removed.push(line);
      continue;
    }
    if (price.amount !== line.unitPrice || price.currency !== line.currency)
      result.changed.push({ skuId: line.skuId, before: line.unitPrice, after: price.amount });
    result.lines.push({ ...line, unitPrice: price.amount, currency: price.currency });
  }
  return result;
}

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as LocalizedText).sv === 'string' &&
  typeof (v as LocalizedText).en === 'string';

/** The cart saved in storage, keeping only well-formed lines (storage may hold an older shape). */
export function parseStoredCart(value: unknown): CartLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw): CartLine[] => {
    const l = raw as Partial<CartLine> | null;
    if (!l || typeof l.skuId !== 'string' || typeof l.productSlug !== 'string' || !isText(l.productName))
      return [];
    if (!Number.isInteger(l.quantity) || !Number.isInteger(l.unitPrice) || typeof l.currency !== 'string')
      return [];
    return [
      {
        skuId: l.skuId,
        quantity: clampQuantity(l.quantity!),
        unitPrice: l.unitPrice!,
        currency: l.currency,
        productSlug: l.productSlug,
        productName: l.productName,
        variantName: typeof l.variantName === 'string' ? l.variantName : null,
        imageUrl: typeof l.imageUrl === 'string' ? l.imageUrl : null,
      },
    ];
  });
}

/** A cart line for a SKU of a product, or null when the product has no such SKU. */
export function lineFor(product: Product, skuId: string, quantity: number): CartLine | null {
  const sku = product.skus.find((s) => s.id === skuId);
  if (!sku) return null;
  const values = Object.values(sku.options);
  return {
    skuId,
    quantity,
    unitPrice: sku.priceInclVat.amount,
    currency: sku.priceInclVat.currency,
    productSlug: product.slug,
    productName: product.name,
    variantName: values.length > 0 ? values.join(' / ') : null,
    imageUrl: product.imageUrl,
  };
}
