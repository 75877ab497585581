/**
 * 学习积分 through the real endpoint: points per action with the day's cap — set per enterprise —
 * each source awarded once; the leaderboard of an organisation, names hidden on request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'member'] });
const { groupAdmin, plantAdmin, member } = as;
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const POINTS = `query($y: Int!) { myPoints(year: $y) { total today { action points cap } hideName } }`;

async function practiseOnce(): Promise<void> {
  const started = await expectOk(member, `mutation { practiceStart { attempt { id } userErrors { code } } }`);
  await expectOk(member, `mutation($id: ID!) { attemptSubmit(id: $id) { userErrors { code } } }`, { id: started.practiceStart.attempt.id });
}

describe('学习积分', () => {
  beforeAll(async () => {
    await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 1, logins: ['13800000001'], seed: 12 });
  }, 60_000);

  it('caps each action per day, as the enterprise sets it', async () => {
    // Practice handed in unanswered: 1 point each (not full marks), at most 6 a day.
    for (let i = 0; i < 7; i++) await practiseOnce();
    const points = (await member(POINTS, { y: YEAR })).data!.myPoints;
    expect(points.today.find((t: { action: string }) => t.action === 'PRACTICE')).toEqual({ action: 'PRACTICE', points: 6, cap: 6 });
    expect(points.total).toBe(6);
    // The enterprise raises the cap: the next practice counts again.
    await expectOk(groupAdmin, `mutation($i: LocalRuleSetInput!) { localRuleSet(input: $i) { userErrors { code message } } }`, { i: { enterpriseId: gid('Enterprise', 1), key: 'learning.points.practiceDailyCap', value: 10 } });
    await practiseOnce();
    expect((await member(POINTS, { y: YEAR })).data!.myPoints).toMatchObject({ total: 7, today: expect.arrayContaining([{ action: 'PRACTICE', points: 7, cap: 10 }]) });
  });

  it('ranks the organisation’s members, without the name of those who hide it', async () => {
    const BOARD = `query($o: ID!, $y: Int!) { learningLeaderboard(organizationId: $o, year: $y) { rank name organizationName points you } }`;
    const plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    const named = (await plantAdmin(BOARD, { o: plant, y: YEAR })).data!.learningLeaderboard;
    expect(named[0]).toMatchObject({ rank: 1, name: '张伟', organizationName: '采油一队党支部', points: 7, you: false });
    await expectOk(member, `mutation { learningProfileSet(hideName: true) { ok userErrors { code } } }`);
    expect((await plantAdmin(BOARD, { o: plant, y: YEAR })).data!.learningLeaderboard[0]).toMatchObject({ name: '匿名党员', points: 7 });
    expect((await member(BOARD, { o: plant, y: YEAR })).data!.learningLeaderboard[0]).toMatchObject({ name: '张伟', you: true });
    // Another subsidiary's board is not his to read.
    expect((await member(BOARD, { o: gid('Organization', await orgId(db, '炼化分公司党委')), y: YEAR })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
