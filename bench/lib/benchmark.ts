import { Dataset } from './dataset';
import { BenchEnvironment } from './environment';
import { BenchOptions } from './options';
import { BenchOrg } from './org';
import { PgStatementCounter } from './pg-counter';
import { Figure } from './report';

/** What every benchmark gets from the runner (bench/run.ts). */
export interface BenchContext {
  options: BenchOptions;
  env: BenchEnvironment;
  org: BenchOrg;
  counter: PgStatementCounter;
  /**
   * The large data set (1M referrals; 50k with --quick), loaded the first time a benchmark asks for it; with a stage
   * size (one of `datasetStages`), the data set at that size (it only grows: ask for the stages smallest first).
   */
  dataset(generated?: number): Promise<Dataset>;
  /** Generated referrals at each stage of the data set, smallest first; the last is the full set. */
  datasetStages: number[];
  /** Records a figure of this benchmark (printed at once and written to RESULTS.md). */
  figure(figure: Omit<Figure, 'benchmark'>): void;
  /** A paragraph for RESULTS.md under this benchmark (set-up, what exactly was compared). */
  note(text: string): void;
  log(message: string): void;
  /** Writes a file beside the results (RESULTS.md → RESULTS.<extension>) and returns its path relative to the results. */
  writeBeside(extension: string, content: string): string;
  /** Printed (and kept in RESULTS.md) only with --verbose. */
  verbose(title: string, text: string): void;
}

/**
 * A benchmark is one file bench/benchmarks/<NN>-<name>.ts exporting `benchmark`; the runner finds
 * them by file name (NN is the item number of the issue) and runs them in that order.
 */
export interface Benchmark {
  title: string;
  run(ctx: BenchContext): Promise<void>;
}
