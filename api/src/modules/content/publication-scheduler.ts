/**
 * Scheduled publishing. Every API process polls; each due item is claimed by one atomic
 * UPDATE … RETURNING (a row another process already claimed no longer matches), so the
 * "published" event goes out exactly once however many processes run. Visibility itself needs
 * no job: readers' filters compare published_at with now().
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { emit } from '../../core/events/bus.js';
import type { Logger } from '../../core/log.js';
import type { ContentKind } from './content-enums.js';
import { publishedEvent } from './content.service.js';

export function startPublicationScheduler(orm: MikroORM, log: Logger, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = async () => {
    const em = orm.em.fork();
    await em.transactional(async (tx) => {
      const due = await tx.execute<{ id: string; kind: ContentKind; organization_id: number; enterprise_id: number; author_id: number | null }[]>(
        `update content set publish_notified_at = now()
          where status = 'PUBLISHED' and publish_notified_at is null and published_at <= now()
          returning id, kind, organization_id, enterprise_id, author_id`,
      );
      for (const row of due) {
        await emit(tx, publishedEvent({ id: String(row.id), kind: row.kind, organizationId: row.organization_id, enterpriseId: row.enterprise_id, authorId: row.author_id }));
      }
      if (due.length) log.info({ count: due.length }, 'scheduled publications released');
    });
  };
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((error: unknown) => log.warn({ err: error }, 'publication scheduler tick failed'))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
