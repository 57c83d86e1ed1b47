// The store's work on a pickup order as pure rules: the picking lock, which line changes each
// status and line state allows, the substitute's price, and when an order is overdue or due to be
// cancelled for not being collected. The server and the register read the same functions.
import { DomainError } from '../errors';
import type { OrderStatusName } from './status';

/** Who holds an order while it is picked; anyone else's edit is refused. */
export interface OrderLockHolder {
  kind: 'register' | 'staff' | 'api';
  id: string;
  name: string;
}

/** Who asks to change an order. */
export interface OrderEditor {
  kind: 'register' | 'staff' | 'api';
  id: string;
}

/** True when `lock` keeps `editor` out: a lock held by anyone but the editor itself. */
export function isLockedAgainst(lock: OrderLockHolder | null, editor: OrderEditor): boolean {
  return lock !== null && !(lock.kind === editor.kind && lock.id === editor.id);
}

export type LineState = 'open' | 'picked' | 'removed' | 'substituted' | 'shipping';
export type LineChange = 'pick' | 'substitute' | 'remove' | 'ship_home';

/** Order statuses in which the store may still change lines: before the order is ready. */
export const LINE_EDIT_STATUSES: readonly OrderStatusName[] = ['placed', 'accepted', 'picking'];

/**
 * Throws `invalid_state` unless `change` is allowed: the order is not ready yet, and the line is
 * still to be delivered at the counter (open or picked). A removed, substituted or shipped line
 * is settled; a mistake there is undone by cancelling, not by another change.
 */
export function assertLineChange(status: OrderStatusName, lineState: LineState, change: LineChange): void {
  if (!LINE_EDIT_STATUSES.includes(status)) {
    throw new DomainError('invalid_state', `Lines of a ${status} order cannot be changed.`, [
      { field: 'orderId', message: `The order is ${status}` },
    ]);
  }
  if (lineState !== 'open' && lineState !== 'picked') {
    throw new DomainError('invalid_state', `A ${lineState} line cannot be ${change.replace('_', ' ')}d.`, [
      { field: 'lineId', message: `The line is ${lineState}` },
    ]);
  }
}

/** A line's state after `quantity` units were found: picked when all were. */
export function pickedState(quantity: number, picked: number): 'open' | 'picked' {
  if (picked > quantity) {
    throw new DomainError('validation_failed', `Only ${quantity} were ordered.`, [
      { field: 'quantity', message: `At most ${quantity}` },
    ]);
  }
  return picked === quantity ? 'picked' : 'open';
}

/** The shopper never pays more for a substitute than for what they ordered. */
export function substituteUnitPrice(originalUnitPrice: number, substitutePrice: number): number {
  return Math.min(originalUnitPrice, substitutePrice);
}

/**
 * Whether an order may be marked ready with these line states: the remaining open lines count as
 * picked (staff decided), but an order with nothing left to hand over is cancelled instead.
 */
export function assertMayBeReady(lineStates: readonly LineState[]): void {
  if (!lineStates.some((s) => s === 'open' || s === 'picked')) {
    throw new DomainError('invalid_state', 'Nothing is left to collect; cancel the order instead.', [
      { field: 'lines', message: 'Every line is removed, substituted away or shipped' },
    ]);
  }
}

const DAY_MS = 24 * 60 * 60_000;

/** The reason the expiry job gives; the shopper's mail translates it. */
export const UNCOLLECTED_CANCEL_REASON = 'Not collected in time';

/** Statuses of a pickup order still waiting for the shopper. */
const UNCOLLECTED: readonly OrderStatusName[] = ['placed', 'accepted', 'picking', 'ready'];

/** The instants the queue and the expiry job judge a pickup order by. */
export interface PickupTimes {
  status: OrderStatusName;
  slotEndsAt: Date | null;
  readyAt: Date | null;
}

/** The pickup time has passed and the order is neither collected nor cancelled. */
export function isOverdue(order: PickupTimes, now: Date): boolean {
  return UNCOLLECTED.includes(order.status) && order.slotEndsAt !== null && +order.slotEndsAt < +now;
}

/**
 * When an uncollected order is cancelled: `collectWithinDays` after it was ready, or after its
 * pickup time ended when it never became ready. Null for an order no longer waiting.
 */
export function collectBy(order: PickupTimes, collectWithinDays: number): Date | null {
  if (!UNCOLLECTED.includes(order.status)) return null;
  const from = order.status === 'ready' ? (order.readyAt ?? order.slotEndsAt) : order.slotEndsAt;
  return from ? new Date(+from + collectWithinDays * DAY_MS) : null;
}

/** True when the order waited longer than the store allows and is to be cancelled. */
export function isUncollectedTooLong(order: PickupTimes, collectWithinDays: number, now: Date): boolean {
  const by = collectBy(order, collectWithinDays);
  return by !== null && +by <= +now;
}
