import { ReactNode, useMemo } from 'react';
import { cacheExchange, Client, CombinedError, fetchExchange, mapExchange, Provider } from 'urql';
import { useSession } from './session';

export function isUnauthenticated(error: CombinedError): boolean {
  return error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** GraphQL at /graphql on this origin with the session's bearer token; a refused token ends the session. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  const token = session?.token;
  const client = useMemo(
    () =>
      new Client({
        url: '/graphql',
        preferGetMethod: false,
        fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
        exchanges: [
          mapExchange({
            onError(error) {
              if (isUnauthenticated(error)) expire();
            },
          }),
          cacheExchange,
          fetchExchange,
        ],
      }),
    [token, expire],
  );
  return <Provider value={client}>{children}</Provider>;
}
