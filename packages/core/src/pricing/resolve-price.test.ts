import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { isCampaignActive, type PriceCandidate, type PriceContext, resolveUnitPrice } from './resolve-price';

const sek = (amount: number) => money(amount, 'SEK');
const NOW = new Date('2026-06-15T10:00:00Z');
const BEFORE = new Date('2026-06-01T00:00:00Z');
const AFTER = new Date('2026-07-01T00:00:00Z');

const retail = (amount: number): PriceCandidate => ({ source: 'retail', unitPriceInclVat: sek(amount) });
const store = (storeId: string, amount: number): PriceCandidate => ({
  source: 'store_override',
  storeId,
  unitPriceInclVat: sek(amount),
});
const customer = (priceListId: string, amount: number): PriceCandidate => ({
  source: 'customer_list',
  priceListId,
  unitPriceInclVat: sek(amount),
});
const campaign = (
  campaignId: string,
  amount: number,
  opts: { storeId?: string; startsAt?: Date; endsAt?: Date; currency?: string } = {},
): PriceCandidate => ({
  source: 'campaign',
  campaignId,
  storeId: opts.storeId ?? null,
  startsAt: opts.startsAt ?? BEFORE,
  endsAt: opts.endsAt ?? AFTER,
  unitPriceInclVat: money(amount, opts.currency ?? 'SEK'),
});
const ctx = (o: Partial<PriceContext> = {}): PriceContext => ({
  at: NOW,
  storeId: null,
  customerPriceListId: null,
  ...o,
});

