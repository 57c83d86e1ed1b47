// Which country's VAT a web sale carries. A delivery to a consumer in another EU country is taxed
// where it arrives when the seller reports through the One-Stop Shop (OSS, EU directive
// 2006/112/EC art. 33 and 369a–369k); otherwise, and for goods collected in the seller's country,
// the seller's own VAT applies (below the EU's EUR 10,000 distance-sales threshold that is lawful
// without OSS; above it the seller must register for OSS, which this flag records).
import { DomainError } from '../errors';
import { euVatRateBp, isEuCountry } from './eu-rates';

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

export { EU_VAT_CLASSES, EU_VAT_RATES, euVatRateBp, isEuCountry } from './eu-rates';
