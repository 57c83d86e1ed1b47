import type { PickupSettings } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { fieldErrorMap, toBody, toDraft, weeklyIndex } from './draft';

const settings: PickupSettings = {
  storeId: 'sto_1',
  enabled: true,
  leadTimeMinutes: 30,
  slotMinutes: 15,
  capacityOrders: 6,
  capacityItems: null,
  bookAheadDays: 14,
  asapEnabled: true,
  payInStoreAllowed: false,
  reminderMinutesBefore: 120,
  collectWithinDays: 7,
  weeklyHours: [
    { weekday: 3, opens: '13:00', closes: '18:00' },
    { weekday: 1, opens: '10:00', closes: '19:00' },
    { weekday: 3, opens: '10:00', closes: '12:00' },
  ],
  exceptions: [{ date: '2026-12-25', closed: true, opens: null, closes: null, note: 'Juldagen' }],
  version: 4,
};

describe('the pickup settings draft', () => {
  it('round-trips settings, with weekdays grouped and intervals in time order', () => {
    const draft = toDraft(settings);
    expect(draft.week[2]).toEqual([
      { opens: '10:00', closes: '12:00' },
      { opens: '13:00', closes: '18:00' },
    ]);
    const { storeId: _, ...body } = settings;
    expect(toBody(draft)).toEqual({
      ...body,
      weeklyHours: [
        { weekday: 1, opens: '10:00', closes: '19:00' },
        { weekday: 3, opens: '10:00', closes: '12:00' },
        { weekday: 3, opens: '13:00', closes: '18:00' },
      ],
    });
  });

  it('sends empty limits as none and unreadable numbers as not-a-number for the server to name', () => {
    const draft = { ...toDraft(settings), capacityOrders: ' ', leadTimeMinutes: '' };
    expect(toBody(draft)).toMatchObject({ capacityOrders: null, leadTimeMinutes: Number.NaN });
  });

  it('finds the body index of an interval and maps server field names onto the form', () => {
    const week = toDraft(settings).week;
    expect(weeklyIndex(week, 3, 1)).toBe(2);
    expect(
      fieldErrorMap([
        { field: 'weeklyHours.2.closes', message: 'a' },
        { field: 'exceptions[0].date', message: 'b' },
      ]),
    ).toEqual({ 'weeklyHours[2].closes': 'a', 'exceptions[0].date': 'b' });
  });
});
