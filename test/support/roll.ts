/** A branch roll made through the API for meeting tests: full members (the first ones linked to accounts), then probationary ones. */
import { checkCharacter } from '../../api/src/modules/members/id-number.js';
import type { TestDatabase } from './database.js';
import { expectOk, gid, orgId, userId, type Gql } from './identity.js';

export const ROLL_NAMES = ['张伟', '陈静', '王磊', '李娜', '刘洋', '杨帆', '赵敏', '黄河', '周杰', '吴芳', '徐亮', '孙倩', '马超', '朱丽', '胡军', '郭涛', '何平', '高峰', '林霞', '罗斌', '梁红', '宋佳', '唐亮', '韩雪'];

export interface RollOptions {
  /** The branch (or group) by its unique name — or by id where names repeat (党小组). */
  branch: string;
  organizationId?: number;
  full: number;
  probationary?: number;
  /** Logins to link, in order, to the first members. */
  logins?: string[];
  /** Names for the first members (the rest are taken from ROLL_NAMES). */
  names?: string[];
  /** Distinguishes the ID numbers of rolls made in one database. */
  seed?: number;
}

/** Creates the members; returns their global ids by name, in order. */
export async function createRoll(admin: Gql, db: TestDatabase, o: RollOptions): Promise<{ name: string; id: string }[]> {
  const organizationId = gid('Organization', o.organizationId ?? (await orgId(db, o.branch)));
  const out: { name: string; id: string }[] = [];
  const total = o.full + (o.probationary ?? 0);
  for (let i = 0; i < total; i += 1) {
    const full = i < o.full;
    const body = `3701021975${String(1 + (i % 12)).padStart(2, '0')}${String(10 + (i % 18)).padStart(2, '0')}${String((100 + (o.seed ?? 0) * 50 + i) % 1000).padStart(3, '0')}`;
    const login = o.logins?.[i];
    const name = o.names?.[i] ?? ROLL_NAMES[i % ROLL_NAMES.length]! + (i >= ROLL_NAMES.length ? String(i) : '');
    const res = await expectOk(admin, `mutation($i: MemberInputType!) { memberCreate(input: $i) { member { id } userErrors { code message } } }`, {
      i: { organizationId, name, idNumber: body + checkCharacter(body), joinedOn: full ? '2010-07-01' : '2026-06-01', confirmedOn: full ? '2011-07-01' : null, category: full ? 'FULL' : 'PROBATIONARY', userId: login ? gid('User', await userId(db, login)) : null },
    });
    out.push({ name, id: res.memberCreate.member.id });
  }
  return out;
}
