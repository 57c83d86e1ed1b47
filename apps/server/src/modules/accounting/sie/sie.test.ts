import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, type Voucher } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { readSie } from './read';
import { decodePc8, encodePc8, formatSieAmount, parseSieAmount } from './sie-fields';
import { writeSie } from './write';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../..');
const SIE4 = resolve(repoRoot, '../shared/standards/sie4');
const sample = (name: string) => readFileSync(resolve(SIE4, name));

function refusal(read: () => unknown): DomainError {
  try {
    read();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

describe('readSie on real exports', () => {
  const files = readdirSync(SIE4).filter((f) => !f.endsWith('.txt'));

  it('finds the whole corpus', () => {
    expect(files).toHaveLength(9);
  });

  it.each(files.filter((f) => !f.includes('bad-balance')))('reads %s with every voucher balanced', (file) => {
    const doc = readSie(sample(file));
    expect(doc.sieType).toBe('4');
    expect(doc.format).toBe('PC8');
    expect(doc.vouchers.length).toBeGreaterThan(0);
    for (const v of doc.vouchers) expect(v.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
  });

  it('decodes PC8 as code page 437 and reads the header, accounts and balances', () => {
    const doc = readSie(sample('transaktioner_ovnbolag.se'));
    expect(doc.companyName).toBe('Övningsbolaget AB (Ekonomi 60)');
    expect(doc.orgNumber).toBe('5555555555');
    expect(doc.fiscalYears).toContainEqual({ yearIndex: 0, start: '2011-01-01', end: '2011-12-31' });
    expect(doc.accounts.get('1010')).toEqual({ name: 'Balanserade utgifter', sru: '7201' });
    expect(doc.vouchers).toHaveLength(163);
    expect(doc.balances.some((b) => b.kind === 'IB')).toBe(true);
  });

  it('reads object lists and quoted fields, counting #TRANS but not #RTRANS/#BTRANS', () => {
    const doc = readSie(sample('BL0001_typ4.SE'));
    const withObjects = doc.vouchers.flatMap((v) => v.transactions).find((t) => t.objects.length > 0);
    expect(withObjects?.objects[0]).toEqual(['1', '1']);
    expect(doc.accounts.get('2640')?.name).toBeDefined();
  });

  it('refuses the bad-balance file, naming the voucher and its line', () => {
    const error = refusal(() => readSie(sample('transaktioner_ovnbolag-bad-balance.se')));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('Voucher B 1');
    expect(error.fields).toEqual([
      { field: 'line 3905', message: expect.stringContaining('does not balance') },
    ]);
  });

  it('verifies the Norstedts file’s #KSUMMA', () => {
    expect(readSie(sample('Norstedts_Bokslut_SIE_4I.si')).checksum).toBe(1573150874);
  });

  it('refuses the Norstedts file with one byte changed', () => {
    const bytes = Buffer.from(sample('Norstedts_Bokslut_SIE_4I.si'));
    const at = bytes.indexOf('Datakonsulterna');
    bytes[at] = 'E'.charCodeAt(0);
    const error = refusal(() => readSie(bytes));
    expect(error.message).toContain('#KSUMMA');
    // An amount changed by one krona in a balanced way still breaks the sum.
    const text = decodePc8(sample('Norstedts_Bokslut_SIE_4I.si'))
      .replace('10000    20100630', '10001    20100630')
      .replace('-10000    20100630', '-10001    20100630');
    expect(refusal(() => readSie(encodePc8(text))).message).toContain('#KSUMMA');
  });

  it.each([
    [
      'a voucher without its closing brace',
      '#VER A 1 20260101 "x"\n{\n#TRANS 1910 {} 1.00\n#TRANS 3001 {} -1.00\n',
      3,
    ],
    ['an amount that is not one', '#VER A 1 20260101 "x"\n{\n#TRANS 1910 {} 1,0x\n}\n', 5],
    ['a bad date', '#VER A 1 2026-01-01 "x"\n{\n}\n', 3],
    ['a record without #', 'KONTO 1910 Kassa\n', 3],
    ['another #FORMAT', '', 2],
  ])('refuses %s, naming the line', (_why, body, line) => {
    const head = _why === 'another #FORMAT' ? '#FLAGGA 0\n#FORMAT UTF8\n' : '#FLAGGA 0\n#SIETYP 4\n';
    const error = refusal(() => readSie(encodePc8(head + body)));
    expect(error.fields?.[0]?.field).toBe(`line ${line}`);
  });
});

describe('SIE amounts', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-50, '-0.50'],
    [123_456, '1234.56'],
    [-110_448_811, '-1104488.11'],
  ])('%i öre is %s and back', (ore, text) => {
    expect(formatSieAmount(ore)).toBe(text);
    expect(parseSieAmount(text)).toBe(ore);
  });

  it('reads amounts without or with one decimal, refuses three', () => {
    expect(parseSieAmount('-212.5')).toBe(-21_250);
    expect(parseSieAmount('1000')).toBe(100_000);
    expect(parseSieAmount('1.005')).toBeUndefined();
  });
});

