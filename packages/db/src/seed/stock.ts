// Receiving stock for seeds: each call appends to the stock ledger (stock_movements) and moves its
// projection (stock_levels.on_hand) in the same statement, so the two can never disagree.
import type { Queryable } from '../database';
import { chunkRows, valuesClause } from './rows';

export interface StockReceiptSeed {
  /** The movement's id (`mov_…`). */
  id: string;
  skuId: string;
  locationId: string;
  /** Units received; a whole number above zero. */
  quantity: number;
  occurredAt: Date;
  /** `stf_…`, `key_…` or 'system' (the default). */
  actor?: string;
  reason?: string | null;
  reference?: string | null;
}

/** Receives stock into one location: one 'receive' movement plus on-hand. Returns the movement id. */
export async function receiveStock(q: Queryable, receipt: StockReceiptSeed): Promise<string> {
  await receiveStockBatch(q, [receipt]);
  return receipt.id;
}

/** Receives many lines at once; several lines for one SKU and location add up. Returns the movement ids. */
export async function receiveStockBatch(
  q: Queryable,
  receipts: readonly StockReceiptSeed[],
): Promise<string[]> {
  for (const r of receipts) {
    if (!Number.isInteger(r.quantity) || r.quantity <= 0) {
      throw new RangeError(`receiveStock: quantity must be a whole number above zero, got ${r.quantity}`);
    }
  }
  for (const chunk of chunkRows(receipts)) {
    const params: unknown[] = [];
    const values = valuesClause(
      chunk.map((r) => ({
        id: r.id,
        sku_id: r.skuId,
        location_id: r.locationId,
        kind: 'receive',
        quantity: r.quantity,
        reason: r.reason,
        reference: r.reference,
        actor: r.actor ?? 'system',
        occurred_at: r.occurredAt,
      })),
      params,
    );
    // One statement: the ledger rows and the projection they imply commit or fail together.
    await q.query(
      `with moved as (
         insert into stock_movements ${values}
         returning sku_id, location_id, quantity, occurred_at
       )
       insert into stock_levels (sku_id, location_id, on_hand, updated_at)
       select sku_id, location_id, sum(quantity)::integer, max(occurred_at)
       from moved group by sku_id, location_id
       on conflict (sku_id, location_id) do update
         set on_hand = stock_levels.on_hand + excluded.on_hand,
             updated_at = greatest(stock_levels.updated_at, excluded.updated_at)`,
      params,
    );
  }
  return receipts.map((r) => r.id);
}
