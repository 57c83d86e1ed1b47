// Applying a register's commands: each exactly once (a repeat returns the stored result), in its
// own transaction, only as the next link of the register's journal (sequence = last + 1, previous
// hash = last hash, signed by the device), with the sale recomputed and its stock moved.
import { createHash } from 'node:crypto';
import type { CommandResultDto, RegisterCommandDto } from '@handla/api';
import {
  type ComputedReceipt,
  canonicalJson,
  DomainError,
  type JournalEntry,
  type JournalEntryKind,
  verifyJournal,
} from '@handla/core';
import type { AppContext } from '../../context';
import { findCustomerPricing } from '../customers/customers.lookups';
import { checkManagerApproval } from './cashiers.service';
import * as commands from './commands.store';
import { applyCopy } from './copies.apply';
import type { DeviceRow, RegisterRow } from './devices.store';
import { findCashierById, findSettings } from './devices.store';
import * as journal from './journal.store';
import { applyJournalOnly } from './journal-only.apply';
import { checkLinePrices, checkReceiptPayload, invalidField, type PriceDeviation } from './receipt-checks';
import { applyReceipt } from './receipts.apply';

// The journal entry kind each command must come with.
const JOURNAL_KIND: Record<RegisterCommandDto['kind'], JournalEntryKind> = {
  'sale.complete': 'receipt',
  'return.complete': 'receipt',
  'receipt.copy': 'copy',
  'receipt.pro_forma': 'pro_forma',
  'drawer.open': 'drawer_open',
  'cash.movement': 'cash_movement',
  'report.x': 'report_x',
  'report.z': 'report_z',
};

/** Applies a batch in order; stops at the first refusal (the ones before it stay applied). */
export async function applyCommandBatch(
  ctx: AppContext,
  register: RegisterRow,
  device: DeviceRow,
  batch: readonly RegisterCommandDto[],
): Promise<CommandResultDto[]> {
  const results: CommandResultDto[] = [];
  for (const [i, cmd] of batch.entries()) {
    results.push(await applyCommand(ctx, register, device, cmd, `commands.${i}.`));
  }
  return results;
}

const bodyHashOf = (cmd: RegisterCommandDto) =>
  createHash('sha256').update(canonicalJson(cmd)).digest('base64url');

function repeatOf(stored: commands.StoredCommand, bodyHash: string, field: string): CommandResultDto {
  if (stored.bodyHash !== bodyHash) {
    throw new DomainError('duplicate', 'This command id was used for a different command.', [
      { field: `${field}commandId`, message: 'Already used for another command' },
    ]);
  }
  return { ...stored.result, isRepeat: true };
}

