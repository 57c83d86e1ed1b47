// The tax classes and Swedish VAT rates, as data for tests. Migration 0003 installs them (and the
// Norwegian, Finnish and Danish rates) in every database; `swedish-vat.db.test.ts` keeps the two
// equal. Food drops from 12 % to 6 % between 2026-04-01 and 2027-12-31 (the temporary cut on
// livsmedel); restaurant and catering stay at 12 %.
import type { Queryable } from '../database';
import type { TaxClassSeed, VatRateSeed } from './builders';
import { insertRows } from './rows';

export const TAX_CLASSES: readonly TaxClassSeed[] = [
  { code: 'standard', nameSv: 'Normalskattesats', nameEn: 'Standard rate' },
  { code: 'food', nameSv: 'Livsmedel', nameEn: 'Food' },
  { code: 'restaurant', nameSv: 'Restaurang och catering', nameEn: 'Restaurant and catering' },
  { code: 'books', nameSv: 'Böcker', nameEn: 'Books' },
  { code: 'press', nameSv: 'Tidningar och tidskrifter', nameEn: 'Newspapers and periodicals' },
  { code: 'culture', nameSv: 'Kultur och evenemang (entré)', nameEn: 'Culture and events (admission)' },
  { code: 'raw_fish', nameSv: 'Obearbetad fisk', nameEn: 'Unprocessed fish' },
  { code: 'exempt', nameSv: 'Momsfritt', nameEn: 'VAT exempt' },
];

const FOOD_PERIODS = [
  { rateBp: 1200, validFrom: '2022-01-01', validTo: '2026-03-31' },
  { rateBp: 600, validFrom: '2026-04-01', validTo: '2027-12-31' },
  { rateBp: 1200, validFrom: '2028-01-01', validTo: null },
];

export const SWEDISH_VAT_RATES: readonly VatRateSeed[] = [
  { taxClass: 'standard', rateBp: 2500, validFrom: '2022-01-01', validTo: null },
  ...FOOD_PERIODS.map((p) => ({ taxClass: 'food', ...p })),
  ...FOOD_PERIODS.map((p) => ({ taxClass: 'raw_fish', ...p })),
  { taxClass: 'restaurant', rateBp: 1200, validFrom: '2022-01-01', validTo: null },
  { taxClass: 'books', rateBp: 600, validFrom: '2022-01-01', validTo: null },
  { taxClass: 'press', rateBp: 600, validFrom: '2022-01-01', validTo: null },
  { taxClass: 'culture', rateBp: 600, validFrom: '2022-01-01', validTo: null },
  { taxClass: 'exempt', rateBp: 0, validFrom: '2022-01-01', validTo: null },
].map((rate) => ({ ...rate, country: 'SE' }));

/**
 * Makes sure the tax classes and Swedish rates exist. The migration already put them there, so on
 * a migrated database this writes nothing; a class that already has periods is never given more,
 * since two sets of periods for one class would overlap.
 */
export async function insertSwedishVat(q: Queryable): Promise<void> {
  const [classes] = await q.query<{ n: number }>('select count(*)::integer as n from tax_classes');
  if ((classes?.n ?? 0) < TAX_CLASSES.length) {
    for (const c of TAX_CLASSES) {
      await q.query(
        'insert into tax_classes (code, name_sv, name_en) values ($1, $2, $3) on conflict (code) do nothing',
        [c.code, c.nameSv ?? c.code, c.nameEn ?? c.code],
      );
    }
  }
  const present = await q.query<{ taxClass: string }>(
    `select distinct tax_class as "taxClass" from vat_rates where country = 'SE'`,
  );
  const missing = SWEDISH_VAT_RATES.filter((r) => !present.some((p) => p.taxClass === r.taxClass));
  await insertRows(
    q,
    'vat_rates',
    missing.map((r) => ({
      country: r.country,
      tax_class: r.taxClass,
      rate_bp: r.rateBp,
      valid_from: r.validFrom,
      valid_to: r.validTo,
    })),
  );
}
