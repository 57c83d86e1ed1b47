// Drawer openings, cash movements and X/Z reports as the register records them, online or not:
// append and sign the journal entry from the local head, then queue the command and move the head
// in ONE IndexedDB transaction — the same path a sale takes (see ../pay/complete-sale.ts).
import type { RegisterCashier, RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  type CashCount,
  type CashMovementJournalPayload,
  type CashMovementKind,
  type DayReport,
  type DrawerOpenJournalPayload,
  type JournalEntryKind,
  type ReportJournalPayload,
  signerFromPrivateKey,
} from '@handla/core';
import { newId } from '../format';
import {
  type DeviceRecord,
  type JournalHead,
  type PosDb,
  readJournalHead,
  recordCompletion,
} from '../offline/db';

export interface CashContext {
  db: PosDb;
  device: DeviceRecord;
  cashier: RegisterCashier;
  now: () => Date;
}

type Approval = { staffNumber: string; pin: string };

/** The command-specific part of a journal-only command. */
export type CommandBody =
  | { kind: 'drawer.open'; reason: string }
  | { kind: 'cash.movement'; movement: CashMovementKind; amount: number; currency: string; note?: string }
  | { kind: 'report.x' | 'report.z'; reportId: string; cashCount?: CashCount[] };

/**
 * Appends and signs the entry after `head` and makes the command the server receives. Pure apart
 * from signing, so the command's shape is tested against the contract without IndexedDB.
 */
export async function buildJournalCommand(
  input: {
    head: JournalHead;
    registerId: string;
    privateKey: CryptoKey;
    cashierId: string;
    at: string;
    commandId: string;
  },
  entryKind: JournalEntryKind,
  payload: unknown,
  body: CommandBody,
  approval?: Approval,
): Promise<RegisterCommandDto> {
  const { head, registerId } = input;
  const entry = await appendEntry(
    head.sequence > 0 ? { registerId, sequence: head.sequence, hash: head.hash } : null,
    { registerId, kind: entryKind, at: input.at, payload },
    signerFromPrivateKey(input.privateKey),
  );
  return {
    commandId: input.commandId,
    registerId,
    deviceSequence: head.deviceSequence + 1,
    cashierId: input.cashierId,
    at: input.at,
    journalEntry: { ...entry, kind: entryKind },
    ...(approval ? { approval } : {}),
    ...body,
  } as RegisterCommandDto;
}

async function record(
  ctx: CashContext,
  entryKind: JournalEntryKind,
  payload: unknown,
  body: CommandBody,
  approval?: Approval,
): Promise<RegisterCommandDto> {
  const { db, device, cashier } = ctx;
  const head = await readJournalHead(db);
  const at = ctx.now().toISOString();
  const command = await buildJournalCommand(
    {
      head,
      registerId: device.registerId,
      privateKey: device.privateKey,
      cashierId: cashier.staffId,
      at,
      commandId: newId('cmd'),
    },
    entryKind,
    payload,
    body,
    approval,
  );
  const { sequence, hash } = command.journalEntry;
  await recordCompletion(
    db,
    { sequence, commandId: command.commandId, command, queuedAt: at },
    { ...head, sequence, hash, deviceSequence: command.deviceSequence },
  );
  return command;
}

/** True when this cashier may open the drawer without a sale alone (the server checks the same). */
export function mayOpenDrawerAlone(cashier: Pick<RegisterCashier, 'role'>): boolean {
  return cashier.role !== 'cashier';
}

/** Opens the drawer without a sale: a cashier needs a manager's approval. */
export function recordDrawerOpening(ctx: CashContext, reason: string, approval?: Approval) {
  const payload: DrawerOpenJournalPayload = { cashierId: ctx.cashier.staffId, reason };
  return record(ctx, 'drawer_open', payload, { kind: 'drawer.open', reason }, approval);
}

/** A float, income, expense (petty cash) or deposit in one currency. */
export function recordCashMovement(
  ctx: CashContext,
  movement: { movement: CashMovementKind; amount: number; currency: string; note?: string },
) {
  const payload: CashMovementJournalPayload = { cashierId: ctx.cashier.staffId, ...movement };
  return record(ctx, 'cash_movement', payload, { kind: 'cash.movement', ...movement });
}

/**
 * An X report (changes nothing) or a Z report (closes the day) with the figures the register saw
 * and the cash counted; the server recomputes the figures from the journal.
 */
export function recordDayReport(
  ctx: CashContext,
  report: DayReport,
  cashCount: CashCount[],
): Promise<RegisterCommandDto> {
  const reportId = newId(report.kind === 'z' ? 'zr' : 'xr');
  const payload: ReportJournalPayload = {
    ...report,
    reportId,
    cashierId: ctx.cashier.staffId,
    ...(cashCount.length > 0 ? { cashCount } : {}),
  };
  const kind = report.kind === 'z' ? 'report.z' : 'report.x';
  return record(ctx, report.kind === 'z' ? 'report_z' : 'report_x', payload, {
    kind,
    reportId,
    ...(cashCount.length > 0 ? { cashCount } : {}),
  });
}
