// What every service call receives: the database, the clock and the id maker — injected, so tests
// can fix time and ids.
import type { Database } from '@handla/db';
import { monotonicFactory } from 'ulid';

/** The injected dependencies of every service call. */
export interface AppContext {
  db: Database;
  clock: () => Date;
  /** A new sortable, prefixed id: `newId('stf')` → `stf_01J…`. */
  newId: (prefix: string) => string;
}

/** A context on the real clock with ULID-based ids. */
export function createContext(db: Database): AppContext {
  const ulid = monotonicFactory();
  return { db, clock: () => new Date(), newId: (prefix) => `${prefix}_${ulid().toLowerCase()}` };
}
