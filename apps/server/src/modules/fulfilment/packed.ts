// CONTRACT READY
// Whether an order is packed: every line scanned at the packing table. The shipping module books
// the shipment of a packed order; reading this inside its transaction sees the same commit.
import type { Queryable } from '@handla/db';
import { findPackedAt } from './fulfilment.store';

/** True once every line of the order was packed by scan (see docs/fulfilment.md). */
export async function isOrderPacked(q: Queryable, orderId: string): Promise<boolean> {
  return (await findPackedAt(q, orderId)) !== null;
}

/** When the order was packed, or null while it is not. */
export { findPackedAt as orderPackedAt } from './fulfilment.store';

/** The lock holder id of an order released to picking at `locationId` (the warehouse holds it). */
export const warehouseHolderId = (locationId: string) => `warehouse:${locationId}`;
