// A pro-forma print of the cart ("EJ KVITTO"): shown to a customer before paying (a quote, a
// company's purchase approval). The law counts it like a copy: the control unit gets it as type
// pro_forma and gives it a code of its own, and it is journaled and queued like a sale — but it is
// not a receipt: it takes no number of the series and moves no money or goods.
import type { RegisterCashier, RegisterCommandDto } from '@handla/api';
import {
  appendEntry,
  type ComputedReceipt,
  type ControlUnit,
  type ControlUnitResponse,
  controlUnitRequestFor,
  type JournalSigner,
  type PrintJournalPayload,
  priceSaleDraft,
  requestControlCode,
  signerFromPrivateKey,
} from '@handla/core';
import { newId } from '../format';
import {
  type DeviceRecord,
  type JournalHead,
  type PosDb,
  readJournalHead,
  recordCompletion,
  type SetupSnapshot,
} from '../offline/db';
import { receiptHtml } from '../receipts/render';
import type { Cart } from '../sale/cart';
import { draftOf, policyFor } from '../sale/draft';

export interface ProFormaInput {
  registerId: string;
  head: JournalHead;
  setup: Pick<SetupSnapshot, 'company' | 'register' | 'discountLimits'>;
  cashier: Pick<RegisterCashier, 'staffId' | 'role'>;
  controlUnit: ControlUnit;
  signer: JournalSigner;
  isTraining: boolean;
  at: string;
  proFormaId: string;
  commandId: string;
}

/** The journaled pro-forma of `cart`: the priced receipt, its control code, entry and command. */
export async function buildProForma(
  cart: Cart,
  input: ProFormaInput,
): Promise<{
  receipt: ComputedReceipt;
  command: RegisterCommandDto;
  receiptNumber: number;
  controlUnit: ControlUnitResponse;
}> {
  const { setup, head, at } = input;
  const currency = setup.company.currency;
  const draft = draftOf(cart, currency, input.isTraining, []);
  const receipt = priceSaleDraft(draft, policyFor(input.cashier.role, setup.discountLimits));
  // The number the sale would get; told to the control unit, not taken from the series.
  const receiptNumber = head.receiptNumber + 1;
  const controlUnit = await requestControlCode(
    input.controlUnit,
    controlUnitRequestFor(receipt, {
      organisationNumber: setup.company.orgNumber.replace(/\D/g, ''),
      registerId: setup.register.code,
      receiptNumber,
      at,
      timeZone: setup.company.timeZone,
      receiptType: 'pro_forma',
    }),
  );
  const payload: PrintJournalPayload = {
    documentId: input.proFormaId,
    receiptNumber,
    cashierId: input.cashier.staffId,
    totalToPay: receipt.totalToPay,
    currency,
    controlUnit,
    receipt,
  };
  const entry = await appendEntry(
    head.sequence > 0 ? { registerId: input.registerId, sequence: head.sequence, hash: head.hash } : null,
    { registerId: input.registerId, kind: 'pro_forma', at, payload },
    input.signer,
  );
  const command: RegisterCommandDto = {
    commandId: input.commandId,
    registerId: input.registerId,
    deviceSequence: head.deviceSequence + 1,
    cashierId: input.cashier.staffId,
    at,
    journalEntry: { ...entry, kind: 'pro_forma' as const },
    kind: 'receipt.pro_forma',
    proFormaId: input.proFormaId,
    draft: { ...draft, lines: [...draft.lines], payments: [] },
    controlUnit,
  };
  return { receipt, command, receiptNumber, controlUnit };
}

export interface ProFormaContext {
  db: PosDb;
  device: DeviceRecord;
  setup: SetupSnapshot;
  cashier: RegisterCashier;
  controlUnit: ControlUnit;
  isTraining: boolean;
  now: () => Date;
}

/** Journals and queues a pro-forma of `cart`; returns its id and the on-screen HTML (EJ KVITTO). */
export async function issueProForma(
  ctx: ProFormaContext,
  cart: Cart,
): Promise<{ proFormaId: string; html: string }> {
  const head = await readJournalHead(ctx.db);
  const at = ctx.now().toISOString();
  const proFormaId = newId('pfm');
  const { receipt, command, receiptNumber, controlUnit } = await buildProForma(cart, {
    registerId: ctx.device.registerId,
    head,
    setup: ctx.setup,
    cashier: ctx.cashier,
    controlUnit: ctx.controlUnit,
    signer: signerFromPrivateKey(ctx.device.privateKey),
    isTraining: ctx.isTraining,
    at,
    proFormaId,
    commandId: newId('cmd'),
  });
  const entry = command.journalEntry;
  await recordCompletion(
    ctx.db,
    { sequence: entry.sequence, commandId: command.commandId, command, queuedAt: at },
    { ...head, sequence: entry.sequence, hash: entry.hash, deviceSequence: command.deviceSequence },
  );
  const html = receiptHtml(ctx.setup, ctx.cashier, receipt, {
    receiptId: proFormaId,
    receiptNumber,
    at,
    ...controlUnit,
    printAs: 'pro_forma',
  });
  return { proFormaId, html };
}
