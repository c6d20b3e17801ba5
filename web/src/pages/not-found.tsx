import { Link } from 'react-router';
import { usePageTitle } from '../page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        This page is not part of the console (yet). Your work is in <Link to="/work-queue">your work queue</Link>.
      </p>
    </>
  );
}
