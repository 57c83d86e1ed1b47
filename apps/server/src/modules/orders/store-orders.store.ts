// SQL of the store's order work: the register's queue, the picking lock, and the line changes
// (picked units, removed, substituted, shipped home). Order rows themselves are read and moved by
// ./orders.store.
import type { Address, QueueFilter } from '@handla/api';
import type { Queryable } from '@handla/db';
import { listOrderLines, listOrdersByIds, type OrderLineRow } from './orders.store';

/** Pickup orders still waiting for the shopper. */
const WAITING = `status in ('placed', 'accepted', 'picking', 'ready')`;

// Each tab as a condition on the order row; $2 is now.
const TAB_WHERE: Record<QueueFilter, string> = {
  new: `status = 'placed'`,
  accepted: `status = 'accepted'`,
  picking: `status = 'picking'`,
  ready: `status = 'ready'`,
  overdue: `${WAITING} and slot_ends_at < $2`,
  collected: `status = 'collected'`,
};

/**
 * The store's pickup orders of one tab (without a tab: every order still waiting), soonest
 * pickup first; collected ones latest first.
 */
export async function listQueueOrderIds(
  q: Queryable,
  storeId: string,
  filter: QueueFilter | undefined,
  now: Date,
  limit: number,
): Promise<string[]> {
  const where = filter ? TAB_WHERE[filter] : WAITING;
  const order = filter === 'collected' ? 'collected_at desc, id desc' : 'slot_starts_at, number';
  const rows = await q.query<{ id: string }>(
    // `$2::timestamptz` types "now" also for the tabs that do not compare with it.
    `select id from orders where store_id = $1 and fulfilment = 'pickup' and $2::timestamptz is not null
        and ${where}
      order by ${order} limit $3`,
    [storeId, now, limit],
  );
  return rows.map((r) => r.id);
}

/** How many orders each tab holds, for the badges. */
export async function countQueueTabs(
  q: Queryable,
  storeId: string,
  now: Date,
): Promise<Record<QueueFilter, number>> {
  const tabs = Object.entries(TAB_WHERE).map(
    ([tab, where]) => `count(*) filter (where ${where})::integer as "${tab}"`,
  );
  const [row] = await q.query<Record<QueueFilter, number>>(
    `select ${tabs.join(', ')} from orders where store_id = $1 and fulfilment = 'pickup'`,
    [storeId, now],
  );
  return row!;
}

/** Orders by id, in the order given (the hand-over module reads them through here). */
export const findOrdersByIds = listOrdersByIds;

/** Pickup orders still waiting whose pickup time ended before `endedBefore` (expiry candidates). */
export async function listWaitingPickupOrders(q: Queryable, endedBefore: Date, limit: number) {
  return q.query<{ id: string; storeId: string }>(
    `select id, store_id as "storeId" from orders
      where fulfilment = 'pickup' and ${WAITING} and slot_ends_at < $1
      order by slot_ends_at, id limit $2`,
    [endedBefore, limit],
  );
}

export interface LockHolder {
  kind: 'register' | 'staff' | 'api';
  id: string;
  name: string;
}

/** Sets (or, with null, clears) who holds the order. */
export async function setOrderLock(
  q: Queryable,
  orderId: string,
  holder: LockHolder | null,
  at: Date,
): Promise<void> {
  await q.query(
    `update orders set locked_by_kind = $2, locked_by_id = $3, locked_by_name = $4, updated_at = $5
      where id = $1`,
    [orderId, holder?.kind ?? null, holder?.id ?? null, holder?.name ?? null, at],
  );
}

/** One line of the order, locked for the change. */
export async function findOrderLine(
  q: Queryable,
  orderId: string,
  lineId: string,
): Promise<OrderLineRow | undefined> {
  return (await listOrderLines(q, [orderId])).find((l) => l.id === lineId);
}

/** Records units found on the shelf and the resulting state. */
export async function updatePicked(
  q: Queryable,
  lineId: string,
  picked: number,
  state: 'open' | 'picked',
): Promise<void> {
  await q.query('update order_lines set picked_quantity = $2, state = $3 where id = $1', [
    lineId,
    picked,
    state,
  ]);
}

/** Marks every open line of the order picked in full (staff declared the order ready). */
export async function pickRemainingLines(q: Queryable, orderId: string): Promise<void> {
  await q.query(
    `update order_lines set state = 'picked', picked_quantity = quantity where order_id = $1 and state = 'open'`,
    [orderId],
  );
}

/** Ends a line at the store: removed, substituted, or shipped home (with where from and to). */
export async function settleLine(
  q: Queryable,
  lineId: string,
  change:
    | { state: 'removed' | 'substituted'; note: string | null }
    | { state: 'shipping'; fromLocationId: string; address: Address; reservationId: string },
): Promise<void> {
  if (change.state === 'shipping') {
    await q.query(
      `update order_lines set state = 'shipping', ship_from_location_id = $2, ship_address = $3,
         reservation_id = $4 where id = $1`,
      [lineId, change.fromLocationId, JSON.stringify(change.address), change.reservationId],
    );
    return;
  }
  await q.query('update order_lines set state = $2, note = $3 where id = $1', [
    lineId,
    change.state,
    change.note,
  ]);
}

/** The next free position among the order's lines. */
export async function nextLinePosition(q: Queryable, orderId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'select coalesce(max(position), 0)::integer + 1 as n from order_lines where order_id = $1',
    [orderId],
  );
  return row!.n;
}

/** Links a substitute line to the line it replaces, with staff's note. */
export async function markSubstitute(
  q: Queryable,
  lineId: string,
  replacesLineId: string,
  note: string,
): Promise<void> {
  await q.query('update order_lines set substitutes_line_id = $2, note = $3 where id = $1', [
    lineId,
    replacesLineId,
    note,
  ]);
}
