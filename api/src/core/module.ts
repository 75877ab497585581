/**
 * The module kit. A domain module declares itself once, in its folder's `index.ts`:
 *
 *   export default defineModule({
 *     name: 'notifications',
 *     entities: [Notification, …],          // tables (the ORM and migrations read these)
 *     resolvers: [NotificationResolver, …], // GraphQL
 *     policy: (can, viewer, now) => { … },  // the CASL rules it adds to every ability
 *     actions: { readNotifications: { on: 'Organization', description: '…' } },
 *     routes: (services) => router,         // non-GraphQL HTTP endpoints
 *     jobs: [{ name, start(services) }],    // background work started with the API process
 *     reminders: [{ name, due(em, now) }],  // date-driven reminders, sent once each
 *     todos: [{ name, items(ctx, limit) }], // what waits for a person (待办)
 *     localRules: [{ key, label, default, … }], // rules of Party work tagged LOCAL: per-enterprise settings
 *     metrics: [{ key, label, unit, measure }], // figures of its data over a subtree and a span (考核 reads them)
 *     webhookEvents: [defineWebhookEvent({ type, source, … })], // what outgoing webhooks may subscribe to
 *     onEvent: (em, event) => …,            // runs inside the transaction of every emitted event
 *     seed: (em, actor, config) => …,       // demo data, additive and idempotent
 *   });
 *
 * The composition root (`app.ts`) holds the one list of modules; core offers the registries they
 * fill (`installModules`) and imports no module (a test reads the imports and fails otherwise).
 * Actions, subjects and event types are typed by declaration merging: a module augments
 * `Actions`/`Subjects` in core/authz/ability.ts and `EventTypes` in core/events/bus.ts.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Request, Response } from 'express';
import { registerActions, registerPolicy, type Action, type PolicyContributor, type SubjectType } from './authz/ability.js';
import type { Actor } from './authz/check.js';
import { ApiScope } from './authz/roles.js';
import type { Config } from './config.js';
import { registerEventHook, type DomainEvent, type EventBus, type EventHook, type EventTypes } from './events/bus.js';
import type { Context } from './graphql/context.js';
import type { Logger } from './log.js';
import type { Metric } from './metrics.js';

/** What a module's routes and jobs are given: the process's shared services. */
export interface ModuleServices {
  orm: MikroORM;
  log: Logger;
  bus: EventBus;
  config: Config;
  /** Every module of the process (e.g. for the notifications module to run their reminders). */
  modules: readonly ModuleDefinition[];
}

/**
 * A date-driven reminder a module declares ("3 days before a transfer letter expires: the member
 * and both committees"); the notifications module runs every module's rules.
 */
export interface ReminderRule {
  /** Stable, e.g. `disclosure.noticeClosing`. */
  name: string;
  description: string;
  /** What is due now — one indexed query. Each (subject, due) is sent once, in every process. */
  due(em: EntityManager, now: Date): Promise<DueReminder[]>;
}

export interface DueReminder {
  enterpriseId: number;
  /** What it is about, e.g. a disclosure's id. */
  subject: string;
  /** Which due date of it, e.g. the notice's end date. */
  due: string;
  /** Sends it, inside the transaction that records it as sent. */
  send(em: EntityManager): Promise<void>;
}

/** An item waiting for a person (待办): read under the caller's own ability. */
export interface TodoItem {
  /** e.g. `content.review`, `resource.request`. */
  kind: string;
  title: string;
  /** Where it is done in the portal workspace. */
  link: string;
  /** Since when it waits. */
  since: Date;
  /** When it is overdue, if it has a time limit. */
  dueAt: Date | null;
  organizationId: number | null;
}

/** A module's source of 待办 items. */
export interface TodoSource {
  name: string;
  items(ctx: Context, limit: number): Promise<TodoItem[]>;
}

