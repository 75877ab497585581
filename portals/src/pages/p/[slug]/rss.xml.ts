// RSS of a portal's news, chosen by path.
import type { APIRoute } from 'astro';
import { rss } from '../../../lib/feeds.js';

export const GET: APIRoute = ({ request, params }) => rss(request, params.slug ?? '');
