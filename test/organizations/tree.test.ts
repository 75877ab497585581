/** The organisation tree through the real HTTP endpoint, on the demo data. */
import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';


const { db, api } = useSuite();

const ORG_FIELDS = 'id name level depth';

async function orgIdByName(name: string): Promise<string> {
  const [row] = await db.query<{ id: number }>('select id from organization where name = $1 order by id limit 1', [name]);
  return Buffer.from(`Organization:${row!.id}`).toString('base64url');
}

describe('enterprises and their roots', () => {
  it('lists both demo enterprises with an authorised total', async () => {
    const res = await api.gql(`{ enterprises(first: 10) { totalCount nodes { slug name shortName rootOrganizations { name level } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprises.totalCount).toBe(2);
    expect(res.data!.enterprises.nodes).toEqual([
      { slug: 'huayou', name: '华油能源集团有限公司', shortName: '华油集团', rootOrganizations: [{ name: '华油能源集团有限公司党委', level: 'COMMITTEE' }] },
      { slug: 'jiangchuan-power', name: '江川供电有限公司', shortName: '江川供电', rootOrganizations: [{ name: '江川供电有限公司党委', level: 'COMMITTEE' }] },
    ]);
  });

  it('finds an enterprise by slug, and answers null for an unknown one', async () => {
    const res = await api.gql(`{ a: enterprise(slug: "jiangchuan-power") { name } b: enterprise(slug: "no-such") { name } }`);
    expect(res.data).toEqual({ a: { name: '江川供电有限公司' }, b: null });
  });
});

describe('descendants', () => {
  it('pages through a subtree in pre-order with cursors, matching the database', async () => {
    const root = await orgIdByName('华油能源集团有限公司党委');
    const seen: { name: string; depth: number }[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = -1;
    do {
      const res: any = await api.gql(
        `query($id: ID!, $after: String) { organization(id: $id) { descendants(first: 7, after: $after) {
           totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { cursor node { ${ORG_FIELDS} } } } } }`,
        { id: root, after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.organization.descendants;
      total = conn.totalCount;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(conn.edges.length).toBeLessThanOrEqual(7);
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1).cursor);
      seen.push(...conn.edges.map((e: any) => ({ name: e.node.name, depth: e.node.depth })));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages++;
    } while (after);

    const expected = await db.query<{ name: string; depth: number }>(
      `select name, depth from organization where path like (select path from organization where name = '华油能源集团有限公司党委') || '%'
         and depth > 0 order by path collate "C"`,
    );
    expect(total).toBe(expected.length);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    // Pre-order: every organisation comes right after its parent's earlier siblings' subtrees,
    // so depth never jumps down by more than one step.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.depth - seen[i - 1]!.depth).toBeLessThanOrEqual(1);
  });

  it('does not include the organisation itself or other subtrees', async () => {
    const res = await api.gql(`query($id: ID!) { organization(id: $id) { name descendants(first: 100) { totalCount nodes { name } } } }`, {
      id: await orgIdByName('炼化分公司党委'),
    });
    const names = res.data!.organization.descendants.nodes.map((n: any) => n.name);
    expect(names).toEqual(['常减压车间党支部', '催化裂化车间党支部', '质量检验中心党支部', '储运部党总支', '油品储运党支部', '铁路运输党支部']);
    expect(res.data!.organization.descendants.totalCount).toBe(6);
  });

  it('refuses a page size of 0 or over 100, and a forged cursor, with BAD_USER_INPUT', async () => {
    const id = await orgIdByName('华油能源集团有限公司党委');
    for (const args of ['first: 0', 'first: 101', 'first: 5, after: "bm90LWEtY3Vyc29y"', 'first: 5, after: "%%%"', 'first: 5, after: "WyJ2MSIsMV0"']) {
      const res = await api.gql(`query($id: ID!) { organization(id: $id) { descendants(${args}) { totalCount } } }`, { id });
      expect(res.status).toBe(200);
      expect(res.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      expect(res.raw).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('requires `first` (validation error, not an internal one)', async () => {
    const res = await api.gql(`query($id: ID!) { organization(id: $id) { descendants { totalCount } } }`, { id: await orgIdByName('炼化分公司党委') });
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('parent, children and ancestors', () => {
  it('walks from a Party group up to the root', async () => {
    const [group] = await db.query<{ id: number }>(
      `select g.id from organization g join organization b on b.id = g.parent_id where g.name = '第三党小组' and b.name = '采油四队党支部'`,
    );
    const id = Buffer.from(`Organization:${group!.id}`).toString('base64url');
    const res = await api.gql(`query($id: ID!) { organization(id: $id) { name level depth parent { name level } ancestors { name depth } enterprise { slug } } }`, { id });
    expect(res.data!.organization).toEqual({
      name: '第三党小组',
      level: 'GROUP',
      depth: 4,
      parent: { name: '采油四队党支部', level: 'BRANCH' },
      ancestors: [
        { name: '华油能源集团有限公司党委', depth: 0 },
        { name: '第一采油厂党委', depth: 1 },
        { name: '采油二矿党总支', depth: 2 },
        { name: '采油四队党支部', depth: 3 },
      ],
      enterprise: { slug: 'huayou' },
    });
  });

  it('lists children by sort order; a root has no parent', async () => {
    const res = await api.gql(`query($id: ID!) { organization(id: $id) { parent { name } children { name } } }`, { id: await orgIdByName('江川供电有限公司党委') });
    expect(res.data!.organization.parent).toBeNull();
    expect(res.data!.organization.children.map((c: any) => c.name)).toEqual([
      '公司机关党总支',
      '变电运维中心党总支',
      '营销服务中心党支部',
      '城区供电分公司党委',
      '输电运检中心党支部',
      '调度控制中心党支部',
      '物资供应中心党支部',
    ]);
  });
});

describe('node(id:) and global ids', () => {
  it('round-trips every node type', async () => {
    const res = await api.gql(`{ portal(slug: "huayou-lianhua") { id organization { id name } enterprise { id slug } } }`);
    const { portal } = res.data!;
    const lookup = await api.gql(
      `query($p: ID!, $o: ID!, $e: ID!) {
        p: node(id: $p) { __typename id ... on Portal { slug } }
        o: node(id: $o) { __typename id ... on Organization { name } }
        e: node(id: $e) { __typename id ... on Enterprise { slug } } }`,
      { p: portal.id, o: portal.organization.id, e: portal.enterprise.id },
    );
    expect(lookup.data).toEqual({
      p: { __typename: 'Portal', id: portal.id, slug: 'huayou-lianhua' },
      o: { __typename: 'Organization', id: portal.organization.id, name: '炼化分公司党委' },
      e: { __typename: 'Enterprise', id: portal.enterprise.id, slug: 'huayou' },
    });
  });

  it('answers null for a well-formed id that does not exist', async () => {
    const missing = Buffer.from('Organization:999999').toString('base64url');
    const res = await api.gql(`query($id: ID!) { node(id: $id) { id } organization(id: $id) { id } }`, { id: missing });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null, organization: null });
  });

  it('refuses malformed ids and ids of another type with BAD_USER_INPUT', async () => {
    const portalId = Buffer.from('Portal:1').toString('base64url');
    for (const [query, id] of [
      ['query($id: ID!) { node(id: $id) { id } }', 'not an id'],
      ['query($id: ID!) { node(id: $id) { id } }', Buffer.from('Secret:1').toString('base64url')],
      ['query($id: ID!) { node(id: $id) { id } }', Buffer.from("Organization:1' or 1=1 --").toString('base64url')],
      ['query($id: ID!) { organization(id: $id) { id } }', portalId],
    ] as const) {
      const res = await api.gql(query, { id });
      expect(res.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});

describe('portals', () => {
  it('resolves a portal by host, ignoring case, port and a trailing dot', async () => {
    for (const host of ['lh.huayou.localhost', 'LH.Huayou.LocalHost:4321', 'dj.lh.huayou-energy.example.']) {
      const res = await api.gql(`query($h: String!) { portalByHost(host: $h) { slug title organization { name } } }`, { h: host });
      expect(res.data!.portalByHost, host).toEqual({ slug: 'huayou-lianhua', title: '炼化分公司党建园地', organization: { name: '炼化分公司党委' } });
    }
    const res = await api.gql(`{ a: portalByHost(host: "unknown.example") { slug } b: portalByHost(host: "<script>") { slug } }`);
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('lists portals per enterprise with their host names', async () => {
    const res = await api.gql(`{ enterprise(slug: "huayou") { portals { slug hostNames organization { portal { slug } } } } }`);
    expect(res.data!.enterprise.portals).toEqual([
      { slug: 'huayou', hostNames: ['dangjian.huayou-energy.example', 'huayou.localhost'], organization: { portal: { slug: 'huayou' } } },
      { slug: 'huayou-caiyou1', hostNames: ['cy1.huayou.localhost', 'dj.cy1.huayou-energy.example'], organization: { portal: { slug: 'huayou-caiyou1' } } },
      { slug: 'huayou-lianhua', hostNames: ['dj.lh.huayou-energy.example', 'lh.huayou.localhost'], organization: { portal: { slug: 'huayou-lianhua' } } },
    ]);
  });
});

describe('batched relations', () => {
  /** SQL statements the API ran for one request, from its access log. */
  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
    const requestId = `stmt-${Math.random().toString(36).slice(2, 12)}`;
    const res = await api.gql(query, variables, { 'x-request-id': requestId });
    expect(res.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    const line = api.logs.find((l) => l.requestId === requestId && l.msg === 'request');
    return line!.statements;
  }

  it('costs the same number of statements for a page of 16 and a page of 50 with nested relations', async () => {
    // Both pages include an organisation with a portal (the 16th in tree order is 第一采油厂党委),
    // so both need the host-name batch; a page without any portal needs one statement less.
    const query = `query($id: ID!, $n: Int!) { organization(id: $id) { descendants(first: $n) { totalCount nodes {
      name parent { name } children { name } ancestors { name } enterprise { name } portal { slug hostNames } } } } }`;
    const id = await orgIdByName('华油能源集团有限公司党委');
    const one = await statementsFor(query, { id, n: 1 });
    const sixteen = await statementsFor(query, { id, n: 16 });
    const fifty = await statementsFor(query, { id, n: 50 });
    // The root, its descendants and their count, then one batch each: organisations (parents and
    // ancestors), children, enterprises, portals, and host names of the portals found.
    expect(sixteen).toBe(8);
    expect(fifty).toBe(sixteen);
    expect(one).toBe(7);
  });
});
