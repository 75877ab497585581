/**
 * Uploaded rosters that were never committed are deleted after a day: the sealed workbook holds
 * ID numbers, and personal data is kept no longer than its purpose needs (个人信息保护法第十九条).
 * Every API process runs it hourly; the DELETE is idempotent, so several processes do no harm.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/log.js';

export const STAGED_IMPORT_HOURS = 24;
const HOUR_MS = 3_600_000;

/** The statement, for the job and for a test that runs it on its own connection. */
export const PURGE_STALE_IMPORTS = `delete from member_import where committed_at is null and created_at < now() - make_interval(hours => ${STAGED_IMPORT_HOURS})`;

export function startImportRetention(orm: MikroORM, log: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = orm.em
      .fork()
      .getConnection()
      .execute(PURGE_STALE_IMPORTS, [], 'run')
      .then((res) => {
        const n = (res as { affectedRows?: number }).affectedRows ?? 0;
        if (n) log.info({ count: n }, 'stale member imports deleted');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'member import retention failed'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, HOUR_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
