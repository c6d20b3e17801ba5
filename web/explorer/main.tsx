// GraphiQL for GET /graphql, bundled by Vite with its Monaco editors and their workers (no CDN: works on a closed
// network). The hub serves it only where the explorer is enabled (GRAPHQL_EXPLORER).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { ComponentProps, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** POST to this hub's /graphql with the headers of the headers editor (the bearer token goes there). */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const DEFAULT_HEADERS = `{
  "Authorization": "Bearer <token: npm run -s token -- you@example.gov>"
}`;

const DEFAULT_QUERY = `# The hub's API. Put your bearer token in Headers (below), then run with Ctrl-Enter.
{
  me { name roles function { code } }
  myWorkQueue(first: 20) { referenceNumber form state nextDueAt availableActions }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
    />
  </StrictMode>,
);
