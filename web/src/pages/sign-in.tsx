import { FormEvent, useEffect, useState } from 'react';
import { Alert } from '../alert';
import { usePageTitle } from '../page-title';
import { useSession } from '../session';

interface DemoEmployee {
  id: string;
  name: string;
  email: string;
  functionCode: string;
  roles: string[];
}

type Listing = { state: 'loading' } | { state: 'ready'; employees: DemoEmployee[] } | { state: 'unavailable' };

/**
 * Development sign-in: pick a demo employee; the hub's development-only endpoint issues their token. A hub in
 * production has no such endpoint (and this console has no OpenID Connect sign-in yet), so it says so.
 */
export function SignInPage() {
  usePageTitle('Sign in');
  const { signIn, ended } = useSession();
  const expired = ended === 'expired';
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [employeeId, setEmployeeId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetch('/dev-sign-in/employees', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return setListing({ state: 'unavailable' });
        const { employees } = (await response.json()) as { employees: DemoEmployee[] };
        setListing({ state: 'ready', employees });
        setEmployeeId((current) => current || employees[0]?.id || '');
      })
      .catch(() => setListing({ state: 'unavailable' }));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (listing.state !== 'ready') return;
    const employee = listing.employees.find((e) => e.id === employeeId);
    if (!employee) return setFailure('Pick a demo employee.');
    const response = await fetch('/dev-sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ employeeId }),
    });
    if (!response.ok) return setFailure('The hub refused this sign-in. Pick another employee.');
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    signIn({ token, expiresAt, name: employee.name, email: employee.email });
  }

  return (
    <main id="main-content" className="grid-container padding-y-5">
      <h1>Sign in to the Referral Hub</h1>
      {expired && (
        <Alert kind="warning" slim>
          <p className="usa-alert__text">Your sign-in has expired. Sign in again to go back to the page you were on; what you typed is kept.</p>
        </Alert>
      )}
      {listing.state === 'loading' && <p>Loading the demo employees…</p>}
      {listing.state === 'unavailable' && (
        <p>
          This hub offers no development sign-in (it runs in production). Sign-in with the agency's identity provider is
          not part of this console yet: see the README's "Web console" section.
        </p>
      )}
      {listing.state === 'ready' && (
        <form className="usa-form usa-form--large" onSubmit={submit}>
          <p>Development: pick a demo employee. The hub issues a token for them as `npm run token` would.</p>
          {failure && (
            <span className="usa-error-message" role="alert">
              {failure}
            </span>
          )}
          <label className="usa-label" htmlFor="employee">
            Demo employee
          </label>
          <select className="usa-select" id="employee" value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
            {listing.employees.map((e) => (
              <option key={e.id} value={e.id}>
                {e.email} — {e.name} ({e.functionCode})
              </option>
            ))}
          </select>
          <button className="usa-button margin-top-3" type="submit">
            Sign in
          </button>
        </form>
      )}
    </main>
  );
}
