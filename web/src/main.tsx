import '@uswds/uswds/css/uswds.min.css';
import './console.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { apiClient } from './api-client';
import { App } from './app';
import { openLiveStreamEarly } from './live-stream';
import { isWorkQueuePath, prefetchWorkQueue } from './pages/work-queue';
import { storedSession } from './session';

// Render as you fetch: a signed-in tab's stream opens while React starts, and the home page's read goes out as soon as
// the stream is ready (a live page's first read waits for it), so the hub answers it while React renders the page.
const session = storedSession();
if (session && !window.location.pathname.startsWith('/sign-in')) {
  const stream = openLiveStreamEarly(session.token);
  if (isWorkQueuePath(window.location.pathname)) void stream.ready.then(() => prefetchWorkQueue(apiClient(session.token)));
}

// The first render as a transition: React yields to the browser every few milliseconds instead of holding the main
// thread until the whole page is built, so the stream's `ready` (and with it the work queue's read) is not kept waiting.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  ),
);
