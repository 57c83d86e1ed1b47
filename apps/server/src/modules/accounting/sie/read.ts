// Our SIE 4 reader (E and I files): the header, chart of accounts, balances and vouchers. Every
// voucher must balance (#TRANS only: #RTRANS/#BTRANS are the audit trail beside them) and a
// #KSUMMA, where present, must match. A file that breaks either is refused, naming the line.
import { DomainError } from '@handla/core';
import {
  decodePc8,
  parseSieAmount,
  type SieField,
  type SieRecord,
  sieChecksum,
  splitSieLine,
} from './sie-fields';

export interface SieTransaction {
  readonly account: string;
  /** Öre: debit positive. */
  readonly amount: number;
  /** The object list as [dimension, object] pairs. */
  readonly objects: readonly (readonly [string, string])[];
  readonly date?: string;
  readonly text?: string;
}

export interface SieVoucher {
  readonly series: string;
  readonly number: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly text: string;
  readonly transactions: readonly SieTransaction[];
  /** The line of its #VER, for messages. */
  readonly line: number;
}

export interface SieBalance {
  readonly kind: 'IB' | 'UB' | 'RES';
  readonly yearIndex: number;
  readonly account: string;
  readonly amount: number;
}

/** The identification records; each is optional in the file. */
export interface SieHeader {
  flag?: string;
  format?: string;
  sieType?: string;
  program?: readonly string[];
  generatedOn?: string;
  companyName?: string;
  orgNumber?: string;
}

export interface SieDocument extends Readonly<SieHeader> {
  readonly fiscalYears: readonly {
    readonly yearIndex: number;
    readonly start: string;
    readonly end: string;
  }[];
  readonly accounts: ReadonlyMap<string, { readonly name: string; readonly sru?: string }>;
  readonly balances: readonly SieBalance[];
  readonly vouchers: readonly SieVoucher[];
  /** Present when the file has #KSUMMA: the sum it states (it matched, or the file was refused). */
  readonly checksum?: number;
}

const refuse = (line: number, message: string): never => {
  throw new DomainError('validation_failed', `Line ${line}: ${message}`, [
    { field: `line ${line}`, message },
  ]);
};

const sieDate = (value: string | undefined, line: number): string => {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!m) return refuse(line, `"${value ?? ''}" is not a date YYYYMMDD`);
  return `${m[1]}-${m[2]}-${m[3]}`;
};

const text = (f: SieField | undefined): string => (typeof f === 'string' ? f : '');

function amountOf(f: SieField | undefined, line: number): number {
  const amount = typeof f === 'string' ? parseSieAmount(f) : undefined;
  return amount ?? refuse(line, `"${text(f)}" is not an amount`);
}

function objectPairs(f: SieField | undefined, line: number): [string, string][] {
  if (f === undefined || typeof f === 'string') return refuse(line, 'The object list { } is missing');
  if (f.length % 2 !== 0) refuse(line, 'The object list has a dimension without an object');
  const pairs: [string, string][] = [];
  for (let i = 0; i < f.length; i += 2) pairs.push([f[i]!, f[i + 1]!]);
  return pairs;
}

