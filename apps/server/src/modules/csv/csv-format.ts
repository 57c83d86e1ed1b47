// Reading and writing CSV files as Nordic spreadsheets make them: `;` or `,` separated (we detect
// which from the header), UTF-8 with or without a byte-order mark, decimal commas in amounts.
import { DomainError } from '@handla/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** One data row: its line number in the file (the header is line 1) and its cells by column name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** Parses a CSV file whose first line names the columns; names are lower-cased and trimmed. */
export function parseCsv(
  text: string,
  requiredColumns: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => {
        columns = header.map((name) => name.trim().toLowerCase());
        return columns;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError('validation_failed', `The file is not valid CSV: ${(error as Error).message}`, [
      { field: line ? `line ${line}` : 'file', message: (error as Error).message },
    ]);
  }
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DomainError(
      'validation_failed',
      `The header lacks ${missing.join(', ')}.`,
      missing.map((column) => ({ field: column, message: 'Missing column in the header (line 1)' })),
    );
  }
  return { columns, rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** Writes rows as CSV for spreadsheets: `;`-separated, CRLF, with a byte-order mark so Excel reads UTF-8. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `\uFEFF${stringify([columns as string[], ...(rows as (string | number | null)[][])], { delimiter: ';', record_delimiter: 'windows' })}`;
}

/** Formats öre as a decimal-comma amount for a CSV cell: 19900 → "199,00". */
export function formatCsvAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
