// The big screen's live feed on a portal addressed by /p/<slug>/: its publications as Server-Sent Events.
import type { APIRoute } from 'astro';
import { DOCUMENTS } from '../../../../../lib/api.js';
import { relay } from '../../../../../lib/live.js';

export const GET: APIRoute = ({ request, cookies, params }) => relay(request, cookies, 'PortalPublished', DOCUMENTS.portalLive, { slug: String(params.slug ?? '').slice(0, 60) });