/**
 * A rule of Party work that DOMAIN-RULES tags LOCAL (common local practice, not national text): a
 * whole number each enterprise may set within bounds, with the default DOMAIN-RULES names. The
 * local-rules module stores the settings and answers `localRules`; modules read the value in force.
 */
export interface LocalRule {
  /** Stable, `<module>.<rule>`, e.g. `members.electionReminderDays`. */
  key: string;
  /** What the setting is called in the workspace, in Chinese. */
  label: string;
  description: string;
  /** Where the rule and its default come from, e.g. 'DOMAIN-RULES §1 c'. */
  source: string;
  unit: 'DAYS' | 'WORKING_DAYS' | 'MONTHS' | 'HOURS' | 'COUNT';
  default: number;
  min: number;
  max: number;
}

/** A non-GraphQL endpoint's view of the caller: the same per-request context as GraphQL. */
export type ContextFor = (req: Request, res: Response) => Promise<Context>;

/** Background work of a module, started with each API process and stopped before it closes. */
export interface BackgroundJob {
  name: string;
  start(services: ModuleServices): { stop(): Promise<void> } | Promise<{ stop(): Promise<void> }>;
}

/** An action a module adds, for `effectivePermissions` to list (those `on: 'Organization'`). */
export interface ActionDeclaration {
  on: SubjectType;
  description: string;
}

/**
 * An event outgoing webhooks may subscribe to, declared by the module that owns its object: which
 * domain event it comes from, which enterprises' endpoints may hear of it, and what an endpoint
 * receives — read under the endpoint's own ability (an API key's of the same scope), so an event
 * the endpoint may not see is never delivered, and never more than the public fields it may read.
 */
export interface WebhookEvent {
  /** What receivers see, stable, e.g. `content.published`. */
  type: string;
  /** In the workspace, in Chinese. */
  label: string;
  description: string;
  source: keyof EventTypes;
  /** The enterprises whose endpoints may hear of this event ([] when it is not one of this type, e.g. a status it does not report). */
  enterprises(em: EntityManager, event: DomainEvent): Promise<number[]>;
  /** The object's global id and public fields as `actor` reads them now; null when it may not. */
  data(em: EntityManager, actor: Actor, event: DomainEvent): Promise<Record<string, unknown> | null>;
}

/**
 * Whether a webhook endpoint reads the internal data of one of `enterpriseIds` — for events with no
 * public side (meetings, transfers, exams, partnerships), sent to INTERNAL_READ endpoints only.
 */
export function readsInternally(actor: Actor, enterpriseIds: readonly number[]): boolean {
  const viewer = actor.viewer;
  return viewer.kind === 'apiClient' && viewer.scopes.includes(ApiScope.INTERNAL_READ) && enterpriseIds.includes(viewer.enterpriseId);
}

/** Declares a webhook event, typed by the domain event it comes from. */
export function defineWebhookEvent<T extends keyof EventTypes>(definition: {
  type: string;
  label: string;
  description: string;
  source: T;
  enterprises(em: EntityManager, event: Extract<DomainEvent, { type: T }>): number[] | Promise<number[]>;
  data(em: EntityManager, actor: Actor, event: Extract<DomainEvent, { type: T }>): Promise<Record<string, unknown> | null>;
}): WebhookEvent {
  const own = (event: DomainEvent): event is Extract<DomainEvent, { type: T }> => event.type === definition.source;
  return {
    type: definition.type,
    label: definition.label,
    description: definition.description,
    source: definition.source,
    enterprises: async (em, event) => (own(event) ? definition.enterprises(em, event) : []),
    data: async (em, actor, event) => (own(event) ? definition.data(em, actor, event) : null),
  };
}

// Entity classes are abstract-constructible classes; resolvers are type-graphql classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes any class
type ClassType = Function;

