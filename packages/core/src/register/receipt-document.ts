// The receipt as a printer-neutral document: every item SKVFS 2014:9, 7 kap. 1 § asks of a receipt
// (and of a return receipt), plus ours — salesperson, discounts, rounding, change, warranty, a QR.
// Receipts are Swedish legal documents, so their text is Swedish whatever the UI language.
import { formatAmount } from '../money/format';
import { money } from '../money/money';
import { formatVatRate } from '../vat/vat';
import { controlUnitDateTime } from './control-unit';
import type {
  ComputedReceipt,
  ControlUnitResponse,
  ReceiptBlock,
  ReceiptDocument,
  ReceiptKind,
  RegisterPaymentMethod,
} from './types';

/** Who issued the receipt, where, when and under which control code. */
export interface ReceiptDocumentContext {
  readonly company: { readonly name: string; readonly organisationNumber: string };
  /** The place of sale: store name and its address lines. */
  readonly store: { readonly name: string; readonly addressLines: readonly string[] };
  readonly registerId: string;
  readonly receiptId: string;
  readonly receiptNumber: number;
  readonly issuedAt: string;
  readonly timeZone?: string;
  readonly salesperson: string;
  readonly controlUnit: ControlUnitResponse;
  /** A copy or a pro-forma print of the receipt; otherwise the receipt itself. */
  readonly printAs?: 'copy' | 'pro_forma';
  /** E-mailed or shown on screen: says "elektroniskt kassakvitto". */
  readonly isElectronic?: boolean;
  /** On a return: the number of the receipt the goods were bought on. */
  readonly originalReceiptNumber?: number;
}

/** The Swedish names of the means of payment, as printed. */
export const PAYMENT_METHOD_LABELS: Readonly<Record<RegisterPaymentMethod, string>> = {
  cash: 'Kontant',
  card_standalone: 'Kort',
  card_terminal: 'Kort',
  swish: 'Swish',
  gift_card: 'Presentkort',
  voucher: 'Tillgodokvitto',
  invoice: 'Faktura',
};

/** The words a receipt must carry at double size, by what it is (never optional). */
export function receiptMarkers(receipt: ComputedReceipt, printAs?: 'copy' | 'pro_forma'): string[] {
  const markers: string[] = [];
  if (printAs === 'pro_forma') markers.push('EJ KVITTO');
  if (receipt.isTraining) markers.push('ÖVNING');
  if (printAs === 'copy') markers.push('KOPIA');
  return markers;
}

/** Plain spaces and hyphen-minus, which every printer code page has. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}

/** Formats a whole receipt's amounts in one currency. */
function amounts(currency: string) {
  return (minor: number) => plain(formatAmount(money(minor, currency)));
}

function organisationNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

