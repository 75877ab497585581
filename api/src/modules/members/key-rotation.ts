/**
 * Rotating MEMBER_DATA_KEY: every sealed value (members' and applicants' ID numbers, phones and
 * addresses; staged rosters; the card signing keys) is opened with the old key and sealed with the new one, and every
 * lookup hash recomputed — in one transaction, with the tables locked against writers. Run it
 * with the API stopped (`pnpm --filter @dangjian/api member-keys rotate`), then start the API
 * with the new key.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalDataKeys } from './personal-data.js';

export interface RotationReport {
  members: number;
  applicants: number;
  imports: number;
}

/** The sealed columns of each table, and the hash kept beside the ID number. */
const TABLES = [
  { table: 'member', sealed: ['id_number_sealed', 'phone_sealed', 'address_sealed'], hash: 'id_number_hash' },
  { table: 'applicant', sealed: ['id_number_sealed', 'phone_sealed'], hash: 'id_number_hash' },
  { table: 'member_import', sealed: ['file_sealed'], hash: null },
  // The e-member cards' signing keys are sealed with the same key.
  { table: 'card_signing_key', sealed: ['private_key_sealed'], hash: null },
] as const;

export async function rotateMemberKeys(em: EntityManager, from: PersonalDataKeys, to: PersonalDataKeys): Promise<RotationReport> {
  return em.transactional(async (tx) => {
    const run = <T extends object>(sql: string, params: unknown[] = []) => tx.getConnection().execute<T[]>(sql, params, 'all', tx.getTransactionContext());
    await run(`lock table ${TABLES.map((t) => t.table).join(', ')} in exclusive mode`);
    const counts: number[] = [];
    for (const { table, sealed, hash } of TABLES) {
      const rows = await run<Record<string, string | number | null>>(`select id, ${sealed.join(', ')} from ${table} where ${sealed.map((c) => `${c} is not null`).join(' or ')}`);
      // Hashes are unique per enterprise: clear them first so the new ones never meet old ones.
      if (hash && rows.length) await run(`update ${table} set ${hash} = 'rotating-' || id`);
      for (const row of rows) {
        const values = sealed.map((c) => (row[c] === null ? null : to.seal(from.open(String(row[c])))));
        const sets = sealed.map((c) => `${c} = ?`);
        const params: unknown[] = [...values];
        if (hash) {
          sets.push(`${hash} = ?`);
          params.push(to.hash(from.open(String(row.id_number_sealed))));
        }
        params.push(row.id);
        await run(`update ${table} set ${sets.join(', ')} where id = ?`, params);
      }
      counts.push(rows.length);
    }
    return { members: counts[0]!, applicants: counts[1]!, imports: counts[2]! };
  });
}
