import type { Profiler } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { moduleOf, summariseProfile } from '../../bench/lib/cpu-profile';
import { datasetStages } from '../../bench/lib/dataset';
import { ratioTarget } from '../../bench/lib/report';

const ROOT = '/repo';
const file = (path: string) => pathToFileURL(`${ROOT}/${path}`).href;

describe('bench targets are ratios to a baseline of the same run', () => {
  it('bounds a throughput by its share of the baseline', () => {
    expect(ratioTarget(40, 100, 'higher', 0.4)).toEqual({ text: '≥ 40 % of the baseline', pass: true });
    expect(ratioTarget(39, 100, 'higher', 0.4).pass).toBe(false);
  });

  it('bounds a time by a multiple of the baseline', () => {
    expect(ratioTarget(30, 10, 'lower', 3, "the pg transaction's p99")).toEqual({ text: "≤ 3× the pg transaction's p99", pass: true });
    expect(ratioTarget(31, 10, 'lower', 3).pass).toBe(false);
  });

  it('fails when there is no usable baseline', () => {
    expect(ratioTarget(1, 0, 'lower', 2).pass).toBe(false);
    expect(ratioTarget(1, NaN, 'higher', 0.5).pass).toBe(false);
  });
});

describe('the data set grows in stages of 10×', () => {
  const spec = { armedSets: 5, perSet: 10_000, layout: 'clustered' as const };

  it('measures growth at 100k and 1M in the full run, and from 100k to 10M behind --referrals', () => {
    expect(datasetStages({ ...spec, referrals: 1_000_000 })).toEqual([100_000, 1_000_000]);
    expect(datasetStages({ ...spec, referrals: 10_000_000 })).toEqual([100_000, 1_000_000, 10_000_000]);
    expect(datasetStages({ ...spec, referrals: 50_000 })).toEqual([5_000, 50_000]);
  });
});

describe('CPU profile summary', () => {
  it('names the package, the hub folder or the Node.js module a function lives in', () => {
    expect(moduleOf(file('node_modules/graphql/execution/execute.js'), 'executeField', ROOT)).toBe('graphql');
    expect(moduleOf(file('node_modules/@apollo/server/dist/cjs/runHttpQuery.js'), 'f', ROOT)).toBe('@apollo/server');
    expect(moduleOf(file('node_modules/a/node_modules/pg/lib/client.js'), 'query', ROOT)).toBe('pg');
    expect(moduleOf(file('dist/src/modules/referrals/referral.service.js'), 'file', ROOT)).toBe('src/modules/referrals');
    expect(moduleOf(file('dist/src/app/hub.js'), 'startHub', ROOT)).toBe('src/app');
    expect(moduleOf('node:internal/streams/readable', 'read', ROOT)).toBe('node:internal/streams');
    expect(moduleOf('', '(garbage collector)', ROOT)).toBe('(garbage collector)');
    expect(moduleOf('', 'JSONParse', ROOT)).toBe('(V8 and native code)');
  });

  it('adds up self time per function and per module from the sample intervals', () => {
    const node = (id: number, functionName: string, url: string, children: number[] = []): Profiler.ProfileNode => ({
      id,
      callFrame: { functionName, url, lineNumber: 9, columnNumber: 0, scriptId: String(id) },
      children,
    });
    const profile: Profiler.Profile = {
      nodes: [
        node(1, '(root)', '', [2, 3, 4]),
        node(2, 'executeField', file('node_modules/graphql/execution/execute.js')),
        node(3, 'file', file('dist/src/modules/referrals/referral.service.js')),
        node(4, '(idle)', ''),
      ],
      startTime: 0,
      endTime: 10_000,
      // the time of sample i is the gap to sample i + 1
      samples: [2, 2, 3, 4, 2],
      timeDeltas: [0, 1000, 2000, 3000, 4000],
    };
    const summary = summariseProfile(profile, ROOT);
    expect(summary.totalMs).toBe(10);
    expect(summary.idleMs).toBe(4);
    expect(summary.functions[0]).toEqual({ name: '(idle)', ms: 4 });
    expect(summary.functions).toContainEqual({ name: 'executeField node_modules/graphql/execution/execute.js:10', ms: 3 });
    expect(summary.modules).toContainEqual({ name: 'src/modules/referrals', ms: 3 });
  });
});
