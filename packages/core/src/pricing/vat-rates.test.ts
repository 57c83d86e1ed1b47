import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertVatPeriodFits,
  checkVatRatePeriod,
  findVatPeriodOverlaps,
  isIsoDate,
  localDateIn,
  taxClassIn,
  type VatRatePeriod,
  vatPeriodsOverlap,
  vatRateInForce,
} from './vat-rates';

const SE = (taxClass: string, rateBp: number, validFrom: string, validTo: string | null = null) => ({
  country: 'SE',
  taxClass,
  rateBp,
  validFrom,
  validTo,
});
const SWEDEN: VatRatePeriod[] = [
  SE('standard', 2500, '2000-01-01'),
  SE('food', 1200, '2000-01-01', '2026-03-31'),
  SE('food', 600, '2026-04-01', '2027-12-31'),
  SE('food', 1200, '2028-01-01'),
  SE('restaurant', 1200, '2000-01-01'),
  { country: 'FI', taxClass: 'food', rateBp: 1400, validFrom: '2000-01-01', validTo: null },
];
const STOCKHOLM = 'Europe/Stockholm';
const rateAt = (taxClass: string, iso: string, country = 'SE') =>
  vatRateInForce(SWEDEN, { country, taxClass, at: new Date(iso), timeZone: STOCKHOLM })?.rateBp;
const throwsCode = (code: string) => expect.objectContaining({ name: 'DomainError', code });

describe('localDateIn', () => {
  it.each([
    ['2026-03-31T21:59:59Z', STOCKHOLM, '2026-03-31'], // 23:59:59 summer time
    ['2026-03-31T22:30:00Z', STOCKHOLM, '2026-04-01'], // 00:30 local, still 31 March in UTC
    ['2027-12-31T22:59:59Z', STOCKHOLM, '2027-12-31'], // 23:59:59 winter time
    ['2027-12-31T23:00:00Z', STOCKHOLM, '2028-01-01'],
    ['2026-04-01T03:00:00Z', 'America/New_York', '2026-03-31'],
    ['2026-06-15T12:00:00Z', 'UTC', '2026-06-15'],
  ])('%s in %s is %s', (iso, timeZone, expected) => {
    expect(localDateIn(new Date(iso), timeZone)).toBe(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDateIn(new Date(), 'Mars/Olympus')).toThrow(throwsCode('invalid_time_zone'));
  });
});

describe('vatRateInForce', () => {
  it.each([
    ['food', '2026-03-31T21:59:59Z', 1200], // 23:59:59 on 31 March in Stockholm
    ['food', '2026-03-31T22:30:00Z', 600], // 00:30 on 1 April in Stockholm: the cut applies
    ['food', '2026-04-01T12:00:00Z', 600],
    ['food', '2027-12-31T22:59:59Z', 600], // the last second of the cut
    ['food', '2027-12-31T23:00:00Z', 1200], // midnight into 2028 in Stockholm
    ['restaurant', '2026-03-31T21:59:59Z', 1200], // restaurant and catering keep 12 %
    ['restaurant', '2026-03-31T22:30:00Z', 1200],
    ['standard', '2026-03-31T22:30:00Z', 2500],
  ])('%s at %s is %i bp', (taxClass, iso, rateBp) => {
    expect(rateAt(taxClass, iso)).toBe(rateBp);
  });

  it('keeps countries and classes apart, and answers undefined where no rate exists', () => {
    expect(rateAt('food', '2026-04-01T12:00:00Z', 'FI')).toBe(1400);
    expect(rateAt('books', '2026-04-01T12:00:00Z')).toBeUndefined();
    expect(rateAt('standard', '1999-12-31T12:00:00Z')).toBeUndefined();
    expect(rateAt('standard', '2026-04-01T12:00:00Z', 'NO')).toBeUndefined();
  });

  it('always returns a period of the asked country and class that covers the local date', () => {
    const instant = fc.date({
      min: new Date('1999-01-01'),
      max: new Date('2035-01-01'),
      noInvalidDate: true,
    });
    const taxClass = fc.constantFrom('standard', 'food', 'restaurant', 'books');
    fc.assert(
      fc.property(instant, taxClass, (at, cls) => {
        const found = vatRateInForce(SWEDEN, { country: 'SE', taxClass: cls, at, timeZone: STOCKHOLM });
        const day = localDateIn(at, STOCKHOLM);
        const covering = SWEDEN.filter(
          (r) =>
            r.country === 'SE' &&
            r.taxClass === cls &&
            r.validFrom <= day &&
            (r.validTo === null || day <= r.validTo),
        );
        expect(found).toBe(covering[0]);
      }),
    );
  });

  it('picks the period that started last should overlapping data ever reach it', () => {
    const overlapping = [SE('food', 1200, '2000-01-01'), SE('food', 600, '2026-04-01')];
    const at = new Date('2026-05-01T10:00:00Z');
    expect(
      vatRateInForce(overlapping, { country: 'SE', taxClass: 'food', at, timeZone: STOCKHOLM })?.rateBp,
    ).toBe(600);
  });
});

