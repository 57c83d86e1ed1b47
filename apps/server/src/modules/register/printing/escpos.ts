// A receipt document as ESC/POS bytes for an 80 mm receipt printer (48 columns of font A), made
// with the maintained encoder package. Code page 858 (cp850 with €) holds å, ä, ö and ×.
import type { ReceiptBlock, ReceiptDocument } from '@handla/core';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

export interface EscPosOptions {
  /** Characters per line at normal size: 48 on 80 mm paper, 32 on 58 mm. */
  columns?: number;
  /** Open the cash drawer on the printer's drawer port as the receipt starts printing. */
  openDrawer?: boolean;
}

// The drawer kick: pin 2 of the printer's RJ-11 drawer port, 100 ms on, 500 ms off (the usual
// solenoid timing; the encoder's defaults).
function kickDrawer(encoder: ReceiptPrinterEncoder): ReceiptPrinterEncoder {
  return encoder.pulse(0, 100, 500);
}

/** "left ……… right" on one line, or the right part on a line of its own when both do not fit. */
export function padRow(left: string, right: string, columns: number): string[] {
  const gap = columns - left.length - right.length;
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  return [left, right.padStart(columns)];
}

function printBlock(encoder: ReceiptPrinterEncoder, block: ReceiptBlock, columns: number): void {
  switch (block.type) {
    case 'text': {
      const size = block.size ?? 1;
      encoder
        .align(block.align ?? 'left')
        .bold(block.bold ?? false)
        .size(size, size)
        .line(block.text)
        .size(1, 1)
        .bold(false)
        .align('left');
      return;
    }
    case 'row': {
      const size = block.size ?? 1;
      encoder.bold(block.bold ?? false).size(size, size);
      for (const line of padRow(block.left, block.right, Math.floor(columns / size))) encoder.line(line);
      encoder.size(1, 1).bold(false);
      return;
    }
    case 'separator':
      encoder.line('-'.repeat(columns));
      return;
    case 'qr':
      encoder
        .align('center')
        .qrcode(block.data, { model: 2, size: 6, errorlevel: 'm' })
        .newline()
        .align('left');
      return;
    case 'feed':
      encoder.newline(block.lines);
      return;
  }
}

/** Encodes the document for an Epson-compatible printer, ending with a partial cut. */
export function encodeReceiptEscPos(document: ReceiptDocument, options: EscPosOptions = {}): Uint8Array {
  const columns = options.columns ?? 48;
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, codepageMapping: 'epson' });
  encoder.initialize().codepage('cp858');
  if (options.openDrawer) kickDrawer(encoder);
  for (const block of document.blocks) printBlock(encoder, block, columns);
  return encoder.cut('partial').encode();
}

/** Only the drawer kick, for opening the drawer without a sale: nothing is printed or cut. */
export function encodeDrawerKick(): Uint8Array {
  return kickDrawer(
    new ReceiptPrinterEncoder({ language: 'esc-pos', codepageMapping: 'epson' }).initialize(),
  ).encode();
}
