import { ComponentType, lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiProvider } from './api-client';
import { Layout } from './layout';
import { NotFoundPage } from './pages/not-found';
import { SignInPage } from './pages/sign-in';
import { SignInCallbackPage } from './pages/sign-in-callback';
import { WorkQueuePage } from './pages/work-queue';
import { rememberReturnTo, SessionProvider, useSession } from './session';
import { LiveProvider } from './live';

/**
 * Every page but the home page (the work queue), sign-in and "not found" is its own chunk, loaded when first opened:
 * the first screen parses only its own code (the layout shows "Loading the page…" meanwhile).
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const FileReferralPage = lazyPage(() => import('./pages/file-referral'), 'FileReferralPage');
const ReferralPage = lazyPage(() => import('./pages/referral'), 'ReferralPage');
const OverdueReferralsPage = lazyPage(() => import('./pages/referral-lists'), 'OverdueReferralsPage');
const ReferralsPage = lazyPage(() => import('./pages/referral-lists'), 'ReferralsPage');
const CoordinatorQueuePage = lazyPage(() => import('./pages/tecs/coordinator-queue'), 'CoordinatorQueuePage');
const CrossingPage = lazyPage(() => import('./pages/tecs/crossing'), 'CrossingPage');
const InvestigationPage = lazyPage(() => import('./pages/tecs/investigation'), 'InvestigationPage');
const InvestigationsPage = lazyPage(() => import('./pages/tecs/investigations'), 'InvestigationsPage');
const LookoutPage = lazyPage(() => import('./pages/tecs/lookout'), 'LookoutPage');
const LookoutsPage = lazyPage(() => import('./pages/tecs/lookouts'), 'LookoutsPage');
const AccessAuditPage = lazyPage(() => import('./pages/admin/access-audit'), 'AccessAuditPage');
const ClosuresPage = lazyPage(() => import('./pages/admin/closures'), 'ClosuresPage');
const FailedNotificationsPage = lazyPage(() => import('./pages/admin/failed-notifications'), 'FailedNotificationsPage');
const SlaReportPage = lazyPage(() => import('./pages/admin/sla-report'), 'SlaReportPage');
const LookoutRequestPage = lazyPage(() => import('./pages/tecs/lookout-request'), 'LookoutRequestPage');
const CustomsRequestPage = lazyPage(() => import('./pages/disclosure/customs-request'), 'CustomsRequestPage');
const CustomsRequestFormPage = lazyPage(() => import('./pages/disclosure/customs-request-form'), 'CustomsRequestFormPage');
const CustomsRequestsPage = lazyPage(() => import('./pages/disclosure/customs-requests'), 'CustomsRequestsPage');
const DisclosureAccountingPage = lazyPage(() => import('./pages/disclosure/disclosure-accounting'), 'DisclosureAccountingPage');
const PastTravelFormPage = lazyPage(() => import('./pages/disclosure/past-travel-form'), 'PastTravelFormPage');
const PastTravelRequestPage = lazyPage(() => import('./pages/disclosure/past-travel-request'), 'PastTravelRequestPage');
const PastTravelRequestsPage = lazyPage(() => import('./pages/disclosure/past-travel-requests'), 'PastTravelRequestsPage');

/** Every other page needs a signed-in person: anyone else signs in first and comes back here. */
function SignedIn() {
  const { session, ended } = useSession();
  const location = useLocation();
  if (!session) {
    if (ended !== 'signed-out') rememberReturnTo(location.pathname + location.search);
    return <Navigate to="/sign-in" replace />;
  }
  return (
    <LiveProvider>
      <Layout />
    </LiveProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <ApiProvider>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-in/callback" element={<SignInCallbackPage />} />
          <Route element={<SignedIn />}>
            <Route index element={<WorkQueuePage />} />
            <Route path="work-queue" element={<WorkQueuePage />} />
            <Route path="referrals/new" element={<FileReferralPage />} />
            <Route path="referrals" element={<ReferralsPage />} />
            <Route path="referrals/overdue" element={<OverdueReferralsPage />} />
            <Route path="referrals/:id" element={<ReferralPage />} />
            <Route path="tecs" element={<CoordinatorQueuePage />} />
            <Route path="crossings/:id" element={<CrossingPage />} />
            <Route path="investigations" element={<InvestigationsPage />} />
            <Route path="investigations/:id" element={<InvestigationPage />} />
            <Route path="lookouts" element={<LookoutsPage />} />
            <Route path="lookouts/new" element={<LookoutRequestPage />} />
            <Route path="lookouts/:id" element={<LookoutPage />} />
            <Route path="customs-requests" element={<CustomsRequestsPage />} />
            <Route path="customs-requests/new" element={<CustomsRequestFormPage />} />
            <Route path="customs-requests/:id" element={<CustomsRequestPage />} />
            <Route path="past-travel" element={<PastTravelRequestsPage />} />
            <Route path="past-travel/new" element={<PastTravelFormPage />} />
            <Route path="past-travel/:id" element={<PastTravelRequestPage />} />
            <Route path="disclosure-accounting" element={<DisclosureAccountingPage />} />
            <Route path="admin/closures" element={<ClosuresPage />} />
            <Route path="admin/sla-report" element={<SlaReportPage />} />
            <Route path="admin/failed-notifications" element={<FailedNotificationsPage />} />
            <Route path="admin/access-audit" element={<AccessAuditPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </ApiProvider>
    </SessionProvider>
  );
}
