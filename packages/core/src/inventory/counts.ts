// Stocktaking: a sheet per location snapshots the expected on-hand; counted quantities become
// `count` movements for the differences when the sheet is completed.
import type { SkuQuantity } from './availability';
import type { StatusMove } from './state-machine';

/** Where a count sheet is: being counted, booked, or dropped. */
export type StockCountStatus = 'open' | 'completed' | 'cancelled';

/** Every move a count sheet may make. */
export const STOCK_COUNT_MOVES: readonly StatusMove<StockCountStatus>[] = [
  { from: 'open', to: 'completed', reason: 'The differences are booked as count movements in one step' },
  { from: 'open', to: 'cancelled', reason: 'A count that was abandoned books nothing' },
];

/** A line of a count sheet: the on-hand it expected and what was counted (null: not counted). */
export interface CountLine {
  skuId: string;
  expectedOnHand: number;
  countedQuantity: number | null;
}

/**
 * The adjustments a completed count books: counted − expected for every counted line that differs.
 * The difference is taken against the snapshot, not today's on-hand, so sales recorded while the
 * shelves were being counted are not undone. Lines nobody counted book nothing.
 */
export function countAdjustments(lines: readonly CountLine[]): SkuQuantity[] {
  return lines.flatMap((line) =>
    line.countedQuantity === null || line.countedQuantity === line.expectedOnHand
      ? []
      : [{ skuId: line.skuId, quantity: line.countedQuantity - line.expectedOnHand }],
  );
}
