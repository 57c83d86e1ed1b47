// SQL of the `invoices.credit-orders` job's cursor over the outbox (one row, migration 0038).
import type { Queryable } from '@handla/db';

/** The last event the job handled, locked; null while another run holds it. */
export async function lockCreditCursor(q: Queryable): Promise<number | null> {
  const [row] = await q.query<{ lastEventId: string }>(
    'select last_event_id as "lastEventId" from invoice_credit_cursor where id = 1 for update skip locked',
  );
  return row ? Number(row.lastEventId) : null;
}

export async function moveCreditCursor(q: Queryable, lastEventId: number): Promise<void> {
  await q.query('update invoice_credit_cursor set last_event_id = $1 where id = 1', [lastEventId]);
}
