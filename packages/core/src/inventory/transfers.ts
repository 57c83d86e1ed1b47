// Moving stock between locations: draft → sent (in transit) → received, with what arrived recorded.
import type { StatusMove } from './state-machine';

/** Where a transfer is in its life: a draft, on its way, arrived, or called off. */
export type TransferStatus = 'draft' | 'sent' | 'received' | 'cancelled';

/** Every move a transfer may make. */
export const TRANSFER_MOVES: readonly StatusMove<TransferStatus>[] = [
  { from: 'draft', to: 'sent', reason: 'The goods leave the source: transfer_out movements, now in transit' },
  { from: 'sent', to: 'received', reason: 'The goods arrive: transfer_in movements for what was counted in' },
  { from: 'draft', to: 'cancelled', reason: 'A plan that was never sent can be dropped; no stock moved' },
];

/** A transfer line as sent and as received (null when nothing has been received yet). */
export interface TransferLineReceipt {
  skuId: string;
  quantity: number;
  receivedQuantity: number | null;
}

/** A line whose arrival differed from what was sent: negative when units went missing. */
export interface TransferDifference {
  skuId: string;
  sentQuantity: number;
  receivedQuantity: number;
  difference: number;
}

/** The lines where what arrived differs from what was sent. */
export function transferDifferences(lines: readonly TransferLineReceipt[]): TransferDifference[] {
  return lines.flatMap((line) => {
    if (line.receivedQuantity === null || line.receivedQuantity === line.quantity) return [];
    return [
      {
        skuId: line.skuId,
        sentQuantity: line.quantity,
        receivedQuantity: line.receivedQuantity,
        difference: line.receivedQuantity - line.quantity,
      },
    ];
  });
}
