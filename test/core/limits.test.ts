/** Query limits through the real endpoint: cost reported, and over-limit requests run nothing. */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';


const { api } = useSuite();

/** The SQL statements a request ran, from its access-log line. */
async function statementsOf(requestId: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 20));
  return api.logs.find((l) => l.requestId === requestId && l.msg === 'request')?.statements ?? 0;
}

const refused = async (query: string, limit: string) => {
  const requestId = `limit-${Math.random().toString(36).slice(2, 12)}`;
  const res = await api.gql(query, {}, { 'x-request-id': requestId });
  expect(res.errors?.[0]?.extensions, JSON.stringify(res.errors)).toMatchObject({ code: 'BAD_USER_INPUT', limit });
  expect(res.data ?? null).toBeNull();
  expect(res.status, 'a refusal is the client’s doing: 400, never a 5xx').toBe(400);
  expect(await statementsOf(requestId)).toBe(0); // nothing ran
  return res;
};

describe('cost', () => {
  it('is computed before execution and reported in extensions and headers', async () => {
    const res = await api.gql('{ enterprises(first: 10) { nodes { name } } }');
    expect(res.errors).toBeUndefined();
    // 2 for the connection + 10 × (1 per node)
    expect(res.raw).toContain('"cost":{"requested":12,"limit":10000}');
    expect(res.headers.get('x-query-cost')).toBe('12');
    expect(res.headers.get('x-query-cost-limit')).toBe('10000');
    const variables = await api.gql('query($n: Int!) { enterprises(first: $n) { nodes { name rootOrganizations { name } } } }', { n: 2 });
    expect(variables.headers.get('x-query-cost')).toBe(String(2 + 2 * (1 + 10 * (1 + 0))));
  });

  it('refuses nested connections over the ceiling, running nothing', async () => {
    const res = await refused(
      `{ enterprises(first: 100) { nodes { rootOrganizations { descendants(first: 100) { nodes { descendants(first: 100) { nodes { name } } } } } } } }`,
      'cost',
    );
    expect(res.errors![0]!.extensions!.cost.requested).toBeGreaterThan(10_000);
  });
});

describe('shape limits', () => {
  it('refuses queries nested deeper than 12 levels', async () => {
    const deep = `{ portal(slug: "huayou") { organization { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } } }`;
    await refused(deep, 'depth');
  });

  it('refuses more than 30 aliases (alias bombs)', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: enterprises(first: 1) { totalCount }`).join(' ');
    await refused(`{ ${aliases} }`, 'aliases');
  });

  it('refuses fragment bombs by cost, and cyclic fragments by validation', async () => {
    const bomb = `query { enterprises(first: 100) { ...A } }
      fragment A on EnterpriseConnection { nodes { rootOrganizations { ...B } } }
      fragment B on Organization { descendants(first: 100) { nodes { ...C } } }
      fragment C on Organization { descendants(first: 100) { nodes { name } } }`;
    await refused(bomb, 'cost');
    const cyclic = await api.gql(`{ portal(slug: "huayou") { organization { ...A } } } fragment A on Organization { parent { ...B } } fragment B on Organization { parent { ...A } }`);
    expect(cyclic.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses documents with too many tokens or characters', async () => {
    const tokens = await api.gql(`{ ${'a '.repeat(3_100)} }`);
    expect(tokens.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(tokens.errors?.[0]?.message).toMatch(/3000 tokens/);
    const long = await refused(`{ enterprise(slug: "${'x'.repeat(20_100)}") { name } }`, 'documentChars');
    expect(long.status).toBe(400);
  });

  it('applies the same limits over WebSocket', async () => {
    const client = createClient({ url: api.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors = await new Promise<unknown[]>((resolve) => {
      client.subscribe({ query: `{ portal(slug: "huayou") { organization { ${'parent { '.repeat(12)}name${' }'.repeat(12)} } } }` }, { next: () => {}, error: (e) => resolve(e as unknown[]), complete: () => resolve([]) });
    });
    await client.dispose();
    expect(JSON.stringify(errors)).toContain('"limit":"depth"');
    expect(JSON.stringify(errors)).not.toContain('"http"'); // transport details stay out of the body
  });
});
