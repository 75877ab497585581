// The icon, served by the handler itself (it serves no static directory).
import type { APIRoute } from 'astro';

const ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#b3121b\"/><path d=\"M9 22h14v2H9zM16 7l6 10H10z\" fill=\"#d4af37\"/></svg>\n";

export const GET: APIRoute = () => new Response(ICON, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
