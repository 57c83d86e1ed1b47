// `npm run bench [-- <name prefix>…]`: Handla's performance figures on PGlite and, when a
// PostgreSQL server answers (DATABASE_URL, default the local one), on PostgreSQL too.
import { type BenchResult, report } from './results';
import { SUITES } from './suites';
import { type BenchDb, freshTarget, PG_URL, postgresAnswers } from './target';

const prefixes = process.argv.slice(2);
const wanted = (name: string) =>
  prefixes.length === 0 || prefixes.some((p) => name.startsWith(p) || p.startsWith(name));
const suites = SUITES.filter((suite) => suite.figures.some((figure) => wanted(figure)));

const results: BenchResult[] = [];
for (const db of ['pglite', 'postgres'] as BenchDb[]) {
  if (db === 'postgres' && !(await postgresAnswers())) {
    console.log(`PostgreSQL at ${PG_URL} does not answer: PostgreSQL figures skipped`);
    continue;
  }
  for (const suite of suites) {
    console.log(`${db}: ${suite.figures.filter((f) => wanted(f)).join(', ')}…`);
    const target = await freshTarget(db);
    try {
      results.push(...(await suite.run(target, wanted)));
    } finally {
      await target.drop();
    }
  }
}
report(results);
