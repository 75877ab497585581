/**
 * Ready to be distributed by tenant (Citus, sharded by enterprise): every tenant-owned table
 * carries `enterprise_id` — not null, indexed, and in the unique keys that hold per tenant. A new
 * table without it fails here unless it is declared platform-wide below, with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Tables that belong to the platform, not to one enterprise (Citus: reference or local tables). */
const PLATFORM_WIDE: Record<string, string> = {
  enterprise: 'the tenants themselves (the distribution key’s own table: a reference table)',
  app_user: 'accounts are platform-wide: one person may hold roles in several enterprises',
  session: 'a session belongs to an account, not to an enterprise',
  auth_throttle: 'sign-in throttling by login and address, before any tenant is known',
  rate_budget: 'budgets per caller (key, user, address), across tenants',
  partnership: 'between two enterprises: it belongs to both (a reference table)',
  notification_preference: 'a person’s own choices, whichever enterprise a notification comes from',
  notification_profile: 'a person’s quiet hours and digest, across their enterprises',
  calendar_year: 'the national working calendar (国务院放假安排) is the same for every enterprise',
  calendar_day: 'the national working calendar (国务院放假安排) is the same for every enterprise',
  card_signing_key: 'e-member cards verify on every portal: the signing keys are the platform’s',
  mikro_orm_migrations: 'the schema’s own history',
};

/** Tables whose rows are mostly a tenant's, but some belong to the platform (no enterprise). */
const TENANT_OR_PLATFORM: Record<string, string> = {
  audit_event: 'account events (a password change, a platform admin’s act) belong to no enterprise',
};

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('empty');
});
afterAll(async () => {
  await db?.drop();
});

describe('the tenant key on every tenant-owned table', () => {
  it('every table has a not-null enterprise_id unless declared platform-wide', async () => {
    const rows = await db.query<{ table_name: string; has: boolean; nullable: boolean | null }>(
      `select t.table_name,
              c.column_name is not null as has,
              c.is_nullable = 'YES' as nullable
         from information_schema.tables t
         left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'enterprise_id'
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by t.table_name`,
    );
    const missing = rows.filter((r) => !r.has && !(r.table_name in PLATFORM_WIDE)).map((r) => r.table_name);
    expect(missing, 'tables without enterprise_id (add it, or declare the table platform-wide with a reason)').toEqual([]);
    const nullable = rows.filter((r) => r.has && r.nullable && !(r.table_name in PLATFORM_WIDE) && !(r.table_name in TENANT_OR_PLATFORM)).map((r) => r.table_name);
    expect(nullable, 'enterprise_id must be not null').toEqual([]);
    // The declaration names real tables only.
    const names = new Set(rows.map((r) => r.table_name));
    expect([...Object.keys(PLATFORM_WIDE), ...Object.keys(TENANT_OR_PLATFORM)].filter((t) => !names.has(t))).toEqual([]);
  });

  it('every enterprise_id is the leading column of an index', async () => {
    const unindexed = await db.query<{ table_name: string }>(
      `select c.table_name
         from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'enterprise_id' and c.table_name <> 'enterprise'
          and not exists (
            select 1 from pg_index i
              join pg_class t on t.oid = i.indrelid and t.relname = c.table_name
              join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
             where a.attname = 'enterprise_id')
        order by 1`,
    );
    expect(unindexed.map((r) => r.table_name)).toEqual([]);
  });
});
