import { describe, expect, it } from 'vitest';
import { en } from './en';
import { interpolate } from './i18n';
import { sv } from './sv';

describe('dictionaries', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const message of [...Object.values(sv), ...Object.values(en)]) expect(message.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('carry the labels the e2e tests and staff rely on', () => {
    expect([sv['auth.email'], sv['auth.password'], sv['auth.signIn']]).toEqual([
      'E-post',
      'Lösenord',
      'Logga in',
    ]);
    expect([en['auth.email'], en['auth.password'], en['auth.signIn']]).toEqual([
      'Email',
      'Password',
      'Sign in',
    ]);
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('från {price}', { price: '199,00 kr' })).toBe('från 199,00 kr');
    expect(interpolate('{count} varianter', { count: 3 })).toBe('3 varianter');
    expect(interpolate('Hej {name}', {})).toBe('Hej {name}');
  });
});
