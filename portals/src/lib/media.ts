/**
 * Files on the portals. Bodies link files as /media/<id>/<name> (the API's file endpoint): the
 * portal relays them with the visitor's session, so members see the files they may read and
 * visitors only public ones; uploads from the editor go to the API the same way.
 */
import type { AstroCookies } from 'astro';
import { apiBase, bearer } from './api.js';

export async function relayFile(request: Request, cookies: AstroCookies, id: string, name: string): Promise<Response> {
  if (!/^\d{1,15}$/.test(id)) return new Response('Not found', { status: 404 });
  const upstream = await fetch(`${apiBase()}/media/${id}/${encodeURIComponent(name)}`, {
    headers: { ...bearer(cookies), ...(request.headers.get('if-none-match') ? { 'if-none-match': request.headers.get('if-none-match')! } : {}) },
  }).catch(() => null);
  if (!upstream) return new Response('Unavailable', { status: 503 });
  const headers = new Headers();
  for (const h of ['content-type', 'content-length', 'content-disposition', 'cache-control', 'etag', 'x-content-type-options']) {
    const value = upstream.headers.get(h);
    if (value) headers.set(h, value);
  }
  return new Response(upstream.status === 200 ? upstream.body : null, { status: upstream.status === 200 || upstream.status === 304 ? upstream.status : 404, headers });
}

/** Uploads a file for an organisation (the API sniffs its type); answers its id and URL, or the HTTP status. */
export async function uploadFile(cookies: AstroCookies, organizationId: string, file: File): Promise<{ id: string; url: string } | { status: number }> {
  const res = await fetch(`${apiBase()}/media?organizationId=${encodeURIComponent(organizationId)}`, {
    method: 'POST',
    headers: { ...bearer(cookies), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: new Uint8Array(await file.arrayBuffer()),
  });
  const body = (await res.json().catch(() => null)) as { id?: string; url?: string } | null;
  return res.status === 201 && body?.id && body.url ? { id: body.id, url: body.url } : { status: res.status };
}

/** Uploads an image for an organisation; answers its URL, or a message to show. */
export async function uploadImage(cookies: AstroCookies, organizationId: string, file: File): Promise<{ url: string } | { error: string }> {
  const uploaded = await uploadFile(cookies, organizationId, file);
  if ('url' in uploaded) return { url: uploaded.url };
  return { error: uploaded.status === 413 ? '图片过大（不超过 10 MB）。' : '只能上传 JPEG、PNG、GIF 或 WebP 图片。' };
}