// Each row: what is on offer, who buys where, and the expected [price, source, campaignId?].
const CASES: [string, PriceCandidate[], PriceContext, [number, string, string?] | null][] = [
  ['retail only', [retail(10000)], ctx(), [10000, 'retail']],
  ['nothing prices the SKU', [], ctx(), null],
  ['only another store has an override', [store('sto_b', 9000)], ctx({ storeId: 'sto_a' }), null],
  [
    'store override replaces retail in its store',
    [retail(10000), store('sto_a', 9500)],
    ctx({ storeId: 'sto_a' }),
    [9500, 'store_override'],
  ],
  [
    'store override may be higher than retail',
    [retail(10000), store('sto_a', 10500)],
    ctx({ storeId: 'sto_a' }),
    [10500, 'store_override'],
  ],
  [
    'another store’s override is ignored',
    [retail(10000), store('sto_b', 9500)],
    ctx({ storeId: 'sto_a' }),
    [10000, 'retail'],
  ],
  ['no store (web shop) ignores overrides', [retail(10000), store('sto_a', 9500)], ctx(), [10000, 'retail']],
  [
    'customer list replaces retail',
    [retail(10000), customer('prl_b2b', 8000)],
    ctx({ customerPriceListId: 'prl_b2b' }),
    [8000, 'customer_list'],
  ],
  [
    'customer list beats the store override, even when higher',
    [retail(10000), store('sto_a', 7000), customer('prl_b2b', 8000)],
    ctx({ storeId: 'sto_a', customerPriceListId: 'prl_b2b' }),
    [8000, 'customer_list'],
  ],
  [
    'customer list without this SKU falls back to the store override',
    [retail(10000), store('sto_a', 9000)],
    ctx({ storeId: 'sto_a', customerPriceListId: 'prl_b2b' }),
    [9000, 'store_override'],
  ],
  [
    'another customer’s list is ignored',
    [retail(10000), customer('prl_other', 5000)],
    ctx({ customerPriceListId: 'prl_b2b' }),
    [10000, 'retail'],
  ],
  [
    'a list price without a customer is ignored',
    [retail(10000), customer('prl_b2b', 5000)],
    ctx(),
    [10000, 'retail'],
  ],
  [
    'a lower active campaign beats retail',
    [retail(10000), campaign('cpn_1', 8000)],
    ctx(),
    [8000, 'campaign', 'cpn_1'],
  ],
  ['a higher campaign does not apply', [retail(10000), campaign('cpn_1', 12000)], ctx(), [10000, 'retail']],
  ['an equal campaign does not apply', [retail(10000), campaign('cpn_1', 10000)], ctx(), [10000, 'retail']],
  [
    'a campaign not yet started does not apply',
    [retail(10000), campaign('cpn_1', 8000, { startsAt: AFTER, endsAt: new Date('2026-08-01') })],
    ctx(),
    [10000, 'retail'],
  ],
  [
    'a campaign applies from its first instant',
    [retail(10000), campaign('cpn_1', 8000, { startsAt: NOW })],
    ctx(),
    [8000, 'campaign', 'cpn_1'],
  ],
  [
    'a campaign no longer applies at its end instant',
    [retail(10000), campaign('cpn_1', 8000, { endsAt: NOW })],
    ctx(),
    [10000, 'retail'],
  ],
  [
    'a campaign undercuts a store override',
    [retail(10000), store('sto_a', 9000), campaign('cpn_1', 8500)],
    ctx({ storeId: 'sto_a' }),
    [8500, 'campaign', 'cpn_1'],
  ],
  [
    'a store override below the campaign stays',
    [retail(10000), store('sto_a', 7000), campaign('cpn_1', 8500)],
    ctx({ storeId: 'sto_a' }),
    [7000, 'store_override'],
  ],
  [
    'a campaign undercuts a B2B price',
    [retail(10000), customer('prl_b2b', 9000), campaign('cpn_1', 8000)],
    ctx({ customerPriceListId: 'prl_b2b' }),
    [8000, 'campaign', 'cpn_1'],
  ],
  [
    'a campaign above the B2B price does not apply',
    [retail(10000), customer('prl_b2b', 7000), campaign('cpn_1', 8000)],
    ctx({ customerPriceListId: 'prl_b2b' }),
    [7000, 'customer_list'],
  ],
  [
    'the store’s own campaign beats a lower company-wide one',
    [retail(10000), campaign('cpn_all', 7000), campaign('cpn_sto', 9000, { storeId: 'sto_a' })],
    ctx({ storeId: 'sto_a' }),
    [9000, 'campaign', 'cpn_sto'],
  ],
  [
    'a company-wide campaign applies in a store without its own',
    [retail(10000), campaign('cpn_all', 7000), campaign('cpn_sto', 9000, { storeId: 'sto_b' })],
    ctx({ storeId: 'sto_a' }),
    [7000, 'campaign', 'cpn_all'],
  ],
  [
    'a store campaign does not apply in the web shop',
    [retail(10000), campaign('cpn_sto', 9000, { storeId: 'sto_a' })],
    ctx(),
    [10000, 'retail'],
  ],
  [
    'an ended store campaign lets the company-wide one apply',
    [retail(10000), campaign('cpn_all', 8000), campaign('cpn_sto', 9000, { storeId: 'sto_a', endsAt: NOW })],
    ctx({ storeId: 'sto_a' }),
    [8000, 'campaign', 'cpn_all'],
  ],
  [
    'the lowest of two company-wide campaigns wins',
    [retail(10000), campaign('cpn_1', 8000), campaign('cpn_2', 7500)],
    ctx(),
    [7500, 'campaign', 'cpn_2'],
  ],
  [
    'equal campaign prices: the latest start wins',
    [retail(10000), campaign('cpn_1', 8000), campaign('cpn_2', 8000, { startsAt: new Date('2026-06-10') })],
    ctx(),
    [8000, 'campaign', 'cpn_2'],
  ],
  [
    'equal prices and starts: the smallest id wins',
    [retail(10000), campaign('cpn_b', 8000), campaign('cpn_a', 8000)],
    ctx(),
    [8000, 'campaign', 'cpn_a'],
  ],
  [
    'a campaign in another currency is ignored',
    [retail(10000), campaign('cpn_eur', 500, { currency: 'EUR' })],
    ctx(),
    [10000, 'retail'],
  ],
  ['a campaign without any base price sells nothing', [campaign('cpn_1', 8000)], ctx(), null],
];

describe('resolveUnitPrice, case by case', () => {
  it.each(CASES)('%s', (_name, candidates, context, expected) => {
    const resolved = resolveUnitPrice(candidates, context);
    if (expected === null) {
      expect(resolved).toBeNull();
      return;
    }
    const [amount, source, campaignId] = expected;
    expect(resolved).toMatchObject({ unitPriceInclVat: sek(amount), source });
    expect(resolved?.campaignId).toBe(campaignId);
  });

  it('reports the regular price a campaign replaced', () => {
    const resolved = resolveUnitPrice(
      [retail(10000), store('sto_a', 9000), campaign('cpn_1', 8000)],
      ctx({ storeId: 'sto_a' }),
    );
    expect(resolved).toEqual({
      unitPriceInclVat: sek(8000),
      source: 'campaign',
      campaignId: 'cpn_1',
      regularUnitPriceInclVat: sek(9000),
      regularSource: 'store_override',
    });
  });
});

