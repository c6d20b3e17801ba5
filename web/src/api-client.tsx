import { ReactNode, useLayoutEffect } from 'react';
import { cacheExchange, Client, CombinedError, fetchExchange, mapExchange, Provider } from 'urql';
import { useSession } from './session';

export function isUnauthenticated(error: CombinedError): boolean {
  return error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** What a refused token does: the session provider's `expire`, once it is mounted. */
let refused: () => void = () => undefined;

/** The current token's client: one per token, so that one person's cached answers never show to the next. */
let current: { token: string | undefined; client: Client } | null = null;

/**
 * GraphQL at /graphql on this origin with the session's bearer token. Also used before the first render (main.tsx
 * starts the home page's read with it), so it lives outside React; a refused token ends the session.
 */
export function apiClient(token: string | undefined): Client {
  if (current && current.token === token) return current.client;
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) refused();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
  current = { token, client };
  return client;
}

export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  useLayoutEffect(() => {
    refused = expire;
  }, [expire]);
  return <Provider value={apiClient(session?.token)}>{children}</Provider>;
}
