// A dashboard as a spreadsheet on a portal addressed by /p/<slug>/ (the small-count rule kept).
import type { APIRoute } from 'astro';
import { relayDownload } from '../../../../../lib/download.js';
import { ID } from '../../../../../lib/route-kit.js';

export const GET: APIRoute = ({ url, cookies }) => {
  const org = url.searchParams.get('org') ?? '';
  return ID.test(org) ? relayDownload(cookies, `/dashboards/${org}.xlsx`) : new Response('Not found', { status: 404 });
};