function localDateTime(at: string, timeZone?: string): string {
  const t = controlUnitDateTime(at, timeZone);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}`;
}

function documentKind(receipt: ComputedReceipt, printAs?: 'copy' | 'pro_forma'): ReceiptKind {
  return printAs ?? receipt.kind;
}

const text = (
  value: string,
  style: Omit<Extract<ReceiptBlock, { type: 'text' }>, 'type' | 'text'> = {},
): ReceiptBlock => ({
  type: 'text',
  text: value,
  ...style,
});
const row = (left: string, right: string, bold?: boolean): ReceiptBlock => ({
  type: 'row',
  left,
  right,
  ...(bold ? { bold } : {}),
});
const separator: ReceiptBlock = { type: 'separator' };

function lineBlocks(receipt: ComputedReceipt, fmt: (minor: number) => string): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  for (const line of receipt.lines) {
    if (line.giftCard) {
      // Money onto a card, not goods: no quantity or article number; "…" is not on every code page.
      blocks.push(row(plain(line.name).replace(/…/g, '...'), fmt(line.grossAmount)));
      continue;
    }
    blocks.push(row(line.name, fmt(line.grossAmount)));
    blocks.push(text(`  ${line.quantity} st × ${fmt(line.unitPriceInclVat)}  ${line.skuCode}`));
    // Each promotion by the name the shopper saw it under (issue 9: each discount by name).
    for (const promotion of line.promotionDiscounts ?? []) {
      blocks.push(row(`  ${promotion.name}`, fmt(-promotion.amount)));
    }
    if (line.lineDiscount && line.lineDiscountAmount !== 0) {
      const share =
        line.lineDiscount.kind === 'percent' ? ` ${plain(formatVatRate(line.lineDiscount.value))}` : '';
      blocks.push(row(`  Rabatt${share} (${line.lineDiscount.reason})`, fmt(-line.lineDiscountAmount)));
    }
    if (line.warrantyText) blocks.push(text(`  Garanti: ${line.warrantyText}`));
  }
  return blocks;
}

function totalBlocks(receipt: ComputedReceipt, fmt: (minor: number) => string): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (receipt.receiptDiscount) {
    const { kind, value, reason, amount } = receipt.receiptDiscount;
    const share = kind === 'percent' ? ` ${plain(formatVatRate(value))}` : '';
    blocks.push(row(`Kvittorabatt${share} (${reason})`, fmt(-amount)));
  }
  if (receipt.discountTotal !== 0) blocks.push(row('Varav rabatt totalt', fmt(-receipt.discountTotal)));
  if (receipt.roundingAmount !== 0) {
    blocks.push(row('Summa', fmt(receipt.total)));
    blocks.push(row('Öresavrundning', fmt(receipt.roundingAmount)));
  }
  blocks.push(row(receipt.totalToPay < 0 ? 'ATT ÅTERBETALA' : 'ATT BETALA', fmt(receipt.totalToPay), true));
  blocks.push(separator);
  for (const rate of receipt.vat.byRate) {
    blocks.push(
      row(`Moms ${plain(formatVatRate(rate.vatRateBp))} på ${fmt(rate.netAmount)}`, fmt(rate.vatAmount)),
    );
  }
  blocks.push(row('Moms totalt', fmt(receipt.vat.totalVat)));
  if (receipt.negativeLinesTotal !== 0)
    blocks.push(row('Summa negativa poster', fmt(receipt.negativeLinesTotal)));
  blocks.push(separator);
  for (const payment of receipt.payments) {
    const label = PAYMENT_METHOD_LABELS[payment.method] + (payment.reference ? ` ${payment.reference}` : '');
    blocks.push(row(label, fmt(payment.tendered ?? payment.amount)));
  }
  if (receipt.changeAmount !== 0) blocks.push(row('Växel', fmt(receipt.changeAmount)));
  return blocks;
}

/** The receipt as blocks any printer or screen can render; markers cannot be turned off. */
export function buildReceiptDocument(
  receipt: ComputedReceipt,
  context: ReceiptDocumentContext,
): ReceiptDocument {
  const fmt = amounts(receipt.currency);
  // The law asks for the marker in text at least twice the size of the amounts, at least twice.
  const markers = receiptMarkers(receipt, context.printAs).map((m) =>
    text(m, { size: 2, bold: true, align: 'center' }),
  );
  const isReturn = receipt.kind === 'return' || (receipt.isTraining && receipt.totalToPay < 0);
  const blocks: ReceiptBlock[] = [
    ...markers,
    ...(context.isElectronic ? [text('Elektroniskt kassakvitto', { align: 'center', bold: true })] : []),
    text(context.company.name, { size: 2, bold: true, align: 'center' }),
    text(`Org.nr ${organisationNumber(context.company.organisationNumber)}`, { align: 'center' }),
    text(context.store.name, { align: 'center' }),
    ...context.store.addressLines.map((l) => text(l, { align: 'center' })),
    separator,
    ...(isReturn ? [text('RETUR', { bold: true, align: 'center' })] : []),
    ...(context.originalReceiptNumber !== undefined
      ? [row('Avser kvitto nr', String(context.originalReceiptNumber))]
      : []),
    row('Datum', localDateTime(context.issuedAt, context.timeZone)),
    row('Kvitto nr', String(context.receiptNumber)),
    row('Kassa', context.registerId),
    row('Säljare', context.salesperson),
    separator,
    ...lineBlocks(receipt, fmt),
    separator,
    ...totalBlocks(receipt, fmt),
    separator,
    row('Kontrollenhet', context.controlUnit.serialNumber),
    text(`Kontrollkod: ${context.controlUnit.controlCode}`),
    { type: 'qr', data: context.receiptId },
    text(context.receiptId, { align: 'center' }),
    ...markers,
    { type: 'feed', lines: 2 },
  ];
  return {
    kind: documentKind(receipt, context.printAs),
    isElectronic: context.isElectronic ?? false,
    blocks,
  };
}
