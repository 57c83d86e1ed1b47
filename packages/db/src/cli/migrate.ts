// `npm run db:migrate`: brings the configured database's schema up to date and exits.
import { migrate } from '../migrate';
import { openDatabase } from '../open';

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.HANDLA_DATA_DIR ?? 'data',
});
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
} finally {
  await db.close();
}
