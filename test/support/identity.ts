/** Signing in as the demo accounts, and sending GraphQL as them. */
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../api/src/demo/demo-data.js';
import fs from 'node:fs';
import path from 'node:path';
import { documentIdOf, OPERATIONS_DIR } from '../../api/src/core/graphql/trusted-documents.js';
import { postGraphQL, type GraphQLResponse, type TestApi } from './api.js';
import type { TestDatabase } from './database.js';

export const DEMO = {
  groupAdmin: 'admin@huayou.example', // ORG_ADMIN, 华油能源集团有限公司党委 (root)
  plantAdmin: 'admin@cy1.huayou.example', // ORG_ADMIN, 第一采油厂党委
  plantReviewer: 'reviewer@cy1.huayou.example', // REVIEWER, 第一采油厂党委
  branchEditor: 'editor@cy1.huayou.example', // EDITOR + MEMBER, 采油一队党支部
  member: '13800000001', // MEMBER, 采油一队党支部
  refineryAdmin: 'admin@lh.huayou.example', // ORG_ADMIN, 炼化分公司党委 (the plant's sibling)
  powerAdmin: 'admin@jcpower.example', // ORG_ADMIN, 江川供电有限公司党委 (another enterprise)
  platformAdmin: 'platform@dangjian.example',
} as const;
export type DemoActor = keyof typeof DEMO;

export type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

export const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

const SIGN_IN_DOCUMENT = fs.readFileSync(path.join(OPERATIONS_DIR, 'SignIn.graphql'), 'utf8');

/** Signs in as the portals do — the trusted SignIn document, by id — so it works whatever the exposure policy. */
export async function signIn(api: TestApi, login: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await postGraphQL<any>(api.url, { documentId: documentIdOf(SIGN_IN_DOCUMENT), operationName: 'SignIn', variables: { input: { login, password } } });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data!.signIn.userErrors).toEqual([]);
  return res.data!.signIn.token;
}

export function withToken(api: TestApi, token: string | null): Gql {
  return (query, variables) => api.gql(query, variables, token ? { authorization: `Bearer ${token}` } : {});
}

export async function orgId(db: TestDatabase, name: string): Promise<number> {
  const rows = await db.query<{ id: number }>('select id from organization where name = $1', [name]);
  expect(rows, name).toHaveLength(1);
  return rows[0]!.id;
}

export async function userId(db: TestDatabase, login: string): Promise<number> {
  const rows = await db.query<{ id: number }>('select id from app_user where email = $1 or phone = $1', [login]);
  expect(rows, login).toHaveLength(1);
  return rows[0]!.id;
}

/** The code of the first top-level error, or of the first user error, or 'OK'. */
export function outcome(res: GraphQLResponse, field: string): string {
  if (res.errors?.length) return String(res.errors[0]!.extensions?.code);
  const payload = res.data?.[field];
  if (payload?.userErrors?.length) return String(payload.userErrors[0].code);
  return 'OK';
}

/** Runs an operation that must succeed: no errors, and no userErrors in any payload. Returns its data. */
export async function expectOk(gql: Gql, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  for (const payload of Object.values(res.data ?? {})) expect((payload as any)?.userErrors ?? [], JSON.stringify(payload)).toEqual([]);
  return res.data as Record<string, any>;
}
