import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitOptionsToTemplates,
  generateVariants,
  MAX_VARIANTS,
  type OptionTemplateInput,
  optionValueCode,
  variantKey,
} from './variants';

const colour: OptionTemplateInput = {
  name: { sv: 'Färg', en: 'Colour' },
  values: [{ value: 'Blå' }, { value: 'Röd' }],
};
const size: OptionTemplateInput = {
  name: { sv: 'Storlek', en: 'Size' },
  values: [{ value: 'S' }, { value: 'M' }, { value: 'L' }],
};
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const e = error as { code?: string; fields?: { field: string }[] };
    return { code: e.code, field: e.fields?.[0]?.field };
  }
  throw new Error('expected a refusal');
};

describe('optionValueCode', () => {
  it.each([
    ['Blå', 'BLA'],
    ['Röd', 'ROD'],
    ['Marinblå', 'MAR'],
    ['Grön', 'GRO'],
    ['M', 'M'],
    ['XL', 'XL'],
    ['128', '128'],
    ['38/40', '3840'],
    ['Crème', 'CRE'],
  ])('%s → %s', (value, code) => {
    expect(optionValueCode(value)).toBe(code);
  });
});

describe('generateVariants', () => {
  it('makes every colour × size in a stable order, the first option varying slowest', () => {
    const { templates, variants } = generateVariants('TS-ORG', [colour, size]);
    expect(templates).toEqual([
      { name: { sv: 'Färg', en: 'Colour' }, values: ['Blå', 'Röd'] },
      { name: { sv: 'Storlek', en: 'Size' }, values: ['S', 'M', 'L'] },
    ]);
    expect(variants.map((v) => v.articleNumber)).toEqual([
      'TS-ORG-BLA-S',
      'TS-ORG-BLA-M',
      'TS-ORG-BLA-L',
      'TS-ORG-ROD-S',
      'TS-ORG-ROD-M',
      'TS-ORG-ROD-L',
    ]);
    expect(variants[4]).toEqual({
      articleNumber: 'TS-ORG-ROD-M',
      options: { Färg: 'Röd', Storlek: 'M' },
      sortOrder: 4,
    });
  });

  it('gives a product without options one variant with the base article number', () => {
    expect(generateVariants('KAFFE-1', []).variants).toEqual([
      { articleNumber: 'KAFFE-1', options: {}, sortOrder: 0 },
    ]);
  });

  it('uses a code given for a value', () => {
    const named = { ...colour, values: [{ value: 'Blå', code: 'b1' }, { value: 'Röd' }] };
    expect(generateVariants('X', [named]).variants.map((v) => v.articleNumber)).toEqual(['X-B1', 'X-ROD']);
  });

  it('refuses an option without values, twice the same value, name or code', () => {
    expect(fieldOf(() => generateVariants('X', [{ ...size, values: [] }]))).toEqual({
      code: 'validation_failed',
      field: 'options.0.values',
    });
    const twice = { ...size, values: [{ value: 'M' }, { value: ' m ' }] };
    expect(fieldOf(() => generateVariants('X', [colour, twice])).field).toBe('options.1.values.1.value');
    expect(fieldOf(() => generateVariants('X', [colour, { ...colour }])).field).toBe('options.1.name');
    const sameCode = { ...colour, values: [{ value: 'Svart' }, { value: 'Svartvit' }] };
    expect(fieldOf(() => generateVariants('X', [sameCode])).field).toBe('options.0.values.1.code');
    const noCode = { ...colour, values: [{ value: '—' }] };
    expect(fieldOf(() => generateVariants('X', [noCode])).field).toBe('options.0.values.0.code');
  });

  it(`refuses more than ${MAX_VARIANTS} variants and over-long article numbers`, () => {
    const many = (n: number, sv: string) => ({
      name: { sv, en: sv },
      values: Array.from({ length: n }, (_, i) => ({ value: String(i) })),
    });
    expect(generateVariants('X', [many(25, 'A'), many(20, 'B')]).variants).toHaveLength(500);
    expect(fieldOf(() => generateVariants('X', [many(25, 'A'), many(21, 'B')])).field).toBe('options');
    expect(fieldOf(() => generateVariants('X'.repeat(60), [size, colour])).field).toBe('options');
  });

  it('makes distinct article numbers and options, as many as the product of the value counts', () => {
    const template = fc
      .uniqueArray(fc.stringMatching(/^[A-Z]{1,3}$/), { minLength: 1, maxLength: 5 })
      .map((codes) => codes.map((code) => ({ value: `v${code}`, code })));
    fc.assert(
      fc.property(fc.array(template, { maxLength: 3 }), (valueLists) => {
        const inputs = valueLists.map((values, i) => ({ name: { sv: `o${i}`, en: `o${i}` }, values }));
        const { variants } = generateVariants('BASE', inputs);
        expect(variants).toHaveLength(valueLists.reduce((n, v) => n * v.length, 1));
        expect(new Set(variants.map((v) => v.articleNumber)).size).toBe(variants.length);
        expect(new Set(variants.map((v) => variantKey(v.options))).size).toBe(variants.length);
        expect(variants.map((v) => v.sortOrder)).toEqual(variants.map((_, i) => i));
      }),
    );
  });
});

describe('fitOptionsToTemplates', () => {
  const { templates } = generateVariants('TS', [colour, size]);

  it('keeps the templates for known values, in the templates’ spelling', () => {
    const fitted = fitOptionsToTemplates(templates, { Färg: 'blå', Storlek: 'M' });
    expect(fitted.templates).toEqual(templates);
    expect(fitted.options).toEqual({ Färg: 'Blå', Storlek: 'M' });
  });

  it('appends a new value to its template', () => {
    const fitted = fitOptionsToTemplates(templates, { Färg: 'Grön', Storlek: 'M' });
    expect(fitted.templates[0]!.values).toEqual(['Blå', 'Röd', 'Grön']);
    expect(fitted.templates[1]).toEqual(templates[1]);
  });

  it('refuses unknown and missing options', () => {
    expect(fieldOf(() => fitOptionsToTemplates(templates, { Färg: 'Blå' })).field).toBe('options');
    expect(
      fieldOf(() => fitOptionsToTemplates(templates, { Färg: 'Blå', Storlek: 'M', Ärm: 'Lång' })).field,
    ).toBe('options.Ärm');
    expect(fieldOf(() => fitOptionsToTemplates(templates, { Färg: ' ', Storlek: 'M' })).field).toBe(
      'options.Färg',
    );
  });
});

describe('variantKey', () => {
  it('ignores key order and letter case', () => {
    expect(variantKey({ Färg: 'Blå', Storlek: 'M' })).toBe(variantKey({ Storlek: 'm', Färg: 'BLÅ' }));
    expect(variantKey({ Färg: 'Blå', Storlek: 'M' })).not.toBe(variantKey({ Färg: 'Blå', Storlek: 'L' }));
  });
});
