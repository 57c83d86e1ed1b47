import { describe, expect, it } from 'vitest';
import { validateOrganisationNumber, validatePersonalNumber } from './identity-numbers';

describe('validatePersonalNumber', () => {
  it.each([
    ['198507099805', '19850709-9805'],
    ['8507099805', '19850709-9805'],
    ['850709-9805', '19850709-9805'],
    [' 19850709-9805 ', '19850709-9805'],
    // "+" marks someone over 100: the century moves back.
    ['121212+1212', '19121212-1212'],
    ['121212-1212', '20121212-1212'],
  ])('accepts %s as %s', (input, normalized) => {
    expect(validatePersonalNumber(input)).toEqual({
      ok: true,
      value: normalized,
      isCoordinationNumber: false,
    });
  });

  it('accepts a samordningsnummer (day + 60) and says so', () => {
    expect(validatePersonalNumber('701063-2391')).toEqual({
      ok: true,
      value: '19701063-2391',
      isCoordinationNumber: true,
    });
  });

  it.each([
    ['a wrong check digit', '850709-9806'],
    ['a date that does not exist', '19850732-9805'],
    ['February 30th', '19850230-9805'],
    ['letters', '85070X-9805'],
    ['too few digits', '850709-980'],
    ['an organisation number', '556016-0680'],
    ['nothing', ''],
  ])('refuses %s, naming the field', (_why, input) => {
    const result = validatePersonalNumber(input, 'customer.personalNumber');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('customer.personalNumber');
  });
});

describe('validateOrganisationNumber', () => {
  it.each([
    ['556016-0680', '556016-0680', 'SE556016068001'],
    ['5560160680', '556016-0680', 'SE556016068001'],
    ['16556016-0680', '556016-0680', 'SE556016068001'],
    ['202100-5489', '202100-5489', 'SE202100548901'],
  ])('accepts %s as %s', (input, normalized, vatNumber) => {
    expect(validateOrganisationNumber(input)).toEqual({ ok: true, value: normalized, vatNumber });
  });

  it.each([
    ['a wrong check digit', '556016-0681'],
    ['a personnummer', '850709-9805'],
    ['too short', '556016-068'],
    ['letters', '55601A-0680'],
  ])('refuses %s with a field error', (_why, input) => {
    expect(validateOrganisationNumber(input)).toEqual({
      ok: false,
      error: { field: 'organisationNumber', message: expect.stringContaining('organisation number') },
    });
  });
});
