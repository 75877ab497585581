// Files linked from content (/media/<id>/<name>), relayed from the API with the visitor's session.
import type { APIRoute } from 'astro';
import { relayFile } from '../../../lib/media.js';

export const GET: APIRoute = ({ request, cookies, params }) => relayFile(request, cookies, params.id ?? '', params.name ?? '');
