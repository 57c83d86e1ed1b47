// The carts the hand-over screen hands to the sale, built with the register's cached catalog: a
// pay-in-store order with its add-ons, or the add-ons of a prepaid order on their own.
import type { AddOnSuggestion, Order, RegisterCatalogItem } from '@handla/api';
import { newId } from '../format';
import { getSku, listParked, listQueue, type PosDb } from '../offline/db';
import type { Cart } from '../sale/cart';
import { addOnCart, catalogItemOfSuggestion, webOrderCart } from './handover-cart';
import { type PendingWebOrderSale, pendingWebOrderSale } from './pending-sale';

// The cached item where the register has one: its price and warranty text are the setup's.
async function catalogItems(db: PosDb, skuIds: readonly string[]): Promise<Map<string, RegisterCatalogItem>> {
  const found = await Promise.all(skuIds.map((skuId) => getSku(db, skuId)));
  return new Map(found.flatMap((item) => (item ? [[item.skuId, item] as const] : [])));
}

async function addOnItems(db: PosDb, chosen: readonly AddOnSuggestion[]): Promise<RegisterCatalogItem[]> {
  const catalog = await catalogItems(
    db,
    chosen.map((s) => s.skuId),
  );
  return chosen.map((s) => catalog.get(s.skuId) ?? catalogItemOfSuggestion(s));
}

const newIds = () => ({ cartId: newId('cart'), newLineId: () => newId('ln') });

/** The sale for a pay-in-store order, unless this register already has it queued or parked. */
export async function webOrderSale(
  db: PosDb,
  order: Order,
  chosen: readonly AddOnSuggestion[],
): Promise<{ cart: Cart } | { pending: PendingWebOrderSale }> {
  const pending = pendingWebOrderSale(order.id, await listQueue(db), await listParked(db));
  if (pending) return { pending };
  const catalog = await catalogItems(
    db,
    order.lines.map((line) => line.skuId),
  );
  return { cart: webOrderCart(order, await addOnItems(db, chosen), newIds(), catalog) };
}

/** A prepaid order's add-ons as an ordinary sale. */
export async function addOnSale(db: PosDb, chosen: readonly AddOnSuggestion[]): Promise<Cart> {
  return addOnCart(await addOnItems(db, chosen), newIds());
}
