/** A request's binary body (an uploaded spreadsheet), read up to a limit — past it, 413 with the limit named. */
import type { Request } from 'express';
import { tooLarge } from './media.service.js';

export async function readBody(req: Request, limit: number): Promise<Buffer> {
  if (Number(req.get('content-length')) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
