import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatOfInclusive } from '../vat/vat';
import { computeReceipt, priceSaleDraft } from './compute-receipt';
import type { ReceiptPolicy, SaleDraft, SaleLineDraft } from './types';

const policy = (role: ReceiptPolicy['role'] = 'cashier'): ReceiptPolicy => ({
  role,
  discountLimits: {
    cashier: { maxPercentBp: 1500, maxAmount: 20_000 },
    manager: { maxPercentBp: 5000, maxAmount: 500_000 },
    owner: { maxPercentBp: 10_000, maxAmount: Number.MAX_SAFE_INTEGER },
  },
});
const line = (over: Partial<SaleLineDraft> = {}): SaleLineDraft => ({
  skuId: 'sku_1',
  skuCode: 'TS-BLK-M',
  name: 'T-shirt',
  quantity: 1,
  unitPriceInclVat: 19_990,
  vatRateBp: 2500,
  ...over,
});
const draft = (over: Partial<SaleDraft> = {}): SaleDraft => ({
  currency: 'SEK',
  lines: [line()],
  isTraining: false,
  payments: [{ method: 'card_standalone', amount: 19_990 }],
  ...over,
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; fields: { field: string }[] };
  }
  throw new Error('expected a refusal');
};

describe('computeReceipt', () => {
  it('prices a mixed basket with a 10 % line discount and cash, rounding and change', () => {
    const receipt = computeReceipt(
      draft({
        lines: [
          line({ quantity: 2, unitPriceInclVat: 19_990 }),
          line({ skuId: 'sku_2', name: 'Kaffe', unitPriceInclVat: 4_995, vatRateBp: 1200 }),
          line({
            skuId: 'sku_3',
            name: 'Jacka',
            unitPriceInclVat: 99_900,
            discount: { kind: 'percent', value: 1000, reason: 'Fläck' },
          }),
        ],
        payments: [{ method: 'cash', amount: 200_000 }],
      }),
      policy(),
    );
    // 399,80 + 49,95 + (999,00 − 99,90) = 1 348,85 → cash 1 349,00
    expect(receipt.lines.map((l) => l.amountInclVat)).toEqual([39_980, 4_995, 89_910]);
    expect(receipt.total).toBe(134_885);
    expect(receipt.discountTotal).toBe(9_990);
    expect(receipt.roundingAmount).toBe(15);
    expect(receipt.totalToPay).toBe(134_900);
    expect(receipt.changeAmount).toBe(65_100);
    expect(receipt.payments).toEqual([{ method: 'cash', amount: 134_900, tendered: 200_000 }]);
    expect(receipt.vat.byRate).toEqual([
      { vatRateBp: 2500, grossAmount: 129_890, netAmount: 103_912, vatAmount: 25_978 },
      { vatRateBp: 1200, grossAmount: 4_995, netAmount: 4_460, vatAmount: 535 },
    ]);
    expect(receipt.kind).toBe('normal');
    expect(receipt.negativeLinesTotal).toBe(0);
  });

  it('does not round card payments, and rounds only the cash part of a split', () => {
    const byCard = computeReceipt(
      draft({
        lines: [line({ unitPriceInclVat: 12_345 })],
        payments: [{ method: 'card_terminal', amount: 12_345 }],
      }),
      policy(),
    );
    expect(byCard.roundingAmount).toBe(0);
    const split = computeReceipt(
      draft({
        lines: [line({ unitPriceInclVat: 12_345 })],
        payments: [
          { method: 'gift_card', amount: 5_000, reference: 'GC-1' },
          { method: 'cash', amount: 7_300 },
        ],
      }),
      policy(),
    );
    expect(split.roundingAmount).toBe(-45);
    expect(split.totalToPay).toBe(12_300);
    expect(split.changeAmount).toBe(0);
  });

  it('allocates a receipt discount over the sold lines exactly', () => {
    const receipt = computeReceipt(
      draft({
        lines: [
          line({ unitPriceInclVat: 100 }),
          line({ unitPriceInclVat: 100 }),
          line({ unitPriceInclVat: 100 }),
        ],
        receiptDiscount: { kind: 'amount', value: 100, reason: 'Stamkund' },
        payments: [{ method: 'swish', amount: 200 }],
      }),
      policy('manager'),
    );
    expect(receipt.lines.map((l) => l.receiptDiscountAmount)).toEqual([34, 33, 33]);
    expect(receipt.total).toBe(200);
    expect(receipt.receiptDiscount?.amount).toBe(100);
  });

  it('makes a return with a refund to the original method', () => {
    const receipt = computeReceipt(
      draft({
        lines: [line({ quantity: -1, originalReceiptId: 'rcp_1', originalLineNo: 1 })],
        payments: [{ method: 'cash', amount: -20_000 }],
      }),
      policy(),
    );
    expect(receipt.kind).toBe('return');
    expect(receipt.total).toBe(-19_990);
    expect(receipt.roundingAmount).toBe(-10);
    expect(receipt.totalToPay).toBe(-20_000);
    expect(receipt.negativeLinesTotal).toBe(-19_990);
    expect(receipt.vat.totalVat).toBe(-3_998);
    expect(receipt.lines[0]).toMatchObject({ originalReceiptId: 'rcp_1', originalLineNo: 1 });
  });

  it('marks training receipts', () => {
    expect(computeReceipt(draft({ isTraining: true }), policy()).kind).toBe('training');
  });

  it('limits discounts by role and names the field', () => {
    const big = draft({
      lines: [line(), line(), line({ discount: { kind: 'percent', value: 2000, reason: 'Kampanj' } })],
      payments: [{ method: 'cash', amount: 60_000 }],
    });
    const error = refusal(() => computeReceipt(big, policy('cashier')));
    expect(error.code).toBe('forbidden');
    expect(error.fields).toEqual([expect.objectContaining({ field: 'lines[2].discount.value' })]);
    expect(computeReceipt(big, policy('manager')).lines[2]?.lineDiscountAmount).toBe(3_998);
    const tooMuchMoney = draft({
      lines: [line({ quantity: 20, discount: { kind: 'amount', value: 25_000, reason: 'Mängd' } })],
      payments: [{ method: 'invoice', amount: 374_800 }],
    });
    expect(refusal(() => computeReceipt(tooMuchMoney, policy('cashier'))).fields[0]?.field).toBe(
      'lines[0].discount.value',
    );
  });

  it('refuses bad input naming every field', () => {
    const error = refusal(() =>
      computeReceipt(
        draft({
          lines: [
            line({ quantity: 0 }),
            line({ discount: { kind: 'amount', value: 30_000, reason: 'x' } }),
            line({ discount: { kind: 'percent', value: 500, reason: ' ' } }),
            line({ quantity: -1, discount: { kind: 'percent', value: 500, reason: 'x' } }),
          ],
        }),
        policy('owner'),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.field)).toEqual([
      'lines[0].quantity',
      'lines[1].discount.value',
      'lines[2].discount.reason',
      'lines[3].discount',
    ]);
  });

  it.each([
    ['short', [{ method: 'cash', amount: 10_000 }], 'payments'],
    ['card over the total', [{ method: 'card_standalone', amount: 25_000 }], 'payments'],
    ['negative on a sale', [{ method: 'swish', amount: -19_990 }], 'payments[0].amount'],
    ['unknown method', [{ method: 'bitcoin', amount: 19_990 }], 'payments[0].method'],
    ['none', [], 'payments'],
    [
      'tendered on a card',
      [{ method: 'card_standalone', amount: 19_990, tendered: 20_000 }],
      'payments[0].tendered',
    ],
  ])('refuses payments: %s', (_name, payments, field) => {
    const error = refusal(() =>
      computeReceipt(draft({ payments: payments as SaleDraft['payments'] }), policy()),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.fields[0]?.field).toBe(field);
  });

  it('takes a cash payment of 0 where the cash part rounds to nothing, and only then', () => {
    const tiny = draft({
      lines: [line({ quantity: -1, unitPriceInclVat: 40 })],
      payments: [{ method: 'cash', amount: 0 }],
    });
    expect(computeReceipt(tiny, policy())).toMatchObject({ total: -40, roundingAmount: 40, totalToPay: 0 });
    const error = refusal(() =>
      computeReceipt(draft({ payments: [{ method: 'cash', amount: 0 }] }), policy()),
    );
    expect(error.fields[0]?.field).toBe('payments');
    expect(
      refusal(() => computeReceipt(draft({ payments: [{ method: 'swish', amount: 0 }] }), policy())).fields[0]
        ?.field,
    ).toBe('payments[0].amount');
  });

  it('refuses a cash refund that does not pay back exactly', () => {
    const error = refusal(() =>
      computeReceipt(
        draft({ lines: [line({ quantity: -1 })], payments: [{ method: 'cash', amount: -30_000 }] }),
        policy(),
      ),
    );
    expect(error.fields[0]?.field).toBe('payments');
  });
});

