// One <cashregister> of the SAF-T file from the register's journal: every entry in the period as an
// <event>, every receipt (sale, return, training) as a signed <cashtransaction>. The signature
// chain runs over all receipts since the register's first, so a period export continues the chain.
import { createHash } from 'node:crypto';
import type {
  ComputedReceipt,
  ComputedReceiptLine,
  DayReport,
  PrintJournalPayload,
  ReceiptJournalPayload,
} from '@handla/core';
import { vatOfInclusive } from '@handla/core';
import type { JournalRow } from '../journal.store';
import {
  ARTICLE_GROUP,
  EVENT_TYPES,
  type EventType,
  OUTSIDE_VAT_CODE,
  PAYMENT_TYPES,
  type TransactionType,
  vatCodeFor,
} from './saft-codes';
import { dayReportNode, isDayReport } from './saft-day-report';
import { amount, debitCredit, id35, localDateTime } from './saft-format';
import { SAFT_KEY_VERSION, type SignedFields, signTransaction } from './saft-signature';
import { el, group, type XmlNode } from './xml-writer';

export interface RegisterExportInput {
  register: { id: string; code: string; name: string };
  /** The journal from sequence 1 up to the end of the period. */
  rows: readonly JournalRow[];
  isInPeriod: (row: JournalRow) => boolean;
  company: { ident: string; name: string };
  timeZone: string;
  currency: string;
  signingKey: Buffer;
  empIdOf: (staffId: string) => string;
}

/** What the company section must declare for this register's part. */
export interface RegisterExportUsage {
  articles: Map<string, { name: string; date: string }>;
  vatRates: Set<number>;
  /** A receipt had lines outside VAT (gift cards sold): the file declares `OUTSIDE_VAT_CODE`. */
  hasOutsideVat?: boolean;
}

/** What a receipt's lines outside VAT (gift cards sold or topped up) add up to. */
export function outsideVatAmount(receipt: ComputedReceipt): number {
  return receipt.lines.filter((l) => l.giftCard).reduce((sum, l) => sum + l.amountInclVat, 0);
}

export function transactionTypeOf(receipt: ComputedReceipt): TransactionType {
  if (receipt.payments.some((p) => p.method === 'invoice')) return 'CREDITSAL';
  const hasReturn = receipt.lines.some((l) => l.quantity < 0);
  const hasSale = receipt.lines.some((l) => l.quantity > 0);
  if (hasReturn && hasSale) return 'CASHSALRET';
  return hasReturn ? 'RETURNSAL' : 'CASHSAL';
}

function vatNode(rateBp: number, vatAmount: number, netAmount: number, code = vatCodeFor(rateBp)): XmlNode {
  return group('vat', [
    el('vatCode', code),
    el('vatPerc', amount(rateBp)),
    el('vatAmnt', amount(vatAmount)),
    el('vatAmntTp', debitCredit(vatAmount + netAmount)),
    el('vatBasAmnt', amount(netAmount)),
  ]);
}

function lineNode(
  nr: string,
  line: ComputedReceiptLine,
  empID: string,
  when: { date: string; time: string },
) {
  const vat = vatOfInclusive(line.amountInclVat, line.vatRateBp);
  const discount = line.lineDiscountAmount + line.receiptDiscountAmount;
  const promotion = line.promotionDiscountAmount ?? 0;
  return group('ctLine', [
    el('nr', nr),
    el('lineID', line.lineNo),
    el('lineType', line.quantity < 0 ? 'RET' : 'SAL'),
    el('artGroupID', ARTICLE_GROUP),
    el('artID', id35(line.skuCode)),
    el('qnt', line.quantity),
    el('lineAmntIn', amount(line.amountInclVat)),
    el('lineAmntEx', amount(line.amountInclVat - vat)),
    el('amntTp', debitCredit(line.amountInclVat)),
    el('ppu', amount(line.unitPriceInclVat)),
    el('empID', empID),
    el('cashTransLineDescr', line.name),
    el('lineDate', when.date),
    el('lineTime', when.time),
    line.giftCard
      ? vatNode(0, 0, line.amountInclVat, OUTSIDE_VAT_CODE)
      : vatNode(line.vatRateBp, vat, line.amountInclVat - vat),
    // Promotions apart from a cashier's discount: a rule of the shop, not a decision at the till.
    promotion === 0
      ? undefined
      : group('discount', [el('dscTp', 'PROMOTION'), el('dscAmnt', amount(promotion))]),
    discount === 0
      ? undefined
      : group('discount', [el('dscTp', 'DISCOUNT'), el('dscAmnt', amount(discount))]),
  ]);
}

