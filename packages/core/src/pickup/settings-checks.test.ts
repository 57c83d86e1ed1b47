import { describe, expect, it } from 'vitest';
import { checkPickupRules } from './settings-checks';
import type { PickupRules } from './slots';

const base: PickupRules = {
  enabled: true,
  leadTimeMinutes: 30,
  slotMinutes: 15,
  capacityOrders: 6,
  capacityItems: null,
  bookAheadDays: 14,
  asapEnabled: true,
  weeklyHours: [],
  exceptions: [],
};

describe('checkPickupRules', () => {
  it('accepts two separate intervals on one weekday', () => {
    const weeklyHours = [
      { weekday: 1, opens: '10:00', closes: '12:00' },
      { weekday: 1, opens: '12:00', closes: '18:00' },
    ];
    expect(checkPickupRules({ ...base, weeklyHours })).toEqual([]);
  });

  it('names hours that close before they open and hours that overlap', () => {
    const weeklyHours = [
      { weekday: 1, opens: '10:00', closes: '12:00' },
      { weekday: 2, opens: '10:00', closes: '10:00' },
      { weekday: 1, opens: '11:30', closes: '18:00' },
    ];
    expect(checkPickupRules({ ...base, weeklyHours }).map((e) => e.field)).toEqual([
      'weeklyHours[1].closes',
      'weeklyHours[2].opens',
    ]);
  });

  it('names duplicate, impossible and hour-less exceptions', () => {
    const exceptions = [
      { date: '2026-12-24', closed: false, opens: '10:00', closes: '13:00' },
      { date: '2026-12-24', closed: true, opens: null, closes: null },
      { date: '2026-02-30', closed: true, opens: null, closes: null },
      { date: '2026-12-31', closed: false, opens: null, closes: '13:00' },
      { date: '2027-01-05', closed: false, opens: '13:00', closes: '12:00' },
    ];
    expect(checkPickupRules({ ...base, exceptions }).map((e) => e.field)).toEqual([
      'exceptions[1].date',
      'exceptions[2].date',
      'exceptions[3].opens',
      'exceptions[4].closes',
    ]);
  });
});
