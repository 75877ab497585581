/**
 * Domain events across API processes, through PostgreSQL LISTEN/NOTIFY. `emit` runs inside the
 * writing transaction, so an event goes out when (and only if) the change commits. Every API
 * process keeps one listening connection and hands events to its local subscribers, which
 * re-check each event against their own caller's ability before delivering anything.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../log.js';

export const CHANNEL = 'dj_events';

/**
 * Every domain event's payload, by type. Core declares none; each module adds its own by
 * declaration merging, next to the code that emits them:
 *
 *   declare module '../../core/events/bus.js' {
 *     interface EventTypes { 'content.published': { id: string; kind: string; … } }
 *   }
 *
 * so `DomainEvent` is one closed union and a subscriber that tests `event.type` never casts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules
export interface EventTypes {}

export type DomainEvent = { [T in keyof EventTypes]: { type: T } & EventTypes[T] }[keyof EventTypes];

/**
 * Work a module does with every event inside the transaction that emits it (e.g. the webhooks
 * module records the events endpoints asked for, in an outbox that commits with the change). A
 * hook that throws rolls the change back, so hooks stay small: record, never call out.
 */
export type EventHook = (em: EntityManager, event: DomainEvent) => Promise<void>;
const hooks: EventHook[] = [];
export function registerEventHook(hook: EventHook): void {
  hooks.push(hook);
}

/** Queues the event for delivery at commit. Payloads carry ids only (NOTIFY allows 8 kB). */
export async function emit(em: EntityManager, event: DomainEvent): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [CHANNEL, JSON.stringify(event)]);
  for (const hook of hooks) await hook(em, event);
}

type Listener = (event: DomainEvent) => void;

export class EventBus {
  private client: pg.Client | null = null;
  private readonly listeners = new Set<Listener>();
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let event: DomainEvent;
      try {
        event = JSON.parse(message.payload) as DomainEvent;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(event);
    });
    // A lost connection is re-established; events in the gap are missed (subscribers re-query).
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'event listener connection lost; reconnecting');
      this.client = null;
      client.end().catch(() => {});
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().catch((error: unknown) => {
        this.log.warn({ err: error }, 'event listener could not reconnect; retrying');
        this.scheduleReconnect();
      });
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  /**
   * Events as an async iterator, for a subscription. The iterator's `return()` (the client went
   * away) unsubscribes. Events queue while the consumer is busy.
   */
  stream(): AsyncIterableIterator<DomainEvent> {
    const queue: DomainEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (event) => {
      queue.push(event);
      wake?.();
    };
    this.listeners.add(listener);
    const finish = () => {
      done = true;
      this.listeners.delete(listener);
      wake?.();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<DomainEvent>> {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (done) return { value: undefined, done: true };
        return { value: queue.shift()!, done: false };
      },
      async return(): Promise<IteratorResult<DomainEvent>> {
        finish();
        return { value: undefined, done: true };
      },
    };
  }
}

/**
 * A subscription's source: events mapped through an async check (which re-reads under the
 * subscriber's ability), dropping those it maps to null. `setup` runs first, once, and may throw
 * (e.g. NOT_FOUND) to refuse the subscription. An iterator rather than an async generator, so that
 * `return()` (the client left) ends it at once: a generator waiting for the next event could only
 * return when one arrived, holding its listener (and the socket's close) until then.
 */
export function filterMap<T, S>(bus: EventBus | null, setup: () => Promise<S>, map: (event: DomainEvent, state: S) => Promise<T | null>): AsyncIterableIterator<T> {
  if (!bus) throw new Error('this process has no event bus');
  const events = bus.stream(); // listen before setup, so nothing published meanwhile is missed
  let state: Promise<S> | null = null;
  const end = async (): Promise<IteratorResult<T>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T>> {
      try {
        state ??= setup();
        const ready = await state;
        for (;;) {
          const event = await events.next();
          if (event.done) return { value: undefined, done: true };
          const value = await map(event.value, ready);
          if (value !== null) return { value, done: false };
        }
      } catch (error) {
        await end();
        throw error;
      }
    },
    return: end,
  };
}
