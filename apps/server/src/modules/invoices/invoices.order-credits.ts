// The `invoices.credit-orders` job: a web order paid by invoice that shrinks — cancelled whole,
// lines cancelled, or goods returned (back office, counter, 3PL) — credits its invoice. Every one
// of those flows ends in a money operation on the order's `invoice` payment (a release of what is
// not captured, or a refund of what was), announced as `payment.voided` / `payment.refunded`
// with the amount it moved. Reading those events covers every flow, today's and later ones, with
// no call in the order or return services; the customer then owes exactly captured − refunded.
// The credit is recorded once per event (its id is in the credit's id); the cursor moves in the
// same transaction, locked `for update skip locked` so two runs never overlap.
import type { DomainEventDto } from '@handla/api';
import type { AppContext } from '../../context';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import { readEventsAfter } from '../../outbox/outbox.store';
import { lockCreditCursor, moveCreditCursor } from './invoice-credits.store';
import { creditInvoiceIn } from './invoices.credit';

const BATCH_EVENTS = 500;
export const CREDIT_ORDERS_EVERY_MS = 5_000;

interface OrderCredit {
  orderId: string;
  amount: number;
  kind: 'released' | 'refunded';
}

/** The credit an event stands for: money of an order's invoice payment given up or given back. */
export function orderCreditOf(event: Pick<DomainEventDto, 'type' | 'data'>): OrderCredit | null {
  if (event.type !== 'payment.voided' && event.type !== 'payment.refunded') return null;
  const data = event.data as { method?: unknown; orderId?: unknown; amount?: unknown };
  if (data.method !== 'invoice' || typeof data.orderId !== 'string') return null;
  if (typeof data.amount !== 'number' || data.amount <= 0) return null;
  return {
    orderId: data.orderId,
    amount: data.amount,
    kind: event.type === 'payment.voided' ? 'released' : 'refunded',
  };
}

async function creditBatch(ctx: AppContext): Promise<{ credited: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const from = await lockCreditCursor(tx);
    if (from === null) return { credited: 0, isCaughtUp: true };
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { credited: 0, isCaughtUp: true };
    let credited = 0;
    const announced: NewEvent[] = [];
    for (const event of events) {
      const credit = orderCreditOf(event);
      if (!credit) continue;
      const done = await creditInvoiceIn(tx, ctx, {
        source: { kind: 'order', id: credit.orderId },
        creditId: `ipm_cr_ev${event.id}`,
        amount: credit.amount,
        // Swedish, as the register's credits ("Retur kvitto 17"): the notes are bookkeeping text.
        note: credit.kind === 'released' ? 'Avbeställt från webborder' : 'Retur av webborder',
      });
      credited += done.length;
      announced.push(...done);
    }
    await moveCreditCursor(tx, Number(last.id));
    // Last: emitting takes the outbox lock until commit.
    if (announced.length > 0) await emitEvents(tx, announced, ctx.clock());
    return { credited, isCaughtUp: events.length < BATCH_EVENTS };
  });
}

/** Credits invoices until caught up with the outbox (at most `maxBatches`); returns the credits. */
export async function creditShrunkOrders(ctx: AppContext, maxBatches = 20): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { credited, isCaughtUp } = await creditBatch(ctx);
    total += credited;
    if (isCaughtUp) break;
  }
  return total;
}
