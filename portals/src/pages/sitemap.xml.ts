// The sitemap of a portal chosen by the Host header.
import type { APIRoute } from 'astro';
import { sitemap } from '../lib/feeds.js';

export const GET: APIRoute = ({ request }) => sitemap(request);
