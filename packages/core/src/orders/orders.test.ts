import { describe, expect, it } from 'vitest';
import { findMove } from '../inventory/state-machine';
import { money } from '../money/money';
import { normalizePickupCode, PICKUP_CODE_ALPHABET, pickupCodeFrom } from './pickup-code';
import { isFinalOrderStatus, ORDER_MOVES } from './status';
import { orderTotals } from './totals';

describe('order status machine', () => {
  it('lists each move once with a reason', () => {
    const keys = ORDER_MOVES.map((m) => `${m.from}>${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const move of ORDER_MOVES) expect(move.reason.length).toBeGreaterThan(10);
  });

  it('runs awaiting_payment → placed → accepted → picking → ready → collected', () => {
    const path = ['awaiting_payment', 'placed', 'accepted', 'picking', 'ready', 'collected'] as const;
    for (let i = 1; i < path.length; i++) expect(findMove(ORDER_MOVES, path[i - 1]!, path[i]!)).toBeDefined();
  });

  it('never leaves a final status and never skips payment', () => {
    expect(ORDER_MOVES.filter((m) => isFinalOrderStatus(m.from))).toEqual([]);
    expect(findMove(ORDER_MOVES, 'awaiting_payment', 'ready')).toBeUndefined();
    expect(findMove(ORDER_MOVES, 'collected', 'cancelled')).toBeUndefined();
  });
});

describe('order totals', () => {
  it('sums lines and shipping and puts VAT per rate on each rate’s sum', () => {
    const totals = orderTotals(
      [
        { quantity: 3, unitPriceInclVat: money(3333, 'SEK'), vatRateBp: 2500 },
        { quantity: 2, unitPriceInclVat: money(1990, 'SEK'), vatRateBp: 1200 },
        { quantity: 1, unitPriceInclVat: money(1, 'SEK'), vatRateBp: 2500 },
      ],
      { priceInclVat: money(5900, 'SEK'), vatRateBp: 2500 },
      'SEK',
    );
    expect(totals.linesTotal).toEqual(money(9999 + 3980 + 1, 'SEK'));
    expect(totals.shipping).toEqual(money(5900, 'SEK'));
    expect(totals.total.amount).toBe(9999 + 3980 + 1 + 5900);
    // 25 %: (9999 + 1 + 5900) × 0.2 = 3180; 12 %: 3980 × 12/112 = 426.43 → 426
    expect(totals.vat).toEqual([
      { rateBp: 2500, vat: money(3180, 'SEK'), totalInclVat: money(15900, 'SEK') },
      { rateBp: 1200, vat: money(426, 'SEK'), totalInclVat: money(3980, 'SEK') },
    ]);
    const vatGross = totals.vat.reduce((sum, v) => sum + v.totalInclVat.amount, 0);
    expect(vatGross).toBe(totals.total.amount);
  });

  it('has no shipping line for pickup', () => {
    const totals = orderTotals(
      [{ quantity: 1, unitPriceInclVat: money(100, 'SEK'), vatRateBp: 600 }],
      null,
      'SEK',
    );
    expect(totals.shipping.amount).toBe(0);
    expect(totals.vat).toHaveLength(1);
  });
});

describe('pickup codes', () => {
  it('uses 8 unambiguous characters', () => {
    expect(PICKUP_CODE_ALPHABET).toHaveLength(31);
    for (const ch of '01OIL') expect(PICKUP_CODE_ALPHABET).not.toContain(ch);
    const bytes = Uint8Array.from({ length: 8 }, (_, i) => i * 37);
    const code = pickupCodeFrom(bytes);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(pickupCodeFrom(bytes)).toBe(code);
  });

  it('normalizes what staff type and refuses what cannot be a code', () => {
    expect(normalizePickupCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizePickupCode('ABCD EFG0')).toBeNull();
    expect(normalizePickupCode('ABC')).toBeNull();
  });
});