describe('computeReceipt properties', () => {
  const lineArb = fc.record({
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPriceInclVat: fc.integer({ min: 0, max: 2_000_000 }),
    vatRateBp: fc.constantFrom(0, 600, 1200, 2500),
    discount: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 10_000 }) }),
        fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 1, max: 1_000_000 }) }),
      ),
      { nil: undefined },
    ),
  });
  const basketArb = fc.record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
    receiptPercent: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    method: fc.constantFrom('cash', 'card_terminal', 'swish'),
    cardShare: fc.integer({ min: 0, max: 100 }),
  });

  it('never goes negative, never discounts more than a line, sums VAT per rate and rounds only cash', () => {
    fc.assert(
      fc.property(basketArb, (basket) => {
        const lines = basket.lines.map((l) =>
          line({
            quantity: l.quantity,
            unitPriceInclVat: l.unitPriceInclVat,
            vatRateBp: l.vatRateBp,
            ...(l.discount &&
            (l.discount.kind === 'percent' || l.discount.value <= l.quantity * l.unitPriceInclVat)
              ? { discount: { ...l.discount, reason: 'test' } }
              : {}),
          }),
        );
        const base = {
          lines,
          ...(basket.receiptPercent
            ? { receiptDiscount: { kind: 'percent' as const, value: basket.receiptPercent, reason: 'r' } }
            : {}),
        };
        // First price it with a card for the exact total, then pay it the chosen way.
        const isDiscountOnNothing =
          basket.receiptPercent !== undefined && lines.every((l) => l.unitPriceInclVat === 0);
        fc.pre(!isDiscountOnNothing);
        let exact: number;
        try {
          exact = priceSaleDraft(draft(base), policy('owner')).total;
        } catch (error) {
          // Line discounts can take every line to 0, leaving a receipt discount nothing to apply to.
          expect(error).toMatchObject({ fields: [{ field: 'receiptDiscount' }] });
          return;
        }
        const isCash = basket.method === 'cash';
        const card = isCash ? Math.floor((exact * basket.cardShare) / 100) : exact;
        const payments = [
          ...(card > 0 ? [{ method: 'card_terminal' as const, amount: card }] : []),
          ...(isCash && exact - card > 0 ? [{ method: 'cash' as const, amount: exact - card + 100 }] : []),
        ];
        const receipt = computeReceipt(draft({ ...base, payments }), policy('owner'));

        expect(receipt.total).toBeGreaterThanOrEqual(0);
        expect(receipt.totalToPay).toBeGreaterThanOrEqual(0);
        for (const l of receipt.lines) {
          expect(l.lineDiscountAmount + l.receiptDiscountAmount).toBeLessThanOrEqual(l.grossAmount);
          expect(l.amountInclVat).toBeGreaterThanOrEqual(0);
        }
        expect(receipt.grossTotal - receipt.discountTotal).toBe(receipt.total);
        for (const rate of receipt.vat.byRate) {
          const gross = receipt.lines
            .filter((l) => l.vatRateBp === rate.vatRateBp)
            .reduce((s, l) => s + l.amountInclVat, 0);
          expect(rate.grossAmount).toBe(gross);
          expect(rate.vatAmount).toBe(vatOfInclusive(gross, rate.vatRateBp));
        }
        expect(receipt.vat.byRate.reduce((s, r) => s + r.vatAmount, 0)).toBe(receipt.vat.totalVat);
        const usesCash = receipt.payments.some((p) => p.method === 'cash');
        if (!usesCash) expect(receipt.roundingAmount).toBe(0);
        expect(Math.abs(receipt.roundingAmount)).toBeLessThan(100);
        expect(receipt.payments.reduce((s, p) => s + p.amount, 0)).toBe(receipt.totalToPay);
        expect(receipt.changeAmount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('prices a return as the exact mirror of the sale, cash rounding included', () => {
    const basket = fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPriceInclVat: fc.integer({ min: 0, max: 2_000_000 }),
        vatRateBp: fc.constantFrom(0, 600, 1200, 2500),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(basket, fc.constantFrom('cash', 'swish'), (raw, method) => {
        const lines = raw.map((l) => line(l));
        const total = priceSaleDraft(draft({ lines }), policy()).total;
        fc.pre(total > 0);
        const sold = computeReceipt(
          draft({ lines, payments: [{ method, amount: total + 100 * Number(method === 'cash') }] }),
          policy(),
        );
        const returned = computeReceipt(
          draft({
            lines: lines.map((l) => ({ ...l, quantity: -l.quantity })),
            payments: [{ method, amount: -sold.totalToPay + 0 }],
          }),
          policy(),
        );
        expect(returned.kind).toBe('return');
        expect(returned.totalToPay).toBe(-sold.totalToPay + 0);
        expect(returned.roundingAmount).toBe(-sold.roundingAmount + 0);
        expect(returned.negativeLinesTotal).toBe(-sold.total + 0);
        expect(returned.vat.byRate.map((r) => -r.vatAmount + 0)).toEqual(
          sold.vat.byRate.map((r) => r.vatAmount),
        );
        expect(returned.changeAmount).toBe(0);
      }),
    );
  });
});
