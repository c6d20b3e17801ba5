import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './benchmark';
import type { LoadResult } from './load';

/** Sampling interval of the profiler, µs: fine enough for a request of a few ms, cheap enough not to distort it much. */
const SAMPLING_INTERVAL_US = 250;

/** Runs `work` with V8's sampling CPU profiler on in this process (the hub runs in-process): node:inspector, no network. */
export async function cpuProfile<T>(work: () => Promise<T>): Promise<{ value: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    const settled = await work().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const { profile } = await session.post('Profiler.stop');
    if ('error' in settled) throw settled.error;
    return { value: settled.value, profile };
  } finally {
    session.disconnect();
  }
}

export interface SelfTime {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled wall time, ms. */
  totalMs: number;
  /** Time the thread waited for I/O: (idle). */
  idleMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

const VM_STATES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Where a function's code lives: an npm package, a folder of the hub, a Node.js core module, or V8 itself. */
export function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return VM_STATES.has(functionName) ? functionName : '(V8 and native code)';
  if (url.startsWith('node:')) return `node:${url.slice('node:'.length).split('/').slice(0, 2).join('/')}`;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const packages = path.split('/node_modules/');
  if (packages.length > 1) {
    const [first, second] = packages[packages.length - 1].split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const inRepo = relative(root, path).replace(/^dist\//, '');
  const segments = inRepo.split('/');
  if (segments[0] === 'src') return segments.slice(0, segments[1] === 'modules' || segments[1] === 'platform' ? 3 : 2).join('/');
  return segments[0].startsWith('..') ? path : segments[0];
}

function top(totals: Map<string, number>, count: number): SelfTime[] {
  return [...totals]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/**
 * Self time per function and per module, top `count` of each. A sample's time is the gap to the next sample
 * (timeDeltas), so a slower sampling tick is not counted as one hit.
 */
export function summariseProfile(profile: Profiler.Profile, root: string, count = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    selfMs.set(samples[i], (selfMs.get(samples[i]) ?? 0) + us / 1000);
  }
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const module = moduleOf(url, functionName, root);
    const where = url ? `${url.startsWith('file:') ? relative(root, fileURLToPath(url)) : url}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    modules.set(module, (modules.get(module) ?? 0) + ms);
    totalMs += ms;
    if (functionName === '(idle)') idleMs += ms;
  }
  return { totalMs, idleMs, functions: top(functions, count), modules: top(modules, count) };
}

function table(title: string, rows: SelfTime[], totalMs: number): string {
  return [
    `| ${title} | self time | share |`,
    '|---|---|---|',
    ...rows.map(
      (row) => `| \`${row.name.replace(/\|/g, '\\|')}\` | ${row.ms.toFixed(0)} ms | ${((100 * row.ms) / totalMs).toFixed(1)} % |`,
    ),
  ].join('\n');
}

/** Markdown: the two top-N tables, shares of the sampled time. */
export function profileMarkdown(summary: ProfileSummary): string {
  return [
    `Sampled ${(summary.totalMs / 1000).toFixed(1)} s of the process's main thread, ${(summary.idleMs / 1000).toFixed(1)} s of it idle (waiting for PostgreSQL or the network). ` +
      `Self time: the time spent in a function's own code, not in what it calls.`,
    table('package or module', summary.modules, summary.totalMs),
    table('function', summary.functions, summary.totalMs),
  ].join('\n\n');
}

/**
 * With `--profile`: one more round of a benchmark's load with the hub's CPU profiled (a round of its own, so the
 * profiler's overhead touches none of the measured figures); the summary becomes a note, the raw profile is written
 * beside the results as `<name>.cpuprofile`.
 */
export async function profiledRound(
  ctx: BenchContext,
  name: string,
  round: { what: string; seconds: number; run: () => Promise<LoadResult>; unit: string },
): Promise<void> {
  ctx.log(`profile: ${round.what}, ${round.seconds} s, with the CPU profiler on in the hub's process…`);
  const { value: profiled, profile } = await cpuProfile(round.run);
  await ctx.env.settle();
  const file = ctx.writeBeside(`${name}.cpuprofile`, JSON.stringify(profile));
  ctx.note(
    `**Where the time goes** (\`--profile\`): V8's sampling profiler (node:inspector) in the benchmark process, where the hub runs (the load generator is a process of its own), during one more ${round.seconds} s round of ${round.what} ` +
      `(${profiled.throughputPerSecond.toFixed(0)} ${round.unit} with the profiler on; the figures above were measured without it). ` +
      `The raw profile is \`${file}\` (open it in Chrome DevTools › Performance, or speedscope, for a flame graph).\n\n` +
      profileMarkdown(summariseProfile(profile, resolve(__dirname, '..', '..', '..'))),
  );
}
