// VAT rates of the 27 EU member states for our VAT classes, in basis points, for deliveries taxed
// in the destination country under the One-Stop Shop (OSS).
//
// Source: European Commission, "VAT rates applied in the Member States of the European Union"
// (taxation-customs.ec.europa.eu, situation at 1 January 2025), with the changes announced since
// that we know of, as in force on 2026-12-01: EE standard 24 % (2025-07-01), RO 21 % / 11 %
// (2025-08-01), SK 23 % with 5 % for restaurants, books and press (2025-01-01), FI's whole 14 %
// rate — food, restaurant, books, admissions — 13.5 % from 2026-01-01 (Finnish budget law 2025;
// newspapers stay 10 %), DE restaurant food 7 % (2026-01-01), IE restaurant food 9 %
// (2026-07-01), SE food 6 % (2026-04-01 to 2027-12-31). Where a class has several reduced rates in
// a country (basic vs other foods), the one for most goods of the class is given. Re-check against
// the Commission's TEDB before relying on a rate; domestic sales use the dated `vat_rates` table.

/** Our VAT classes (the `tax_classes` codes). */
export const EU_VAT_CLASSES = [
  'standard',
  'food',
  'restaurant',
  'books',
  'press',
  'culture',
  'raw_fish',
  'exempt',
] as const;
export type EuVatClass = (typeof EU_VAT_CLASSES)[number];

type Rates = Readonly<Record<Exclude<EuVatClass, 'exempt'>, number>>;
const r = (
  standard: number,
  food: number,
  restaurant: number,
  books: number,
  press: number,
  culture: number,
  raw_fish: number,
): Rates => ({ standard, food, restaurant, books, press, culture, raw_fish });

/** Rates by ISO 3166 country code (Greece as GR, not EL), per class, in basis points. */
export const EU_VAT_RATES: Readonly<Record<string, Rates>> = {
  //  standard food restaurant books press culture raw_fish
  AT: r(2000, 1000, 1000, 1000, 1000, 1300, 1000),
  BE: r(2100, 600, 1200, 600, 600, 600, 600),
  BG: r(2000, 2000, 2000, 900, 900, 2000, 2000),
  CY: r(1900, 500, 900, 500, 500, 500, 500),
  CZ: r(2100, 1200, 1200, 0, 1200, 1200, 1200),
  DE: r(1900, 700, 700, 700, 700, 700, 700),
  DK: r(2500, 2500, 2500, 2500, 0, 2500, 2500),
  EE: r(2400, 2400, 2400, 900, 900, 2400, 2400),
  ES: r(2100, 1000, 1000, 400, 400, 1000, 1000),
  FI: r(2550, 1350, 1350, 1350, 1000, 1350, 1350),
  FR: r(2000, 550, 1000, 550, 210, 550, 550),
  GR: r(2400, 1300, 1300, 600, 600, 600, 1300),
  HR: r(2500, 1300, 1300, 500, 500, 1300, 1300),
  HU: r(2700, 1800, 500, 500, 500, 1800, 500),
  IE: r(2300, 0, 900, 0, 900, 900, 0),
  IT: r(2200, 1000, 1000, 400, 400, 1000, 1000),
  LT: r(2100, 2100, 2100, 900, 900, 2100, 2100),
  LU: r(1700, 300, 300, 300, 300, 300, 300),
  LV: r(2100, 1200, 2100, 500, 500, 2100, 1200),
  MT: r(1800, 0, 1800, 500, 500, 500, 0),
  NL: r(2100, 900, 900, 900, 900, 900, 900),
  PL: r(2300, 500, 800, 500, 800, 800, 500),
  PT: r(2300, 600, 1300, 600, 600, 600, 600),
  RO: r(2100, 1100, 1100, 1100, 1100, 1100, 1100),
  SE: r(2500, 600, 1200, 600, 600, 600, 600),
  SI: r(2200, 950, 950, 500, 500, 950, 950),
  SK: r(2300, 1900, 500, 500, 500, 500, 1900),
};

/** True for a member state of the EU (Norway, Iceland and Switzerland are not). */
export const isEuCountry = (country: string): boolean => Object.hasOwn(EU_VAT_RATES, country);

/** The table's rate of a class in an EU country; undefined outside the EU or for an unknown class. */
export function euVatRateBp(country: string, vatClass: string): number | undefined {
  if (!isEuCountry(country)) return undefined;
  if (vatClass === 'exempt') return 0;
  return (EU_VAT_RATES[country] as Record<string, number>)[vatClass];
}
