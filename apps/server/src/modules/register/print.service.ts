// Printing a receipt on its register's network printer: the original once, then only journaled
// copies (each marked KOPIA with its own control code), so a reprint can never pass as an original.
import type { PrintResult } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { findSettings } from './devices.store';
import { encodeReceiptEscPos } from './printing/escpos';
import { sendToPrinter } from './printing/send-to-printer';
import { receiptDocumentOf } from './receipts.service';
import * as store from './receipts.store';

/** Sends the receipt (or its copy `copyId`) to the printer of the register that issued it. */
export async function printReceipt(
  ctx: AppContext,
  receipt: store.ReceiptRow,
  copyId: string | undefined,
): Promise<PrintResult> {
  const settings = await findSettings(ctx.db, receipt.registerId);
  if (!settings.printerHost) {
    throw new DomainError('invalid_state', 'This register has no receipt printer configured.', [
      { field: 'printerHost', message: 'Set it in the register settings' },
    ]);
  }
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
  const bytes = encodeReceiptEscPos(document);
  const printer = { host: settings.printerHost, port: settings.printerPort ?? 9100 };
  await sendToPrinter(bytes, printer);
  await store.insertPrint(ctx.db, receipt.id, copy?.id ?? null, ctx.clock());
  return {
    receiptId: receipt.id,
    copyId: copy?.id ?? null,
    bytes: bytes.length,
    printer: `${printer.host}:${printer.port}`,
  };
}
