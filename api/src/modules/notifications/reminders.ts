/**
 * Running the reminder rules that modules declare (core/module.ts `ReminderRule`): each pass asks
 * every rule what is due — one indexed query per rule — and sends each item once: the
 * `reminder_sent` row and the notification are written in one transaction, and the row's unique
 * key lets exactly one process (and one pass) win.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/log.js';
import type { ModuleDefinition } from '../../core/module.js';

export async function runReminders(orm: MikroORM, modules: readonly ModuleDefinition[], log: Logger, now = new Date()): Promise<number> {
  let sent = 0;
  for (const module of modules) {
    for (const rule of module.reminders ?? []) {
      const due = await rule.due(orm.em.fork(), now);
      for (const item of due) {
        const won = await orm.em.fork().transactional(async (tx) => {
          const [row] = await tx.execute<{ id: string }[]>(
            'insert into reminder_sent (enterprise_id, rule, subject, due) values (?, ?, ?, ?) on conflict do nothing returning id',
            [item.enterpriseId, rule.name, item.subject, item.due],
          );
          if (!row) return false; // another process, or an earlier pass, sent it
          await item.send(tx);
          return true;
        });
        if (won) sent++;
      }
      if (due.length) log.debug({ rule: rule.name, due: due.length }, 'reminders due');
    }
  }
  return sent;
}
