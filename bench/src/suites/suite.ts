import type { BenchResult } from '../results';
import type { BenchTarget } from '../target';

/** A group of benchmarks: the figures it can produce, and how to measure them on a fresh target. */
export interface BenchSuite {
  figures: readonly string[];
  /** Measures the figures for which `wanted(name)` is true. */
  run(target: BenchTarget, wanted: (name: string) => boolean): Promise<BenchResult[]>;
}
