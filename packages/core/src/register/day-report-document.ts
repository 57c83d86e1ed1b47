// An X or Z report as a printer-neutral document, printed on the register's receipt printer or
// shown in the back office with the same renderers as receipts.
import { formatAmount } from '../money/format';
import { money } from '../money/money';
import { formatVatRate } from '../vat/vat';
import { controlUnitDateTime } from './control-unit';
import { PAYMENT_METHOD_LABELS } from './receipt-document';
import type { CashMovementKind, CountedAmount, DayReport, ReceiptBlock, ReceiptDocument } from './types';

/** Who the report is for. */
export interface DayReportDocumentContext {
  readonly company: { readonly name: string; readonly organisationNumber: string };
  readonly store: { readonly name: string };
  /** The register's id as printed on its receipts. */
  readonly registerId: string;
  /** The Z report's own number in the register's series; omitted on an X report. */
  readonly reportNumber?: number;
  readonly timeZone?: string;
}

const MOVEMENT_LABELS: Readonly<Record<CashMovementKind, string>> = {
  float: 'Växelkassa',
  income: 'Inbetalning',
  expense: 'Utbetalning',
  deposit: 'Insättning',
};

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
const row = (left: string, right: string, bold?: boolean): ReceiptBlock => ({
  type: 'row',
  left,
  right,
  ...(bold ? { bold } : {}),
});
const heading = (text: string): ReceiptBlock => ({ type: 'text', text, bold: true });

function localDateTime(at: string, timeZone?: string): string {
  const t = controlUnitDateTime(at, timeZone);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}`;
}

/** The report as blocks: every figure of the report, grouped the way an auditor reads them. */
export function buildDayReportDocument(
  report: DayReport,
  context: DayReportDocumentContext,
): ReceiptDocument {
  const fmt = (minor: number, currency = report.currency) => plain(formatAmount(money(minor, currency)));
  const counted = (label: string, c: CountedAmount) => row(`${label} (${c.count} st)`, fmt(c.amount));
  const title = report.kind === 'z' ? 'Z-RAPPORT' : 'X-RAPPORT';
  const blocks: ReceiptBlock[] = [
    { type: 'text', text: title, size: 2, bold: true, align: 'center' },
    { type: 'text', text: context.company.name, bold: true, align: 'center' },
    { type: 'text', text: `Org.nr ${context.company.organisationNumber}`, align: 'center' },
    { type: 'text', text: context.store.name, align: 'center' },
    { type: 'separator' },
    ...(context.reportNumber !== undefined ? [row('Rapport nr', String(context.reportNumber))] : []),
    row('Kassa', context.registerId),
    row('Utskriven', localDateTime(report.createdAt, context.timeZone)),
    row('Journalposter', `${report.fromSequence}–${report.toSequence}`),
    { type: 'separator' },
    counted('Försäljning', report.sales),
    counted('Returer', report.returns),
    row('Netto', fmt(report.net), true),
    ...(report.giftCardsSold?.count ? [counted('Sålda presentkort', report.giftCardsSold)] : []),
    row('Antal kvitton', String(report.receiptCount)),
    { type: 'separator' },
    heading('Moms'),
    ...report.vatByRate.map((r) =>
      row(`Moms ${plain(formatVatRate(r.vatRateBp))} på ${fmt(r.netAmount)}`, fmt(r.vatAmount)),
    ),
    row('Moms totalt', fmt(report.vatByRate.reduce((s, r) => s + r.vatAmount, 0))),
    { type: 'separator' },
    heading('Betalsätt'),
    ...report.payments.map((p) => counted(PAYMENT_METHOD_LABELS[p.method], p)),
    row('Öresavrundning', fmt(report.rounding)),
    row('Växel', fmt(report.change)),
    { type: 'separator' },
    counted('Rabatter', report.discounts),
    counted('Kopior', report.copies),
    counted('Övningskvitton', report.training),
    counted('Proformakvitton', report.proForma),
    row('Lådöppningar med köp', String(report.drawerOpenings.withSale)),
    row('Lådöppningar utan köp', String(report.drawerOpenings.withoutSale)),
    { type: 'separator' },
    heading('Kassa'),
    ...report.cashMovements.map((m) =>
      row(`${MOVEMENT_LABELS[m.movement]} ${m.currency} (${m.count} st)`, fmt(m.amount, m.currency)),
    ),
    row('Förväntat i kassan', fmt(report.expectedCash), true),
    { type: 'separator' },
    heading('Grand total'),
    row('Försäljning', fmt(report.grandTotals.sales)),
    row('Returer', fmt(report.grandTotals.returns)),
    row('Netto', fmt(report.grandTotals.net), true),
    { type: 'feed', lines: 2 },
  ];
  // A report is not a receipt; 'normal' only tells renderers to add no marker.
  return { kind: 'normal', isElectronic: false, blocks };
}
