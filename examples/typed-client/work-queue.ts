/**
 * A typed client of the hub: the operation below is typed from schema/schema.graphql by GraphQL Code Generator
 * (`npm run example:codegen` writes ./gql), so a schema change that breaks it fails `npm test`.
 *
 *   npm run -s example:build
 *   HUB_URL=http://127.0.0.1:4000/graphql HUB_TOKEN=$(npm run -s token -- ava.liaison.am@example.gov) node dist/examples/typed-client/work-queue.js
 */
import { print } from 'graphql';
import { graphql } from './gql';
import type { MyWorkQueueQuery, MyWorkQueueQueryVariables } from './gql/graphql';

const MY_WORK_QUEUE = graphql(`
  query MyWorkQueue($first: Int!) {
    me {
      name
    }
    myWorkQueue(first: $first) {
      nodes {
        referenceNumber
        form
        state
        nextDueAt
        availableActions
      }
    }
  }
`);

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fieldErrors?: { field: string; message: string }[] } }[];
}

/** One typed operation over HTTP with the bearer token; GraphQL errors are thrown with their stable code. */
async function request<T>(url: string, token: string, document: Parameters<typeof print>[0], variables: object): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    const [first] = body.errors ?? [{ message: `HTTP ${response.status}` }];
    throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
  return body.data;
}

async function main(): Promise<void> {
  const url = process.env.HUB_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = process.env.HUB_TOKEN;
  if (!token) throw new Error('Set HUB_TOKEN (npm run -s token -- <e-mail>)');
  const variables: MyWorkQueueQueryVariables = { first: 20 };
  const data = await request<MyWorkQueueQuery>(url, token, MY_WORK_QUEUE, variables);
  console.log(`Work queue of ${data.me.name}: ${data.myWorkQueue.nodes.length} referral(s)`);
  for (const referral of data.myWorkQueue.nodes) {
    console.log(
      `${referral.referenceNumber}  ${referral.form}  ${referral.state}  due ${referral.nextDueAt ?? '-'}  ${referral.availableActions.join(', ')}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
