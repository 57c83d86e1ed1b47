// The HTTP contract of register coupon uses a manager reviews: a code taken at a till while it was
// offline and booked after the code's limit was reached (or its rule ended) is recorded as not counted.
import { z } from 'zod';

/** One receipt's use of a coupon code that the server did not count, with where and when it was sold. */
export const NotCountedCouponUse = z
  .object({
    code: z.string(),
    /** The redemption's refusal code, e.g. `coupon_limit_reached`. */
    reason: z.string().nullable(),
    receiptId: z.string(),
    receiptNumber: z.number().int(),
    registerId: z.string(),
    registerName: z.string(),
    storeId: z.string(),
    storeName: z.string(),
    /** When the register completed the sale (possibly offline). */
    occurredAt: z.iso.datetime(),
    /** When the server booked it. */
    bookedAt: z.iso.datetime(),
  })
  .meta({ id: 'NotCountedCouponUse' });
export type NotCountedCouponUse = z.infer<typeof NotCountedCouponUse>;

export const NotCountedCouponUseList = z.object({ items: z.array(NotCountedCouponUse) });
export type NotCountedCouponUseList = z.infer<typeof NotCountedCouponUseList>;
