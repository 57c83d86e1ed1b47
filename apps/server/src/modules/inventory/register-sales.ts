// The stock side of a register receipt, inside the register's own transaction: sold lines leave the
// store's location (into negative stock if need be — the goods are gone), returned lines come
// back, bundles move their components. The register's receipt event leads the stock events.
import type { Queryable } from '@handla/db';
import type { NewEvent } from '../../outbox/emit';
import { deltasOf, emitStockEvents, requireSkus, stockedUnits } from './inventory.shared';
import { applyMovements, type NewMovement } from './inventory.store';

/** One receipt line's stock effect: negative quantity sold, positive returned. */
export interface RegisterStockLine {
  skuId: string;
  /** Signed units of the SKU: − sold, + returned. */
  quantity: number;
}

/**
 * Moves stock for a register receipt and writes `leading` (the receipt's events) and the stock
 * events as the transaction's last writes. Never refuses for lack of stock.
 */
export async function moveStockForRegisterReceipt(
  tx: Queryable,
  work: {
    locationId: string;
    lines: readonly RegisterStockLine[];
    reference: string;
    actor: string;
    at: Date;
    newId: (prefix: string) => string;
    leading: NewEvent[];
  },
): Promise<void> {
  const skus = await requireSkus(
    tx,
    work.lines.map((l) => l.skuId),
    (i) => `lines[${i}].skuId`,
    { allowBundles: true },
  );
  const movements: NewMovement[] = [];
  for (const [i, line] of work.lines.entries()) {
    const units = await stockedUnits(tx, skus[i]!, Math.abs(line.quantity));
    for (const unit of units) {
      movements.push({
        id: work.newId('mov'),
        skuId: unit.skuId,
        locationId: work.locationId,
        kind: line.quantity < 0 ? 'sell' : 'return',
        quantity: Math.sign(line.quantity) * unit.quantity,
        reason: null,
        reference: work.reference,
      });
    }
  }
  // Sorted so concurrent receipts lock stock levels in the same order.
  movements.sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
  const levels = await applyMovements(tx, movements, work.actor, work.at);
  await emitStockEvents(tx, work.at, {
    leading: work.leading,
    levels,
    change: {
      cause: work.lines.some((l) => l.quantity < 0) ? 'sell' : 'return',
      reference: work.reference,
      deltas: deltasOf(movements),
    },
  });
}
