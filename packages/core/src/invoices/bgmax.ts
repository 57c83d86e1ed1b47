// Reads Bankgirot's BgMax file ("Bankgiro Inbetalningar", the incoming-payments file a payee
// receives): fixed 80-character records, the record type in positions 1–2. We read what matching
// needs and check the file's own counts and sums, so a truncated or edited file is refused whole.
//   01 start (layout "BGMAX", version, timestamp, test mark)   05 opening (our bankgiro, currency)
//   20 payment / 21 deduction (sender bankgiro, reference, amount, reference type, channel, BGC serial)
//   22/23 extra reference (positive/negative)   25 information   26 name   27/28 address   29 org no.
//   15 deposit (payment date, deposit serial, amount, count; closes a section)   70 end (counts)
import { DomainError } from '../errors';

/** Bankgirot's reference types (position 56 of a 20/21 record). */
export const BGMAX_REFERENCE_TYPES = {
  0: 'blank',
  1: 'unavailable',
  2: 'ocr',
  3: 'several',
  4: 'free_text',
  5: 'wrong',
} as const;
export type BgMaxReferenceType = (typeof BGMAX_REFERENCE_TYPES)[keyof typeof BGMAX_REFERENCE_TYPES];

/** One payment (20) or deduction (21) in the file, with the date of the deposit it is part of. */
export interface BgMaxPayment {
  readonly kind: 'payment' | 'deduction';
  /** The file line of its 20/21 record (1-based). */
  readonly line: number;
  readonly senderBankgiro: string;
  /** The reference as the payer gave it, trimmed (an OCR number when `referenceType` is `ocr`). */
  readonly reference: string;
  readonly referenceType: BgMaxReferenceType;
  /** Öre, always positive; a deduction takes money back. */
  readonly amount: number;
  readonly channel: number;
  /** Bankgirot's serial of the payment: with the file's timestamp it identifies it. */
  readonly bgcSerial: string;
  readonly extraReferences: readonly string[];
  readonly payerName: string | null;
  readonly information: readonly string[];
  /** YYYY-MM-DD, from the deposit record. */
  readonly paymentDate: string;
  readonly depositSerial: string;
}

export interface BgMaxFile {
  /** YYYYMMDDHHMMSSffffff as written by Bankgirot: unique per file delivery. */
  readonly timestamp: string;
  readonly isTest: boolean;
  readonly receiverBankgiro: string;
  readonly currency: string;
  readonly payments: readonly BgMaxPayment[];
}

function refuse(line: number, message: string): DomainError {
  return new DomainError('validation_failed', `The BgMax file is not valid: ${message}`, [
    { field: `line ${line}`, message },
  ]);
}

const digitsAt = (record: string, from: number, to: number, line: number, what: string) => {
  const value = record.slice(from - 1, to);
  if (!/^\d+$/.test(value)) throw refuse(line, `${what} (positions ${from}–${to}) must be digits`);
  return value;
};
const textAt = (record: string, from: number, to: number) => record.slice(from - 1, to).trim();
const bankgiroOf = (digits: string) => digits.replace(/^0+/, '');

function dateOf(yyyymmdd: string, line: number): string {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso) {
    throw refuse(line, `${yyyymmdd} is not a date`);
  }
  return iso;
}

type Pending = Omit<
  BgMaxPayment,
  'paymentDate' | 'depositSerial' | 'extraReferences' | 'information' | 'payerName'
> & {
  extraReferences: string[];
  information: string[];
  payerName: string | null;
};

