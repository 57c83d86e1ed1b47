// Our SIE 4 writer: a voucher file (typ 4E) in PC8 (CP437) bytes with a #KSUMMA around every
// record, so the receiving program can tell the file arrived unchanged.
import type { Voucher } from '@handla/core';
import {
  encodePc8,
  formatSieAmount,
  formatSieField,
  type SieField,
  type SieRecord,
  sieChecksum,
} from './sie-fields';

export interface SieExportInput {
  readonly programName: string;
  readonly programVersion: string;
  /** YYYY-MM-DD, the local date the file is made. */
  readonly generatedOn: string;
  readonly companyName: string;
  readonly orgNumber: string;
  /** The fiscal year the vouchers fall in (YYYY-MM-DD). */
  readonly fiscalYear: { readonly start: string; readonly end: string };
  /** The names of the accounts; only those the vouchers use are written. */
  readonly accountNames: ReadonlyMap<string, string>;
  readonly vouchers: readonly Voucher[];
}

const sieDate = (isoDate: string) => isoDate.replaceAll('-', '');

/** The records of the file between the #KSUMMA records, '{' and '}' as records of their own. */
function recordsOf(input: SieExportInput): (SieRecord | '{' | '}')[] {
  const record = (label: string, ...fields: SieField[]): SieRecord => ({ label, fields });
  const used = [...new Set(input.vouchers.flatMap((v) => v.transactions.map((t) => t.account)))].sort();
  const records: (SieRecord | '{' | '}')[] = [
    record('#PROGRAM', input.programName, input.programVersion),
    record('#FORMAT', 'PC8'),
    record('#GEN', sieDate(input.generatedOn)),
    record('#SIETYP', '4'),
    record('#FNAMN', input.companyName),
    record('#ORGNR', input.orgNumber),
    record('#RAR', '0', sieDate(input.fiscalYear.start), sieDate(input.fiscalYear.end)),
    ...used.map((account) => record('#KONTO', account, input.accountNames.get(account) ?? account)),
  ];
  for (const v of input.vouchers) {
    records.push(record('#VER', v.series, String(v.number), sieDate(v.date), v.text), '{');
    for (const t of v.transactions) {
      records.push(record('#TRANS', t.account, [], formatSieAmount(t.amount), sieDate(v.date), t.text ?? ''));
    }
    records.push('}');
  }
  return records;
}

/** Writes the vouchers as a SIE 4 file: CP437 bytes, CRLF line ends, opening and closing #KSUMMA. */
export function writeSie(input: SieExportInput): { bytes: Buffer; checksum: number } {
  const records = recordsOf(input);
  const checksum = sieChecksum(records.filter((r): r is SieRecord => typeof r !== 'string'));
  const line = (r: SieRecord | '{' | '}') =>
    typeof r === 'string' ? r : [r.label, ...r.fields.map(formatSieField)].join(' ');
  const lines = ['#FLAGGA 0', '#KSUMMA', ...records.map(line), `#KSUMMA ${checksum}`];
  return { bytes: encodePc8(`${lines.join('\r\n')}\r\n`), checksum };
}
