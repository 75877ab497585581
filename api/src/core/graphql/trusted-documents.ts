/**
 * Trusted (persisted) documents: the portals' named operations in schema/operations/, accepted by
 * id. A client sends `{ "documentId": "sha256:<hex of the file>", "operationName", "variables" }`
 * instead of the text; the server runs its own copy. Anonymous callers can be limited to these
 * (ANONYMOUS_DOCUMENTS=trusted, the production default), so the open internet runs only what the
 * portals run, while API keys and signed-in apps may send any document within the limits.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';

export const OPERATIONS_DIR = path.join(REPO_ROOT, 'schema', 'operations');

export const documentIdOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** id → document text, from every .graphql file of the directory. */
export function loadTrustedDocuments(dir = OPERATIONS_DIR): Map<string, string> {
  const documents = new Map<string, string>();
  if (!fs.existsSync(dir)) return documents;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    documents.set(documentIdOf(text), text);
  }
  return documents;
}
