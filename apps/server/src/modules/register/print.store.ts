// SQL for prints that are journal entries only: a pro-forma print and a drawer opened without a sale.
import type { PrintJournalPayload } from '@handla/core';
import type { Queryable } from '@handla/db';

/** The register's `pro_forma` journal entry for the print `proFormaId`, with when it was made. */
export async function findProFormaEntry(
  q: Queryable,
  registerId: string,
  proFormaId: string,
): Promise<{ at: string; payload: PrintJournalPayload } | undefined> {
  const [row] = await q.query<{ at: string; payload: PrintJournalPayload }>(
    `select at, payload from register_journal
      where register_id = $1 and kind = 'pro_forma' and payload->>'documentId' = $2`,
    [registerId, proFormaId],
  );
  return row;
}

/** When the register's `drawer.open` command `commandId` was applied, if it was. */
export async function findDrawerOpening(
  q: Queryable,
  registerId: string,
  commandId: string,
): Promise<Date | undefined> {
  const [row] = await q.query<{ appliedAt: Date }>(
    `select applied_at as "appliedAt" from register_commands
      where command_id = $1 and register_id = $2 and kind = 'drawer.open'`,
    [commandId, registerId],
  );
  return row?.appliedAt;
}
