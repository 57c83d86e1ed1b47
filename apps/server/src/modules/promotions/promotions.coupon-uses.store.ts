// SQL for the register coupon uses the server did not count (receipt_coupons, migration 0029).
import type { NotCountedCouponUse } from '@handla/api';
import type { Queryable } from '@handla/db';

interface NotCountedRow extends Omit<NotCountedCouponUse, 'occurredAt' | 'bookedAt'> {
  occurredAt: Date;
  bookedAt: Date;
}

/** A rule's not-counted register uses, by code, then newest sale first; one store's, or all (null). */
export async function listNotCountedCouponUses(
  q: Queryable,
  promotionId: string,
  storeId: string | null,
): Promise<NotCountedCouponUse[]> {
  // receipt_coupons keeps the code, not the coupon id: the code is unique, so it finds the rule.
  const rows = await q.query<NotCountedRow>(
    `select rc.code, rc.reason, r.id as "receiptId", r.number as "receiptNumber",
            r.register_id as "registerId", g.name as "registerName", r.store_id as "storeId",
            s.name as "storeName", r.occurred_at as "occurredAt", r.created_at as "bookedAt"
       from receipt_coupons rc
       join promotion_coupons c on c.code = rc.code
       join receipts r on r.id = rc.receipt_id
       join registers g on g.id = r.register_id
       join stores s on s.id = r.store_id
      where c.promotion_id = $1 and rc.status = 'not_counted' and ($2::text is null or r.store_id = $2)
      order by rc.code, r.occurred_at desc, r.id`,
    [promotionId, storeId],
  );
  return rows.map((row) => ({
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    bookedAt: row.bookedAt.toISOString(),
  }));
}
