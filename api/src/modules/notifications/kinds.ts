/**
 * Notification kinds: a stable code, a label for the settings page, the Chinese title and body
 * rendered from parameters, and which outside channels are on by default. The module that sends
 * a kind declares it next to the code that sends it; the settings page lists them all.
 */
import type { Channel } from './notification.entity.js';

export type Params = Record<string, string | number>;

export interface NotificationKind<P extends Params = Params> {
  /** Stable: `content.submitted`, `transfer.letter_issued` … */
  kind: string;
  /** What a person sees in their settings, e.g. 稿件待审核. */
  label: string;
  title(params: P): string;
  body(params: P): string;
  /** Outside channels on unless the person turns them off (the inbox is always on). */
  defaults: Record<Channel, boolean>;
}

const kinds = new Map<string, NotificationKind>();

export function defineNotificationKind<P extends Params>(definition: NotificationKind<P>): NotificationKind<P> {
  if (!/^[a-z]+(\.[a-z_]+)+$/.test(definition.kind)) throw new Error(`notification kind ${definition.kind}: use lower-case words joined by dots`);
  if (kinds.has(definition.kind)) throw new Error(`notification kind ${definition.kind} is declared twice`);
  kinds.set(definition.kind, definition as unknown as NotificationKind);
  return definition;
}

export const notificationKinds = (): NotificationKind[] => [...kinds.values()];
export const notificationKind = (kind: string): NotificationKind | undefined => kinds.get(kind);

/** Texts stay short and plain: at most 200 characters of title, 2000 of body. */
export function render<P extends Params>(kind: NotificationKind<P>, params: P): { title: string; body: string } {
  const clean = (text: string, max: number) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim().slice(0, max);
  return { title: clean(kind.title(params), 200), body: clean(kind.body(params), 2000) };
}