async function applyCommand(
  ctx: AppContext,
  register: RegisterRow,
  device: DeviceRow,
  cmd: RegisterCommandDto,
  field: string,
): Promise<CommandResultDto> {
  const bodyHash = bodyHashOf(cmd);
  const seen = await commands.findCommand(ctx.db, cmd.commandId);
  if (seen) return repeatOf(seen, bodyHash, field);

  // Everything that needs no lock is checked before the transaction, to keep it short.
  const entry = cmd.journalEntry as JournalEntry;
  if (cmd.registerId !== register.id) throw forbiddenRegister(`${field}registerId`);
  if (entry.registerId !== register.id) throw forbiddenRegister(`${field}journalEntry.registerId`);
  if (entry.kind !== JOURNAL_KIND[cmd.kind]) {
    throw invalidField(`${field}journalEntry.kind`, `Must be ${JOURNAL_KIND[cmd.kind]} for ${cmd.kind}`);
  }
  const signed = await verifyJournal([entry], device.publicKey, {
    sequence: entry.sequence - 1,
    hash: entry.previousHash,
  });
  if (!signed.ok) {
    const part = signed.reason.startsWith('bad_signature') ? 'signature' : 'hash';
    throw invalidField(
      `${field}journalEntry.${part}`,
      signed.reason,
      'The journal entry is not signed by this device.',
    );
  }
  const cashier = await findCashierById(ctx.db, cmd.cashierId);
  if (!cashier || (cashier.storeId !== null && cashier.storeId !== register.storeId)) {
    throw invalidField(`${field}cashierId`, 'Not a cashier of this store');
  }
  const isManager = cashier.role !== 'cashier';
  const place = { registerId: register.id, storeId: register.storeId, companyId: register.companyId };
  const approvedBy = cmd.approval
    ? (await checkManagerApproval(ctx, place, cmd.approval, `${field}approval.`)).staffId
    : null;
  const needsManager = (what: string) => {
    if (!isManager && !approvedBy) {
      throw new DomainError('forbidden', `${what} needs a manager’s approval.`, [
        { field: `${field}approval`, message: 'A manager’s number and PIN are required' },
      ]);
    }
  };

  let computed: ComputedReceipt | null = null;
  let priceDeviations: PriceDeviation[] = [];
  if (cmd.kind === 'sale.complete' || cmd.kind === 'return.complete') {
    computed = checkReceiptPayload(cmd, cashier.role, field);
    const isReturn = cmd.kind === 'return.complete';
    cmd.draft.lines.forEach((line, i) => {
      if (isReturn ? line.quantity > 0 : line.quantity < 0) {
        throw invalidField(
          `${field}draft.lines[${i}].quantity`,
          isReturn ? 'Must be negative on a return' : 'Use return.complete for returns',
        );
      }
    });
    if (isReturn && !cmd.originalReceiptId) needsManager('A return without a receipt');
    if (cmd.draft.customerId && !(await findCustomerPricing(ctx.db, cmd.draft.customerId))) {
      throw invalidField(`${field}draft.customerId`, 'Unknown customer');
    }
    if (cmd.draft.isTraining && !(await findSettings(ctx.db, register.id)).isTrainingAllowed) {
      throw invalidField(`${field}draft.isTraining`, 'Training mode is off for this register');
    }
    priceDeviations = await checkLinePrices(
      ctx,
      cmd,
      register.storeId,
      isManager || approvedBy !== null,
      field,
    );
  }
  if (cmd.kind === 'drawer.open') needsManager('Opening the drawer without a sale');

  const now = ctx.clock();
  const result: CommandResultDto = {
    commandId: cmd.commandId,
    kind: cmd.kind,
    sequence: entry.sequence,
    isRepeat: false,
    receiptId: 'receiptId' in cmd ? cmd.receiptId : null,
    receiptNumber: 'receiptNumber' in cmd ? cmd.receiptNumber : null,
  };
  return ctx.db.transaction(async (tx) => {
    const head = await journal.lockJournalHead(tx, register.id);
    // A concurrent send of the same command may have committed while this one waited for the lock.
    const raced = await commands.findCommand(tx, cmd.commandId);
    if (raced) return repeatOf(raced, bodyHash, field);
    const expected = (head?.sequence ?? 0) + 1;
    if (entry.sequence !== expected) {
      throw new DomainError('journal_gap', `Journal entry ${expected} is next; got ${entry.sequence}.`, [
        { field: `${field}journalEntry.sequence`, message: `Expected ${expected}` },
      ]);
    }
    if (entry.previousHash !== (head?.hash ?? '')) {
      throw new DomainError('journal_gap', 'The entry does not chain to the last one the server holds.', [
        { field: `${field}journalEntry.previousHash`, message: 'Not the hash of the previous entry' },
      ]);
    }
    await journal.insertJournalEntry(tx, { ...entry, deviceId: device.id }, now);
    await commands.insertCommand(tx, {
      commandId: cmd.commandId,
      registerId: register.id,
      kind: cmd.kind,
      bodyHash,
      result,
      at: now,
    });
    if (cmd.kind === 'sale.complete' || cmd.kind === 'return.complete') {
      await applyReceipt(tx, ctx, {
        cmd,
        field,
        register,
        approvedBy,
        computed: computed!,
        now,
        priceDeviations,
      });
    } else if (cmd.kind === 'receipt.copy') {
      await applyCopy(tx, { cmd, field, register, now });
    } else {
      await applyJournalOnly(tx, { cmd, register, approvedBy, now, field });
    }
    return result;
  });
}

function forbiddenRegister(field: string): DomainError {
  return new DomainError('forbidden', 'A device can only act for its own register.', [
    { field, message: 'Not this device’s register' },
  ]);
}