function transactionNode(
  p: ReceiptJournalPayload,
  empID: string,
  when: { date: string; time: string },
  signed: SignedFields & { signature: string },
  copies: number,
  currency: string,
): XmlNode {
  const r = p.receipt;
  const nr = String(p.receiptNumber);
  return group('cashtransaction', [
    el('nr', nr),
    el('transID', nr),
    el('transType', transactionTypeOf(r)),
    el('transAmntIn', signed.transAmntIn),
    el('transAmntEx', signed.transAmntEx),
    el('amntTp', debitCredit(r.totalToPay)),
    el('empID', empID),
    el('periodNumber', 1),
    el('transDate', when.date),
    el('transTime', when.time),
    el('refID', p.originalReceiptId ?? undefined),
    el('desc', `Control code ${p.controlUnit.controlCode} (unit ${p.controlUnit.serialNumber})`),
    ...r.lines.map((l) => lineNode(nr, l, empID, when)),
    ...r.vat.byRate.map((v) => vatNode(v.vatRateBp, v.vatAmount, v.netAmount)),
    outsideVatAmount(r) === 0 ? undefined : vatNode(0, 0, outsideVatAmount(r), OUTSIDE_VAT_CODE),
    group('rounding', [el('roundingAmnt', amount(r.roundingAmount))]),
    ...r.payments.map((pay) =>
      group('payment', [
        el('paymentType', PAYMENT_TYPES[pay.method].basicID),
        el('paidAmnt', amount(pay.amount)),
        el('empID', empID),
        el('curCode', currency),
        el('exchRt', '1.000000'),
        el('paymentRefID', pay.reference),
      ]),
    ),
    el('signature', signed.signature),
    el('keyVersion', SAFT_KEY_VERSION),
    el('receiptNum', 1),
    el('receiptCopyNum', Math.min(copies, 999)),
    el('receiptProformaNum', 0),
    el('receiptDeliveryNum', 0),
    el('voidTransaction', false),
    el('trainingID', r.isTraining),
  ]);
}

interface EventFields {
  id: string;
  type: EventType;
  transID?: string;
  empID?: string;
  text?: string;
  report?: DayReport;
}

function eventNode(
  e: EventFields,
  when: { date: string; time: string },
  input: RegisterExportInput,
): XmlNode {
  // Report ids are unique in the file (an XSD key), across registers too.
  const reportID = `${createHash('sha1').update(input.register.id).digest('hex').slice(0, 12)}-${e.id}`;
  return group('event', [
    el('eventID', e.id),
    el('eventType', EVENT_TYPES[e.type].basicID),
    el('transID', e.transID),
    el('empID', e.empID),
    el('eventDate', when.date),
    el('eventTime', when.time),
    el('eventText', e.text),
    e.report
      ? dayReportNode(e.report, {
          reportID,
          companyIdent: input.company.ident,
          companyName: input.company.name,
          registerID: input.register.code,
          when,
        })
      : undefined,
  ]);
}

