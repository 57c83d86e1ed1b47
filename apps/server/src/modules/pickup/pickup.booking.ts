// STUB (skeleton) — the pickup helper implements this; the orders module calls it inside the
// checkout transaction. Signatures are the contract: keep them.
import type { Queryable } from '@handla/db';

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

/**
 * Books the slot for the order in the caller's transaction, atomically against its capacity.
 * Throws DomainError `slot_unavailable` (closed, past, beyond the horizon, not a slot start,
 * pickup off) or `slot_full`, with the field `fulfilment.slot`. A repeat for the same order
 * returns the booking it already has.
 */
export async function bookPickupSlot(_tx: Queryable, _request: SlotRequest): Promise<BookedSlot> {
  throw new Error('not implemented');
}

/** Frees the order's booking (cancelled or expired order); no-op when there is none. */
export async function releasePickupSlot(_tx: Queryable, _orderId: string): Promise<void> {
  throw new Error('not implemented');
}
