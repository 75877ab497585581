/** What a portal route needs: the outcome of loading its data, and the HTTP status it maps to. */
import { ApiError, type PortalHome } from './api.js';
import { loadHome, type HomeData } from './home.js';

export type HomeResult = { kind: 'ok'; data: HomeData } | { kind: 'not-found' } | { kind: 'unavailable' };

export async function loadHomeRoute(find: () => Promise<PortalHome | null>): Promise<HomeResult> {
  try {
    const portal = await find();
    return portal ? { kind: 'ok', data: await loadHome(portal) } : { kind: 'not-found' };
  } catch (error) {
    if (error instanceof ApiError) {
      console.error(JSON.stringify({ msg: 'portal could not read the API', code: error.code, error: error.message }));
      return { kind: 'unavailable' };
    }
    throw error;
  }
}

export function applyResponse(response: ResponseInit & { headers: Headers }, result: HomeResult): void {
  response.status = result.kind === 'ok' ? 200 : result.kind === 'not-found' ? 404 : 503;
  // Public pages are cacheable for a short while; publication-driven invalidation comes with content.
  response.headers.set('cache-control', result.kind === 'ok' ? 'public, max-age=60, stale-while-revalidate=300' : 'no-store');
}
