// CONTRACT READY
// The picking lock: while a register picks an order, every edit from elsewhere (another register,
// the back office, the API) is refused with 409 `order_locked`. Every path that changes an order
// calls `assertOrderEditableBy` on the row it locked `for update`, so the check and the change see
// the same lock.
import { DomainError, isLockedAgainst, type OrderEditor, type OrderLockHolder } from '@handla/core';
import type { OrderRow } from './orders.store';

export type { OrderEditor } from '@handla/core';

/** The order's lock holder, or null when nobody holds it. */
export function lockOf(
  order: Pick<OrderRow, 'lockedByKind' | 'lockedById' | 'lockedByName'>,
): OrderLockHolder | null {
  if (!order.lockedByKind || !order.lockedById) return null;
  return { kind: order.lockedByKind, id: order.lockedById, name: order.lockedByName ?? order.lockedById };
}

/**
 * Throws 409 `order_locked` naming the field `id` and who holds the lock, unless the order is
 * unlocked or locked by `editor` itself. Call it on a row read `for update`, before changing anything.
 */
export function assertOrderEditableBy(
  order: Pick<OrderRow, 'number' | 'lockedByKind' | 'lockedById' | 'lockedByName'>,
  editor: OrderEditor,
): void {
  const lock = lockOf(order);
  if (lock && isLockedAgainst(lock, editor)) {
    throw new DomainError('order_locked', `Order ${order.number} is being picked at ${lock.name}.`, [
      { field: 'id', message: `Locked by ${lock.name} (${lock.kind} ${lock.id})` },
    ]);
  }
}