/** Reads a SIE 4 file from its bytes (PC8 = CP437). Throws `validation_failed` naming the line. */
export function readSie(bytes: Uint8Array): SieDocument {
  const lines = decodePc8(bytes).split(/\r?\n/);
  const doc: SieHeader = {};
  const fiscalYears: { yearIndex: number; start: string; end: string }[] = [];
  const accounts = new Map<string, { name: string; sru?: string }>();
  const balances: SieBalance[] = [];
  const vouchers: SieVoucher[] = [];
  const checksummed: SieRecord[] = [];
  let checksum: { state: 'open' | 'closed'; stated?: number; line?: number } | undefined;
  let voucher: (Omit<SieVoucher, 'transactions'> & { transactions: SieTransaction[] }) | undefined;
  let inBlock = false;

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (trimmed === '{') {
      if (!voucher || inBlock) refuse(line, 'A { that does not open a #VER block');
      inBlock = true;
      continue;
    }
    if (trimmed === '}') {
      if (!voucher || !inBlock) refuse(line, 'A } without its {');
      closeVoucher(voucher!);
      voucher = undefined;
      inBlock = false;
      continue;
    }
    if (!trimmed.startsWith('#')) refuse(line, 'A record must start with #');
    let fields: SieField[];
    try {
      fields = splitSieLine(trimmed);
    } catch (error) {
      return refuse(line, (error as Error).message);
    }
    const label = fields.shift() as string;
    const f = fields;
    if (label === '#KSUMMA') {
      if (!checksum) checksum = { state: 'open', line };
      else if (checksum.state === 'open') {
        checksum = { state: 'closed', stated: Number(text(f[0])), line };
        if (!/^\d+$/.test(text(f[0]))) refuse(line, 'The closing #KSUMMA has no checksum');
      } else refuse(line, 'A third #KSUMMA');
      continue;
    }
    if (checksum?.state === 'open') checksummed.push({ label, fields: f });
    if (voucher && !inBlock) refuse(line, 'A #VER must be followed by {');
    if (inBlock && !['#TRANS', '#RTRANS', '#BTRANS'].includes(label)) {
      refuse(line, `${label} inside a #VER block`);
    }
    switch (label) {
      case '#FLAGGA':
        doc.flag = text(f[0]);
        break;
      case '#FORMAT':
        doc.format = text(f[0]);
        if (doc.format !== 'PC8') refuse(line, `#FORMAT ${doc.format}: only PC8 is SIE`);
        break;
      case '#SIETYP':
        doc.sieType = text(f[0]);
        if (doc.sieType !== '4') refuse(line, `#SIETYP ${doc.sieType}: this reader reads SIE 4`);
        break;
      case '#PROGRAM':
        doc.program = f.map(text);
        break;
      case '#GEN':
        doc.generatedOn = sieDate(text(f[0]), line);
        break;
      case '#FNAMN':
        doc.companyName = text(f[0]);
        break;
      case '#ORGNR':
        doc.orgNumber = text(f[0]);
        break;
      case '#RAR': {
        // An I file may leave the dates out (#RAR 0).
        if (f.length >= 3) {
          fiscalYears.push({
            yearIndex: Number(text(f[0])),
            start: sieDate(text(f[1]), line),
            end: sieDate(text(f[2]), line),
          });
        }
        break;
      }
      case '#KONTO':
        if (!text(f[0])) refuse(line, '#KONTO without an account number');
        accounts.set(text(f[0]), { ...accounts.get(text(f[0])), name: text(f[1]) });
        break;
      case '#SRU': {
        const account = accounts.get(text(f[0])) ?? { name: '' };
        accounts.set(text(f[0]), { ...account, sru: text(f[1]) });
        break;
      }
      case '#IB':
      case '#UB':
      case '#RES':
        balances.push({
          kind: label.slice(1) as SieBalance['kind'],
          yearIndex: Number(text(f[0])),
          account: text(f[1]),
          amount: amountOf(f[2], line),
        });
        break;
      case '#VER':
        voucher = {
          series: text(f[0]),
          number: text(f[1]),
          date: sieDate(text(f[2]), line),
          text: text(f[3]),
          transactions: [],
          line,
        };
        break;
      case '#TRANS':
      case '#RTRANS':
      case '#BTRANS': {
        if (!voucher) return refuse(line, `${label} outside a #VER block`);
        const transaction: SieTransaction = {
          account: text(f[0]),
          objects: objectPairs(f[1], line),
          amount: amountOf(f[2], line),
          ...(text(f[3]) ? { date: sieDate(text(f[3]), line) } : {}),
          ...(text(f[4]) ? { text: text(f[4]) } : {}),
        };
        if (!transaction.account) refuse(line, `${label} without an account`);
        // #RTRANS is followed by the same #TRANS for older readers and #BTRANS is a removed one:
        // only #TRANS counts towards the voucher.
        if (label === '#TRANS') voucher.transactions.push(transaction);
        break;
      }
      default:
        // Other records (#ADRESS, #DIM, #OBJEKT, #PSALDO, #PBUDGET, #KTYP, …) are read past.
        break;
    }
  }
  if (voucher) refuse(voucher.line, `#VER ${voucher.series} ${voucher.number} has no closing }`);
  if (checksum) {
    if (checksum.state === 'open') refuse(checksum.line!, 'The opening #KSUMMA has no closing one');
    const actual = sieChecksum(checksummed);
    if (actual !== checksum.stated) {
      refuse(
        checksum.line!,
        `#KSUMMA ${checksum.stated} does not match the file (${actual}): it was changed`,
      );
    }
  }
  return {
    ...doc,
    fiscalYears,
    accounts,
    balances,
    vouchers,
    ...(checksum ? { checksum: checksum.stated } : {}),
  };

  function closeVoucher(v: Omit<SieVoucher, 'transactions'> & { transactions: SieTransaction[] }) {
    const sum = v.transactions.reduce((s, t) => s + t.amount, 0);
    if (sum !== 0) {
      refuse(v.line, `Voucher ${v.series} ${v.number} (${v.date}) does not balance: off by ${sum} öre`);
    }
    vouchers.push(v);
  }
}
