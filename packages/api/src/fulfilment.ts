// Fulfilment of delivery orders per location: release to picking at once or in batches (Europe/
// Stockholm wall times), pick lists grouped by shelf and packing slips (PDF), packing by scan.
import { z } from 'zod';

const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock)');

/** How a location releases its paid delivery orders to picking. */
export const FulfilmentSettings = z
  .strictObject({
    locationId: z.string(),
    mode: z.enum(['immediate', 'batches']),
    /** "HH:MM" in Europe/Stockholm, ascending. */
    batchTimes: z.array(WallTime),
    /** The next batch release (UTC), or null when releasing at once. */
    nextReleaseAt: z.string().nullable(),
    /** 0 when never saved (then the location releases at once). */
    version: z.number().int(),
  })
  .meta({ id: 'FulfilmentSettings' });
export type FulfilmentSettings = z.infer<typeof FulfilmentSettings>;

/** PUT body of the settings; `version` must match the one read (0 for the first save). */
export const UpdateFulfilmentSettingsBody = z.strictObject({
  mode: z.enum(['immediate', 'batches']),
  batchTimes: z.array(WallTime).max(24),
  version: z.number().int().min(0),
});
export type UpdateFulfilmentSettingsBody = z.infer<typeof UpdateFulfilmentSettingsBody>;

/** One SKU to pick from a shelf: its summed quantity and the orders it goes to. */
export const PickItem = z.strictObject({
  skuId: z.string(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  orderNumbers: z.array(z.number().int()),
});

/** A pick list: the orders of one release, grouped by shelf ("—" for SKUs without one, last). */
export const PickList = z
  .strictObject({
    id: z.string(),
    locationId: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    orders: z.array(z.strictObject({ id: z.string(), number: z.number().int(), isPacked: z.boolean() })),
    shelves: z.array(z.strictObject({ shelf: z.string(), items: z.array(PickItem) })),
  })
  .meta({ id: 'PickList' });
export type PickList = z.infer<typeof PickList>;

/** A pick list in the list of a location, without its lines. */
export const PickListSummary = z.strictObject({
  id: z.string(),
  locationId: z.string(),
  createdAt: z.string(),
  orderCount: z.number().int(),
  packedCount: z.number().int(),
});
export type PickListSummary = z.infer<typeof PickListSummary>;

export const PickListsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What a release made: the new pick lists (none when no order was waiting). */
export const ReleaseResult = z.strictObject({
  pickLists: z.array(PickListSummary),
  releasedOrders: z.number().int(),
});
export type ReleaseResult = z.infer<typeof ReleaseResult>;

/** A scan at the packing table: an EAN or our SKU code. */
export const PackScanBody = z.strictObject({ code: z.string().trim().min(1).max(64) });
export type PackScanBody = z.infer<typeof PackScanBody>;

/** Packing progress of an order, per line. */
export const Packing = z
  .strictObject({
    orderId: z.string(),
    orderNumber: z.number().int(),
    customerName: z.string(),
    pickListId: z.string().nullable(),
    lines: z.array(
      z.strictObject({
        lineId: z.string(),
        skuId: z.string(),
        sku: z.string(),
        ean: z.string().nullable(),
        name: z.string(),
        quantity: z.number().int(),
        packed: z.number().int(),
      }),
    ),
    isPacked: z.boolean(),
    packedAt: z.string().nullable(),
  })
  .meta({ id: 'Packing' });
export type Packing = z.infer<typeof Packing>;