/** The events one journal entry stands for (a cash receipt also opens the drawer). */
function eventsOf(row: JournalRow, empIdOf: (id: string) => string): EventFields[] {
  const payload = row.payload as Record<string, unknown>;
  const id = String(row.sequence);
  const empID = typeof payload.cashierId === 'string' ? empIdOf(payload.cashierId) : undefined;
  switch (row.kind) {
    case 'receipt': {
      const p = row.payload as ReceiptJournalPayload;
      const transID = String(p.receiptNumber);
      const type: EventType = p.receipt.isTraining
        ? 'TRAINREC'
        : transactionTypeOf(p.receipt) === 'RETURNSAL'
          ? 'RETREC'
          : 'SALREC';
      const events: EventFields[] = [{ id, type, transID, empID }];
      if (p.receipt.payments.some((pay) => pay.method === 'cash')) {
        events.push({ id: `${id}-drawer`, type: 'DRAWOPEN', transID, empID });
      }
      return events;
    }
    case 'copy':
    case 'pro_forma': {
      const p = row.payload as PrintJournalPayload;
      return [
        {
          id,
          type: row.kind === 'copy' ? 'COPYREC' : 'PROFORMA',
          transID: p.receiptNumber === undefined ? undefined : String(p.receiptNumber),
          empID,
          text: `Amount ${amount(p.totalToPay)} ${p.currency}; control code ${p.controlUnit.controlCode}`,
        },
      ];
    }
    case 'drawer_open':
      return [{ id, type: 'DRAWOPENMAN', empID, text: String(payload.reason ?? '') }];
    case 'cash_movement':
      return [
        {
          id,
          type: 'CASHMOVE',
          empID,
          text: `${payload.movement} ${amount(Number(payload.amount))} ${payload.currency}`,
        },
      ];
    case 'report_x':
    case 'report_z': {
      const net = typeof payload.net === 'number' ? `; net sales ${amount(payload.net)}` : '';
      return [
        {
          id,
          type: row.kind === 'report_z' ? 'ZREP' : 'XREP',
          empID,
          text: `${row.kind === 'report_z' ? 'Z' : 'X'} report${net}`,
          ...(isDayReport(row.payload) ? { report: row.payload } : {}),
        },
      ];
    }
    case 'control_unit_failure':
      return [{ id, type: 'CUFAIL', empID, text: String(payload.reason ?? '') }];
    default:
      return [{ id, type: 'CUFAIL', empID, text: `Unknown journal entry ${row.kind}` }];
  }
}

/** The <cashregister> element and what it uses. */
export function buildCashRegister(input: RegisterExportInput): { node: XmlNode; usage: RegisterExportUsage } {
  const usage: RegisterExportUsage = { articles: new Map(), vatRates: new Set() };
  const copiesOf = new Map<string, number>();
  for (const row of input.rows) {
    if (row.kind === 'copy' && input.isInPeriod(row)) {
      const receiptId = (row.payload as PrintJournalPayload).receiptId ?? '';
      copiesOf.set(receiptId, (copiesOf.get(receiptId) ?? 0) + 1);
    }
  }
  const events: XmlNode[] = [];
  const transactions: XmlNode[] = [];
  let previousSignature: string | null = null;
  for (const row of input.rows) {
    const when = localDateTime(row.at, input.timeZone);
    const inPeriod = input.isInPeriod(row);
    if (row.kind === 'receipt') {
      const p = row.payload as ReceiptJournalPayload;
      const fields: SignedFields = {
        transDate: when.date,
        transTime: when.time,
        nr: String(p.receiptNumber),
        transAmntIn: amount(p.receipt.totalToPay),
        // Excluding VAT: the goods' net plus what is outside VAT (gift cards), so the lines add up.
        transAmntEx: amount(p.receipt.vat.totalNet + outsideVatAmount(p.receipt)),
      };
      const signature = signTransaction(input.signingKey, previousSignature, fields);
      previousSignature = signature;
      if (inPeriod) {
        for (const line of p.receipt.lines) {
          if (!usage.articles.has(line.skuCode))
            usage.articles.set(line.skuCode, { name: line.name, date: when.date });
        }
        for (const v of p.receipt.vat.byRate) usage.vatRates.add(v.vatRateBp);
        if (outsideVatAmount(p.receipt) !== 0) usage.hasOutsideVat = true;
        const empID = input.empIdOf(p.cashierId);
        const copies = copiesOf.get(p.receiptId) ?? 0;
        transactions.push(transactionNode(p, empID, when, { ...fields, signature }, copies, input.currency));
      }
    }
    if (inPeriod) for (const e of eventsOf(row, input.empIdOf)) events.push(eventNode(e, when, input));
  }
  const node = group('cashregister', [
    el('registerID', input.register.code),
    el('regDesc', input.register.name),
    ...events,
    ...transactions,
  ]);
  return { node, usage };
}
