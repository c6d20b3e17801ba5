import { Benchmark } from '../lib/benchmark';
import { profiledRound } from '../lib/cpu-profile';
import { LoadRequest, LoadSpec, runLoad } from '../lib/load';
import { startMinimalServer } from '../lib/minimal-server';
import { ratioTarget } from '../lib/report';

/** The same load generator and connections as the filing benchmark (1). */
const CONNECTIONS = 32;
const QUERY = '{ me { id } }';
/** The hub's requests per second against the minimal server's: at least this share. */
const TARGET_SHARE = 0.7;

/**
 * The fixed cost of a request: `{ me { id } }` through the hub (Express, Apollo, type-graphql, the middlewares) against
 * a minimal node:http + graphql-js server doing the same JWT verification and the same SQL (bench/lib/minimal-server.ts),
 * both in this process on the same database, loaded by autocannon from a child process. The ratio is what the
 * framework and the middleware cost on every request.
 */
export const benchmark: Benchmark = {
  title: 'Fixed cost of a request',
  async run(ctx) {
    const seconds = ctx.options.quick ? 5 : 20;
    const warmup = ctx.options.quick ? 2 : 5;
    const callers = ctx.org.functions.flatMap((f) => f.workerIds.slice(0, 2));
    const requests: LoadRequest[] = await Promise.all(
      callers.map(async (id) => ({
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.env.token(id)}` },
        body: JSON.stringify({ query: QUERY }),
      })),
    );
    const ask = async (url: string) => {
      const response = await fetch(url, { method: 'POST', headers: requests[0].headers, body: requests[0].body });
      return (await response.json()) as { data?: { me: { id: string } }; errors?: unknown };
    };

    // The statement a server reads its caller with, as the hub sends it for a caller it does not hold (captured at the
    // pg driver): the baseline sends it on every request. The hub holds its callers until a change to them is announced
    // (OrgService.callers, platform/live/noticed-cache.ts), so under the load it reads each one once; that is part of what is compared.
    ctx.env.hub.services.org.callers.changed(null);
    const hubOne = await ctx.counter.measure(() => ask(ctx.env.graphqlUrl));
    if (hubOne.value.data?.me.id !== callers[0]) throw new Error(`the hub answered ${JSON.stringify(hubOne.value)}`);
    const minimal = await startMinimalServer({
      databaseUrl: ctx.env.databaseUrl,
      poolSize: ctx.env.hubPoolSize,
      auth: ctx.env.config.auth,
      clock: ctx.env.clock,
      statements: hubOne.captured,
      capturedFor: callers[0],
    });
    try {
      const minimalOne = await ask(minimal.url);
      if (JSON.stringify(minimalOne) !== JSON.stringify(hubOne.value))
        throw new Error(`the minimal server answered ${JSON.stringify(minimalOne)}, the hub ${JSON.stringify(hubOne.value)}`);

      const loadOf = (url: string): LoadSpec => ({ mode: 'autocannon', url, connections: CONNECTIONS, durationSeconds: seconds, requests });
      const measure = async (url: string) => {
        await runLoad({ ...loadOf(url), durationSeconds: warmup });
        const result = await runLoad(loadOf(url));
        await ctx.env.settle();
        if (result.failed) throw new Error(`${result.failed} failed requests to ${url}: ${result.errorSample}`);
        return result;
      };
      ctx.log(`baseline: the minimal server, autocannon ${CONNECTIONS} connections, ${warmup} s warm-up + ${seconds} s…`);
      const floor = await measure(minimal.url);
      ctx.log(`hub: the same load, ${warmup} s warm-up + ${seconds} s…`);
      const hub = await measure(ctx.env.graphqlUrl);

      ctx.figure({
        name: `\`${QUERY}\` throughput (${CONNECTIONS} connections)`,
        value: hub.throughputPerSecond,
        unit: 'requests/s',
        better: 'higher',
        baseline: floor.throughputPerSecond,
        baselineLabel: 'node:http + graphql-js, same JWT check and SQL',
        target: ratioTarget(hub.throughputPerSecond, floor.throughputPerSecond, 'higher', TARGET_SHARE, 'the minimal server'),
      });
      ctx.figure({
        name: `\`${QUERY}\` latency p50`,
        value: hub.latency.p50,
        unit: 'ms',
        better: 'lower',
        baseline: floor.latency.p50,
        baselineLabel: 'minimal server p50',
      });
      ctx.figure({
        name: `\`${QUERY}\` latency p99`,
        value: hub.latency.p99,
        unit: 'ms',
        better: 'lower',
        baseline: floor.latency.p99,
        baselineLabel: 'minimal server p99',
      });
      ctx.note(
        `\`${QUERY}\` for ${callers.length} employees round-robin, autocannon with ${CONNECTIONS} connections for ${seconds} s after ${warmup} s of warm-up (as benchmark 1), ` +
          `first against the baseline, then against the hub; ${floor.successful.toLocaleString('en-US')} and ${hub.successful.toLocaleString('en-US')} successful responses. ` +
          `Baseline: a node:http server in the same process verifying the bearer token with the hub's own AccessTokenVerifier, sending the ${hubOne.statements} statement${hubOne.statements === 1 ? '' : 's'} ` +
          `the hub sends to read a caller it does not hold (captured at the pg driver${hubOne.transactionControl ? `; the hub also sent ${hubOne.transactionControl} BEGIN/COMMIT, which the baseline does not` : ''}) ` +
          `with the caller's id on every request, through a pg pool of the hub's size (${ctx.env.hubPoolSize}), and executing the query with graphql-js on a one-field schema; it answers the same JSON. ` +
          `The difference is Express, Apollo Server, type-graphql and the hub's middlewares, less the caller reads the hub saves: it holds each caller until a change to them is announced, so under the load it reads each of the ${callers.length} once.`,
      );
      if (ctx.options.profile) {
        const run = () => runLoad(loadOf(ctx.env.graphqlUrl));
        await profiledRound(ctx, 'request-cost', { what: `the same \`${QUERY}\` load`, seconds, run, unit: 'requests/s' });
      }
    } finally {
      await minimal.close();
    }
  },
};
