// Which country's VAT a web sale carries. A delivery to a consumer in another EU country is taxed
// where it arrives when the seller reports through the One-Stop Shop (OSS, EU directive
// 2006/112/EC art. 33 and 369a–369k); otherwise, and for goods collected in the seller's country,
// the seller's own VAT applies (below the EU's EUR 10,000 distance-sales threshold that is lawful
// without OSS; above it the seller must register for OSS, which this flag records).
import { DomainError } from '../errors';
import { money } from '../money/money';
import { taxClassIn } from '../pricing/vat-rates';
import type { PricedBasket } from '../promotions/types';
import { euVatRateBp, isEuCountry } from './eu-rates';
import { summarizeVat, vatSummaryAmounts } from './vat';

/** One line's facts for choosing its VAT. */
export interface SaleVatQuery {
  vatClass: string;
  /** Where the seller is established (the shop's company). */
  sellerCountry: string;
  /** Where the goods go: the delivery address, or the store's country for a pickup. */
  destinationCountry: string;
  isOssRegistered: boolean;
}

/** The VAT a line carries: `domestic` is the seller's own, `oss` the destination country's. */
export interface SaleVatChoice {
  scheme: 'domestic' | 'oss';
  country: string;
  /** From the EU table; null for a seller outside the EU (its own dated rates apply). */
  rateBp: number | null;
}

/** True when the sale is taxed in the destination country through OSS. */
export function isOssSale(q: Omit<SaleVatQuery, 'vatClass'>): boolean {
  return (
    q.isOssRegistered &&
    q.destinationCountry !== q.sellerCountry &&
    isEuCountry(q.sellerCountry) &&
    isEuCountry(q.destinationCountry)
  );
}

/** The VAT scheme, country and rate of a line; throws `invalid_state` for a class the table lacks. */
export function vatRateFor(q: SaleVatQuery): SaleVatChoice {
  const scheme = isOssSale(q) ? 'oss' : 'domestic';
  const country = scheme === 'oss' ? q.destinationCountry : q.sellerCountry;
  const rateBp = euVatRateBp(country, q.vatClass);
  if (rateBp === undefined && isEuCountry(country)) {
    throw new DomainError('invalid_state', `No ${country} VAT rate for the class ${q.vatClass}.`, [
      { field: 'vatClass', message: `No ${country} rate for ${q.vatClass}` },
    ]);
  }
  return { scheme, country, rateBp: rateBp ?? null };
}

/** A line of a sale as priced at home: its product's own class, its overrides and the rate resolved. */
export interface SaleVatLine {
  productTaxClass: string;
  /** The product's tax-class overrides per country (`product_tax_overrides`). */
  overrides: readonly { country: string; taxClass: string }[];
  /** The seller's own rate, already resolved for the line (dated `vat_rates`). */
  vatRateBp: number;
}

/**
 * The VAT rate of each line and of the shipping fee as the sale is taxed: for an OSS sale the
 * destination's rate of the class the product falls in *there* (its override for that country,
 * else its own class — a Swedish override says nothing about Finland), and the destination's
 * standard rate for the fee; otherwise the rates resolved at home, and `shippingRateBp` null
 * (the shipping method's own rate stands).
 */
export function saleVatRates(
  sale: Omit<SaleVatQuery, 'vatClass'>,
  lines: readonly SaleVatLine[],
): { scheme: 'domestic' | 'oss'; lineRatesBp: number[]; shippingRateBp: number | null } {
  if (!isOssSale(sale)) {
    return { scheme: 'domestic', lineRatesBp: lines.map((l) => l.vatRateBp), shippingRateBp: null };
  }
  const rateOf = (vatClass: string) => vatRateFor({ ...sale, vatClass }).rateBp!;
  return {
    scheme: 'oss',
    lineRatesBp: lines.map((l) =>
      rateOf(taxClassIn(sale.destinationCountry, l.productTaxClass, l.overrides)),
    ),
    shippingRateBp: rateOf('standard'),
  };
}

/**
 * The promotion engine's basket with its lines' VAT rates replaced (line `i` takes `ratesBp[i]`)
 * and its VAT per rate summed again. Discounts do not depend on the rate, so they stand; the VAT
 * is then computed per rate on what is left of each line after its discounts.
 */
export function withLineVatRates(basket: PricedBasket, ratesBp: readonly number[]): PricedBasket {
  if (ratesBp.length !== basket.lines.length) {
    throw new Error(`withLineVatRates: ${ratesBp.length} rates for ${basket.lines.length} lines`);
  }
  const lines = basket.lines.map((l, i) => ({ ...l, vatRateBp: ratesBp[i]! }));
  const vat = summarizeVat(
    lines.map((l) => ({ amountInclVat: money(l.amountInclVat, basket.currency), vatRateBp: l.vatRateBp })),
    basket.currency,
  );
  return {
    ...basket,
    lines,
    vat: vatSummaryAmounts(vat),
  };
}

export { EU_VAT_CLASSES, EU_VAT_RATES, euVatRateBp, isEuCountry } from './eu-rates';
