import { ApolloServerPlugin } from '@apollo/server';

/**
 * A self-contained explorer page for GET /graphql: no CDN, no external scripts, so it works on a closed
 * network (Apollo's default landing page loads from a CDN). Paste a token, write a query, run it.
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Referral Hub — GraphQL explorer</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'">
<style>
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto 1fr;height:100vh}
header{padding:8px 12px;background:#1b3a5c;color:#fff;display:flex;gap:8px;align-items:center}
header input{flex:1;font:inherit;padding:4px}
main{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:8px;min-height:0}
textarea,pre{font:13px ui-monospace,monospace;width:100%;box-sizing:border-box;margin:0;border:1px solid #ccd;padding:8px;overflow:auto}
section{display:grid;grid-template-rows:3fr 1fr;gap:8px;min-height:0}
button{font:inherit;padding:4px 14px}
</style></head>
<body>
<header><strong>Referral Hub</strong>
<input id="token" placeholder="Bearer token (npm run -s token -- you@example.gov)" autocomplete="off">
<button id="run">Run ▶</button></header>
<main><section>
<textarea id="query" spellcheck="false">{ me { name roles function { code } } myWorkQueue { referenceNumber state nextDueAt availableActions } }</textarea>
<textarea id="variables" spellcheck="false" placeholder="variables (JSON)">{}</textarea>
</section><pre id="result"></pre></main>
<script>
const $ = (id) => document.getElementById(id);
$('token').value = sessionStorage.getItem('hub-token') || '';
$('run').onclick = async () => {
  sessionStorage.setItem('hub-token', $('token').value.trim());
  let variables;
  try { variables = JSON.parse($('variables').value || '{}'); } catch (e) { $('result').textContent = 'Variables are not JSON: ' + e.message; return; }
  const response = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json',
    authorization: 'Bearer ' + $('token').value.trim() }, body: JSON.stringify({ query: $('query').value, variables }) });
  $('result').textContent = JSON.stringify(await response.json(), null, 2);
};
</script></body></html>`;

export function explorerPagePlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: PAGE };
        },
      };
    },
  };
}
