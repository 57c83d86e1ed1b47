// A copy of a completed receipt (KOPIA): the law counts copies, so each one gets its own control
// code and journal entry, queued like a sale, before it is shown or printed.
import type { RegisterCashier, RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  type ComputedReceipt,
  type ControlUnit,
  controlUnitRequestFor,
  type PrintJournalPayload,
  requestControlCode,
  signerFromPrivateKey,
} from '@handla/core';
import { newId } from '../format';
import {
  type DeviceRecord,
  type PosDb,
  readJournalHead,
  recordCompletion,
  type SetupSnapshot,
} from '../offline/db';
import { receiptHtml } from '../receipts/render';

export interface CopyContext {
  db: PosDb;
  device: DeviceRecord;
  setup: SetupSnapshot;
  cashier: RegisterCashier;
  controlUnit: ControlUnit;
  now: () => Date;
}

/** Journals a copy of `original` and returns its id and on-screen HTML (marked KOPIA). */
export async function issueCopy(
  ctx: CopyContext,
  original: { id: string; number: number; completedAt: string; receipt: ComputedReceipt },
): Promise<{ copyId: string; html: string }> {
  const { db, device, setup, cashier } = ctx;
  const head = await readJournalHead(db);
  const at = ctx.now().toISOString();
  const copyId = newId('cpy');
  const controlUnit = await requestControlCode(
    ctx.controlUnit,
    controlUnitRequestFor(original.receipt, {
      organisationNumber: setup.company.orgNumber.replace(/\D/g, ''),
      registerId: setup.register.code,
      receiptNumber: original.number,
      at,
      timeZone: setup.company.timeZone,
      receiptType: 'copy',
    }),
  );
  const payload: PrintJournalPayload = {
    documentId: copyId,
    receiptId: original.id,
    receiptNumber: original.number,
    cashierId: cashier.staffId,
    totalToPay: original.receipt.totalToPay,
    currency: original.receipt.currency,
    controlUnit,
  };
  const entry = await appendEntry(
    head.sequence > 0 ? { registerId: device.registerId, sequence: head.sequence, hash: head.hash } : null,
    { registerId: device.registerId, kind: 'copy', at, payload },
    signerFromPrivateKey(device.privateKey),
  );
  const command: RegisterCommandDto = {
    commandId: newId('cmd'),
    registerId: device.registerId,
    deviceSequence: head.deviceSequence + 1,
    cashierId: cashier.staffId,
    at,
    journalEntry: { ...entry, kind: 'copy' as const },
    kind: 'receipt.copy',
    copyId,
    originalReceiptId: original.id,
    controlUnit,
  };
  await recordCompletion(
    db,
    { sequence: entry.sequence, commandId: command.commandId, command, queuedAt: at },
    { ...head, sequence: entry.sequence, hash: entry.hash, deviceSequence: command.deviceSequence },
  );
  const html = receiptHtml(setup, cashier, original.receipt, {
    receiptId: original.id,
    receiptNumber: original.number,
    at: original.completedAt,
    ...controlUnit,
    printAs: 'copy',
  });
  return { copyId, html };
}
