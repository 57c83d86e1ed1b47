import { describe, expect, it } from 'vitest';
import { computeReceipt } from './compute-receipt';
import { buildDayReport } from './day-report';
import { buildDayReportDocument } from './day-report-document';
import { giftCardLineDraft, maskGiftCardCode } from './gift-card-lines';
import { buildReceiptDocument } from './receipt-document';
import type { JournalEntry, ReceiptPolicy, SaleDraft, SaleLineDraft } from './types';

const policy: ReceiptPolicy = {
  role: 'manager',
  discountLimits: {
    cashier: { maxPercentBp: 2000, maxAmount: 50_000 },
    manager: { maxPercentBp: 10_000, maxAmount: 10_000_000 },
    owner: { maxPercentBp: 10_000, maxAmount: 10_000_000 },
  },
};
const CODE = '1234000011115678';
const card = (amount = 50_000, action: 'issue' | 'top_up' = 'issue') =>
  giftCardLineDraft({ code: CODE, action }, amount);
const shirt: SaleLineDraft = {
  skuId: 'sku_1',
  skuCode: 'TS-1',
  name: 'T-shirt',
  quantity: 1,
  unitPriceInclVat: 20_000,
  vatRateBp: 2500,
};
const draft = (over: Partial<SaleDraft>): SaleDraft => ({
  currency: 'SEK',
  isTraining: false,
  lines: [card()],
  payments: [{ method: 'cash', amount: 50_000 }],
  ...over,
});
const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    return ((error as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);
  }
  throw new Error('expected a refusal');
};

describe('gift card lines', () => {
  it('sells a card outside VAT: the total is paid, no VAT rate is reported for it', () => {
    const receipt = computeReceipt(draft({}), policy);
    expect(receipt.totalToPay).toBe(50_000);
    expect(receipt.vat).toEqual({ byRate: [], totalVat: 0, totalNet: 0 });
    expect(receipt.lines[0]).toMatchObject({
      name: 'Presentkort 1234…5678',
      giftCard: { code: CODE, action: 'issue' },
      amountInclVat: 50_000,
      vatRateBp: 0,
    });
  });

  it('keeps the VAT of goods on the same receipt right and gives a receipt discount to goods only', () => {
    const receipt = computeReceipt(
      draft({
        lines: [shirt, card(10_000)],
        receiptDiscount: { kind: 'percent', value: 1000, reason: 'Stamkund' },
        payments: [{ method: 'card_standalone', amount: 28_000 }],
      }),
      policy,
    );
    expect(receipt.lines.map((l) => l.receiptDiscountAmount)).toEqual([2_000, 0]);
    expect(receipt.total).toBe(28_000);
    expect(receipt.vat.byRate).toEqual([
      { vatRateBp: 2500, grossAmount: 18_000, netAmount: 14_400, vatAmount: 3_600 },
    ]);
  });

  it('refuses a discount, VAT, a quantity other than 1 and a bad code on a card line, naming each', () => {
    expect(
      fieldsOf(() =>
        computeReceipt(
          draft({
            lines: [
              { ...card(), discount: { kind: 'amount', value: 100, reason: 'x' } },
              { ...card(), giftCard: { code: 'abc', action: 'issue' }, vatRateBp: 2500, quantity: 2 },
            ],
          }),
          policy,
        ),
      ),
    ).toEqual(['lines[0].discount', 'lines[1].giftCard.code', 'lines[1].quantity', 'lines[1].vatRateBp']);
  });

  it('refuses the same card twice and a card below the smallest amount', () => {
    expect(fieldsOf(() => computeReceipt(draft({ lines: [card(), card(99)] }), policy))).toEqual([
      'lines[1].giftCard.code',
      'lines[1].unitPriceInclVat',
    ]);
  });

  it('cannot be paid with a gift card, but the goods beside it can', () => {
    expect(
      fieldsOf(() =>
        computeReceipt(
          draft({
            lines: [shirt, card(10_000)],
            payments: [
              { method: 'gift_card', amount: 25_000, reference: 'OTHERCARD1' },
              { method: 'cash', amount: 5_000 },
            ],
          }),
          policy,
        ),
      ),
    ).toEqual(['payments[0].method']);
    const ok = computeReceipt(
      draft({
        lines: [shirt, card(10_000)],
        payments: [
          { method: 'gift_card', amount: 20_000, reference: 'OTHERCARD1' },
          { method: 'cash', amount: 10_000 },
        ],
      }),
      policy,
    );
    expect(ok.totalToPay).toBe(30_000);
  });

  it('prints the card as its own line with the masked code and no article number', () => {
    const receipt = computeReceipt(draft({ lines: [card(50_000, 'top_up')] }), policy);
    const doc = buildReceiptDocument(receipt, {
      company: { name: 'Demo Butik AB', organisationNumber: '5561234567' },
      store: { name: 'Stockholm', addressLines: [] },
      registerId: 'K1',
      receiptId: 'rcp_1',
      receiptNumber: 1,
      issuedAt: '2026-12-03T09:00:00Z',
      salesperson: 'Kim',
      controlUnit: { serialNumber: 'SIM1', controlCode: 'X' },
    });
    const rows = doc.blocks.filter((b) => b.type === 'row').map((b) => `${b.left}|${b.right}`);
    expect(rows).toContain('Presentkort 1234...5678 påfyllning|500,00');
    expect(JSON.stringify(doc.blocks)).not.toContain('PRESENTKORT');
  });

  it('masks long codes and leaves short ones', () => {
    expect(maskGiftCardCode('ABCDEFGH')).toBe('ABCDEFGH');
    expect(maskGiftCardCode('ABCD12345678WXYZ')).toBe('ABCD…WXYZ');
  });

  it('counts cards sold apart from sales, VAT and grand totals in the day report; cash is expected', () => {
    const entry = (d: SaleDraft, n: number): JournalEntry => ({
      registerId: 'reg_1',
      kind: 'receipt',
      at: '2026-12-03T10:00:00Z',
      sequence: n,
      previousHash: '',
      hash: '',
      signature: '',
      payload: {
        receiptId: `rcp_${n}`,
        receiptNumber: n,
        cashierId: 'stf_1',
        receipt: computeReceipt(d, policy),
        controlUnit: { serialNumber: 'SIM1', controlCode: 'X' },
      },
    });
    const report = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: '2026-12-03T18:00:00Z',
      entries: [
        entry(draft({}), 1),
        entry(draft({ lines: [shirt], payments: [{ method: 'cash', amount: 20_000 }] }), 2),
      ],
    });
    expect(report.giftCardsSold).toEqual({ count: 1, amount: 50_000 });
    expect(report.sales).toEqual({ count: 1, amount: 20_000 });
    expect(report.receiptCount).toBe(2);
    expect(report.vatByRate).toEqual([
      { vatRateBp: 2500, grossAmount: 20_000, netAmount: 16_000, vatAmount: 4_000 },
    ]);
    expect(report.grandTotals.sales).toBe(20_000);
    expect(report.expectedCash).toBe(70_000);
    const doc = buildDayReportDocument(report, {
      company: { name: 'Demo Butik AB', organisationNumber: '5561234567' },
      store: { name: 'Stockholm' },
      registerId: 'K1',
    });
    expect(doc.blocks).toContainEqual({ type: 'row', left: 'Sålda presentkort (1 st)', right: '500,00' });
  });
});