describe('writeSie', () => {
  const vouchers: Voucher[] = [
    {
      series: 'K',
      number: 1,
      date: '2026-12-03',
      text: 'Kassa Göteborg 2026-12-03',
      transactions: [
        { account: '1910', amount: 12_540, text: 'Kontant' },
        { account: '3001', amount: -10_000, text: 'Försäljning 25 %' },
        { account: '2611', amount: -2_500, text: 'Utgående moms 25 %' },
        { account: '3740', amount: -40, text: 'Öresavrundning "kr"' },
      ],
    },
  ];
  const { bytes: file, checksum } = writeSie({
    programName: 'Handla',
    programVersion: '0.1.0',
    generatedOn: '2026-12-04',
    companyName: 'Demo Butik AB',
    orgNumber: '559999-9991',
    fiscalYear: { start: '2026-01-01', end: '2026-12-31' },
    accountNames: new Map([['1910', 'Kassa']]),
    vouchers,
  });

  it('writes PC8 bytes: ö is 0x94 in code page 437', () => {
    expect(file.includes(Buffer.from([0x94]))).toBe(true);
    expect(file.includes(Buffer.from('ö', 'utf8'))).toBe(false);
    const text = decodePc8(file);
    expect(text.split('\r\n').slice(0, 4)).toEqual([
      '#FLAGGA 0',
      '#KSUMMA',
      '#PROGRAM Handla 0.1.0',
      '#FORMAT PC8',
    ]);
    expect(text).toMatch(/#KSUMMA \d+\r\n$/);
    expect(text).toContain('#TRANS 1910 {} 125.40 20261203 Kontant');
  });

  it('reads back equal through our reader, #KSUMMA verified', () => {
    const doc = readSie(file);
    expect(doc.checksum).toBe(checksum);
    expect(doc.companyName).toBe('Demo Butik AB');
    expect(doc.orgNumber).toBe('559999-9991');
    expect(doc.fiscalYears).toEqual([{ yearIndex: 0, start: '2026-01-01', end: '2026-12-31' }]);
    expect([...doc.accounts.keys()]).toEqual(['1910', '2611', '3001', '3740']);
    expect(
      doc.vouchers.map((v) => ({
        series: v.series,
        number: Number(v.number),
        date: v.date,
        text: v.text,
        transactions: v.transactions.map((t) => ({ account: t.account, amount: t.amount, text: t.text })),
      })),
    ).toEqual(vouchers);
  });

  it('is refused by our reader once a byte is changed', () => {
    const changed = Buffer.from(file);
    changed[changed.indexOf('125.40')] = '2'.charCodeAt(0);
    expect(() => readSie(changed)).toThrow(/#KSUMMA|balance/);
  });
});
