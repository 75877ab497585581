/**
 * A file the API serves beside /graphql (an .xlsx export), relayed with the visitor's own session,
 * so the API decides what they get; anything but 200 becomes a plain 401 or 404.
 */
import type { AstroCookies } from 'astro';
import { apiBase, bearer } from './api.js';

export async function relayDownload(cookies: AstroCookies, apiPath: string): Promise<Response> {
  const upstream = await fetch(`${apiBase()}${apiPath}`, { headers: bearer(cookies) }).catch(() => null);
  if (!upstream) return new Response('Unavailable', { status: 503 });
  if (upstream.status !== 200) return new Response(upstream.status === 401 ? 'Sign in first' : 'Not found', { status: upstream.status === 401 ? 401 : 404 });
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const h of ['content-type', 'content-length', 'content-disposition']) {
    const value = upstream.headers.get(h);
    if (value) headers.set(h, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
