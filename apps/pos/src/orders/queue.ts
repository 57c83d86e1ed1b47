// The register's pickup queue as pure state: the list of the chosen tab and the count per tab,
// loaded from the server and kept live by applying each order event's `data.order`. Counts are
// adjusted at once and then corrected by a reload (the screen reloads shortly after any event).
import {
  type DomainEventDto,
  type Order,
  type OrderStatus,
  type PickupQueue,
  type PickupQueueItem,
  QUEUE_FILTERS,
  type QueueFilter,
} from '@handla/api';

const STATUS_TAB: Partial<Record<OrderStatus, QueueFilter>> = {
  placed: 'new',
  accepted: 'accepted',
  picking: 'picking',
  ready: 'ready',
  collected: 'collected',
};

const OPEN_STATUSES: readonly OrderStatus[] = ['placed', 'accepted', 'picking', 'ready'];

/** The pickup time has passed (its slot has ended) and the order is still waiting to be collected. */
export function isOrderOverdue(order: Order, now: Date): boolean {
  return (
    order.fulfilment.kind === 'pickup' &&
    OPEN_STATUSES.includes(order.status) &&
    Date.parse(order.fulfilment.slotEndsAt) < now.getTime()
  );
}

/** The tabs an order is listed under: its status's, plus "overdue" when late; none when cancelled. */
export function tabsOf(item: Pick<PickupQueueItem, 'order' | 'isOverdue'>): QueueFilter[] {
  const tab = STATUS_TAB[item.order.status];
  if (!tab || item.order.fulfilment.kind !== 'pickup') return [];
  return item.isOverdue ? [tab, 'overdue'] : [tab];
}

export type QueueCounts = Record<QueueFilter, number>;

export interface QueueState {
  filter: QueueFilter;
  /** The chosen tab's orders, soonest pickup first (collected: latest first). */
  items: PickupQueueItem[];
  counts: QueueCounts;
  /** Whether the tab has been loaded since it was chosen. */
  isLoaded: boolean;
  /** The tabs each order seen was last in, to move counts when an event moves it. */
  known: Record<string, QueueFilter[]>;
  /** The last event id applied per order: an older or repeated event changes nothing. */
  lastEventIds: Record<string, number>;
  /** The order open for work, kept current by events and answers whichever tab it is in. */
  selected: Order | null;
  /** Orders changed by events while a load was under way: newer than the snapshot may be. */
  changedDuringLoad: Record<string, PickupQueueItem> | null;
}

export type QueueAction =
  | { type: 'filter'; filter: QueueFilter }
  | { type: 'select'; order: Order | null }
  | { type: 'loadStarted' }
  | { type: 'loaded'; filter: QueueFilter; queue: PickupQueue }
  | { type: 'event'; event: DomainEventDto; now: Date }
  /** The register changed an order itself (accept, pick…): the answer is the order as it now is. */
  | { type: 'order'; order: Order; now: Date };

export function emptyCounts(): QueueCounts {
  return Object.fromEntries(QUEUE_FILTERS.map((f) => [f, 0])) as QueueCounts;
}

export function initialQueue(filter: QueueFilter = 'new'): QueueState {
  return {
    filter,
    items: [],
    counts: emptyCounts(),
    isLoaded: false,
    known: {},
    lastEventIds: {},
    selected: null,
    changedDuringLoad: null,
  };
}

function byPickupTime(a: PickupQueueItem, b: PickupQueueItem): number {
  const at = (item: PickupQueueItem) =>
    item.order.fulfilment.kind === 'pickup' ? item.order.fulfilment.slotStartsAt : item.order.createdAt;
  return at(a).localeCompare(at(b)) || a.order.number.localeCompare(b.order.number, 'sv', { numeric: true });
}

// As the server lists them: soonest pickup first; collected ones latest first.
function sortFor(filter: QueueFilter): (a: PickupQueueItem, b: PickupQueueItem) => number {
  if (filter !== 'collected') return byPickupTime;
  return (a, b) => (b.order.collectedAt ?? '').localeCompare(a.order.collectedAt ?? '');
}

/** Puts `item` in the list if it belongs to `filter`, replacing an earlier copy; else takes it out. */
function placeInList(items: PickupQueueItem[], item: PickupQueueItem, filter: QueueFilter) {
  const others = items.filter((i) => i.order.id !== item.order.id);
  return tabsOf(item).includes(filter) ? [...others, item].sort(sortFor(filter)) : others;
}

function moveCounts(counts: QueueCounts, before: QueueFilter[], after: QueueFilter[]): QueueCounts {
  const next = { ...counts };
  for (const tab of before) if (!after.includes(tab)) next[tab] = Math.max(0, next[tab] - 1);
  for (const tab of after) if (!before.includes(tab)) next[tab] += 1;
  return next;
}

function applyOrder(state: QueueState, order: Order, now: Date): QueueState {
  const previous = state.items.find((i) => i.order.id === order.id);
  const item: PickupQueueItem = {
    order,
    isOverdue: isOrderOverdue(order, now),
    collectBy: previous?.collectBy ?? null,
  };
  const before = state.known[order.id] ?? [];
  const after = tabsOf(item);
  return {
    ...state,
    items: placeInList(state.items, item, state.filter),
    counts: moveCounts(state.counts, before, after),
    known: { ...state.known, [order.id]: after },
    selected: state.selected?.id === order.id ? order : state.selected,
    changedDuringLoad: state.changedDuringLoad && { ...state.changedDuringLoad, [order.id]: item },
  };
}

/** The order an `order.*` event carries, if it is one. */
export function orderOfEvent(event: DomainEventDto): Order | null {
  if (!event.type.startsWith('order.')) return null;
  const order = (event.data as { order?: Order }).order;
  return order && typeof order.id === 'string' && order.fulfilment ? order : null;
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'filter':
      if (action.filter === state.filter) return state;
      return { ...state, filter: action.filter, items: [], isLoaded: false };
    case 'select':
      return { ...state, selected: action.order };
    case 'loadStarted':
      return { ...state, changedDuringLoad: {} };
    case 'loaded': {
      if (action.filter !== state.filter) return state;
      const known = { ...state.known };
      for (const item of action.queue.items) known[item.order.id] = tabsOf(item);
      let items = [...action.queue.items].sort(sortFor(state.filter));
      // An event that arrived while the snapshot was read may be newer than it: the event wins.
      for (const item of Object.values(state.changedDuringLoad ?? {})) {
        items = placeInList(items, item, state.filter);
        known[item.order.id] = tabsOf(item);
      }
      return {
        ...state,
        items,
        counts: { ...emptyCounts(), ...action.queue.counts },
        isLoaded: true,
        known,
        changedDuringLoad: null,
      };
    }
    case 'event': {
      const order = orderOfEvent(action.event);
      if (!order) return state;
      const id = Number(action.event.id);
      const last = state.lastEventIds[order.id];
      if (last !== undefined && id <= last) return state;
      const next = applyOrder(state, order, action.now);
      return { ...next, lastEventIds: { ...next.lastEventIds, [order.id]: id } };
    }
    case 'order':
      return applyOrder(state, action.order, action.now);
  }
}
