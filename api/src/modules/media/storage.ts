/**
 * Where file bytes live. Local disk by default; an S3-compatible store implements the same
 * interface (not built yet). Keys are opaque and chosen by the platform, never by the uploader.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface MediaStorage {
  /** Stores a file written to a local temporary path (moved, not copied, where possible). */
  putFile(key: string, tempPath: string): Promise<void>;
  read(key: string): Readable;
  delete(key: string): Promise<void>;
  /** A scratch file path for an upload in progress. */
  tempPath(name: string): string;
}

export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-z0-9/]+(\.[a-z0-9]+)?$/.test(key)) throw new Error(`unsafe media key: ${key}`);
    return path.join(this.root, key);
  }

  tempPath(name: string): string {
    return path.join(this.root, 'tmp', name);
  }

  async putFile(key: string, tempPath: string): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(tempPath, target);
    } catch {
      await pipeline(createReadStream(tempPath), createWriteStream(target));
      await fs.rm(tempPath, { force: true });
    }
  }

  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}