describe('overlaps', () => {
  it.each([
    [SE('food', 600, '2026-04-01', '2027-12-31'), SE('food', 1200, '2028-01-01'), false],
    [SE('food', 600, '2026-04-01', '2027-12-31'), SE('food', 1200, '2027-12-31'), true], // one shared day
    [SE('food', 1200, '2000-01-01'), SE('food', 600, '2026-04-01', '2027-12-31'), true], // open end
    [SE('food', 1200, '2000-01-01'), SE('restaurant', 1200, '2000-01-01'), false],
    [SE('food', 1200, '2000-01-01'), { ...SE('food', 1200, '2000-01-01'), country: 'NO' }, false],
    [SE('food', 1200, '2030-01-01'), SE('food', 600, '2026-04-01', '2027-12-31'), false],
  ])('%j and %j overlap: %s', (a, b, expected) => {
    expect(vatPeriodsOverlap(a, b)).toBe(expected);
    expect(vatPeriodsOverlap(b, a)).toBe(expected);
  });

  it('agrees with comparing the days one by one', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
    const period = fc
      .tuple(day, fc.option(day, { nil: null }))
      .filter(([from, to]) => to === null || to >= from)
      .map(([from, to]) => SE('food', 600, from, to));
    const days = (p: VatRatePeriod) =>
      Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`).filter(
        (d) => d >= p.validFrom && (p.validTo === null || d <= p.validTo),
      );
    fc.assert(
      fc.property(period, period, (a, b) => {
        const shared = days(a).some((d) => days(b).includes(d));
        expect(vatPeriodsOverlap(a, b)).toBe(shared);
      }),
    );
  });

  it('finds no overlap in a valid table and each overlapping pair once', () => {
    expect(findVatPeriodOverlaps(SWEDEN)).toEqual([]);
    const extra = SE('food', 900, '2027-06-01', '2028-06-30');
    expect(findVatPeriodOverlaps([...SWEDEN, extra])).toEqual([
      [SWEDEN[2], extra],
      [SWEDEN[3], extra],
    ]);
  });

  it('assertVatPeriodFits refuses an overlap with conflict naming the period it hits', () => {
    expect(() => assertVatPeriodFits(SWEDEN, SE('food', 900, '2027-06-01', '2027-06-30'))).toThrow(
      expect.objectContaining({
        code: 'conflict',
        fields: [{ field: 'validFrom', message: 'Overlaps 2026-04-01–2027-12-31 at 600 bp' }],
      }),
    );
    expect(() => assertVatPeriodFits(SWEDEN, SE('books', 600, '2000-01-01'))).not.toThrow();
  });
});

describe('checking one period', () => {
  it('accepts real dates only', () => {
    expect(['2026-04-01', '2028-02-29', '2000-01-01'].every(isIsoDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-4-1', '20260401', ''].some(isIsoDate)).toBe(false);
  });

  it('names each bad field', () => {
    const bad = { country: 'se', taxClass: 'food', rateBp: 10_001, validFrom: '2026-02-30', validTo: null };
    expect(checkVatRatePeriod(bad).map((e) => e.field)).toEqual(['country', 'rateBp', 'validFrom']);
    expect(checkVatRatePeriod(SE('food', 600, '2026-04-01', '2026-03-31'))).toEqual([
      { field: 'validTo', message: 'Must not be before validFrom' },
    ]);
    expect(checkVatRatePeriod(SE('food', 600, '2026-04-01', '2026-04-01'))).toEqual([]);
    expect(() => assertVatPeriodFits([], bad)).toThrow(throwsCode('validation_failed'));
  });
});

describe('taxClassIn', () => {
  it('uses the override for the country, else the product class', () => {
    const overrides = [{ country: 'NO', taxClass: 'standard' }];
    expect(taxClassIn('NO', 'food', overrides)).toBe('standard');
    expect(taxClassIn('SE', 'food', overrides)).toBe('food');
  });
});
