/**
 * Rendered pages by what they show. A visitor's page whose address, route and loaded data are the
 * same as a moment ago renders to the same HTML, so it is served again without rendering: the
 * data is in the key, so a publication or an edit (which changes what the API answers) makes a new
 * key at once. Entries live at most a minute — what shared caches may keep a page anyway
 * (s-maxage=60) — for the little a page takes from the clock, and their number is bounded. An
 * entry keeps the page as bytes with its validator, so a repeat costs neither encoding nor hashing.
 * Members' pages, forms and errors are never memoised (see isShareable).
 */
import { createHash } from 'node:crypto';
import { isShareable, type RouteResult } from './route-kit.js';
import { currentVisitor } from './visitor.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = Number(process.env.PORTAL_RENDER_MEMO_ENTRIES ?? 500);

export interface RenderedPage {
  body: Uint8Array<ArrayBuffer>;
  /** A weak validator of the body (the middleware answers If-None-Match with it). */
  etag: string;
}

const memo = new Map<string, RenderedPage & { at: number }>();
const utf8 = new TextEncoder();

/** The page as bytes with its validator. */
export function pageOf(html: string): RenderedPage {
  const body = utf8.encode(html);
  return { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * The key of a page that may be memoised, or null: everything the page is rendered from, as JSON
 * (a Map hashes a string key itself, faster than a digest of it would be).
 */
export function renderKey(result: RouteResult, url: URL, method: string): string | null {
  if (MAX_ENTRIES <= 0 || result.kind !== 'ok' || !isShareable(result, method)) return null;
  // A request that brought a session cookie (one that turned out expired, say) goes the long way:
  // its response also clears the cookie.
  if (currentVisitor()?.token) return null;
  const { site, route, rendered } = result;
  return JSON.stringify([url.host, url.pathname, url.search, route.path, site, rendered.props, rendered.meta]);
}

export function recall(key: string): RenderedPage | undefined {
  const hit = memo.get(key);
  if (!hit) return undefined;
  if (Date.now() - hit.at > TTL_MS) {
    memo.delete(key);
    return undefined;
  }
  return hit;
}

export function remember(key: string, page: RenderedPage): void {
  memo.delete(key);
  memo.set(key, { ...page, at: Date.now() });
  // A Map iterates in insertion order: the first key is the oldest.
  while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

/**
 * For a page's frontmatter: the memoised page as a response (with the headers the route set and
 * its validator), or null — then the page renders, and `locals.renderKey` tells the middleware to
 * keep it.
 */
export function fromMemo(result: RouteResult, astro: { url: URL; request: Request; response: { headers: Headers }; locals: App.Locals }): Response | null {
  const key = renderKey(result, astro.url, astro.request.method);
  if (!key) return null;
  const page = recall(key);
  if (!page) {
    astro.locals.renderKey = key;
    return null;
  }
  const headers = new Headers(astro.response.headers);
  headers.set('content-type', 'text/html');
  headers.set('etag', page.etag);
  headers.set('x-render', 'memo'); // for operators and tests: this page was not rendered again
  return new Response(page.body, { status: 200, headers });
}
