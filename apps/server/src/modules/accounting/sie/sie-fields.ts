// The field syntax of a SIE record, shared by the reader and the writer: fields separated by spaces
// or tabs, "quoted" when they hold spaces (\" inside quotes is a quote), { } around object lists.
// Amounts are kronor with '.' and up to two decimals; we hold them as integer öre.
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

/** One field of a record: a plain value, or an object list `{dim obj …}`. */
export type SieField = string | readonly string[];

/** A record (line) split into its label ("#TRANS") and fields. */
export interface SieRecord {
  readonly label: string;
  readonly fields: readonly SieField[];
}

/** Splits one record (not a voucher's lone { or }) into fields; throws a RangeError on an unterminated object list. */
export function splitSieLine(line: string): SieField[] {
  const fields: SieField[] = [];
  let i = 0;
  const readValue = (): string => {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else {
          value += line[i++];
        }
      }
      // Real exports cut long texts off, closing quote and all (Sie4.se): the text runs to the end of the line.
      i += 1;
      return value;
    }
    const start = i;
    while (i < line.length && !/[\s{}"]/.test(line[i]!)) i += 1;
    return line.slice(start, i);
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i += 1;
    } else if (c === '{') {
      i += 1;
      const list: string[] = [];
      for (;;) {
        while (line[i] === ' ' || line[i] === '\t') i += 1;
        if (i >= line.length) throw new RangeError('An object list has no closing }');
        if (line[i] === '}') break;
        list.push(readValue());
      }
      i += 1;
      fields.push(list);
    } else if (c === '}') {
      throw new RangeError('A } without its {');
    } else {
      fields.push(readValue());
    }
  }
  return fields;
}

/** Writes a field: quoted when it is empty or holds spaces, quotes or braces. */
export function formatSieField(field: SieField): string {
  if (typeof field !== 'string') return `{${field.map(formatSieField).join(' ')}}`;
  return field === '' || /[\s"{}]/.test(field) ? `"${field.replaceAll('"', '\\"')}"` : field;
}

/** Öre → a SIE amount: kronor with '.' and two decimals ("-1234.50"). */
export function formatSieAmount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A SIE amount → öre, exactly (no floats); undefined for anything else. */
export function parseSieAmount(value: string): number | undefined {
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const ore = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? (match[1] ? -ore : ore) + 0 : undefined;
}

/** SIE's #FORMAT PC8: IBM code page 437 bytes. */
export const decodePc8 = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes), 'cp437');
export const encodePc8 = (text: string): Buffer => iconv.encode(text, 'cp437');

/**
 * #KSUMMA: CRC-32 (the zlib one: reflected 0xEDB88320, init and final XOR 0xFFFFFFFF) over the
 * CP437 bytes of each record between the #KSUMMA records, as label + field values with no
 * separators, quotes or braces; an unsigned decimal.
 */
export function sieChecksum(records: readonly SieRecord[]): number {
  const text = records
    .map((r) => r.label + r.fields.map((f) => (typeof f === 'string' ? f : f.join(''))).join(''))
    .join('');
  return crc32(encodePc8(text)) >>> 0;
}
