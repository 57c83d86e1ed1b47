import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_ORG_NUMBER } from './demo-org';
import { isValidSwedishOrgNumber, luhnCheckDigit } from './org-number';

describe('isValidSwedishOrgNumber', () => {
  it.each(['556012-5790', '5560427220', DEMO_ORG_NUMBER])('accepts %s', (orgNumber) => {
    expect(isValidSwedishOrgNumber(orgNumber)).toBe(true);
  });

  it.each(['559999-9999', '556012-5791', '556012-579', '556012_5790', 'SE556012579001'])(
    'rejects %s',
    (orgNumber) => {
      expect(isValidSwedishOrgNumber(orgNumber)).toBe(false);
    },
  );

  it('accepts any nine digits followed by their Luhn digit', () => {
    const nine = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(nine, (digits) => {
        const orgNumber = `${digits.slice(0, 6)}-${digits.slice(6)}${luhnCheckDigit(digits)}`;
        expect(isValidSwedishOrgNumber(orgNumber)).toBe(true);
      }),
    );
  });
});
