/**
 * Subscriptions whose subscribers cannot receive different answers share each event's execution.
 *
 * graphql-js executes an event's selection once per subscriber. Anonymous visitors have no
 * identity that any field could depend on, and a live source hands every subscriber with the same
 * ability the same item object (content/live.ts): so anonymous subscribers of the same document
 * and variables get one execution's result per item — 10,000 visitors on one portal cost one
 * execution, not 10,000 (issue #19). Anyone else is executed per subscriber, as graphql-js does.
 */
import { createSourceEventStream, execute, subscribe, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../graphql/context.js';

/** The text (or trusted id) each parsed document came from: documents parsed apart are the same one. */
const documentKeys = new WeakMap<DocumentNode, string>();

export function rememberDocument(document: DocumentNode, key: string): void {
  documentKeys.set(document, key);
}

/** Results per event item, by document and variables; they go when the item does. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function sharedResult(item: unknown, key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  if (item === null || typeof item !== 'object') return run();
  let byKey = results.get(item);
  if (!byKey) results.set(item, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = run()));
  return result;
}

/** Maps a source of events to results; ending the stream ends the source at once, even while it waits. */
function mapEvents(source: AsyncIterable<unknown>, map: (item: unknown) => Promise<ExecutionResult>): AsyncGenerator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const end = async () => {
    await events.return?.();
    return { done: true as const, value: undefined };
  };
  const mapped: AsyncGenerator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      return event.done ? { done: true, value: undefined } : { done: false, value: await map(event.value) };
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
    async [Symbol.asyncDispose]() {
      await end();
    },
  };
  return mapped;
}

export async function sharedSubscribe(args: ExecutionArgs) {
  const documentKey = documentKeys.get(args.document);
  if ((args.contextValue as Context).viewer.kind !== 'anonymous' || documentKey === undefined) return subscribe(args);
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  const key = `${documentKey}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
  // As graphql-js maps an event: the operation executed with the item as its root value.
  return mapEvents(source as AsyncIterable<unknown>, (item) => sharedResult(item, key, async () => execute({ ...args, rootValue: item })));
}
