// Booking a pickup slot inside the checkout's transaction, atomically against the slot's capacity,
// and releasing it when the order is cancelled or expires. The orders module calls these; the
// signatures are its contract.
import {
  asapSlot,
  bookingWindow,
  DomainError,
  offeredSlots,
  type SlotTime,
  slotRefusal,
  slotStartingAt,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import * as store from './pickup.store';

export interface SlotRequest {
  storeId: string;
  /** An offered slot's start (ISO instant) or 'asap'. */
  slot: string;
  orderId: string;
  items: number;
  now: Date;
}

export interface BookedSlot {
  startsAt: Date;
  endsAt: Date;
  asap: boolean;
  timeZone: string;
}

const unavailable = (message: string) =>
  new DomainError('slot_unavailable', message, [{ field: 'fulfilment.slot', message }]);
const full = (message: string) =>
  new DomainError('slot_full', message, [{ field: 'fulfilment.slot', message }]);

/** The slots to try in order: the one asked for, or today's offered slots for asap. */
function candidatesFor(settings: store.SettingsRow, request: SlotRequest, load: store.LoadMap): SlotTime[] {
  const { timeZone } = settings;
  const window = bookingWindow(settings, timeZone, request.now);
  if (request.slot === 'asap') {
    if (!settings.enabled || !settings.asapEnabled)
      throw unavailable('This store does not offer "as soon as possible".');
    const input = { timeZone, now: request.now, items: request.items };
    const free = offeredSlots(settings, { ...input, date: window.today, load });
    if (free.length === 0) {
      const anyToday = asapSlot(settings, { ...input, load: new Map() });
      throw anyToday
        ? full('Every pickup time today is fully booked.')
        : unavailable('No pickup time is left today.');
    }
    return free;
  }
  const startsAt = new Date(request.slot);
  const slot = Number.isNaN(startsAt.getTime()) ? null : slotStartingAt(settings, timeZone, startsAt);
  if (!slot) throw unavailable('No pickup time starts then.');
  const refusal = slotRefusal(settings, window, slot);
  if (refusal === 'pickup_off') throw unavailable('This store does not offer pickup now.');
  if (refusal === 'too_soon') throw unavailable('That pickup time has passed or is too soon.');
  if (refusal === 'beyond_horizon') throw unavailable('That pickup time is too far ahead.');
  return [slot];
}

function toBooked(row: store.BookingRow, timeZone: string): BookedSlot {
  return { startsAt: row.startsAt, endsAt: row.endsAt, asap: row.isAsap, timeZone };
}

/**
 * Books the slot for the order in the caller's transaction, atomically against its capacity.
 * Throws DomainError `slot_unavailable` (closed, past, beyond the horizon, not a slot start,
 * pickup off) or `slot_full`, with the field `fulfilment.slot`. A repeat for the same order
 * returns the booking it already has.
 */
export async function bookPickupSlot(tx: Queryable, request: SlotRequest): Promise<BookedSlot> {
  const settings = await store.findSettings(tx, request.storeId);
  if (!settings) throw unavailable(`No store ${request.storeId}.`);
  const existing = await store.findBooking(tx, request.orderId);
  if (existing) return toBooked(existing, settings.timeZone);
  if (!Number.isInteger(request.items) || request.items < 1) {
    throw new DomainError('validation_failed', 'An order has at least one item.', [
      { field: 'items', message: 'At least 1' },
    ]);
  }
  const window = bookingWindow(settings, settings.timeZone, request.now);
  const load =
    request.slot === 'asap'
      ? await store.loadBetween(tx, request.storeId, request.now, new Date(window.endMs))
      : new Map();
  const capacity = { orders: settings.capacityOrders, items: settings.capacityItems };
  for (const slot of candidatesFor(settings, request, load)) {
    const target = { storeId: request.storeId, startsAt: slot.startsAt, items: request.items };
    // The conditional add is the only capacity check that counts; the load read above only orders the tries.
    if (!(await store.addToSlot(tx, target, capacity))) continue;
    const booking = {
      orderId: request.orderId,
      ...target,
      endsAt: slot.endsAt,
      isAsap: request.slot === 'asap',
    };
    if (await store.insertBooking(tx, booking, request.now)) return toBooked(booking, settings.timeZone);
    // The same order was booked by a concurrent call that committed first: undo ours, return theirs.
    await store.removeFromSlot(tx, target);
    return toBooked((await store.findBooking(tx, request.orderId))!, settings.timeZone);
  }
  throw full('That pickup time has just been fully booked.');
}

/** Frees the order's booking (cancelled or expired order); no-op when there is none. */
export async function releasePickupSlot(tx: Queryable, orderId: string): Promise<void> {
  const booking = await store.deleteBooking(tx, orderId);
  if (booking) await store.removeFromSlot(tx, booking);
}
