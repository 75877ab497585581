/** Uploading files: streamed to disk while counted and hashed, then sniffed, measured and stored. */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCan, requireUser, type Actor } from '../../core/authz/check.js';
import { AppError, ErrorCode, badInput } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { MediaFile } from './media.entity.js';
import { imageSize, sniff } from './sniff.js';
import type { MediaStorage } from './storage.js';

/** The largest file of any kind; each kind has its own, smaller or equal, limit (sniff.ts). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const HEAD_BYTES = 256 * 1024; // enough for a JPEG's frame header after its metadata

export const tooLarge = (limit: number) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`, { field: 'file', http: { status: 413 } });

export function cleanFileName(raw: string | undefined): string {
  let name = 'file';
  try {
    name = decodeURIComponent(raw ?? '') || 'file';
  } catch {
    // keep the default
  }
  // eslint-disable-next-line no-control-regex
  name = path.basename(name.normalize('NFC').replace(/[\u0000-\u001f\u007f"\\/]/g, '_')).trim();
  return name.slice(-200) || 'file';
}

export async function uploadMedia(
  em: EntityManager,
  actor: Actor,
  storage: MediaStorage,
  input: { organizationId: number; fileName: string; body: Readable },
): Promise<MediaFile> {
  const me = requireUser(actor.viewer);
  await assertCan(em, actor, 'useMedia', Organization, 'Organization', input.organizationId, 'The organisation');
  const temp = storage.tempPath(randomBytes(16).toString('hex'));
  await fs.mkdir(path.dirname(temp), { recursive: true });
  const out = createWriteStream(temp);
  try {
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let head = 0;
    let size = 0;
    for await (const chunk of input.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
      hash.update(chunk);
      if (head < HEAD_BYTES) {
        headChunks.push(chunk);
        head += chunk.length;
      }
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (size === 0) throw badInput('The file is empty.', 'file');

    const headBuffer = Buffer.concat(headChunks);
    const type = sniff(headBuffer, input.fileName);
    if (!type) throw badInput('Only JPEG, PNG, GIF and WebP images, and PDF, Word, Excel and PowerPoint documents can be uploaded.', 'file');
    if (size > type.maxBytes) throw tooLarge(type.maxBytes);
    const dimensions = type.kind === 'image' ? imageSize(headBuffer, type.mime) : null;
    if (type.kind === 'image' && !dimensions) throw badInput('The image is damaged (its size cannot be read).', 'file');

    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('hex')}.${type.extension}`;
    await storage.putFile(key, temp);
    return await em.transactional(async (tx) => {
      const org = await tx.findOneOrFail(Organization, input.organizationId);
      const media = tx.create(MediaFile, {
        enterprise: org.enterprise.id,
        organization: org.id,
        uploader: me.userId,
        storageKey: key,
        fileName: input.fileName,
        mimeType: type.mime,
        size,
        width: dimensions?.width ?? null,
        height: dimensions?.height ?? null,
        sha256: hash.digest('hex'),
      });
      await tx.flush();
      recordAudit(tx, actor.viewer, { action: 'media.upload', subjectType: 'MediaFile', subjectId: media.id, organizationId: org.id, enterpriseId: org.enterprise.id, details: { fileName: input.fileName, mimeType: type.mime, size } });
      await tx.flush();
      return media;
    }).catch(async (error: unknown) => {
      await storage.delete(key); // nothing half-written: no row, no orphan file
      throw error;
    });
  } finally {
    out.destroy();
    await fs.rm(temp, { force: true });
  }
}
