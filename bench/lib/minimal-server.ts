import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import { Pool } from 'pg';
import { AccessTokenVerifier } from '../../src/modules/auth/access-token';
import { Clock } from '../../src/platform/common/clock';
import { AppConfig } from '../../src/platform/config/config';
import { CapturedStatement, DIRECT_APPLICATION } from './pg-counter';

const SCHEMA = buildSchema('type Query { me: Employee } type Employee { id: ID! }');

export interface MinimalServerOptions {
  databaseUrl: string;
  poolSize: number;
  auth: AppConfig['auth'];
  clock: Clock;
  /** The statements the hub sent to answer one `{ me { id } }`, captured at the pg driver. */
  statements: CapturedStatement[];
  /** The employee whose request they were captured from: their id in the parameters becomes the caller's. */
  capturedFor: string;
}

export interface MinimalServer {
  url: string;
  close(): Promise<void>;
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The least a server does for `{ me { id } }`: node:http, the hub's own JWT verification (AccessTokenVerifier), the
 * statements the hub sent to load the caller (their parameters with the caller's id), and graphql-js executing the
 * query on a one-field schema. No Express, no Apollo, no middleware: the baseline of a request's fixed cost.
 */
export async function startMinimalServer(options: MinimalServerOptions): Promise<MinimalServer> {
  const verifier = new AccessTokenVerifier(options.auth);
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize, application_name: DIRECT_APPLICATION });
  const withCaller = (value: unknown, callerId: string): unknown =>
    Array.isArray(value) ? value.map((item) => withCaller(item, callerId)) : value === options.capturedFor ? callerId : value;

  const answer = async (authorization: string | undefined, raw: string): Promise<{ status: number; json: unknown }> => {
    try {
      const identity = await verifier.verify(authorization, options.clock.now());
      if (!('employeeId' in identity)) throw new Error('the token names no employee id');
      const callerId = identity.employeeId;
      let found = true;
      for (const statement of options.statements) {
        const { rowCount } = await pool.query(
          statement.text,
          statement.values.map((value) => withCaller(value, callerId)),
        );
        if (statement === options.statements[0]) found = (rowCount ?? 0) > 0;
      }
      if (!found) throw new Error('unknown employee');
      const { query, variables } = JSON.parse(raw) as { query: string; variables?: Record<string, unknown> };
      return {
        status: 200,
        json: await graphql({ schema: SCHEMA, source: query, rootValue: { me: { id: callerId } }, variableValues: variables }),
      };
    } catch (error) {
      return { status: 401, json: { errors: [{ message: error instanceof Error ? error.message : String(error) }] } };
    }
  };

  const server = createServer((request, response) => {
    void body(request)
      .then((raw) => answer(request.headers.authorization, raw))
      .then(({ status, json }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
