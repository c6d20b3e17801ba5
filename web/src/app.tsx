import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiProvider } from './api-client';
import { Layout } from './layout';
import { FileReferralPage } from './pages/file-referral';
import { NotFoundPage } from './pages/not-found';
import { ReferralPage } from './pages/referral';
import { OverdueReferralsPage, ReferralsPage } from './pages/referral-lists';
import { SignInPage } from './pages/sign-in';
import { SignInCallbackPage } from './pages/sign-in-callback';
import { WorkQueuePage } from './pages/work-queue';
import { CoordinatorQueuePage } from './pages/tecs/coordinator-queue';
import { CrossingPage } from './pages/tecs/crossing';
import { InvestigationPage } from './pages/tecs/investigation';
import { InvestigationsPage } from './pages/tecs/investigations';
import { LookoutPage } from './pages/tecs/lookout';
import { LookoutsPage } from './pages/tecs/lookouts';
import { AccessAuditPage } from './pages/admin/access-audit';
import { ClosuresPage } from './pages/admin/closures';
import { FailedNotificationsPage } from './pages/admin/failed-notifications';
import { SlaReportPage } from './pages/admin/sla-report';
import { LookoutRequestPage } from './pages/tecs/lookout-request';
import { CustomsRequestPage } from './pages/disclosure/customs-request';
import { CustomsRequestFormPage } from './pages/disclosure/customs-request-form';
import { CustomsRequestsPage } from './pages/disclosure/customs-requests';
import { DisclosureAccountingPage } from './pages/disclosure/disclosure-accounting';
import { PastTravelFormPage } from './pages/disclosure/past-travel-form';
import { PastTravelRequestPage } from './pages/disclosure/past-travel-request';
import { PastTravelRequestsPage } from './pages/disclosure/past-travel-requests';
import { rememberReturnTo, SessionProvider, useSession } from './session';
import { LiveProvider } from './live';

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
