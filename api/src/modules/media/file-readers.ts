/**
 * Records of other modules that carry files (a meeting's minutes): each module registers how to
 * tell whether a caller reads a record holding a file, so that reading the record lets one fetch
 * its photos and attachments — without the media module knowing those modules.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';

/** Whether the caller reads some record of the module that holds the file. */
export type FileReader = (em: EntityManager, actor: Actor, fileId: string) => Promise<boolean>;

const readers: FileReader[] = [];

export function registerFileReader(reader: FileReader): void {
  if (!readers.includes(reader)) readers.push(reader);
}

export async function readsThroughRecords(em: EntityManager, actor: Actor, fileId: string): Promise<boolean> {
  for (const reader of readers) if (await reader(em, actor, fileId)) return true;
  return false;
}
