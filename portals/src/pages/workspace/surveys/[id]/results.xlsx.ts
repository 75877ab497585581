// A survey's results as a spreadsheet, relayed from the API with the visitor's own session (its owners only).
import type { APIRoute } from 'astro';
import { relayDownload } from '../../../../lib/download.js';
import { ID } from '../../../../lib/route-kit.js';

export const GET: APIRoute = ({ params, cookies }) => (ID.test(String(params.id)) ? relayDownload(cookies, `/surveys/${params.id}/results.xlsx`) : new Response('Not found', { status: 404 }));
