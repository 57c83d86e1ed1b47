import { findVatPeriodOverlaps, type VatRatePeriod, vatRateInForce } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { createTestDatabase } from '../test-database';
import { insertSwedishVat, SWEDISH_VAT_RATES, TAX_CLASSES } from './swedish-vat';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const readRates = () =>
  db.query<VatRatePeriod>(
    `select trim(country) as country, tax_class as "taxClass", rate_bp as "rateBp",
            to_char(valid_from, 'YYYY-MM-DD') as "validFrom", to_char(valid_to, 'YYYY-MM-DD') as "validTo"
       from vat_rates order by country, tax_class, valid_from`,
  );

describe('the VAT reference data of migration 0003', () => {
  it('holds exactly the tax classes and Swedish rates the seed module describes', async () => {
    const classes = await db.query('select code, name_sv as "nameSv", name_en as "nameEn" from tax_classes');
    expect(classes).toEqual(expect.arrayContaining([...TAX_CLASSES]));
    expect(classes).toHaveLength(TAX_CLASSES.length);
    const swedish = (await readRates()).filter((r) => r.country === 'SE');
    const sortKey = (r: { taxClass: string; validFrom?: string }) => `${r.taxClass} ${r.validFrom}`;
    expect(swedish.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      [...SWEDISH_VAT_RATES].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });

  it('never overlaps, and gives every country a rate for every class on any day from 2022', async () => {
    const rates = await readRates();
    expect(findVatPeriodOverlaps(rates)).toEqual([]);
    const days = [
      '2022-01-01T12:00:00Z',
      '2024-09-01T12:00:00Z',
      '2026-04-01T12:00:00Z',
      '2031-01-01T12:00:00Z',
    ];
    for (const country of ['SE', 'NO', 'FI', 'DK']) {
      for (const { code } of TAX_CLASSES) {
        for (const day of days) {
          const found = vatRateInForce(rates, {
            country,
            taxClass: code,
            at: new Date(day),
            timeZone: 'UTC',
          });
          expect(found, `${country} ${code} ${day}`).toBeDefined();
        }
      }
    }
  });

  it.each([
    ['SE', 'food', '2026-06-01', 600],
    ['SE', 'restaurant', '2026-06-01', 1200],
    ['NO', 'food', '2026-06-01', 1500],
    ['NO', 'culture', '2026-06-01', 1200],
    ['NO', 'raw_fish', '2026-06-01', 1111],
    ['NO', 'books', '2026-06-01', 0],
    ['FI', 'standard', '2024-08-31', 2400],
    ['FI', 'standard', '2024-09-01', 2550],
    // 14 % until 2025-12-31, 13.5 % from 2026-01-01 (migration 0037).
    ['FI', 'food', '2025-12-31', 1400],
    ['FI', 'food', '2026-06-01', 1350],
    ['FI', 'books', '2026-06-01', 1350],
    ['FI', 'press', '2026-06-01', 1000],
    ['FI', 'books', '2024-06-01', 1000],
    ['DK', 'food', '2026-06-01', 2500],
    ['DK', 'exempt', '2026-06-01', 0],
  ])('%s %s on %s is %i bp', async (country, taxClass, day, rateBp) => {
    const rates = await readRates();
    const at = new Date(`${day}T12:00:00Z`);
    expect(vatRateInForce(rates, { country, taxClass, at, timeZone: 'UTC' })?.rateBp).toBe(rateBp);
  });

  it('lets insertSwedishVat run on a migrated database without writing anything', async () => {
    const before = await readRates();
    await insertSwedishVat(db);
    await insertSwedishVat(db);
    expect(await readRates()).toEqual(before);
  });

  it('fills in the Swedish rates where they are missing, and only those classes', async () => {
    const rollBack = new Error('roll back, leaving the shared database as it was');
    const attempt = db.transaction(async (tx) => {
      await tx.query(`delete from vat_rates where country = 'SE' and tax_class in ('food', 'books')`);
      await insertSwedishVat(tx);
      const rows = await tx.query<{ taxClass: string }>(
        `select tax_class as "taxClass" from vat_rates where country = 'SE' and tax_class in ('food', 'books')`,
      );
      expect(rows.map((r) => r.taxClass).sort()).toEqual(['books', 'food', 'food', 'food']);
      throw rollBack;
    });
    await expect(attempt).rejects.toBe(rollBack);
    expect(findVatPeriodOverlaps(await readRates())).toEqual([]);
  });
});
