import { describe, expect, it } from 'vitest';
import { formatBatchTimes, parseBatchTimes } from './batch-times';

describe('batch-time field', () => {
  it('reads commas, spaces, dots and one-digit hours', () => {
    expect(parseBatchTimes(' 10:00, 14.30  9:15,')).toEqual(['10:00', '14:30', '09:15']);
    expect(parseBatchTimes('')).toEqual([]);
  });

  it('keeps what it cannot read for the server to name', () => {
    expect(parseBatchTimes('25:00 x')).toEqual(['25:00', 'x']);
  });

  it('writes the list back as typed', () => {
    expect(formatBatchTimes(['10:00', '14:00'])).toBe('10:00, 14:00');
  });
});
