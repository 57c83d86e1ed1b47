import { describe, expect, it } from 'vitest';
import { computeReceipt } from './compute-receipt';
import { buildDayReport } from './day-report';
import { buildDayReportDocument } from './day-report-document';
import type { JournalEntry, JournalEntryInput, ReceiptPolicy, SaleDraft } from './types';

const policy: ReceiptPolicy = {
  role: 'owner',
  discountLimits: {
    cashier: { maxPercentBp: 0, maxAmount: 0 },
    manager: { maxPercentBp: 0, maxAmount: 0 },
    owner: { maxPercentBp: 10_000, maxAmount: 10_000_000 },
  },
};
const control = { serialNumber: 'SIM1', controlCode: 'X' };
const draft = (over: Partial<SaleDraft>): SaleDraft => ({
  currency: 'SEK',
  isTraining: false,
  lines: [{ skuId: 's1', skuCode: 'A', name: 'A', quantity: 1, unitPriceInclVat: 10_050, vatRateBp: 2500 }],
  payments: [{ method: 'cash', amount: 20_000 }],
  ...over,
});

function journal(inputs: Omit<JournalEntryInput, 'registerId' | 'at'>[], from = 1): JournalEntry[] {
  return inputs.map((input, i) => ({
    ...input,
    registerId: 'reg_1',
    at: '2026-11-23T10:00:00Z',
    sequence: from + i,
    previousHash: '',
    hash: '',
    signature: '',
  }));
}
const receiptEntry = (d: SaleDraft, n: number) => ({
  kind: 'receipt' as const,
  payload: {
    receiptId: `rcp_${n}`,
    receiptNumber: n,
    cashierId: 'stf_1',
    receipt: computeReceipt(d, policy),
    controlUnit: control,
  },
});

describe('buildDayReport', () => {
  const day = journal([
    {
      kind: 'cash_movement',
      payload: { cashierId: 'stf_1', movement: 'float', amount: 100_000, currency: 'SEK' },
    },
    receiptEntry(draft({}), 1), // 100,50 → 101,00 in cash, change 99,00
    receiptEntry(
      draft({
        lines: [
          {
            skuId: 's2',
            skuCode: 'B',
            name: 'B',
            quantity: 2,
            unitPriceInclVat: 5_000,
            vatRateBp: 1200,
            discount: { kind: 'amount', value: 1_000, reason: 'r' },
          },
        ],
        payments: [{ method: 'card_terminal', amount: 9_000 }],
      }),
      2,
    ),
    receiptEntry(
      draft({
        lines: [
          { skuId: 's1', skuCode: 'A', name: 'A', quantity: -1, unitPriceInclVat: 10_050, vatRateBp: 2500 },
        ],
        payments: [{ method: 'card_terminal', amount: -10_050 }],
      }),
      3,
    ),
    receiptEntry(draft({ isTraining: true }), 4),
    {
      kind: 'copy',
      payload: {
        documentId: 'cpy_1',
        receiptId: 'rcp_1',
        cashierId: 'stf_1',
        totalToPay: 10_100,
        currency: 'SEK',
        controlUnit: control,
      },
    },
    { kind: 'drawer_open', payload: { cashierId: 'stf_1', reason: 'Växla' } },
    {
      kind: 'cash_movement',
      payload: { cashierId: 'stf_1', movement: 'expense', amount: 2_500, currency: 'SEK' },
    },
    {
      kind: 'cash_movement',
      payload: { cashierId: 'stf_1', movement: 'deposit', amount: 5_000, currency: 'EUR' },
    },
  ]);

  it('sums sales, returns, VAT, payments, discounts and rounding; training stays out of sales', () => {
    const report = buildDayReport({
      kind: 'x',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: '2026-11-23T18:00:00Z',
      entries: day,
    });
    expect(report).toMatchObject({
      fromSequence: 1,
      toSequence: 9,
      sales: { count: 2, amount: 19_050 },
      returns: { count: 1, amount: -10_050 },
      net: 9_000,
      discounts: { count: 1, amount: 1_000 },
      rounding: 50,
      change: 9_900,
      receiptCount: 3,
      copies: { count: 1, amount: 10_100 },
      training: { count: 1, amount: 10_100 },
      proForma: { count: 0, amount: 0 },
      drawerOpenings: { withSale: 1, withoutSale: 1 },
      // float 1 000 + cash 101 − expense 25; the EUR deposit is counted apart
      expectedCash: 107_600,
      grandTotals: { sales: 19_050, returns: -10_050, net: 9_000 },
    });
    expect(report.payments).toEqual([
      { method: 'cash', count: 1, amount: 10_100 },
      { method: 'card_terminal', count: 2, amount: -1_050 },
    ]);
    expect(report.vatByRate).toEqual([
      { vatRateBp: 2500, grossAmount: 0, netAmount: 0, vatAmount: 0 },
      { vatRateBp: 1200, grossAmount: 9_000, netAmount: 8_036, vatAmount: 964 },
    ]);
    expect(report.cashMovements).toContainEqual({
      movement: 'deposit',
      currency: 'EUR',
      count: 1,
      amount: 5_000,
    });
  });

  it('starts after the last Z report and carries its grand totals on, never resetting them', () => {
    const z1 = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: 'z1',
      entries: day,
    });
    const nextDay = [
      ...day,
      ...journal([{ kind: 'report_z', payload: z1 }, receiptEntry(draft({}), 5)], day.length + 1),
    ];
    const z2 = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: 'z2',
      entries: nextDay,
    });
    expect(z2).toMatchObject({
      fromSequence: 11,
      toSequence: 11,
      sales: { count: 1, amount: 10_050 },
      returns: { count: 0, amount: 0 },
      grandTotals: { sales: 29_100, returns: -10_050, net: 19_050 },
    });
    const empty = buildDayReport({
      kind: 'x',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: 'x',
      entries: [],
      previousGrandTotals: z2.grandTotals,
    });
    expect(empty).toMatchObject({ fromSequence: 1, toSequence: 0, net: 0, grandTotals: z2.grandTotals });
  });

  it('prints as a document with every figure', () => {
    const report = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: '2026-11-23T17:00:00Z',
      entries: day,
    });
    const document = buildDayReportDocument(report, {
      company: { name: 'Demo Butik AB', organisationNumber: '556000-0001' },
      store: { name: 'Demo Butik Stockholm' },
      registerId: 'STHLM-01',
      reportNumber: 12,
    });
    const lines = document.blocks.map((b) =>
      b.type === 'row' ? `${b.left} | ${b.right}` : b.type === 'text' ? b.text : '',
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'Z-RAPPORT',
        'Rapport nr | 12',
        'Utskriven | 2026-11-23 18:00',
        'Journalposter | 1–9',
        'Försäljning (2 st) | 190,50',
        'Returer (1 st) | -100,50',
        'Netto | 90,00',
        'Moms 12 % på 80,36 | 9,64',
        'Kontant (1 st) | 101,00',
        'Kort (2 st) | -10,50',
        'Öresavrundning | 0,50',
        'Övningskvitton (1 st) | 101,00',
        'Lådöppningar utan köp | 1',
        'Insättning EUR (1 st) | 50,00',
        'Förväntat i kassan | 1 076,00',
      ]),
    );
  });
});
