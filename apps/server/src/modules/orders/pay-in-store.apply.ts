// A pickup order paid in store is sold as an ordinary register receipt whose lines name the order
// lines they hand over (`draft.webOrderId`, `lines[i].orderLineId`). Applied inside the receipt's
// transaction: those lines consume the order's held stock instead of moving it a second time,
// add-ons move stock as any sale, and the order is collected on the receipt.
//
// A receipt that happened is never refused for the order's sake (it may have been made offline):
// when the order is no longer collectable as the command arrives — cancelled meanwhile, collected,
// a line changed — the receipt is booked as an ordinary sale and the conflict is announced on the
// order (`order.updated` with reason `handover_conflict`) for staff to sort out. What the register
// could not have got wrong without a bug — another store's order, a line not in the order, another
// SKU or price, more units than ordered — is refused, naming the field.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import type { StockActor } from '../inventory/inventory.shared';
import { moveStockForRegisterReceipt } from '../inventory/register-sales';
import { consumeHoldsIn } from '../inventory/reservations.service';
import { recordInStoreSettlementIn } from '../payments/payments.in-store';
import { invalidField } from '../register/receipt-checks';
import type { ReceiptWork } from '../register/receipts.apply';
import { setOrderReceipt } from './handover.store';
import { moveOrderIn } from './orders.lifecycle';
import { findOrder, listOrderLines, type OrderLineRow, type OrderRow } from './orders.store';
import { isCollectable, viewOrder } from './orders.view';
import { settleLine } from './store-orders.store';

/** The stock work of the receipt: its goods lines, sold units negative. */
export type ReceiptStockWork = Parameters<typeof moveStockForRegisterReceipt>[1];

interface Matched {
  order: OrderRow;
  lines: OrderLineRow[];
  /** Units on the receipt per order line id. */
  taken: Map<string, number>;
  /** Indexes of the receipt lines that hand over an order line. */
  orderLineIndexes: Set<number>;
}

// The order, locked, and the receipt's order lines checked against it.
async function matchOrder(tx: Queryable, w: ReceiptWork): Promise<Matched> {
  const at = `${w.field}draft.`;
  const order = await findOrder(tx, { id: w.cmd.draft.webOrderId! }, { forUpdate: true });
  if (!order || order.companyId !== w.register.companyId) {
    throw invalidField(`${at}webOrderId`, 'Unknown order');
  }
  if (order.storeId !== w.register.storeId || order.paymentMethod !== 'in_store') {
    throw invalidField(`${at}webOrderId`, 'Not a pay-in-store order of this store');
  }
  const lines = await listOrderLines(tx, [order.id]);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const taken = new Map<string, number>();
  const orderLineIndexes = new Set<number>();
  for (const [i, line] of w.cmd.draft.lines.entries()) {
    if (!line.orderLineId) continue;
    const field = `${at}lines[${i}]`;
    const ordered = byId.get(line.orderLineId);
    if (!ordered) throw invalidField(`${field}.orderLineId`, 'Not a line of the order');
    if (line.skuId !== ordered.skuId) throw invalidField(`${field}.skuId`, 'Not the SKU of the order line');
    if (line.unitPriceInclVat !== ordered.unitPriceInclVat) {
      throw invalidField(`${field}.unitPriceInclVat`, `The order’s price is ${ordered.unitPriceInclVat}`);
    }
    if (line.vatRateBp !== ordered.vatRateBp) {
      throw invalidField(`${field}.vatRateBp`, `The order’s VAT rate is ${ordered.vatRateBp} bp`);
    }
    const units = (taken.get(ordered.id) ?? 0) + line.quantity;
    if (units > ordered.quantity) {
      throw new DomainError('conflict', 'More units than the order line holds.', [
        { field: `${field}.quantity`, message: `At most ${ordered.quantity}` },
      ]);
    }
    taken.set(ordered.id, units);
    orderLineIndexes.add(i);
  }
  return { order, lines, taken, orderLineIndexes };
}

// The receipt's stock lines without those that hand over order lines: the add-ons.
function addOnLines(stock: ReceiptStockWork, w: ReceiptWork, m: Matched): ReceiptStockWork['lines'] {
  const left = [...stock.lines];
  for (const i of m.orderLineIndexes) {
    const line = w.cmd.draft.lines[i]!;
    const k = left.findIndex((l) => l.skuId === line.skuId && l.quantity === -line.quantity);
    if (k >= 0) left.splice(k, 1);
  }
  return left;
}

// Why the order cannot be collected on this receipt any more, or null when it can.
function conflictOf(m: Matched): string | null {
  if (m.order.status !== 'ready') return `The order is ${m.order.status}, not ready for hand-over`;
  const changed = m.lines.find((l) => m.taken.has(l.id) && !isCollectable(l));
  return changed ? `Line ${changed.sku} is ${changed.state}` : null;
}

/**
 * Books the stock of a sale with `draft.webOrderId` and collects the order on it (see the file's
 * header). Called by `applyReceipt` instead of `moveStockForRegisterReceipt`; never for training.
 */
export async function applyPayInStoreIn(
  tx: Queryable,
  ctx: AppContext,
  w: ReceiptWork,
  stock: ReceiptStockWork,
): Promise<void> {
  const m = await matchOrder(tx, w);
  const conflict = conflictOf(m);
  if (conflict) {
    await moveStockForRegisterReceipt(tx, stock);
    const view = await viewOrder(tx, m.order);
    await emitEvent(
      tx,
      {
        type: 'order.updated',
        aggregateType: 'order',
        aggregateId: m.order.id,
        storeId: m.order.storeId,
        data: {
          order: view,
          reason: 'handover_conflict',
          handoverConflict: { receiptId: w.cmd.receiptId, registerId: w.register.id, detail: conflict },
        },
      },
      w.now,
    );
    return;
  }
  const actor: StockActor = { id: w.cmd.cashierId, storeId: w.register.storeId, isStoreBound: true };
  const collectable = m.lines.filter(isCollectable);
  // Units the shopper left at the counter go back on the shelf; a line left whole is removed.
  const holds = collectable.flatMap((l) =>
    l.reservationId ? [{ id: l.reservationId, quantity: m.taken.get(l.id) ?? 0 }] : [],
  );
  for (const line of collectable) {
    if (!m.taken.has(line.id)) {
      await settleLine(tx, line.id, { state: 'removed', note: 'Not taken at the counter' });
    }
  }
  await setOrderReceipt(tx, m.order.id, w.cmd.receiptId, w.now);
  const paid = w.computed.lines
    .filter((_, i) => m.orderLineIndexes.has(i))
    .reduce((sum, l) => sum + l.amountInclVat, 0);
  await recordInStoreSettlementIn(tx, ctx, {
    paymentId: m.order.paymentId!,
    amount: paid,
    receiptId: w.cmd.receiptId,
    actor: w.cmd.cashierId,
  });
  // Every row is changed before the first event (the receipt's, inside the add-ons' stock move).
  await consumeHoldsIn(tx, ctx, w.now, actor, holds, () =>
    moveStockForRegisterReceipt(tx, { ...stock, lines: addOnLines(stock, w, m) }),
  );
  await moveOrderIn(tx, ctx, m.order, 'collected');
}
