// Start-up time to healthy (fresh and existing data) and read throughput over HTTP.
import autocannon from 'autocannon';
import { startBenchServer } from '../server-process';
import type { BenchSuite } from './suite';

export const serverSuite: BenchSuite = {
  figures: ['startup.fresh.ms', 'startup.existing.ms', 'http.read.rps', 'http.read.p99_ms'],
  async run(target, wanted) {
    const db = target.db;
    const results = [];
    const fresh = await startBenchServer(target.env);
    results.push({ name: 'startup.fresh.ms', value: fresh.startupMs, unit: 'ms', db });
    await fresh.stop();
    const existing = await startBenchServer(target.env);
    results.push({ name: 'startup.existing.ms', value: existing.startupMs, unit: 'ms', db });
    if (wanted('http.read')) {
      const run = await autocannon({
        url: `${existing.baseUrl}/api/products?limit=20`,
        connections: 32,
        duration: 10,
      });
      await existing.stop();
      if (run.non2xx > 0 || run.errors > 0)
        throw new Error(`read benchmark: ${run.non2xx} non-2xx, ${run.errors} errors`);
      results.push({ name: 'http.read.rps', value: run.requests.average, unit: 'req/s', db });
      results.push({ name: 'http.read.p99_ms', value: run.latency.p99, unit: 'ms', db });
    } else {
      await existing.stop();
    }
    return results.filter((r) => wanted(r.name));
  },
};
