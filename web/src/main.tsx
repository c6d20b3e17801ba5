import '@uswds/uswds/css/uswds.min.css';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { openLiveStreamEarly } from './live';
import { storedSession } from './session';

const session = storedSession();
if (session && !window.location.pathname.startsWith('/sign-in')) openLiveStreamEarly(session.token);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
