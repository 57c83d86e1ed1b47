import { describe, expect, it } from 'vitest';
import { formatPickupTime } from './pickup-time';

describe('the pickup time at the register', () => {
  it('shows the slot on the store clock in winter (UTC+1), marked as today', () => {
    expect(
      formatPickupTime(
        '2026-12-03T13:00:00.000Z',
        '2026-12-03T13:15:00.000Z',
        'Europe/Stockholm',
        'sv-SE',
        new Date('2026-12-03T08:00:00.000Z'),
      ),
    ).toEqual({ time: '14:00–14:15', date: 'tors 3 dec.', isToday: true });
  });

  it('shows summer time (UTC+2) and the store-local date, not the UTC one', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Stockholm.
    const text = formatPickupTime(
      '2026-06-30T22:30:00.000Z',
      '2026-06-30T22:45:00.000Z',
      'Europe/Stockholm',
      'sv-SE',
      new Date('2026-06-30T12:00:00.000Z'),
    );
    expect(text).toEqual({ time: '00:30–00:45', date: 'ons 1 juli', isToday: false });
  });

  it("follows the store's time zone whatever the device's, and speaks English with a 24-hour clock", () => {
    const text = formatPickupTime(
      '2026-12-03T13:00:00.000Z',
      '2026-12-03T13:15:00.000Z',
      'Europe/Helsinki',
      'en-SE',
      new Date('2026-12-03T08:00:00.000Z'),
    );
    expect(text.time).toBe('15:00–15:15');
    expect(text.date).toBe('Thu, 3 Dec');
  });
});
