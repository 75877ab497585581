/**
 * The portal's route kit. Each module of the portal (portals/src/modules/<name>/pages.ts) declares
 * its pages — a path pattern, who may open it, and a handler that loads its data through the
 * trusted operations (typed by operations.generated.ts), acts on its form, and names the component
 * that renders it. `portals/src/modules.ts` holds the one list; `resolveRoute` finds the page for
 * a request in both routing modes (Host, /p/<slug>/), and SiteRoute.astro renders it in the
 * portal's chrome.
 */
import type { AstroCookies } from 'astro';
import { ApiError } from './api.js';
import { siteFor, type Site } from './site.js';
import { currentVisitor, SESSION_COOKIE } from './visitor.js';

/** Ids and cursors from the address bar: never anything else. */
export const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A signed token in a path (an e-member card's): base64url parts joined by dots. */
const TOKEN = /^[A-Za-z0-9._-]{1,200}$/;

export interface Redirect {
  kind: 'redirect';
  to: string;
  /** A new portal session (after sign-in), or null to end it (sign-out). */
  session?: string | null;
}

export interface PageMeta {
  title: string;
  description: string;
  /** The navigation entry the page belongs to ('' for home, '-' for none). */
  section: string;
  type?: 'website' | 'article';
}

/**
 * An Astro component (`import X from './X.astro'`). tsc reads no .astro file, so its props are the
 * handler's to get right: each component's `interface Props` types them from operations.generated.ts.
 */
export type PageComponent = (props: Record<string, unknown>) => unknown;

export interface Rendered {
  kind: 'page';
  component: PageComponent;
  props: Record<string, unknown>;
  meta: PageMeta;
}

export interface RouteContext {
  site: Site;
  /** The `:id` segment of the path, when the pattern has one ('' otherwise). */
  id: string;
  url: URL;
  req: Request;
  cookies: AstroCookies;
  /** The submitted form of a POST (read once); null for other methods. */
  form: FormData | null;
  /** A form field as a string ('' when absent). */
  field(name: string): string;
  /** A 303 to a path of this portal (`path` starts with '/'). */
  redirect(path: string, session?: string | null): Redirect;
}

export interface PageRoute {
  /** '' (home), 'news', 'news/:id', 'workspace/review' … */
  path: string;
  /** Only for signed-in members; visitors are sent to sign in. */
  signedIn?: boolean;
  /** Never kept by shared caches (forms, the workspace); a member's pages never are anyway. */
  private?: boolean;
  handle(ctx: RouteContext): Promise<Rendered | Redirect | null>;
}

/** The page a handler renders: its component with its props, and its title and description. */
export function page(component: PageComponent, props: Record<string, unknown>, meta: PageMeta): Rendered {
  return { kind: 'page', component, props, meta };
}

/** Text for a page's description from an item's summary, or a fallback. */
export const excerpt = (text: string | null | undefined, fallback: string) => (text && text.trim() ? text.trim().slice(0, 120) : fallback);

export type RouteResult =
  | { kind: 'ok'; site: Site; route: PageRoute; rendered: Rendered }
  | Redirect
  | { kind: 'not-found'; site: Site | null }
  | { kind: 'unavailable' };

function matches(pattern: string, path: string[]): { id: string } | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== path.length) return null;
  let id = '';
  for (const [i, part] of parts.entries()) {
    if (part === ':id' || part === ':token') {
      if (!(part === ':id' ? ID : TOKEN).test(path[i]!)) return null;
      id = path[i]!;
    } else if (part !== path[i]) return null;
  }
  return { id };
}

export async function resolveRoute(routes: readonly PageRoute[], req: Request, cookies: AstroCookies, slug: string | undefined, rawPath: string | undefined): Promise<RouteResult> {
  try {
    const site = await siteFor(req, slug);
    if (!site) return { kind: 'not-found', site: null };
    const path = (rawPath ?? '').split('/').filter(Boolean);
    for (const route of routes) {
      const match = matches(route.path, path);
      if (!match) continue;
      if (route.signedIn && !site.member) return { kind: 'redirect', to: `${site.base}/signin` };
      const form = req.method === 'POST' ? await req.formData() : null;
      const ctx: RouteContext = {
        site,
        id: match.id,
        url: new URL(req.url),
        req,
        cookies,
        form,
        field: (name) => String(form?.get(name) ?? ''),
        redirect: (to, session) => ({ kind: 'redirect', to: `${site.base}${to}`, ...(session !== undefined ? { session } : {}) }),
      };
      const result = await route.handle(ctx);
      if (!result) return { kind: 'not-found', site };
      return result.kind === 'redirect' ? result : { kind: 'ok', site, route, rendered: result };
    }
    return { kind: 'not-found', site };
  } catch (error) {
    if (error instanceof ApiError) {
      // A bad cursor or id from the address bar is the visitor's mistake: not found, not an outage.
      if (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND') return { kind: 'not-found', site: null };
      console.error(JSON.stringify({ msg: 'portal could not read the API', code: error.code, error: error.message }));
      return { kind: 'unavailable' };
    }
    throw error;
  }
}

/** A visitor's page, the same for every visitor: shared caches may keep it (a member's never). */
export function isShareable(result: RouteResult, method: string): result is Extract<RouteResult, { kind: 'ok' }> {
  return result.kind === 'ok' && method === 'GET' && !result.site.member && !result.route.private && !result.route.signedIn;
}

/**
 * Status and caching: browsers revalidate every public page (a change shows on the next visit);
 * shared caches may keep one a minute. Members' pages, forms and errors are never stored.
 */
export function applyRouteResponse(response: ResponseInit & { headers: Headers }, result: RouteResult, method: string): void {
  response.status = result.kind === 'ok' ? 200 : result.kind === 'not-found' ? 404 : 503;
  const cacheable = isShareable(result, method);
  response.headers.set('cache-control', cacheable ? 'public, max-age=0, s-maxage=60, stale-while-revalidate=300' : 'no-store');
  // The same address shows more to a signed-in member: caches must keep the two apart.
  response.headers.set('vary', 'Cookie');
}

/** Sets or clears the portal's session cookie after sign-in, sign-out or a refused token. */
export function applySession(cookies: AstroCookies, result: RouteResult, url: URL): void {
  const session = result.kind === 'redirect' ? result.session : undefined;
  if (typeof session === 'string') {
    cookies.set(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', path: '/', maxAge: 30 * 86_400 });
  } else if (session === null || currentVisitor()?.expired) {
    cookies.delete(SESSION_COOKIE, { path: '/' });
  }
}

/** Runs a mutation the member may be refused: FORBIDDEN/NOT_FOUND become `refusal`, anything else is thrown. */
export async function orRefused<T>(run: () => Promise<T>, refusal: string, codes: readonly string[] = ['FORBIDDEN', 'NOT_FOUND']): Promise<T | { refused: string }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && codes.includes(error.code)) return { refused: refusal };
    throw error;
  }
}
