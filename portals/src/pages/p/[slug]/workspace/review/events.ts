// The review queue, live, for a portal chosen by path.
import type { APIRoute } from 'astro';
import { relay } from '../../../../../lib/live.js';

export const GET: APIRoute = ({ request, cookies }) => relay(request, cookies, 'ReviewQueueLive');
