import './lib/production-env';
import 'reflect-metadata';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Benchmark, BenchContext } from './lib/benchmark';
import { DatasetLoader, DatasetSpec } from './lib/dataset';
import { BenchEnvironment, startEnvironment } from './lib/environment';
import { machineInfo } from './lib/machine';
import { parseOptions } from './lib/options';
import { createBenchOrg } from './lib/org';
import { PgStatementCounter } from './lib/pg-counter';
import { BenchReport, BenchSection, Figure, figureLine, writeReport } from './lib/report';
import { msSince } from './lib/stats';

/** Items of the benchmark issue; one that has no file in bench/benchmarks/ is listed as not measured yet. */
const ISSUE_ITEMS: Record<string, string> = {
  '1': 'Filing throughput',
  '2': 'Work queue at scale',
  '3': 'SLA sweep at scale',
  '4': 'Crossing to mail',
  '5': 'Statement counts',
};

interface Discovered {
  id: string;
  file: string;
  benchmark: Benchmark;
}

/** Every bench/benchmarks/<NN>-<name>.js, in file-name order; adding a benchmark is adding one such file. */
function discover(): Discovered[] {
  const dir = join(__dirname, 'benchmarks');
  return readdirSync(dir)
    .filter((file) => /^\d+-[\w-]+\.js$/.test(file))
    .sort()
    .map((file) => {
      // Discovered at run time by file name, so a static import cannot name it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(dir, file)) as { benchmark?: Benchmark };
      if (!module.benchmark) throw new Error(`${file} does not export \`benchmark\``);
      return { id: String(Number(file.split('-')[0])), file, benchmark: module.benchmark };
    });
}

const log = (message: string): void => console.log(message);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const started = process.hrtime.bigint();
  const all = discover();
  const selected = options.only.length ? all.filter((b) => options.only.some((id) => String(Number(id)) === b.id)) : all;
  if (selected.length === 0) throw new Error(`no benchmark matches --only=${options.only.join(',')}`);
  const repoRoot = resolve(__dirname, '..', '..');
  const out = resolve(options.out ?? join(repoRoot, 'bench', options.quick ? 'RESULTS.quick.md' : 'RESULTS.md'));
  const spec: DatasetSpec = {
    referrals: options.referrals ?? (options.quick ? 50_000 : 1_000_000),
    // set 0: benchmark 3's one-connection SQL baseline; then pairs, its two-connection baseline and a hub sweep
    armedSets: options.quick ? 5 : 7,
    perSet: options.breaches ?? (options.quick ? 500 : 10_000),
    layout: options.scattered ? 'scattered' : 'clustered',
  };

  log(`hub benchmarks (${options.quick ? 'quick' : 'full'} run): ${selected.map((b) => `${b.id}. ${b.benchmark.title}`).join('; ')}`);
  const counter = new PgStatementCounter();
  counter.install();
  let env: BenchEnvironment | null = null;
  const figures: Figure[] = [];
  const sections: BenchSection[] = [];
  let failedRun = false;
  try {
    env = await startEnvironment({ keep: options.keep, poolSize: options.pool, log });
    const machine = await machineInfo(env.admin, env.server.label);
    log(
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB; Node ${machine.node}; PostgreSQL ${machine.postgres}`,
    );
    const org = await createBenchOrg(env.admin);
    log(`organisation: ${org.functions.length} functions, ${org.employeeCount} employees, ${org.liaisonCount} liaison assignments`);

    const environment = env;
    const dataset = new DatasetLoader(environment, org, spec, log);
    for (const { id, benchmark } of selected) {
      log(`\n== ${id}. ${benchmark.title}`);
      const section: BenchSection = { id, title: benchmark.title, notes: [], durationSeconds: 0 };
      sections.push(section);
      const sectionStart = process.hrtime.bigint();
      const ctx: BenchContext = {
        options,
        env: environment,
        org,
        counter,
        dataset: (generated) => dataset.at(generated),
        datasetStages: dataset.stages,
        figure: (figure) => {
          const full = { ...figure, benchmark: id };
          figures.push(full);
          log(figureLine(full));
        },
        note: (text) => section.notes.push(text),
        log: (message) => log(`  ${message}`),
        writeBeside: (extension, content) => {
          const path = out.replace(/\.md$/, '') + `.${extension}`;
          writeFileSync(path, content);
          log(`  wrote ${relative(process.cwd(), path) || path}`);
          return basename(path);
        },
        verbose: (title, text) => {
          if (!options.verbose) return;
          log(`  -- ${title}\n${text.replace(/^/gm, '     ')}`);
          section.notes.push(`<details><summary>${title}</summary>\n\n\`\`\`\n${text}\n\`\`\`\n</details>`);
        },
      };
      try {
        await benchmark.run(ctx);
      } catch (error) {
        failedRun = true;
        section.error = error instanceof Error ? error.message : String(error);
        log(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      section.durationSeconds = msSince(sectionStart) / 1000;
    }

    const loaded = dataset.latest;
    const present = new Set(all.map((b) => b.id));
    const report: BenchReport = {
      title: `Hub benchmarks${options.quick ? ' (quick run)' : ''}`,
      startedAt,
      totalSeconds: msSince(started) / 1000,
      mode: options.quick ? 'quick' : options.only.length ? `partial (--only=${options.only.join(',')})` : 'full',
      machine,
      sections,
      figures,
      pending: Object.entries(ISSUE_ITEMS)
        .filter(([id]) => !present.has(id))
        .map(
          ([id, title]) =>
            `${id}. ${title}: add \`bench/benchmarks/0${id}-<name>.ts\` exporting \`benchmark\` (see bench/lib/benchmark.ts); the runner picks it up.`,
        ),
      setup: [
        `**Hub**: started in-process with \`startHub\` (src/app/hub.ts), NODE_ENV=${process.env.NODE_ENV} (fresh JWT secret and data keys per run), JOBS_ENABLED=false (no delivery workers or crons compete with the measurements; delivery jobs are queued, not consumed), connection pool ${environment.hubPoolSize}${options.pool ? ' (--pool)' : ' (the default npm start uses)'}; HTTP load from a separate Node process (autocannon / a sequential client).`,
        `**Organisation**: ${org.functions.length} functions, ${org.employeeCount.toLocaleString('en-US')} employees (director → manager → liaison and employees per function), ${org.liaisonCount} liaison assignments.`,
        loaded ? `**Data set**: ${loaded.description}` : '**Data set**: not loaded in this run.',
      ],
    };
    writeReport(out, report);
    const failed = figures.filter((f) => f.target && !f.target.pass);
    log(
      `\n${figures.filter((f) => f.target).length - failed.length} of ${figures.filter((f) => f.target).length} targets PASS${failed.length ? `; FAIL: ${failed.map((f) => `${f.benchmark}. ${f.name}`).join('; ')}` : ''}`,
    );
    log(`results written to ${relative(process.cwd(), out) || out}${existsSync(out) ? '' : ' (missing?)'}`);
  } finally {
    if (env) await env.close().catch((error: unknown) => log(`closing: ${String(error)}`));
  }
  process.exit(failedRun ? 1 : 0);
}

main().catch((error) => {
  console.error('benchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
