// Commands whose only record is their journal entry (drawer openings, cash movements, X/Z reports,
// pro-forma prints) — reports and the SAF-T export read them from the journal — plus their event.
import type { RegisterCommandDto } from '@handla/api';
import type { Queryable } from '@handla/db';
import { emitEvent } from '../../outbox/emit';
import type { RegisterRow } from './devices.store';

type JournalOnlyCommand = Exclude<
  RegisterCommandDto,
  { kind: 'sale.complete' | 'return.complete' | 'receipt.copy' }
>;

/** Announces what the journal entry recorded, when anyone may care. */
export async function applyJournalOnly(
  tx: Queryable,
  w: { cmd: JournalOnlyCommand; register: RegisterRow; approvedBy: string | null; now: Date },
): Promise<void> {
  const { cmd, register } = w;
  const base = { aggregateType: 'register', aggregateId: register.id, storeId: register.storeId };
  if (cmd.kind === 'drawer.open') {
    await emitEvent(
      tx,
      {
        ...base,
        type: 'register.drawer_opened',
        data: {
          registerId: register.id,
          cashierId: cmd.cashierId,
          approvedBy: w.approvedBy,
          reason: cmd.reason,
          at: cmd.at,
        },
      },
      w.now,
    );
  } else if (cmd.kind === 'report.x' || cmd.kind === 'report.z') {
    await emitEvent(
      tx,
      {
        ...base,
        type: 'register.report_created',
        data: {
          registerId: register.id,
          reportId: cmd.reportId,
          kind: cmd.kind === 'report.z' ? 'z' : 'x',
          at: cmd.at,
        },
      },
      w.now,
    );
  }
}
