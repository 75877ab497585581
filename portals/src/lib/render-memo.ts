/**
 * Rendered pages by what they show. A visitor's page whose address, route and loaded data are the
 * same as a moment ago renders to the same HTML, so it is served again without rendering: the
 * data is in the key, so a publication or an edit (which changes what the API answers) makes a new
 * key at once. Entries live at most a minute — what shared caches may keep a page anyway
 * (s-maxage=60) — for the little a page takes from the clock, and their number is bounded.
 * Members' pages, forms and errors are never memoised (see isShareable).
 */
import { createHash } from 'node:crypto';
import { isShareable, type RouteResult } from './route-kit.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = Number(process.env.PORTAL_RENDER_MEMO_ENTRIES ?? 500);
const memo = new Map<string, { html: string; at: number }>();

/** The key of a page that may be memoised, or null. */
export function renderKey(result: RouteResult, url: URL, method: string): string | null {
  if (MAX_ENTRIES <= 0 || result.kind !== 'ok' || !isShareable(result, method)) return null;
  const { site, route, rendered } = result;
  return createHash('sha256').update(JSON.stringify([url.host, url.pathname, url.search, route.path, site, rendered.props, rendered.meta])).digest('base64url');
}

export function recall(key: string): string | undefined {
  const hit = memo.get(key);
  if (!hit) return undefined;
  if (Date.now() - hit.at > TTL_MS) {
    memo.delete(key);
    return undefined;
  }
  return hit.html;
}

export function remember(key: string, html: string): void {
  memo.delete(key);
  memo.set(key, { html, at: Date.now() });
  // A Map iterates in insertion order: the first key is the oldest.
  while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

/**
 * For a page's frontmatter: the memoised page as a response (with the headers the route set), or
 * null — then the page renders, and `locals.renderKey` tells the middleware to keep the HTML.
 */
export function fromMemo(result: RouteResult, astro: { url: URL; request: Request; response: { headers: Headers }; locals: App.Locals }): Response | null {
  const key = renderKey(result, astro.url, astro.request.method);
  if (!key) return null;
  const html = recall(key);
  if (html === undefined) {
    astro.locals.renderKey = key;
    return null;
  }
  const headers = new Headers(astro.response.headers);
  headers.set('content-type', 'text/html');
  headers.set('x-render', 'memo'); // for operators and tests: this page was not rendered again
  return new Response(html, { status: 200, headers });
}
