/**
 * The member spreadsheet through the portal: uploads go to the API's import endpoint, the export
 * is relayed from it — always with the visitor's own session, so the API decides what they get.
 */
import type { AstroCookies } from 'astro';
import { apiBase, bearer } from '../../lib/api.js';
import { relayDownload } from '../../lib/download.js';
import { ID } from '../../lib/route-kit.js';

export interface ImportRow {
  row: number;
  action: 'ADD' | 'UPDATE' | 'REJECT';
  name: string;
  branch: string | null;
  errors: { column: string; message: string }[];
}

export interface MemberImport {
  id: string;
  fileName: string;
  createdAt: string;
  committedAt: string | null;
  report: { add: number; update: number; reject: number; rows: ImportRow[] };
}

type Answer = { ok: true; import: MemberImport } | { ok: false; status: number; message: string };

async function call(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Answer> {
  const res = await fetch(`${apiBase()}${path}`, { ...init, signal: AbortSignal.timeout(60_000) }).catch(() => null);
  if (!res) return { ok: false, status: 503, message: '暂时无法连接服务，请稍后再试。' };
  const body = (await res.json().catch(() => null)) as (MemberImport & { errors?: { message: string }[] }) | null;
  if (res.ok && body?.id) return { ok: true, import: body };
  return { ok: false, status: res.status, message: res.status === 413 ? '文件过大（不超过 5 MB）。' : (body?.errors?.[0]?.message ?? '导入失败。') };
}

export const stageImport = async (cookies: AstroCookies, organizationId: string, file: File) =>
  call(`/members/imports?organizationId=${encodeURIComponent(organizationId)}`, {
    method: 'POST',
    headers: { ...bearer(cookies), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: new Uint8Array(await file.arrayBuffer()),
  });

export const readImport = (cookies: AstroCookies, id: string) => call(`/members/imports/${encodeURIComponent(id)}`, { headers: bearer(cookies) });

export const commitImport = (cookies: AstroCookies, id: string) => call(`/members/imports/${encodeURIComponent(id)}/commit`, { method: 'POST', headers: bearer(cookies) });

/** GET …/workspace/members/export.xlsx?organizationId=… relayed from the API. */
export async function relayExport(request: Request, cookies: AstroCookies): Promise<Response> {
  const organizationId = new URL(request.url).searchParams.get('organizationId') ?? '';
  if (!ID.test(organizationId)) return new Response('Not found', { status: 404 });
  return relayDownload(cookies, `/members/export.xlsx?organizationId=${organizationId}`);
}
