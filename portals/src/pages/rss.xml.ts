// RSS of the news of a portal chosen by the Host header.
import type { APIRoute } from 'astro';
import { rss } from '../lib/feeds.js';

export const GET: APIRoute = ({ request }) => rss(request);
