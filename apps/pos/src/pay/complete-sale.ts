// Completing a sale on the device, online or not, in the order the law and the journal need:
// 1 compute with the core (refuses bad discounts and short payments), 2 number it from the local
// journal head, 3 get the control unit's code (no code, no receipt), 4 append and sign the
// journal entry, 5 store the command, the new head and the receipt in ONE IndexedDB transaction,
// and only then 6 show the receipt. A crash before 5 leaves nothing half done; after 5 the sale
// is safe on the device and goes to the server with the queue.
import type { RegisterCashier, RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  type ComputedReceipt,
  type ControlUnit,
  computeReceipt,
  controlUnitRequestFor,
  type PaymentInput,
  type ReceiptJournalPayload,
  requestControlCode,
  signerFromPrivateKey,
} from '@handla/core';
import { newId } from '../format';
import {
  type DeviceRecord,
  type LocalReceipt,
  type PosDb,
  readJournalHead,
  recordCompletion,
  type SetupSnapshot,
} from '../offline/db';
import type { ReceiptMeta } from '../receipts/render';
import type { Cart } from '../sale/cart';
import { draftOf, policyFor } from '../sale/draft';

export interface CompletionContext {
  db: PosDb;
  device: DeviceRecord;
  setup: SetupSnapshot;
  cashier: RegisterCashier;
  controlUnit: ControlUnit;
  /** Renders the receipt for the screen ("elektroniskt kassakvitto"). */
  renderHtml: (receipt: ComputedReceipt, meta: ReceiptMeta) => string;
  now: () => Date;
}

/** Completes the cart as a sale (or, with `returnOf`, a return) and returns the stored receipt. */
export async function completeSale(
  ctx: CompletionContext,
  cart: Cart,
  payments: PaymentInput[],
  options: {
    isTraining: boolean;
    returnOf?: {
      originalReceiptId: string | null;
      originalReceiptNumber?: number;
      approval?: { staffNumber: string; pin: string };
    };
  },
): Promise<LocalReceipt<ComputedReceipt>> {
  const { db, device, setup, cashier } = ctx;
  // The prices the register sold by, so a price changed while it was offline does not refuse the sale.
  const draft = {
    ...draftOf(cart, setup.company.currency, options.isTraining, payments),
    pricesAsOf: setup.pricedAt,
  };
  const receipt = computeReceipt(draft, policyFor(cashier.role, setup.discountLimits)); // 1

  const head = await readJournalHead(db); // 2
  const receiptNumber = head.receiptNumber + 1;
  const at = ctx.now().toISOString();
  const receiptId = newId('rcp');

  const controlUnit = await requestControlCode(
    ctx.controlUnit,
    controlUnitRequestFor(receipt, {
      organisationNumber: setup.company.orgNumber.replace(/\D/g, ''),
      registerId: setup.register.code,
      receiptNumber,
      at,
      timeZone: setup.company.timeZone,
    }),
  ); // 3

  const payload: ReceiptJournalPayload = {
    receiptId,
    receiptNumber,
    cashierId: cashier.staffId,
    ...(options.returnOf ? { originalReceiptId: options.returnOf.originalReceiptId } : {}),
    receipt,
    controlUnit,
  };
  const entry = await appendEntry(
    head.sequence > 0 ? { registerId: device.registerId, sequence: head.sequence, hash: head.hash } : null,
    { registerId: device.registerId, kind: 'receipt', at, payload },
    signerFromPrivateKey(device.privateKey),
  ); // 4

  const base = {
    commandId: newId('cmd'),
    registerId: device.registerId,
    deviceSequence: head.deviceSequence + 1,
    cashierId: cashier.staffId,
    at,
    journalEntry: { ...entry, kind: 'receipt' as const },
    ...(options.returnOf?.approval ? { approval: options.returnOf.approval } : {}),
    receiptId,
    receiptNumber,
    draft: { ...draft, lines: [...draft.lines], payments: [...draft.payments] },
    controlUnit,
  };
  const command: RegisterCommandDto = options.returnOf
    ? { ...base, kind: 'return.complete', originalReceiptId: options.returnOf.originalReceiptId }
    : { ...base, kind: 'sale.complete' };

  const local: LocalReceipt<ComputedReceipt> = {
    id: receiptId,
    number: receiptNumber,
    completedAt: at,
    totalInclVat: receipt.totalToPay,
    isTraining: receipt.isTraining,
    kind: options.returnOf ? 'return' : 'sale',
    receipt,
    html: ctx.renderHtml(receipt, {
      receiptId,
      receiptNumber,
      at,
      ...controlUnit,
      ...(options.returnOf?.originalReceiptNumber
        ? { originalReceiptNumber: options.returnOf.originalReceiptNumber }
        : {}),
    }),
  };
  await recordCompletion(
    db,
    { sequence: entry.sequence, commandId: command.commandId, command, queuedAt: at },
    { sequence: entry.sequence, hash: entry.hash, receiptNumber, deviceSequence: base.deviceSequence },
    local,
    cart.id,
  ); // 5
  return local; // 6
}
