// Figures as a readable table and as bench/out/results.json, to compare run with run.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BenchDb } from './target';

/** One measured figure. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  db: BenchDb;
}

const OUT = new URL('../out/results.json', import.meta.url).pathname;

/** Prints the table and writes the JSON file. */
export function report(results: BenchResult[]) {
  const rows = results.map((r) => [
    r.name,
    r.db,
    r.value.toLocaleString('sv-SE', { maximumFractionDigits: 1 }),
    r.unit,
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[['name', 'db', 'value', 'unit'], ...rows].map((row) => row[i]!.length)),
  );
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(['name', 'db', 'value', 'unit'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${results.length} figures written to bench/out/results.json`);
}
