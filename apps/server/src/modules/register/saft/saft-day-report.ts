// The <eventReport> of a Z or X report event, from the figures the register journaled (a DayReport,
// aggregated by packages/core/src/register/day-report.ts). The schema requires several lists to
// hold at least one row even where we have nothing to report (corrections, price look-ups): those
// get one "None" row of zeros, as Skatteetaten's own example does.
import type { CountedAmount, DayReport } from '@handla/core';
import { ARTICLE_GROUP, PAYMENT_TYPES, vatCodeFor } from './saft-codes';
import { amount, debitCredit } from './saft-format';
import { el, group, type XmlNode } from './xml-writer';

export interface DayReportContext {
  reportID: string;
  companyIdent: string;
  companyName: string;
  registerID: string;
  when: { date: string; time: string };
}

/** True when a journal payload carries the figures of a day report (older entries may not). */
export function isDayReport(payload: unknown): payload is DayReport {
  const p = payload as Partial<DayReport> | null;
  return (
    typeof p?.net === 'number' &&
    typeof p.sales?.count === 'number' &&
    Array.isArray(p.payments) &&
    Array.isArray(p.vatByRate) &&
    typeof p.grandTotals?.net === 'number'
  );
}

const none = (name: string, typeName: string, num: string, amnt: string) =>
  group(name, [el(typeName, 'None'), el(num, 0), el(amnt, amount(0))]);

function movements(r: DayReport, kinds: readonly string[]): CountedAmount {
  return r.cashMovements
    .filter((m) => kinds.includes(m.movement) && m.currency === r.currency)
    .reduce((s, m) => ({ count: s.count + m.count, amount: s.amount + m.amount }), { count: 0, amount: 0 });
}

export function dayReportNode(r: DayReport, c: DayReportContext): XmlNode {
  const credit = r.payments.find((p) => p.method === 'invoice');
  const payIns = movements(r, ['income']);
  const payOuts = movements(r, ['expense', 'deposit']);
  const payments = r.payments.length > 0 ? r.payments : [{ method: 'cash' as const, count: 0, amount: 0 }];
  const vat =
    r.vatByRate.length > 0 ? r.vatByRate : [{ vatRateBp: 0, grossAmount: 0, netAmount: 0, vatAmount: 0 }];
  return group('eventReport', [
    el('reportID', c.reportID),
    el('reportType', r.kind === 'z' ? 'Z report' : 'X report'),
    el('companyIdent', c.companyIdent),
    el('companyName', c.companyName),
    el('reportDate', c.when.date),
    el('reportTime', c.when.time),
    el('registerID', c.registerID),
    group('reportTotalCashSales', [el('totalCashSaleAmnt', amount(r.net))]),
    // One article group: the number is receipts (sales and returns), not units.
    group('reportArtGroups', [
      group('reportArtGroup', [
        el('artGroupID', ARTICLE_GROUP),
        el('artGroupNum', r.sales.count + r.returns.count),
        el('artGroupAmnt', amount(r.net)),
      ]),
    ]),
    group(
      'reportPayments',
      payments.map((p) =>
        group('reportPayment', [
          el('paymentType', PAYMENT_TYPES[p.method].basicID),
          el('paymentNum', p.count),
          el('paymentAmnt', amount(p.amount)),
        ]),
      ),
    ),
    group(
      'reportCashSalesVat',
      vat.map((v) =>
        group('reportCashSaleVat', [
          el('vatCode', vatCodeFor(v.vatRateBp)),
          el('vatPerc', amount(v.vatRateBp)),
          el('cashSaleAmnt', amount(v.netAmount)),
          el('vatAmnt', amount(v.vatAmount)),
          el('vatAmntTp', debitCredit(v.grossAmount)),
        ]),
      ),
    ),
    el('reportOpeningChangeFloat', amount(movements(r, ['float']).amount)),
    el('reportReceiptNum', r.receiptCount),
    el('reportOpenCashBoxNum', r.drawerOpenings.withSale + r.drawerOpenings.withoutSale),
    el('reportReceiptCopyNum', r.copies.count),
    el('reportReceiptCopyAmnt', amount(r.copies.amount)),
    el('reportReceiptProformaNum', r.proForma.count),
    el('reportReceiptProformaAmnt', amount(r.proForma.amount)),
    el('reportReturnNum', r.returns.count),
    el('reportReturnAmnt', amount(Math.abs(r.returns.amount))),
    el('reportDiscountNum', r.discounts.count),
    el('reportDiscountAmnt', amount(r.discounts.amount)),
    el('reportVoidTransNum', 0),
    el('reportVoidTransAmnt', amount(0)),
    group('reportCorrLines', [none('reportCorrLine', 'corrLineType', 'corrLineNum', 'corrLineAmnt')]),
    group('reportPriceInquiries', [
      none('reportPriceInquiry', 'priceInquiryGroup', 'priceInquiryNum', 'priceInquiryAmnt'),
    ]),
    group('reportOtherCorrs', [none('reportOtherCorr', 'otherCorrType', 'otherCorrNum', 'otherCorrAmnt')]),
    el('reportReceiptDeliveryNum', 0),
    el('reportReceiptDeliveryAmnt', amount(0)),
    el('reportTrainingNum', r.training.count),
    el('reportTrainingAmnt', amount(r.training.amount)),
    group('reportCreditSales', [
      el('creditSalesNum', credit?.count ?? 0),
      el('creditSalesAmnt', amount(credit?.amount ?? 0)),
    ]),
    group('reportPayIns', [
      group('reportPayIn', [
        el('payInType', 'INCOME'),
        el('payInNum', payIns.count),
        el('payInAmnt', amount(payIns.amount)),
      ]),
    ]),
    group('reportPayOuts', [
      group('reportPayOut', [
        el('payOutType', 'EXPENSE'),
        el('payOutNum', payOuts.count),
        el('payOutAmnt', amount(payOuts.amount)),
      ]),
    ]),
    el('reportGrandTotalSales', amount(r.grandTotals.sales)),
    el('reportGrandTotalReturn', amount(Math.abs(r.grandTotals.returns))),
    el('reportGrandTotalSalesNet', amount(r.grandTotals.net)),
  ]);
}
