import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from './alert';
import { MeContext, MeDocument, useMeState } from './me';
import { ReferenceLookup } from './reference-lookup';
import { useSession } from './session';
import type { Role } from './gql/graphql';

function GovernmentBanner() {
  return (
    <section className="usa-banner" aria-label="Official website of the United States government">
      <div className="usa-banner__header">
        <div className="usa-banner__inner">
          <p className="usa-banner__header-text">An official website of the United States government</p>
        </div>
      </div>
    </section>
  );
}

/**
 * The pages a person's roles make useful, as links. Navigation only: each page asks the API, which decides what
 * the person may see and do (anyone may open any page and gets a clear "you may not" if so).
 */
const ROLE_PAGES: [to: string, label: string, roles: readonly Role[]][] = [
  ['/tecs', 'TECS queue', ['TECS_COORDINATOR']],
  ['/investigations', 'OIs', ['TECS_COORDINATOR', 'GROUP_MANAGER', 'REVENUE_OFFICER']],
  ['/lookouts', 'Lookouts', ['TECS_COORDINATOR', 'GROUP_MANAGER', 'REVENUE_OFFICER', 'CRIMINAL_INVESTIGATION']],
  ['/past-travel', 'Past travel', ['TECS_COORDINATOR', 'GROUP_MANAGER', 'REVENUE_OFFICER']],
  ['/customs-requests', 'Customs requests', ['DISCLOSURE_OFFICER']],
  ['/disclosure-accounting', 'Disclosure accounting', ['DISCLOSURE_OFFICER', 'AUDITOR', 'ADMIN']],
  ['/admin/sla-report', 'SLA report', ['ADMIN', 'MANAGER']],
  ['/admin/closures', 'Closures', ['ADMIN']],
  ['/admin/failed-notifications', 'Failed notices', ['ADMIN']],
  ['/admin/access-audit', 'Access audit', ['ADMIN', 'AUDITOR']],
];

function navFor(roles: readonly Role[]): [string, string][] {
  return ROLE_PAGES.filter(([, , wanted]) => wanted.some((role) => roles.includes(role))).map(([to, label]) => [to, label]);
}

export function Layout() {
  const { signOut } = useSession();
  const [{ data, error }] = useQuery({ query: MeDocument });
  const me = useMeState(data?.me);
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <GovernmentBanner />
      <header className="usa-header usa-header--basic">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <NavLink to="/">Referral Hub</NavLink>
              </em>
            </div>
          </div>
          <nav aria-label="Primary" className="usa-nav">
            <ul className="usa-nav__primary usa-accordion">
              <li className="usa-nav__primary-item">
                <NavLink className="usa-nav-link" to="/work-queue">
                  My work queue
                </NavLink>
              </li>
              <li className="usa-nav__primary-item">
                <NavLink className="usa-nav-link" to="/referrals" end>
                  Referrals
                </NavLink>
              </li>
              <li className="usa-nav__primary-item">
                <NavLink className="usa-nav-link" to="/referrals/new">
                  File a referral
                </NavLink>
              </li>
              {navFor(data?.me.roles ?? []).map(([to, label]) => (
                <li key={to} className="usa-nav__primary-item">
                  <NavLink className="usa-nav-link" to={to}>
                    {label}
                  </NavLink>
                </li>
              ))}
              <li className="usa-nav__primary-item">
                <button type="button" className="usa-button usa-button--unstyled usa-nav-link" onClick={signOut}>
                  Sign out{data ? ` ${data.me.name}` : ''}
                </button>
              </li>
            </ul>
          </nav>
        </div>
        <div className="usa-nav-container">
          <ReferenceLookup />
        </div>
      </header>
      <main id="main-content" className="grid-container padding-bottom-5" tabIndex={-1}>
        {error ? (
          <ApiErrorAlert error={error} />
        ) : (
          <MeContext.Provider value={me}>
            <Suspense fallback={<p aria-live="polite">Loading the page…</p>}>
              <Outlet />
            </Suspense>
          </MeContext.Provider>
        )}
      </main>
    </>
  );
}
