import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../alert';
import { usePageTitle } from '../page-title';
import { useSession } from '../session';
import { useSignInOptions } from '../sign-in-options';

/** The provider sends the browser back here with a code; the token it is traded for never enters a URL. */
export function SignInCallbackPage() {
  usePageTitle('Signing in');
  const { signIn } = useSession();
  const options = useSignInOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (options.state !== 'ready' || started.current) return;
    started.current = true;
    const { oidc } = options.value;
    if (!oidc) return setFailure('This hub names no identity provider.');
    // The OpenID Connect code is loaded only by the two pages that use it, keeping it out of every other first visit.
    import('../oidc')
      .then(({ finishOidcSignIn }) => finishOidcSignIn(oidc, new URL(window.location.href)))
      .then(signIn)
      .catch(() => setFailure('The identity provider did not sign you in.'));
  }, [options, signIn]);

  return (
    <main id="main-content" className="grid-container padding-y-5">
      <h1>Signing in…</h1>
      {failure && (
        <Alert kind="error">
          <p className="usa-alert__text">
            {failure} <Link to="/sign-in">Try again</Link>.
          </p>
        </Alert>
      )}
    </main>
  );
}
