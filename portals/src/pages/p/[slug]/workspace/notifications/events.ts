// The bell, live, for a portal chosen by path.
import type { APIRoute } from 'astro';
import { DOCUMENTS } from '../../../../../lib/api.js';
import { relay } from '../../../../../lib/live.js';

export const GET: APIRoute = ({ request, cookies }) => relay(request, cookies, 'NotificationLive', DOCUMENTS.notifications);
