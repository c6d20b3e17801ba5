import { createContext, useContext } from 'react';
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

export const MeContext = createContext<Me | null>(null);

/** The signed-in employee; their function's time zone is the one due times are shown in. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in layout');
  return me;
}
