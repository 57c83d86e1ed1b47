// An order's totals: lines incl. VAT, shipping, and VAT per rate on the sum of each rate's amounts.
import { addMoney, type Money, money, multiplyMoney, sumMoney } from '../money/money';
import { summarizeVat, type VatRateBp } from '../vat/vat';

/** A line as priced at checkout. */
export interface PricedLine {
  quantity: number;
  unitPriceInclVat: Money;
  vatRateBp: VatRateBp;
  /** Promotion discounts on the line (öre incl. VAT): VAT is computed on what is left. */
  discountAmount?: number;
}

/** What an order costs, and the VAT it carries per rate (highest rate first). */
export interface OrderTotalsSummary {
  linesTotal: Money;
  shipping: Money;
  total: Money;
  vat: { rateBp: VatRateBp; vat: Money; totalInclVat: Money }[];
}

/** The total incl. VAT of one line, after its discounts. */
export function lineTotal(line: PricedLine): Money {
  const gross = multiplyMoney(line.unitPriceInclVat, line.quantity);
  return line.discountAmount ? money(gross.amount - line.discountAmount, gross.currency) : gross;
}

/**
 * Totals of the lines and the shipping. Shipping is taxed at `shippingVatRateBp` (in Sweden it
 * follows the goods; the standard rate is the common simplification for mixed orders).
 */
export function orderTotals(
  lines: readonly PricedLine[],
  shipping: { priceInclVat: Money; vatRateBp: VatRateBp } | null,
  currency: string,
): OrderTotalsSummary {
  const lineAmounts = lines.map((line) => ({ amountInclVat: lineTotal(line), vatRateBp: line.vatRateBp }));
  const linesTotal = sumMoney(
    lineAmounts.map((l) => l.amountInclVat),
    currency,
  );
  const shippingPrice = shipping?.priceInclVat ?? money(0, currency);
  const vatLines =
    shipping && shipping.priceInclVat.amount > 0
      ? [...lineAmounts, { amountInclVat: shipping.priceInclVat, vatRateBp: shipping.vatRateBp }]
      : lineAmounts;
  const summary = summarizeVat(vatLines, currency);
  return {
    linesTotal,
    shipping: shippingPrice,
    total: addMoney(linesTotal, shippingPrice),
    vat: summary.byRate.map((r) => ({ rateBp: r.vatRateBp, vat: r.vatAmount, totalInclVat: r.grossAmount })),
  };
}
