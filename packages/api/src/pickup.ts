// Pickup times: a store's settings (managers) and the slots a shopper may book (public).
// Times on the wire are UTC instants (ISO 8601); `date` and `HH:MM` values are the store's wall clock.
import { z } from 'zod';

const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock)');
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

/** Opening hours for pickup on one weekday (1 = Monday … 7 = Sunday). */
export const PickupWeekdayHours = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  opens: WallTime,
  closes: WallTime,
});
export type PickupWeekdayHours = z.infer<typeof PickupWeekdayHours>;

/** A date that differs from the week: closed (a holiday) or other hours (a short day). */
export const PickupException = z.strictObject({
  date: LocalDate,
  closed: z.boolean(),
  opens: WallTime.nullable().default(null),
  closes: WallTime.nullable().default(null),
  note: z.string().max(200).nullable().default(null),
});
export type PickupException = z.infer<typeof PickupException>;

/** How a store offers pickup times. Capacities are per slot; null means no limit of that kind. */
export const PickupSettings = z
  .strictObject({
    storeId: z.string(),
    enabled: z.boolean(),
    leadTimeMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    slotMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    capacityOrders: z.number().int().min(1).nullable(),
    capacityItems: z.number().int().min(1).nullable(),
    bookAheadDays: z.number().int().min(0).max(365),
    asapEnabled: z.boolean(),
    payInStoreAllowed: z.boolean(),
    /** Minutes before the pickup time that the reminder goes out; null: no reminder. */
    reminderMinutesBefore: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .nullable(),
    /** Orders not collected within this many days are cancelled (the store queue issue). */
    collectWithinDays: z.number().int().min(1).max(60),
    weeklyHours: z.array(PickupWeekdayHours).max(21),
    exceptions: z.array(PickupException).max(400),
    version: z.number().int(),
  })
  .meta({ id: 'PickupSettings' });
export type PickupSettings = z.infer<typeof PickupSettings>;

/** PUT body: everything but the store id; `version` must match (optimistic locking). */
export const UpdatePickupSettingsBody = PickupSettings.omit({ storeId: true });
export type UpdatePickupSettingsBody = z.infer<typeof UpdatePickupSettingsBody>;

/** One bookable slot: open, in the future (after the lead time) and not full. */
export const PickupSlot = z
  .object({
    startsAt: z.string(),
    endsAt: z.string(),
    /** "HH:MM" on the store's clock, for display. */
    localStart: z.string(),
    localEnd: z.string(),
    remainingOrders: z.number().int().nullable(),
    remainingItems: z.number().int().nullable(),
  })
  .meta({ id: 'PickupSlot' });
export type PickupSlot = z.infer<typeof PickupSlot>;

/** GET /api/stores/:storeId/pickup-slots?date=YYYY-MM-DD&items=N */
export const PickupSlotsQuery = z.strictObject({
  date: LocalDate.optional(),
  /** Items in the cart, so slots without room for them are left out. */
  items: z.coerce.number().int().min(1).max(1000).default(1),
});
export type PickupSlotsQuery = z.infer<typeof PickupSlotsQuery>;

export const PickupSlotDay = z
  .object({
    storeId: z.string(),
    date: z.string(),
    timeZone: z.string(),
    /** "As soon as possible": the earliest slot, when the store offers it and one is free today. */
    asap: PickupSlot.nullable(),
    slots: z.array(PickupSlot),
    /** The next dates (up to the booking horizon) that have a free slot, for a date picker. */
    openDates: z.array(z.string()),
    /** Whether the shopper may choose to pay when collecting at this store. */
    payInStoreAllowed: z.boolean(),
  })
  .meta({ id: 'PickupSlotDay' });
export type PickupSlotDay = z.infer<typeof PickupSlotDay>;

/** One slot of a day as the back office sees it: every slot, full or past, with what is booked. */
export const PickupSlotLoad = z
  .object({
    startsAt: z.string(),
    endsAt: z.string(),
    localStart: z.string(),
    localEnd: z.string(),
    bookedOrders: z.number().int(),
    bookedItems: z.number().int(),
    capacityOrders: z.number().int().nullable(),
    capacityItems: z.number().int().nullable(),
  })
  .meta({ id: 'PickupSlotLoad' });
export type PickupSlotLoad = z.infer<typeof PickupSlotLoad>;

/** GET /api/stores/:storeId/pickup-load?date=YYYY-MM-DD&days=N (staff) */
export const PickupLoadQuery = z.strictObject({
  date: LocalDate,
  days: z.coerce.number().int().min(1).max(14).default(1),
});
export type PickupLoadQuery = z.infer<typeof PickupLoadQuery>;

/** The slots of consecutive dates with their bookings, for the back office's preview. */
export const PickupLoad = z
  .object({
    storeId: z.string(),
    timeZone: z.string(),
    days: z.array(z.object({ date: z.string(), slots: z.array(PickupSlotLoad) })),
  })
  .meta({ id: 'PickupLoad' });
export type PickupLoad = z.infer<typeof PickupLoad>;
