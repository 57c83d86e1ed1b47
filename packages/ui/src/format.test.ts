import { describe, expect, it } from 'vitest';
import { formatPrice, weekdayName } from './format';

// Intl separates groups and symbols with U+00A0 or U+202F depending on the ICU version.
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPrice', () => {
  it('shows öre as kronor the Swedish way', () => {
    expect(normalise(formatPrice({ amount: 19900, currency: 'SEK' }, 'sv'))).toBe('199,00 kr');
    expect(normalise(formatPrice({ amount: 249900, currency: 'SEK' }, 'sv'))).toBe('2 499,00 kr');
  });

  it('keeps kronor in English too', () => {
    expect(normalise(formatPrice({ amount: 19900, currency: 'SEK' }, 'en'))).toMatch(/199[.,]00/);
  });
});

describe('weekdayName', () => {
  it('counts weekday 1 as Monday and 7 as Sunday', () => {
    expect(weekdayName(1, 'sv')).toBe('Måndag');
    expect(weekdayName(7, 'sv')).toBe('Söndag');
    expect(weekdayName(1, 'en')).toBe('Monday');
  });
});
