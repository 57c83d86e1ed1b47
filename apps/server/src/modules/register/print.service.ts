// Printing on a register's network printer: a receipt's original once, then only journaled copies
// (each marked KOPIA with its own control code), so a reprint can never pass as an original; a
// journaled pro-forma print (EJ KVITTO); and the drawer kick, with a cash sale or on its own.
import type { PrintResult } from '@handla/api';
import { buildReceiptDocument, type ComputedReceipt, DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { listStoreRows } from '../stores/stores.store';
import { findCashierById, findSettings, type RegisterRow } from './devices.store';
import { findDrawerOpening, findProFormaEntry } from './print.store';
import { encodeDrawerKick, encodeReceiptEscPos } from './printing/escpos';
import { sendToPrinter } from './printing/send-to-printer';
import { receiptDocumentOf } from './receipts.service';
import * as store from './receipts.store';
import { findCompany } from './setup.lookups';

/** How long after a drawer opening was journaled its kick may be sent (a kick is not a key). */
export const DRAWER_KICK_WINDOW_MS = 5 * 60_000;

async function printerOf(ctx: AppContext, registerId: string) {
  const settings = await findSettings(ctx.db, registerId);
  if (!settings.printerHost) {
    throw new DomainError('invalid_state', 'This register has no receipt printer configured.', [
      { field: 'printerHost', message: 'Set it in the register settings' },
    ]);
  }
  return { host: settings.printerHost, port: settings.printerPort ?? 9100 };
}

async function send(bytes: Uint8Array, printer: { host: string; port: number }, documentId: string) {
  await sendToPrinter(bytes, printer);
  return {
    receiptId: documentId,
    copyId: null,
    bytes: bytes.length,
    printer: `${printer.host}:${printer.port}`,
  };
}

/**
 * Sends the receipt (or its copy `copyId`) to the printer of the register that issued it. The
 * original of a receipt paid (or refunded) in cash opens the drawer; a copy never does.
 */
export async function printReceipt(
  ctx: AppContext,
  receipt: store.ReceiptRow,
  copyId: string | undefined,
): Promise<PrintResult> {
  const printer = await printerOf(ctx, receipt.registerId);
  let copy: Awaited<ReturnType<typeof store.findCopy>>;
  if (copyId) {
    copy = await store.findCopy(ctx.db, copyId);
    if (!copy || copy.receiptId !== receipt.id) {
      throw new DomainError('not_found', `No copy ${copyId} of this receipt.`, [
        { field: 'copyId', message: 'Unknown copy' },
      ]);
    }
  } else if ((await store.countPrints(ctx.db, receipt.id, null)) > 0) {
    throw new DomainError(
      'invalid_state',
      'The original was printed already; journal a receipt.copy and print it by copyId.',
      [{ field: 'copyId', message: 'Required for a reprint' }],
    );
  }
  const document = await receiptDocumentOf(ctx.db, receipt, { isElectronic: false, copy });
  const isCash = (receipt.computed as ComputedReceipt).payments.some((p) => p.method === 'cash');
  const bytes = encodeReceiptEscPos(document, { openDrawer: isCash && !copy });
  await sendToPrinter(bytes, printer);
  await store.insertPrint(ctx.db, receipt.id, copy?.id ?? null, ctx.clock());
  return {
    receiptId: receipt.id,
    copyId: copy?.id ?? null,
    bytes: bytes.length,
    printer: `${printer.host}:${printer.port}`,
  };
}

/**
 * Prints a journaled pro-forma ("EJ KVITTO" twice at double size, from the document's markers)
 * from its journal entry: the priced cart the register signed, with the control unit's answer.
 */
export async function printProForma(
  ctx: AppContext,
  register: RegisterRow,
  proFormaId: string,
): Promise<PrintResult> {
  const entry = await findProFormaEntry(ctx.db, register.id, proFormaId);
  const receipt = entry?.payload.receipt;
  if (!entry || !receipt || receipt.totalToPay !== entry.payload.totalToPay) {
    throw new DomainError('not_found', `No pro-forma print ${proFormaId} on this register.`, [
      { field: 'proFormaId', message: 'Journal a receipt.pro_forma with its receipt first' },
    ]);
  }
  const printer = await printerOf(ctx, register.id);
  const company = await findCompany(ctx.db, register.companyId);
  const shop = (await listStoreRows(ctx.db)).find((s) => s.id === register.storeId);
  const cashier = await findCashierById(ctx.db, entry.payload.cashierId);
  const document = buildReceiptDocument(receipt, {
    company: { name: company.name, organisationNumber: company.orgNumber.replace('-', '') },
    store: {
      name: shop?.name ?? register.storeId,
      addressLines: shop ? [shop.street, `${shop.postalCode} ${shop.city}`] : [],
    },
    registerId: register.code,
    receiptId: proFormaId,
    receiptNumber: entry.payload.receiptNumber ?? 0,
    issuedAt: entry.at,
    timeZone: company.timeZone,
    salesperson: cashier?.name ?? entry.payload.cashierId,
    controlUnit: entry.payload.controlUnit,
    printAs: 'pro_forma',
    isElectronic: false,
  });
  return send(encodeReceiptEscPos(document), printer, proFormaId);
}

/**
 * Opens the drawer without a sale: only for a `drawer.open` command the server applied (it checked
 * the cashier's permission or a manager's approval) within the last few minutes.
 */
export async function kickDrawer(
  ctx: AppContext,
  register: RegisterRow,
  commandId: string,
): Promise<PrintResult> {
  const appliedAt = await findDrawerOpening(ctx.db, register.id, commandId);
  if (!appliedAt) {
    throw new DomainError('not_found', 'No drawer opening with that command id on this register.', [
      { field: 'commandId', message: 'Send the drawer.open command first' },
    ]);
  }
  if (ctx.clock().getTime() - appliedAt.getTime() > DRAWER_KICK_WINDOW_MS) {
    throw new DomainError('invalid_state', 'That drawer opening is too old to open the drawer now.', [
      { field: 'commandId', message: 'Journal a new drawer opening' },
    ]);
  }
  return send(encodeDrawerKick(), await printerOf(ctx, register.id), commandId);
}
