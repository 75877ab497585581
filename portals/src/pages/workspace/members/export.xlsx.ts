// The member spreadsheet, relayed from the API with the visitor's session (Host routing).
import type { APIRoute } from 'astro';
import { relayExport } from '../../../modules/members/spreadsheets.js';

export const GET: APIRoute = ({ request, cookies }) => relayExport(request, cookies);
