// A receipt copy (KOPIA): its own journal entry and control code, counted, printable by its id.
import type { RegisterCommandDto } from '@handla/api';
import { canonicalJson, type PrintJournalPayload } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { RegisterRow } from './devices.store';
import { invalidField } from './receipt-checks';
import * as receipts from './receipts.store';

type CopyCommand = Extract<RegisterCommandDto, { kind: 'receipt.copy' }>;

/** Records the copy; the original must be a receipt of this register's store. */
export async function applyCopy(
  tx: Queryable,
  w: { cmd: CopyCommand; field: string; register: RegisterRow; now: Date },
): Promise<void> {
  const { cmd, field, register } = w;
  const original = await receipts.findReceipt(tx, cmd.originalReceiptId);
  if (!original || original.storeId !== register.storeId) {
    throw invalidField(`${field}originalReceiptId`, 'No such receipt in this store');
  }
  const payload = cmd.journalEntry.payload as Partial<PrintJournalPayload> | null;
  if (cmd.journalEntry.kind !== 'copy') throw invalidField(`${field}journalEntry.kind`, 'Must be copy');
  if (payload?.receiptId !== original.id) {
    throw invalidField(`${field}journalEntry.payload.receiptId`, 'Must be the copied receipt');
  }
  if (canonicalJson(payload.controlUnit ?? null) !== canonicalJson(cmd.controlUnit)) {
    throw invalidField(`${field}journalEntry.payload.controlUnit`, 'Must equal the command’s controlUnit');
  }
  await receipts.insertCopy(tx, {
    id: cmd.copyId,
    receiptId: original.id,
    registerId: register.id,
    journalSequence: cmd.journalEntry.sequence,
    controlCode: cmd.controlUnit.controlCode,
    controlUnitSerial: cmd.controlUnit.serialNumber,
    occurredAt: cmd.at,
  });
}
