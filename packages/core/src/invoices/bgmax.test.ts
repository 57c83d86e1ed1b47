import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseBgMax } from './bgmax';
import { writeBgMax } from './bgmax-write';

// A realistic delivery from Bankgirot to the payee 991-2346: two deposits (2 Dec, 3 Dec), an OCR
// payment with the payer's name and org number, a free-text reference with a message, and an OCR
// payment with an extra reference record. Records are 80 characters, ISO 8859-1, CRLF.
const SAMPLE = [
  '01BGMAX               0120261203060512345678P',
  '050009912346          SEK',
  '2000055555511000000174               000000000000125000210000000000010',
  '26Byggfirman Snickarglädje AB',
  '295599000121',
  '200007777772FAKTURA 12               000000000000050000430000000000021',
  '25Betalning av faktura 12 i november',
  '1556789012345678                     2026120200001000000000000175000SEK00000002',
  '050009912346          SEK',
  '2000055555511000000257               000000000000099900210000000000030',
  '2200055555511000000265               000000000000000000210000000000030',
  '1556789012345678                     2026120300002000000000000099900SEK00000001',
  '7000000003000000000000000100000002',
]
  .map((l) => l.padEnd(80, ' '))
  .join('\r\n');

function refusal(text: string): { field: string; message: string } {
  try {
    parseBgMax(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).fields![0]!;
  }
  throw new Error('expected a refusal');
}

describe('parseBgMax', () => {
  it('reads payments with their deposit date, reference type, payer and extra references', () => {
    const file = parseBgMax(SAMPLE);
    expect(file).toMatchObject({
      timestamp: '20261203060512345678',
      isTest: false,
      receiverBankgiro: '9912346',
      currency: 'SEK',
    });
    expect(file.payments).toHaveLength(3);
    expect(file.payments[0]).toMatchObject({
      kind: 'payment',
      line: 3,
      senderBankgiro: '5555551',
      reference: '1000000174',
      referenceType: 'ocr',
      amount: 125_000,
      bgcSerial: '000000000001',
      payerName: 'Byggfirman Snickarglädje AB',
      paymentDate: '2026-12-02',
      depositSerial: '00001',
    });
    expect(file.payments[1]).toMatchObject({
      reference: 'FAKTURA 12',
      referenceType: 'free_text',
      amount: 50_000,
      channel: 3,
      information: ['Betalning av faktura 12 i november'],
      paymentDate: '2026-12-02',
    });
    expect(file.payments[2]).toMatchObject({
      reference: '1000000257',
      extraReferences: ['1000000265'],
      paymentDate: '2026-12-03',
    });
  });

  it('takes LF line ends and lines without trailing blanks', () => {
    const trimmed = SAMPLE.split('\r\n')
      .map((l) => l.trimEnd())
      .join('\n');
    expect(parseBgMax(trimmed).payments.map((p) => p.amount)).toEqual([125_000, 50_000, 99_900]);
  });

  it('refuses a deposit whose sum differs from its payments, naming the line', () => {
    const lines = SAMPLE.split('\r\n');
    lines[7] = lines[7]!.replace('000000000000175000', '000000000000175001');
    expect(refusal(lines.join('\r\n'))).toEqual({
      field: 'line 8',
      message: 'The deposit says 175001 öre, its payments sum to 175000',
    });
  });

  it('refuses a file whose end record counts differ (a payment removed)', () => {
    const lines = SAMPLE.split('\r\n');
    lines.splice(9, 2);
    lines[9] = lines[9]!.replace('000000000000099900SEK00000001', '000000000000000000SEK00000000');
    expect(refusal(lines.join('\r\n')).field).toBe('line 11');
  });

  it('refuses a file that is not BgMax, a bad amount, an unknown record and a missing end', () => {
    expect(refusal('hello')).toMatchObject({ field: 'line 1' });
    const lines = SAMPLE.split('\r\n');
    expect(
      refusal(
        [...lines.slice(0, 2), lines[2]!.replace('000000000000125000', '0000000000001250x0')].join('\n'),
      ),
    ).toMatchObject({ field: 'line 3', message: 'The amount (positions 38–55) must be digits' });
    expect(refusal([...lines.slice(0, 3), '99 unknown', ...lines.slice(3)].join('\n'))).toMatchObject({
      field: 'line 4',
      message: 'Unknown record type "99"',
    });
    expect(refusal(lines.slice(0, -1).join('\n'))).toMatchObject({
      message: 'The file has no end record (70)',
    });
  });

  it('reads back what writeBgMax writes', () => {
    const text = writeBgMax({
      timestamp: '20261204070000000001',
      receiverBankgiro: '991-2346',
      payments: [
        { senderBankgiro: '555-5551', reference: '1000000174', amount: 100, paymentDate: '2026-12-03' },
        {
          senderBankgiro: '555-5551',
          reference: '42',
          amount: 2_500,
          paymentDate: '2026-12-04',
          referenceType: 4,
          payerName: 'Kund AB',
        },
      ],
    });
    expect(
      text
        .split('\r\n')
        .slice(0, -1)
        .every((l) => l.length === 80),
    ).toBe(true);
    const file = parseBgMax(text);
    expect(
      file.payments.map((p) => [p.reference, p.amount, p.paymentDate, p.referenceType, p.bgcSerial]),
    ).toEqual([
      ['1000000174', 100, '2026-12-03', 'ocr', '000000000001'],
      ['42', 2_500, '2026-12-04', 'free_text', '000000000002'],
    ]);
  });
});
