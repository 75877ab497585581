/**
 * Indexes again the items a previous tokeniser indexed (search-tokens.ts `TOKENIZER_VERSION`), in
 * batches, when an API process starts — so a fix to Chinese tokenising reaches existing content
 * without a manual step. Several processes share the work (`skip locked`); it ends when none is left.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/log.js';
import { documentText, TOKENIZER_VERSION } from './search-tokens.js';

const BATCH = 500;

export async function reindexOutdated(orm: MikroORM, log: Logger, shouldStop: () => boolean = () => false): Promise<number> {
  let done = 0;
  while (!shouldStop()) {
    const count = await orm.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ id: string; title: string; summary: string; body_text: string }[]>(
        'select id, title, summary, body_text from content where search_version < ? order by id limit ? for update skip locked',
        [TOKENIZER_VERSION, BATCH],
      );
      for (const row of rows) {
        await tx.execute('update content set search_vector = to_tsvector(\'simple\', ?), search_version = ? where id = ?', [documentText(row.title, row.summary, row.body_text), TOKENIZER_VERSION, row.id]);
      }
      return rows.length;
    });
    done += count;
    if (count < BATCH) break;
  }
  if (done) log.info({ items: done, version: TOKENIZER_VERSION }, 'search index brought up to date');
  return done;
}

export function startReindex(orm: MikroORM, log: Logger): { stop(): Promise<void> } {
  let stopping = false;
  const running = reindexOutdated(orm, log, () => stopping).catch((error: unknown) => log.warn({ err: error }, 'search reindex stopped; the next start resumes it'));
  return {
    async stop() {
      stopping = true;
      await running;
    },
  };
}