describe('resolveUnitPrice, properties', () => {
  const STORES = ['sto_a', 'sto_b'];
  const LISTS = ['prl_1', 'prl_2'];
  const amount = fc.integer({ min: 0, max: 100_000 });
  const day = fc.integer({ min: 0, max: 100 });
  const dayAt = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
  const instant = day.map(dayAt);
  const candidate: fc.Arbitrary<PriceCandidate> = fc.oneof(
    amount.map(retail),
    fc.tuple(fc.constantFrom(...STORES), amount).map(([s, a]) => store(s, a)),
    fc.tuple(fc.constantFrom(...LISTS), amount).map(([l, a]) => customer(l, a)),
    fc
      .tuple(
        fc.constantFrom('cpn_1', 'cpn_2', 'cpn_3'),
        amount,
        fc.option(fc.constantFrom(...STORES), { nil: undefined }),
        day,
        day,
      )
      .map(([id, a, storeId, x, y]) =>
        campaign(id, a, { storeId, startsAt: dayAt(Math.min(x, y)), endsAt: dayAt(Math.max(x, y)) }),
      ),
  );
  const context: fc.Arbitrary<PriceContext> = fc.record({
    at: instant,
    storeId: fc.option(fc.constantFrom(...STORES), { nil: null }),
    customerPriceListId: fc.option(fc.constantFrom(...LISTS), { nil: null }),
  });
  const candidates = fc.array(candidate, { maxLength: 8 });

  it('returns a price of one of the candidates, and its campaign id only for a campaign', () => {
    fc.assert(
      fc.property(candidates, context, (cs, c) => {
        const r = resolveUnitPrice(cs, c);
        if (!r) return;
        const from = cs.filter(
          (x) => x.source === r.source && x.unitPriceInclVat.amount === r.unitPriceInclVat.amount,
        );
        expect(from.length).toBeGreaterThan(0);
        if (r.source === 'campaign')
          expect(from.some((x) => x.source === 'campaign' && x.campaignId === r.campaignId)).toBe(true);
        else expect(r.campaignId).toBeUndefined();
      }),
    );
  });

  it('never exceeds the price without campaigns, and a campaign only ever lowers it', () => {
    fc.assert(
      fc.property(candidates, context, (cs, c) => {
        const r = resolveUnitPrice(cs, c);
        const withoutCampaigns = resolveUnitPrice(
          cs.filter((x) => x.source !== 'campaign'),
          c,
        );
        expect(r === null).toBe(withoutCampaigns === null);
        if (!r || !withoutCampaigns) return;
        expect(r.regularUnitPriceInclVat).toEqual(withoutCampaigns.unitPriceInclVat);
        expect(r.unitPriceInclVat.amount).toBeLessThanOrEqual(withoutCampaigns.unitPriceInclVat.amount);
        if (r.source === 'campaign')
          expect(r.unitPriceInclVat.amount).toBeLessThan(r.regularUnitPriceInclVat.amount);
      }),
    );
  });

  it('only uses a campaign that is active, for this store or every store', () => {
    fc.assert(
      fc.property(candidates, context, (cs, c) => {
        const r = resolveUnitPrice(cs, c);
        if (r?.source !== 'campaign') return;
        const used = cs.find(
          (x) =>
            x.source === 'campaign' &&
            x.campaignId === r.campaignId &&
            x.unitPriceInclVat.amount === r.unitPriceInclVat.amount,
        );
        expect(used?.source === 'campaign' && isCampaignActive(used, c.at)).toBe(true);
        expect(used?.source === 'campaign' && (used.storeId === null || used.storeId === c.storeId)).toBe(
          true,
        );
      }),
    );
  });

  it('does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(candidates, context, (cs, c) => {
        const forward = resolveUnitPrice(cs, c);
        const backward = resolveUnitPrice([...cs].reverse(), c);
        expect(backward?.unitPriceInclVat).toEqual(forward?.unitPriceInclVat);
        expect(backward?.source).toBe(forward?.source);
        expect(backward?.campaignId).toBe(forward?.campaignId);
      }),
    );
  });
});
