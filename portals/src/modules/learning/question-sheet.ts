/** The question spreadsheet through the portal: uploaded to the API's import endpoint with the visitor's own session. */
import type { AstroCookies } from 'astro';
import { apiBase, bearer } from '../../lib/api.js';

export interface QuestionImport {
  id: string;
  fileName: string;
  committedAt: string | null;
  created: number | null;
  report: { valid: number; invalid: number; rows: { row: number; stem: string; ok: boolean; reason: string | null }[] };
}

type Answer = { ok: true; import: QuestionImport } | { ok: false; message: string };

async function call(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Answer> {
  const res = await fetch(`${apiBase()}${path}`, { ...init, signal: AbortSignal.timeout(60_000) }).catch(() => null);
  if (!res) return { ok: false, message: '暂时无法连接服务，请稍后再试。' };
  const body = (await res.json().catch(() => null)) as (QuestionImport & { errors?: { message: string }[] }) | null;
  if (res.ok && body?.id) return { ok: true, import: body };
  return { ok: false, message: res.status === 413 ? '文件过大（不超过 5 MB）。' : (body?.errors?.[0]?.message ?? '导入失败。') };
}

export const stageQuestions = async (cookies: AstroCookies, organizationId: string, file: File) =>
  call(`/learning/question-imports?organizationId=${encodeURIComponent(organizationId)}`, {
    method: 'POST',
    headers: { ...bearer(cookies), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: new Uint8Array(await file.arrayBuffer()),
  });

export const readQuestions = (cookies: AstroCookies, id: string) => call(`/learning/question-imports/${encodeURIComponent(id)}`, { headers: bearer(cookies) });
export const commitQuestions = (cookies: AstroCookies, id: string) => call(`/learning/question-imports/${encodeURIComponent(id)}/commit`, { method: 'POST', headers: bearer(cookies) });
