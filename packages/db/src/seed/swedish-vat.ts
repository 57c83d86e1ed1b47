// The tax classes and Swedish VAT rates, for the demo and for tests that need real rates.
// Food drops from 12 % to 6 % between 2026-04-01 and 2027-12-31 (the temporary cut on livsmedel).
import type { Queryable } from '../database';
import { insertTaxClass, insertVatRate, type TaxClassSeed, type VatRateSeed } from './builders';

export const TAX_CLASSES: readonly TaxClassSeed[] = [
  { code: 'standard', nameSv: 'Normalskattesats', nameEn: 'Standard rate' },
  { code: 'food', nameSv: 'Livsmedel', nameEn: 'Food' },
  { code: 'restaurant', nameSv: 'Restaurang och catering', nameEn: 'Restaurant and catering' },
  { code: 'books', nameSv: 'Böcker och kultur', nameEn: 'Books and culture' },
  { code: 'exempt', nameSv: 'Momsfritt', nameEn: 'VAT exempt' },
];

export const SWEDISH_VAT_RATES: readonly VatRateSeed[] = [
  { taxClass: 'standard', rateBp: 2500, validFrom: '2000-01-01' },
  { taxClass: 'food', rateBp: 1200, validFrom: '2024-01-01', validTo: '2026-03-31' },
  { taxClass: 'food', rateBp: 600, validFrom: '2026-04-01', validTo: '2027-12-31' },
  { taxClass: 'food', rateBp: 1200, validFrom: '2028-01-01' },
  { taxClass: 'restaurant', rateBp: 1200, validFrom: '2000-01-01' },
  { taxClass: 'books', rateBp: 600, validFrom: '2000-01-01' },
  { taxClass: 'exempt', rateBp: 0, validFrom: '2000-01-01' },
].map((rate) => ({ ...rate, country: 'SE' }));

/** Inserts the tax classes and the Swedish rates. */
export async function insertSwedishVat(q: Queryable): Promise<void> {
  for (const taxClass of TAX_CLASSES) await insertTaxClass(q, taxClass);
  for (const rate of SWEDISH_VAT_RATES) await insertVatRate(q, rate);
}