/** Parses a BgMax file (ISO 8859-1 text, CRLF or LF); throws `validation_failed` naming the line. */
export function parseBgMax(text: string): BgMaxFile {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines.at(-1) === '') lines.pop();
  let timestamp = '';
  let isTest = false;
  let receiverBankgiro = '';
  let currency = '';
  let isEnded = false;
  const payments: BgMaxPayment[] = [];
  let section: Pending[] | null = null;
  const counts = { payments: 0, deductions: 0, extraReferences: 0, deposits: 0 };

  for (const [index, raw] of lines.entries()) {
    const n = index + 1;
    const record = raw.padEnd(80, ' ');
    const type = record.slice(0, 2);
    if (isEnded) throw refuse(n, 'Nothing may follow the end record (70)');
    if (n === 1 && type !== '01') throw refuse(n, 'A BgMax file starts with a start record (01)');
    const current = section?.at(-1);
    switch (type) {
      case '01': {
        if (n !== 1) throw refuse(n, 'Only one start record (01)');
        if (textAt(record, 3, 22) !== 'BGMAX') throw refuse(n, 'The layout name must be BGMAX');
        timestamp = digitsAt(record, 25, 44, n, 'The timestamp');
        isTest = record[44] === 'T';
        break;
      }
      case '05': {
        if (section) throw refuse(n, 'An opening record (05) before the deposit (15) of the last section');
        receiverBankgiro = bankgiroOf(digitsAt(record, 3, 12, n, 'The receiving bankgiro number'));
        currency = textAt(record, 23, 25);
        if (currency !== 'SEK') throw refuse(n, `Only SEK payments are read, not ${currency || 'none'}`);
        section = [];
        break;
      }
      case '20':
      case '21': {
        if (!section) throw refuse(n, 'A payment record outside a section (05 … 15)');
        const code = Number(digitsAt(record, 56, 56, n, 'The reference type'));
        const referenceType = BGMAX_REFERENCE_TYPES[code as keyof typeof BGMAX_REFERENCE_TYPES];
        if (!referenceType) throw refuse(n, `Unknown reference type ${code}`);
        const amount = Number(digitsAt(record, 38, 55, n, 'The amount'));
        if (amount <= 0) throw refuse(n, 'A payment of nothing');
        section.push({
          kind: type === '20' ? 'payment' : 'deduction',
          line: n,
          senderBankgiro: bankgiroOf(digitsAt(record, 3, 12, n, 'The sender bankgiro number')),
          reference: textAt(record, 13, 37),
          referenceType,
          amount,
          channel: Number(digitsAt(record, 57, 57, n, 'The payment channel')),
          bgcSerial: digitsAt(record, 58, 69, n, 'The BGC serial number'),
          extraReferences: [],
          payerName: null,
          information: [],
        });
        if (type === '20') counts.payments += 1;
        else counts.deductions += 1;
        break;
      }
      case '22':
      case '23': {
        if (!current) throw refuse(n, 'An extra reference record without its payment');
        current.extraReferences.push(textAt(record, 13, 37));
        counts.extraReferences += 1;
        break;
      }
      case '25': {
        if (!current) throw refuse(n, 'An information record without its payment');
        current.information.push(textAt(record, 3, 52));
        break;
      }
      case '26': {
        if (!current) throw refuse(n, 'A name record without its payment');
        current.payerName = textAt(record, 3, 37);
        break;
      }
      case '27':
      case '28':
      case '29':
        if (!current) throw refuse(n, 'An address record without its payment');
        break;
      case '15': {
        if (!section) throw refuse(n, 'A deposit record (15) without its opening record (05)');
        const paymentDate = dateOf(digitsAt(record, 38, 45, n, 'The payment date'), n);
        const depositSerial = digitsAt(record, 46, 50, n, 'The deposit serial number');
        const amount = Number(digitsAt(record, 51, 68, n, 'The deposit amount'));
        const count = Number(digitsAt(record, 72, 79, n, 'The number of payments'));
        if (count !== section.length) {
          throw refuse(n, `The deposit says ${count} payments, the section has ${section.length}`);
        }
        const sum = section.reduce((s, p) => s + (p.kind === 'payment' ? p.amount : -p.amount), 0);
        if (sum !== amount) throw refuse(n, `The deposit says ${amount} öre, its payments sum to ${sum}`);
        for (const p of section) payments.push({ ...p, paymentDate, depositSerial });
        counts.deposits += 1;
        section = null;
        break;
      }
      case '70': {
        if (section) throw refuse(n, 'The end record (70) before the last deposit (15)');
        const stated = {
          payments: Number(digitsAt(record, 3, 10, n, 'The number of payment records')),
          deductions: Number(digitsAt(record, 11, 18, n, 'The number of deduction records')),
          extraReferences: Number(digitsAt(record, 19, 26, n, 'The number of extra reference records')),
          deposits: Number(digitsAt(record, 27, 34, n, 'The number of deposit records')),
        };
        for (const key of Object.keys(stated) as (keyof typeof stated)[]) {
          if (stated[key] !== counts[key]) {
            throw refuse(n, `The end record counts ${stated[key]} ${key}, the file has ${counts[key]}`);
          }
        }
        isEnded = true;
        break;
      }
      default:
        throw refuse(n, `Unknown record type "${type}"`);
    }
  }
  if (!isEnded) throw refuse(Math.max(lines.length, 1), 'The file has no end record (70)');
  return { timestamp, isTest, receiverBankgiro, currency, payments };
}
