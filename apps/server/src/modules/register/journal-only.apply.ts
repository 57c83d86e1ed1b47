// Commands whose only record is their journal entry (drawer openings, cash movements, X/Z reports,
// pro-forma prints) — reports and the SAF-T export read them from the journal — plus their event.
import type { RegisterCommandDto } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import { emitEvent } from '../../outbox/emit';
import type { RegisterRow } from './devices.store';
import { isReportIdUsed } from './journal.store';

type JournalOnlyCommand = Exclude<
  RegisterCommandDto,
  { kind: 'sale.complete' | 'return.complete' | 'receipt.copy' }
>;

/**
 * Announces what the journal entry recorded, when anyone may care. A report names itself: its id
 * must be new on the register (reports are looked up and printed by it), and the signed entry must
 * carry the same id — else the whole command is refused and nothing of it stays.
 */
export async function applyJournalOnly(
  tx: Queryable,
  w: {
    cmd: JournalOnlyCommand;
    register: RegisterRow;
    approvedBy: string | null;
    now: Date;
    /** The command's place in the batch, `commands.N.`, for errors. */
    field: string;
  },
): Promise<void> {
  const { cmd, register } = w;
  if (cmd.kind === 'report.x' || cmd.kind === 'report.z') await checkReportId(tx, cmd, register, w.field);
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

async function checkReportId(
  tx: Queryable,
  cmd: Extract<JournalOnlyCommand, { kind: 'report.x' | 'report.z' }>,
  register: RegisterRow,
  field: string,
): Promise<void> {
  const entry = cmd.journalEntry as { sequence: number; payload?: { reportId?: unknown } };
  if (entry.payload?.reportId !== cmd.reportId) {
    throw new DomainError('validation_failed', 'The journal entry names another report.', [
      { field: `${field}journalEntry.payload.reportId`, message: `Must be ${cmd.reportId}` },
    ]);
  }
  if (await isReportIdUsed(tx, register.id, cmd.reportId, entry.sequence)) {
    throw new DomainError('duplicate', `Report ${cmd.reportId} already exists on this register.`, [
      { field: `${field}reportId`, message: 'Already used by another report' },
    ]);
  }
}
