// The big screen's live feed: publications of the portal (its slug in the query), relayed as Server-Sent Events.
import type { APIRoute } from 'astro';
import { DOCUMENTS } from '../../../lib/api.js';
import { relay } from '../../../lib/live.js';

export const GET: APIRoute = ({ request, cookies }) =>
  relay(request, cookies, 'PortalPublished', DOCUMENTS.portalLive, { slug: (new URL(request.url).searchParams.get('slug') ?? '').slice(0, 60) });
