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
