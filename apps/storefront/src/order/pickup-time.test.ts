import { describe, expect, it } from 'vitest';
import { pickupTimeText } from './pickup-time';

describe('the pickup time on the confirmation', () => {
  it('is shown on the store’s clock, across the change to summer time', () => {
    // 2026-03-29 Stockholm moves from UTC+1 to UTC+2 at 02:00 local time.
    expect(pickupTimeText('2026-03-28T13:00:00Z', '2026-03-28T13:15:00Z', 'Europe/Stockholm', 'sv')).toMatch(
      /lör 28 mars 14:00–14:15/,
    );
    expect(pickupTimeText('2026-03-29T13:00:00Z', '2026-03-29T13:15:00Z', 'Europe/Stockholm', 'sv')).toMatch(
      /sön 29 mars 15:00–15:15/,
    );
  });

  it('does not follow the time zone of the device', () => {
    expect(
      pickupTimeText('2026-11-23T12:30:00Z', '2026-11-23T12:45:00Z', 'Europe/Stockholm', 'en'),
    ).toContain('13:30–13:45');
    expect(pickupTimeText('2026-11-23T12:30:00Z', '2026-11-23T12:45:00Z', 'Europe/Helsinki', 'en')).toContain(
      '14:30–14:45',
    );
  });
});
