/**
 * Every page renders inside its visitor's context (lib/visitor.ts). Shareable pages get an ETag
 * of their content: a browser revalidating (they all do: max-age=0) gets a 304 while nothing on
 * the page changed, and the new page as soon as something was published or edited. A page the
 * route marked for it is memoised by what it shows (lib/render-memo.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { pageOf, remember } from './lib/render-memo.js';
import { SESSION_COOKIE, visitor } from './lib/visitor.js';

export const onRequest = defineMiddleware(async (context, next) => {
  let address: string | null = null;
  try {
    address = context.clientAddress;
  } catch {
    // Not known (e.g. prerendering): the API sees the portal server's address.
  }
  const token = context.cookies.get(SESSION_COOKIE)?.value ?? null;
  const response = await visitor.run({ address, token: token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null }, next);
  const shareable = context.request.method === 'GET' && response.status === 200 && (response.headers.get('cache-control') ?? '').startsWith('public') && (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (!shareable) return response;
  const conditional = context.request.headers.get('if-none-match');
  // A memoised page (lib/render-memo.ts) comes with its validator.
  const memoised = response.headers.get('x-render') === 'memo' ? response.headers.get('etag') : null;
  if (memoised) return conditional === memoised ? new Response(null, { status: 304, headers: response.headers }) : response;
  const page = pageOf(await response.text());
  if (context.locals.renderKey) remember(context.locals.renderKey, page);
  const headers = new Headers(response.headers);
  headers.set('etag', page.etag);
  if (conditional === page.etag) return new Response(null, { status: 304, headers });
  return new Response(page.body, { status: 200, headers });
});
