/** Collects the events of a graphql-ws subscription, for assertions. */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collector {
  events: any[];
  errors: unknown[];
  /** Resolves with the first event matching `predicate` (or rejects after `ms`). */
  waitFor(predicate: (event: any) => boolean, ms?: number): Promise<any>;
  dispose(): Promise<void>;
}

export async function collect(httpUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Collector> {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  const events: any[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => (offConnected(), resolve()));
    client.on('error', reject);
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        else events.push(value.data);
        for (const wake of waiters) wake();
      },
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  // Give the server a moment to run the subscription's setup before the test publishes.
  await new Promise((r) => setTimeout(r, 150));
  return {
    events,
    errors,
    waitFor(predicate, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)} ${JSON.stringify(errors)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