export interface ModuleDefinition {
  /** The folder's name, e.g. 'notifications'. */
  name: string;
  entities?: readonly ClassType[];
  resolvers?: readonly ClassType[];
  policy?: PolicyContributor;
  actions?: Partial<Record<Action, ActionDeclaration>>;
  routes?: (services: ModuleServices & { contextFor: ContextFor }) => express.Router;
  jobs?: readonly BackgroundJob[];
  reminders?: readonly ReminderRule[];
  todos?: readonly TodoSource[];
  localRules?: readonly LocalRule[];
  metrics?: readonly Metric[];
  webhookEvents?: readonly WebhookEvent[];
  /** Runs inside the transaction of every emitted event (see `EventHook`). */
  onEvent?: EventHook;
  /** Demo data: additive and idempotent; returns what it created (for the start-up log). */
  seed?: (em: EntityManager, actor: Actor, config: Config) => Promise<string[]>;
}

/** Declares a module (an identity function: the value is the declaration, typed). */
export function defineModule<const M extends ModuleDefinition>(definition: M): M {
  return definition;
}

export const entitiesOf = (modules: readonly ModuleDefinition[]) => modules.flatMap((m) => m.entities ?? []);
export const resolversOf = (modules: readonly ModuleDefinition[]) => modules.flatMap((m) => m.resolvers ?? []);

let installed: readonly ModuleDefinition[] | null = null;
const localRules = new Map<string, LocalRule>();
const metrics = new Map<string, Metric>();
const webhookEvents = new Map<string, WebhookEvent>();

/** Every LOCAL rule the installed modules declare, by key. */
export function localRuleDefinitions(): ReadonlyMap<string, LocalRule> {
  return localRules;
}

/** Every metric the installed modules measure, by key. */
export function metricDefinitions(): ReadonlyMap<string, Metric> {
  return metrics;
}

/** Every event outgoing webhooks may subscribe to, by type, in the modules' order. */
export function webhookEventDefinitions(): ReadonlyMap<string, WebhookEvent> {
  return webhookEvents;
}

/**
 * Fills core's registries from the modules: their policies join every ability, their actions are
 * listed by effective permissions. Once per process; the same list again is a no-op.
 */
export function installModules(modules: readonly ModuleDefinition[]): void {
  if (installed === modules) return;
  if (installed) throw new Error('installModules: a process installs one list of modules');
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`module ${module.name} is listed twice`);
    names.add(module.name);
    if (module.policy) registerPolicy(module.policy);
    if (module.actions) registerActions(module.actions as Record<string, ActionDeclaration>);
    for (const rule of module.localRules ?? []) {
      if (localRules.has(rule.key)) throw new Error(`local rule ${rule.key} is declared twice`);
      if (!(rule.min <= rule.default && rule.default <= rule.max)) throw new Error(`local rule ${rule.key}: its default lies outside its bounds`);
      localRules.set(rule.key, rule);
    }
    for (const metric of module.metrics ?? []) {
      if (metrics.has(metric.key)) throw new Error(`metric ${metric.key} is declared twice`);
      metrics.set(metric.key, metric);
    }
    for (const event of module.webhookEvents ?? []) {
      if (webhookEvents.has(event.type)) throw new Error(`webhook event ${event.type} is declared twice`);
      webhookEvents.set(event.type, event);
    }
    if (module.onEvent) registerEventHook(module.onEvent);
  }
  installed = modules;
}

/** Starts every module's background jobs; returns one stop for all of them. */
export async function startJobs(modules: readonly ModuleDefinition[], services: ModuleServices): Promise<{ stop(): Promise<void> }> {
  const running: { name: string; stop(): Promise<void> }[] = [];
  try {
    for (const module of modules) for (const job of module.jobs ?? []) running.push({ name: job.name, ...(await job.start(services)) });
  } catch (error) {
    for (const job of running.reverse()) await job.stop();
    throw error;
  }
  return {
    async stop() {
      for (const job of running.reverse()) {
        await job.stop().catch((error: unknown) => services.log.warn({ err: error, job: job.name }, 'a background job did not stop cleanly'));
      }
    },
  };
}
