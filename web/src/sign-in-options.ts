import { useEffect, useState } from 'react';
import type { OidcSettings } from './oidc';

/** How this hub lets people sign in (GET /sign-in-options): the development demo list, OIDC, or both. */
export interface SignInOptions {
  development: boolean;
  oidc: OidcSettings | null;
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

export function useSignInOptions(): Loaded<SignInOptions> {
  const [options, setOptions] = useState<Loaded<SignInOptions>>({ state: 'loading' });
  useEffect(() => {
    fetch('/sign-in-options', { headers: { accept: 'application/json' } })
      .then(async (response) =>
        setOptions(response.ok ? { state: 'ready', value: (await response.json()) as SignInOptions } : { state: 'failed' }),
      )
      .catch(() => setOptions({ state: 'failed' }));
  }, []);
  return options;
}
