import { describe, expect, it } from 'vitest';
import { levelFor, pointsFor, vouchersDue } from './loyalty.points';

describe('loyalty points', () => {
  it('gives 1 point per 10 kr by default, rounding down, and negative for a return', () => {
    expect(pointsFor(12_345, 100)).toBe(12);
    expect(pointsFor(999, 100)).toBe(0);
    expect(pointsFor(-12_345, 100)).toBe(-12);
    expect(pointsFor(10_000, 2000)).toBe(200);
  });
  it('levels at Silver 1,000 and Guld 5,000 earned points', () => {
    expect(levelFor(999)).toBe('member');
    expect(levelFor(1000)).toBe('silver');
    expect(levelFor(5000)).toBe('gold');
  });
  it('issues one voucher per full threshold and none for a negative balance', () => {
    expect(vouchersDue(499, 500)).toBe(0);
    expect(vouchersDue(1000, 500)).toBe(2);
    expect(vouchersDue(-20, 500)).toBe(0);
  });
});
