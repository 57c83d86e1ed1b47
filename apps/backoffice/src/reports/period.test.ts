import { describe, expect, it } from 'vitest';
import { presetDays } from './period';

describe('period presets', () => {
  // Local noon on Thursday 3 December 2026.
  const now = new Date(2026, 11, 3, 12, 0);
  const custom = { from: '2026-01-05', to: '2026-02-01' };

  it('gives today, the last 7 days including today, and the month so far', () => {
    expect(presetDays('today', now, custom)).toEqual({ from: '2026-12-03', to: '2026-12-03' });
    expect(presetDays('last7', now, custom)).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(presetDays('thisMonth', now, custom)).toEqual({ from: '2026-12-01', to: '2026-12-03' });
  });

  it('keeps the chosen days on custom, and crosses a year start', () => {
    expect(presetDays('custom', now, custom)).toEqual(custom);
    expect(presetDays('last7', new Date(2027, 0, 2, 9), custom)).toEqual({
      from: '2026-12-27',
      to: '2027-01-02',
    });
  });
});
