// A portal's sitemap, chosen by path.
import type { APIRoute } from 'astro';
import { sitemap } from '../../../lib/feeds.js';

export const GET: APIRoute = ({ request, params }) => sitemap(request, params.slug ?? '');
