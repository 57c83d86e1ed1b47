// Every benchmark suite; add a line here for a new one.
import { catalogSuite } from './catalog';
import { importSuite } from './import';
import { pricingSuite } from './pricing';
import { serverSuite } from './server';
import { stockSuite } from './stock';
import type { BenchSuite } from './suite';

export const SUITES: readonly BenchSuite[] = [
  serverSuite,
  importSuite,
  stockSuite,
  catalogSuite,
  pricingSuite,
];
