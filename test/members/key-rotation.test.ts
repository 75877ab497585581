/**
 * Rotating MEMBER_DATA_KEY re-seals every member's and applicant's personal data and recomputes
 * the lookup hashes in one go: afterwards only the new key opens them, and nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOrm } from '../../api/src/app.js';
import { createLogger } from '../../api/src/core/log.js';
import { rotateMemberKeys } from '../../api/src/modules/members/key-rotation.js';
import { newPersonalDataSecret, personalDataKeys } from '../../api/src/modules/members/personal-data.js';
import { TEST_MEMBER_DATA_KEY } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('demo');
});
afterAll(async () => {
  await db?.drop();
});

describe('member key rotation', () => {
  it('re-seals members and applicants under the new key and rehashes their ID numbers', async () => {
    const before = personalDataKeys(TEST_MEMBER_DATA_KEY);
    const after = personalDataKeys(newPersonalDataSecret());
    const read = () => db.query<{ id: number; id_number_sealed: string; id_number_hash: string; phone_sealed: string | null }>(`select id, id_number_sealed, id_number_hash, phone_sealed from member order by id`);
    const old = await read();
    expect(old.length).toBeGreaterThan(300); // the demo's members
    const plain = old.map((m) => ({ id: before.open(m.id_number_sealed), phone: m.phone_sealed && before.open(m.phone_sealed) }));
    const applicantsBefore = await db.query<{ id_number_sealed: string }>(`select id_number_sealed from applicant order by id`);

    const orm = await openAppOrm({ databaseUrl: db.url, log: createLogger('silent') });
    try {
      expect(await rotateMemberKeys(orm.em.fork(), before, after)).toMatchObject({ members: old.length, applicants: applicantsBefore.length });
    } finally {
      await orm.close();
    }

    const now = await read();
    now.forEach((m, i) => {
      expect(after.open(m.id_number_sealed)).toBe(plain[i]!.id);
      expect(m.phone_sealed && after.open(m.phone_sealed)).toBe(plain[i]!.phone);
      expect(m.id_number_hash).toBe(after.hash(plain[i]!.id));
      expect(() => before.open(m.id_number_sealed)).toThrow();
    });
    const applicantsAfter = await db.query<{ id_number_sealed: string; id_number_hash: string }>(`select id_number_sealed, id_number_hash from applicant order by id`);
    applicantsAfter.forEach((a, i) => {
      const id = before.open(applicantsBefore[i]!.id_number_sealed);
      expect(after.open(a.id_number_sealed)).toBe(id);
      expect(a.id_number_hash).toBe(after.hash(id));
    });
  });
});
