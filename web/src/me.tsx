import { createContext, use, useContext, useMemo, useState } from 'react';
import type { MeQuery } from './gql/graphql';
import { graphql } from './documents';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      email
      roles
      function {
        id
        code
        name
        timeZone
      }
    }
  }
`);

export type Me = MeQuery['me'];

/** The signed-in employee once known, and a promise of their first arrival. */
export interface MeState {
  current: Me | null;
  arrival: Promise<Me>;
}

export const MeContext = createContext<MeState | null>(null);

/**
 * The layout's state of the signed-in employee. The layout renders its page at once, before `Me` has answered, so a page
 * that does not need the employee (the work queue) sends its own request beside `Me`; a page that does suspends in
 * `useMe` until the answer.
 */
export function useMeState(me: Me | undefined): MeState {
  const [deferred] = useState(() => {
    let resolve: (me: Me) => void = () => undefined;
    const arrival = new Promise<Me>((settle) => (resolve = settle));
    return { arrival, resolve };
  });
  // Idempotent (a promise settles once), so it may run during render: the suspended pages wake as soon as it does.
  if (me) deferred.resolve(me);
  return useMemo(() => ({ current: me ?? null, arrival: deferred.arrival }), [me, deferred]);
}

/** The signed-in employee; their function's time zone is the one due times are shown in. Suspends until `Me` answers. */
export function useMe(): Me {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside the signed-in layout');
  return state.current ?? use(state.arrival);
}
