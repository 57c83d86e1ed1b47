import { describe, expect, it } from 'vitest';
import { newId, parsePercentBp, percentText } from './format';

describe('register formatting', () => {
  it('reads percentages typed either way into basis points and refuses nonsense', () => {
    expect(parsePercentBp('10')).toBe(1000);
    expect(parsePercentBp('12,5')).toBe(1250);
    expect(parsePercentBp('7.25 %')).toBe(725);
    expect(parsePercentBp('0')).toBeNull();
    expect(parsePercentBp('101')).toBeNull();
    expect(parsePercentBp('tio')).toBeNull();
    expect(percentText(1250, 'sv-SE')).toBe('12,5');
  });

  it('makes prefixed ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('cmd')));
    expect(ids.size).toBe(1000);
    expect([...ids][0]).toMatch(/^cmd_[0-9a-z]+$/);
  });
});
