/**
 * 待办: what waits for the caller, from every module's todo sources (core/module.ts `TodoSource`),
 * each read under the caller's own ability; oldest first, overdue items marked.
 */
import type { Context } from '../../core/graphql/context.js';
import type { ModuleDefinition, TodoItem } from '../../core/module.js';

export async function todoFor(ctx: Context, modules: readonly ModuleDefinition[], limit: number, now = new Date()): Promise<(TodoItem & { overdue: boolean })[]> {
  const sources = modules.flatMap((m) => m.todos ?? []);
  const items = (await Promise.all(sources.map((source) => source.items(ctx, limit)))).flat();
  return items
    .map((item) => ({ ...item, overdue: item.dueAt !== null && item.dueAt < now }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.since.getTime() - b.since.getTime())
    .slice(0, limit);
}
