// Which events alert the staff to a new order, and which alerts still stand: pure rules the
// register's live provider applies to each event and on each render.
import type { DomainEventDto, Order } from '@handla/api';
import { orderOfEvent, type QueueState } from './queue';

/**
 * The new pickup order an event announces, unless the queue has already applied this or a later
 * event of that order (a replay after reconnecting must not ring twice).
 */
export function newOrderOf(state: Pick<QueueState, 'lastEventIds'>, event: DomainEventDto): Order | null {
  if (event.type !== 'order.placed') return null;
  const order = orderOfEvent(event);
  if (order?.fulfilment.kind !== 'pickup') return null;
  const last = state.lastEventIds[order.id];
  return last === undefined || Number(event.id) > last ? order : null;
}

/** Alerts whose order is still new: one accepted here or elsewhere, or cancelled, stops alerting. */
export function standingAlerts<A extends { order: Order }>(
  alerts: A[],
  state: Pick<QueueState, 'known'>,
): A[] {
  return alerts.filter((alert) => (state.known[alert.order.id] ?? ['new']).includes('new'));
}
