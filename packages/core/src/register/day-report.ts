// X and Z reports, aggregated from the journal alone so any country adapter can recompute them.
// Training receipts are counted apart and kept out of sales; grand totals carry over from the last
// Z report and never reset.
import type {
  CashMovementJournalPayload,
  CountedAmount,
  DayReport,
  GrandTotals,
  JournalEntry,
  PrintJournalPayload,
  ReceiptJournalPayload,
  ReceiptVatRate,
  RegisterPaymentMethod,
} from './types';
import { REGISTER_PAYMENT_METHODS } from './types';

export interface DayReportInput {
  readonly kind: 'x' | 'z';
  readonly registerId: string;
  readonly currency: string;
  readonly createdAt: string;
  /**
   * Journal entries in sequence order. Only those after the last `report_z` among them count, and
   * that report's grand totals are carried on; without one, `previousGrandTotals` (or zero).
   */
  readonly entries: readonly JournalEntry[];
  readonly previousGrandTotals?: GrandTotals;
}

const ZERO_TOTALS: GrandTotals = { sales: 0, returns: 0, net: 0 };

const add = (c: CountedAmount, amount: number): CountedAmount => ({
  count: c.count + 1,
  amount: c.amount + amount,
});

/** Aggregates an X report (changes nothing) or a Z report (closes the day) from the journal. */
export function buildDayReport(input: DayReportInput): DayReport {
  const lastZ = input.entries.findLastIndex((e) => e.kind === 'report_z');
  const lastZPayload = input.entries[lastZ]?.payload as DayReport | undefined;
  const previous = lastZPayload ? lastZPayload.grandTotals : input.previousGrandTotals;
  const entries = input.entries.slice(lastZ + 1);

  let sales: CountedAmount = { count: 0, amount: 0 };
  let returns: CountedAmount = { count: 0, amount: 0 };
  let discounts: CountedAmount = { count: 0, amount: 0 };
  let copies: CountedAmount = { count: 0, amount: 0 };
  let training: CountedAmount = { count: 0, amount: 0 };
  let proForma: CountedAmount = { count: 0, amount: 0 };
  let giftCardsSold: CountedAmount = { count: 0, amount: 0 };
  let receiptCount = 0;
  let rounding = 0;
  let change = 0;
  const drawerOpenings = { withSale: 0, withoutSale: 0 };
  const vat = new Map<number, ReceiptVatRate>();
  const payments = new Map<RegisterPaymentMethod, CountedAmount>();
  const movements = new Map<string, CashMovementJournalPayload & CountedAmount>();

  for (const entry of entries) {
    if (entry.kind === 'receipt') {
      const { receipt } = entry.payload as ReceiptJournalPayload;
      if (receipt.isTraining) {
        training = add(training, receipt.totalToPay);
        continue;
      }
      // A gift card sold is money held for the customer, not a sale: counted on its own.
      const goods = receipt.lines.filter((l) => !l.giftCard);
      for (const card of receipt.lines.filter((l) => l.giftCard)) {
        giftCardsSold = add(giftCardsSold, card.amountInclVat);
      }
      const sold = goods.filter((l) => l.amountInclVat > 0).reduce((s, l) => s + l.amountInclVat, 0);
      // Lines decide the amounts (an exchange both sells and takes back); the receipt decides the count.
      const isSale = receipt.kind !== 'return' && goods.length > 0;
      sales = { count: sales.count + (isSale ? 1 : 0), amount: sales.amount + sold };
      receiptCount += 1;
      returns = {
        count: returns.count + (receipt.kind === 'return' ? 1 : 0),
        amount: returns.amount + receipt.negativeLinesTotal,
      };
      const discountCount =
        receipt.lines.reduce(
          (n, l) => n + (l.lineDiscountAmount !== 0 ? 1 : 0) + (l.promotionDiscounts?.length ?? 0),
          0,
        ) + (receipt.receiptDiscount ? 1 : 0);
      discounts = {
        count: discounts.count + discountCount,
        amount: discounts.amount + receipt.discountTotal,
      };
      rounding += receipt.roundingAmount;
      change += receipt.changeAmount;
      if (receipt.payments.some((p) => p.method === 'cash')) drawerOpenings.withSale += 1;
      for (const r of receipt.vat.byRate) {
        const sum = vat.get(r.vatRateBp) ?? {
          vatRateBp: r.vatRateBp,
          grossAmount: 0,
          netAmount: 0,
          vatAmount: 0,
        };
        vat.set(r.vatRateBp, {
          vatRateBp: r.vatRateBp,
          grossAmount: sum.grossAmount + r.grossAmount,
          netAmount: sum.netAmount + r.netAmount,
          vatAmount: sum.vatAmount + r.vatAmount,
        });
      }
      for (const p of receipt.payments) {
        payments.set(p.method, add(payments.get(p.method) ?? { count: 0, amount: 0 }, p.amount));
      }
    } else if (entry.kind === 'copy') {
      copies = add(copies, (entry.payload as PrintJournalPayload).totalToPay);
    } else if (entry.kind === 'pro_forma') {
      proForma = add(proForma, (entry.payload as PrintJournalPayload).totalToPay);
    } else if (entry.kind === 'drawer_open') {
      drawerOpenings.withoutSale += 1;
    } else if (entry.kind === 'cash_movement') {
      const m = entry.payload as CashMovementJournalPayload;
      const key = `${m.movement}/${m.currency}`;
      const sum = movements.get(key) ?? { ...m, count: 0, amount: 0 };
      movements.set(key, { ...sum, count: sum.count + 1, amount: sum.amount + m.amount });
    }
  }

  const cashMovements = [...movements.values()].map(({ movement, currency, count, amount }) => ({
    movement,
    currency,
    count,
    amount,
  }));
  const movedInCurrency = (kind: string) =>
    cashMovements
      .filter((m) => m.movement === kind && m.currency === input.currency)
      .reduce((s, m) => s + m.amount, 0);
  const expectedCash =
    movedInCurrency('float') +
    movedInCurrency('income') -
    movedInCurrency('expense') -
    movedInCurrency('deposit') +
    (payments.get('cash')?.amount ?? 0);
  const base = previous ?? ZERO_TOTALS;
  const net = sales.amount + returns.amount;
  return {
    kind: input.kind,
    registerId: input.registerId,
    currency: input.currency,
    fromSequence: entries[0]?.sequence ?? (input.entries.at(-1)?.sequence ?? 0) + 1,
    toSequence: entries.at(-1)?.sequence ?? input.entries.at(-1)?.sequence ?? 0,
    createdAt: input.createdAt,
    sales,
    returns,
    net,
    giftCardsSold,
    vatByRate: [...vat.values()].sort((a, b) => b.vatRateBp - a.vatRateBp),
    payments: REGISTER_PAYMENT_METHODS.filter((m) => payments.has(m)).map((method) => ({
      method,
      ...(payments.get(method) as CountedAmount),
    })),
    discounts,
    rounding,
    change,
    receiptCount,
    copies,
    training,
    proForma,
    drawerOpenings,
    cashMovements,
    expectedCash,
    grandTotals: {
      sales: base.sales + sales.amount,
      returns: base.returns + returns.amount,
      net: base.net + net,
    },
  };
}
