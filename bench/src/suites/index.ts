// Every benchmark suite; add a line here for a new one.
import { importSuite } from './import';
import { serverSuite } from './server';
import type { BenchSuite } from './suite';

export const SUITES: readonly BenchSuite[] = [serverSuite, importSuite];
