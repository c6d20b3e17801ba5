import { FormEvent, useEffect, useState } from 'react';
import { Alert } from '../alert';
import { usePageTitle } from '../page-title';
import { useSession } from '../session';
import { useSignInOptions } from '../sign-in-options';

interface DemoEmployee {
  id: string;
  name: string;
  email: string;
  functionCode: string;
}

/** Development: pick a demo employee; the hub's development-only endpoint issues their token. */
function DemoSignIn() {
  const { signIn } = useSession();
  const [employees, setEmployees] = useState<DemoEmployee[] | null>(null);
  const [employeeId, setEmployeeId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetch('/dev-sign-in/employees', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        const listed = response.ok ? ((await response.json()) as { employees: DemoEmployee[] }).employees : [];
        setEmployees(listed);
        setEmployeeId((current) => current || listed[0]?.id || '');
      })
      .catch(() => setFailure('The hub cannot be reached.'));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await fetch('/dev-sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ employeeId }),
    });
    if (!response.ok) return setFailure('The hub refused this sign-in. Pick another employee.');
    signIn((await response.json()) as { token: string; expiresAt: string });
  }

  if (!employees) return <p>{failure ?? 'Loading the demo employees…'}</p>;
  return (
    <form className="usa-form usa-form--large" onSubmit={submit}>
      <h2>Development sign-in</h2>
      <p>Pick a demo employee. The hub issues a token for them as `npm run token` would.</p>
      {failure && (
        <span className="usa-error-message" role="alert">
          {failure}
        </span>
      )}
      <label className="usa-label" htmlFor="employee">
        Demo employee
      </label>
      <select className="usa-select" id="employee" value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
        {employees.map((e) => (
          <option key={e.id} value={e.id}>
            {e.email} — {e.name} ({e.functionCode})
          </option>
        ))}
      </select>
      <button className="usa-button margin-top-3" type="submit">
        Sign in
      </button>
    </form>
  );
}

/**
 * Sign-in: with the agency's identity provider (OIDC, when the hub names one) and, outside production, the
 * development demo list.
 */
export function SignInPage() {
  usePageTitle('Sign in');
  const { ended } = useSession();
  const options = useSignInOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const oidc = options.state === 'ready' ? options.value.oidc : null;

  return (
    <main id="main-content" className="grid-container padding-y-5">
      <h1>Sign in to the Referral Hub</h1>
      {ended === 'expired' && (
        <Alert kind="warning" slim>
          <p className="usa-alert__text">
            Your sign-in has expired. Sign in again to go back to the page you were on; what you typed is kept.
          </p>
        </Alert>
      )}
      {options.state === 'loading' && <p>Loading…</p>}
      {options.state === 'failed' && <p>The hub cannot be reached. Try again in a moment.</p>}
      {oidc && (
        <>
          {failure && (
            <Alert kind="error">
              <p className="usa-alert__text">{failure}</p>
            </Alert>
          )}
          <button
            type="button"
            className="usa-button usa-button--big"
            onClick={() =>
              import('../oidc')
                .then(({ startOidcSignIn }) => startOidcSignIn(oidc))
                .catch(() => setFailure('The identity provider cannot be reached. Try again in a moment.'))
            }
          >
            Sign in with your agency account
          </button>
        </>
      )}
      {options.state === 'ready' && options.value.development && <DemoSignIn />}
      {options.state === 'ready' && !oidc && !options.value.development && (
        <p>This hub names no identity provider (OIDC_ISSUER, OIDC_CLIENT_ID): ask its administrator.</p>
      )}
    </main>
  );
}
