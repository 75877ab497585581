// The big screen's sign-in counter: sign-ins to the meetings of the chosen organisation's subtree, as Server-Sent Events.
import type { APIRoute } from 'astro';
import { DOCUMENTS } from '../../../lib/api.js';
import { relay } from '../../../lib/live.js';

export const GET: APIRoute = ({ request, cookies }) => relay(request, cookies, 'MeetingSignIns', DOCUMENTS.dashboards, { organizationId: (new URL(request.url).searchParams.get('org') ?? '').slice(0, 64) });
