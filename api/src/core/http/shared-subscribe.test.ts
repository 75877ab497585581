import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rememberDocument, sharedSubscribe } from './shared-subscribe.js';

/** A source that yields what `push` is given, and says when it was ended. */
function source() {
  const waiting: ((value: IteratorResult<object>) => void)[] = [];
  const state = { ended: false };
  const iterator: AsyncIterableIterator<object> = {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    return: async () => {
      state.ended = true;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { iterator, state, push: (item: object) => waiting.shift()?.({ done: false, value: item }) };
}

describe('sharedSubscribe', () => {
  it('executes an item once for anonymous subscribers of the same document, and per subscriber for anyone else', async () => {
    let resolved = 0;
    const sources: ReturnType<typeof source>[] = [];
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          item: {
            type: new GraphQLObjectType({ name: 'Item', fields: { title: { type: GraphQLString, resolve: (item: { title: string }) => (resolved++, item.title) } } }),
            subscribe: () => {
              const s = source();
              sources.push(s);
              return s.iterator;
            },
            resolve: (item: unknown) => item,
          },
        },
      }),
    });
    const text = 'subscription Live { item { title } }';
    const subscriber = async (viewer: object) => {
      const document = parse(text);
      rememberDocument(document, text);
      const args: ExecutionArgs = { schema, document, contextValue: { viewer } };
      return (await sharedSubscribe(args)) as AsyncGenerator<ExecutionResult>;
    };
    const streams = [await subscriber({ kind: 'anonymous', ip: '10.0.0.1' }), await subscriber({ kind: 'anonymous', ip: '10.0.0.2' }), await subscriber({ kind: 'user', userId: 7 })];
    const next = streams.map((s) => s.next());
    const item = { title: '第一采油厂召开党员大会' };
    for (const s of sources) s.push(item);
    const results = await Promise.all(next);
    for (const r of results) expect(r.value).toEqual({ data: { item: { title: '第一采油厂召开党员大会' } } });
    // The two visitors share one result; the member's was executed for them.
    expect(results[0]!.value).toBe(results[1]!.value);
    expect(results[2]!.value).not.toBe(results[0]!.value);
    expect(resolved).toBe(2);

    // Ending a stream while it waits for the next item ends its source at once.
    const pending = streams[0]!.next();
    await streams[0]!.return(undefined);
    expect(sources[0]!.state.ended).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
