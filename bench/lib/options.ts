/** Command-line options of `npm run bench -- [--quick] [--verbose] [--only=1,3] [--out=path] [--profile]`. */
export interface BenchOptions {
  /** Small version for fast checks: 50k referrals, 5 s load, 500 breaches per sweep. */
  quick: boolean;
  /** Print EXPLAIN (ANALYZE, BUFFERS) of the measured queries and extra detail. */
  verbose: boolean;
  /** Only these benchmark ids (file-name prefixes such as "1", "03"); all when empty. */
  only: string[];
  /** Where the results are written; bench/RESULTS.md (full run) or bench/RESULTS.quick.md (--quick). */
  out: string | null;
  /** Keep the embedded PostgreSQL data directory (or the database on BENCH_DATABASE_URL) after the run. */
  keep: boolean;
  /** Size of the hub's connection pool; null: what `npm start` uses (createDataSource's default). */
  pool: number | null;
  /** Override the data set size (referrals) and the referrals breaching per sweep. */
  referrals: number | null;
  breaches: number | null;
  /** Spread each set of breaching referrals over the whole table instead of one block of rows. */
  scattered: boolean;
  /** Profile the hub's CPU under an extra round of the filing, work-queue and request-cost loads and summarise it in the results. */
  profile: boolean;
}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    verbose: false,
    only: [],
    out: null,
    keep: false,
    pool: null,
    referrals: null,
    breaches: null,
    scattered: false,
    profile: false,
  };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--scattered') options.scattered = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg.startsWith('--only='))
      options.only = arg
        .slice('--only='.length)
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
    else if (arg.startsWith('--out=')) options.out = arg.slice('--out='.length);
    else if (arg.startsWith('--referrals=') || arg.startsWith('--breaches=')) {
      const [name, raw] = arg.slice(2).split('=');
      const value = Number(raw.replace(/_/g, ''));
      if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
      options[name as 'referrals' | 'breaches'] = value;
    } else if (arg.startsWith('--pool=')) {
      const pool = Number(arg.slice('--pool='.length));
      if (!Number.isInteger(pool) || pool < 1 || pool > 150) throw new Error('--pool must be an integer between 1 and 150');
      options.pool = pool;
    } else if (arg === '--help' || arg === '-h') {
      console.log(`npm run bench -- [--quick] [--verbose] [--only=1,2] [--out=path] [--keep] [--pool=N] [--profile]

  --quick     small version (50k referrals, 5 s load phases); writes bench/RESULTS.quick.md
  --verbose   print EXPLAIN (ANALYZE, BUFFERS) of the measured queries
  --only=ids  run only these benchmarks (file-name number, e.g. --only=2,5)
  --out=path  write the results there instead
  --keep      keep the benchmark database afterwards
  --pool=N    size of the hub's connection pool (default: what npm start uses)
  --profile   after benchmarks 1's, 2's and 9's measured loads, one more round of each with the hub's CPU profiled
              (node:inspector): self time per function and per package in the results, the raw profiles beside
              them (.filing.cpuprofile, .work-queue.cpuprofile, .request-cost.cpuprofile)
  --referrals=N, --breaches=N
              data set size (default 1,000,000; 50,000 with --quick) and referrals breaching per sweep
              (default 10,000; 500 with --quick). The data set is loaded in stages of N/10 and N (N/100, N/10
              and N from 10,000,000 up: --referrals=10000000) and benchmark 2 measures how cost grows from
              one stage to the next
  --scattered the referrals breaching together lie on separate heap pages across the whole table
              (worst case) instead of one block of rows written around the same time (default)

Environment: BENCH_DATABASE_URL=postgres://… uses that server (a database hub_bench_<time> is created
on it and dropped afterwards) instead of an embedded PostgreSQL in a temporary folder.`);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}
