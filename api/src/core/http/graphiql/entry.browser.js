// The browser side of the offline GraphiQL (bundled by build.ts; plain JS: it is not part of the API's
// TypeScript program). Monaco's workers are bundled beside it and loaded from this server, never a CDN.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

const base = new URL('./', import.meta.url);
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, base), { type: 'module' });
  },
};

const KEY = 'dangjian.graphiql.apiKey';
const keyInput = document.getElementById('api-key');
keyInput.value = sessionStorage.getItem(KEY) ?? '';
keyInput.addEventListener('change', () => {
  sessionStorage.setItem(KEY, keyInput.value.trim());
  location.reload(); // the schema is fetched again with the key
});

const endpoint = new URL(document.body.dataset.endpoint, location.href);

// Signing in runs the portals' trusted SignIn document (by id); the answer sets the session cookie.
const signIn = document.getElementById('sign-in');
const signInStatus = document.getElementById('sign-in-status');
signIn.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(signIn);
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId: document.body.dataset.signInDocument, operationName: 'SignIn', variables: { input: { login: form.get('login'), password: form.get('password') } } }),
  });
  const answer = await response.json().catch(() => ({}));
  const problem = answer.errors?.[0]?.message ?? answer.data?.signIn?.userErrors?.[0]?.message;
  if (problem || !answer.data?.signIn?.token) {
    signInStatus.textContent = problem ?? '登录失败';
    return;
  }
  location.reload(); // the schema is fetched again as the signed-in person
});
const key = keyInput.value.trim();
const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  subscriptionUrl: `${endpoint.protocol === 'https:' ? 'wss:' : 'ws:'}//${endpoint.host}${endpoint.pathname}`,
  // A pasted API key goes as a bearer token; otherwise the session cookie of a signIn run here is used.
  headers: key ? { authorization: `Bearer ${key}` } : {},
  wsConnectionParams: key ? { authorization: `Bearer ${key}` } : undefined,
});

const params = new URLSearchParams(location.search);
createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: params.get('query') ?? document.body.dataset.defaultQuery,
    initialQuery: params.get('query') ?? undefined,
    defaultEditorToolsVisibility: true,
  }),
);
