import { describe, expect, it } from 'vitest';
import { parseKronor } from './InvoiceDetail';

describe('parseKronor', () => {
  it('reads kronor as typed in Sweden into öre', () => {
    expect(parseKronor('1 250,50')).toBe(125_050);
    expect(parseKronor('1250.5')).toBe(125_050);
    expect(parseKronor('99')).toBe(9_900);
  });
  it('refuses what is not a positive amount', () => {
    for (const text of ['', '0', '-5', '1,234', 'abc', '12,']) expect(parseKronor(text)).toBeNull();
  });
});
