import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['T-shirt Ekologisk bomull', 't-shirt-ekologisk-bomull'],
    ['Hem & inredning', 'hem-inredning'],
    ['Kök', 'kok'],
    ['Crème brûlée-set', 'creme-brulee-set'],
    ['  Blåbär  ', 'blabar'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('always gives a valid slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
    );
  });
});
