/**
 * Courses and 学时 through the real endpoint: a course of a lesson and a video, published to the
 * subtree; study time credited from heartbeats by wall time — a jump to a video's end completes
 * nothing; the hours in the member's year, their e-handbook and the branch's compliance.
 * (Elapsed time is simulated by moving the last heartbeat back, not by waiting.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['plantAdmin', 'refineryAdmin', 'powerAdmin', 'member'] });
const { plantAdmin, refineryAdmin, powerAdmin, member } = as;
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const BEAT = `mutation($i: ID!, $p: Int) { studyHeartbeat(itemId: $i, position: $p) { progress { creditedSeconds percent completedAt } userErrors { code } } }`;
const back = (seconds: number) => db.query(`update study_progress set last_beat_at = now() - make_interval(secs => $1)`, [seconds]);

describe('courses and 学时', () => {
  let course: string;
  let lesson: string;
  let video: string;

  beforeAll(async () => {
    await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 2, logins: ['13800000001'], seed: 8 });
  }, 60_000);

  it('is set up by the keepers and published to the subtree’s members only', async () => {
    const made = await expectOk(plantAdmin, `mutation($i: CourseInput!) { courseCreate(input: $i) { course { id status } userErrors { code field message } } }`, {
      i: {
        organizationId: gid('Organization', await orgId(db, '第一采油厂党委')),
        title: '学习党章 做合格党员',
        dimension: 'POLITICAL',
        items: [
          { title: '党章总纲导读', body: '<p>中国共产党是中国工人阶级的先锋队……</p><script>x()</script>', mode: 'READ', requiredSeconds: 10, hours: 0.5 },
          { title: '微党课：支部书记讲党章', body: '<p>视频讲座</p>', mode: 'VIDEO', requiredSeconds: 60, hours: 1 },
        ],
      },
    });
    course = made.courseCreate.course.id;
    const READ = `query($id: ID!) { node(id: $id) { ... on Course { title status hours items { id title mode hours body myProgress { percent } } } } }`;
    expect((await member(READ, { id: course })).data?.node ?? null).toBeNull(); // a draft
    await expectOk(plantAdmin, `mutation($id: ID!) { coursePublish(id: $id) { userErrors { code } } }`, { id: course });
    const seen = (await member(READ, { id: course })).data!.node;
    expect(seen).toMatchObject({ status: 'PUBLISHED', hours: 1.5 });
    expect(seen.items[0].body).not.toContain('script');
    [lesson, video] = seen.items.map((i: { id: string }) => i.id);
    for (const who of [refineryAdmin, powerAdmin]) expect((await who(READ, { id: course })).data?.node ?? null).toBeNull();
    expect(outcome(await plantAdmin(BEAT, { i: lesson, p: 0 }), 'studyHeartbeat')).toBe('FORBIDDEN'); // the admin is no member here
  });

  it('credits reading time by the wall clock and completes the lesson at its minimum', async () => {
    expect((await expectOk(member, BEAT, { i: lesson, p: 0 })).studyHeartbeat.progress).toMatchObject({ creditedSeconds: 0, completedAt: null });
    await back(6);
    expect((await expectOk(member, BEAT, { i: lesson, p: 0 })).studyHeartbeat.progress).toMatchObject({ creditedSeconds: 6, percent: 60 });
    await back(12);
    expect((await expectOk(member, BEAT, { i: lesson, p: 0 })).studyHeartbeat.progress).toMatchObject({ creditedSeconds: 10, percent: 100, completedAt: expect.any(String) });
  });

  it('does not complete a video by jumping to its end', async () => {
    await expectOk(member, BEAT, { i: video, p: 0 });
    await back(15);
    expect((await expectOk(member, BEAT, { i: video, p: 59 })).studyHeartbeat.progress).toMatchObject({ creditedSeconds: 15, completedAt: null });
  });

  it('counts the hours in the member’s year, their e-handbook and the branch’s compliance', async () => {
    expect((await member(`query($y: Int!) { myStudy(year: $y) { online offline total target } }`, { y: YEAR })).data!.myStudy).toEqual({ online: 0.5, offline: 0, total: 0.5, target: 32 });
    expect((await member(`query($y: Int!) { memberHandbook(year: $y) { onlineStudyHours } }`, { y: YEAR })).data!.memberHandbook.onlineStudyHours).toBe(0.5);
    const life = (await plantAdmin(`query($o: ID!, $p: String!) { organizationLife(organizationId: $o, period: $p) { branches { rows { item required held status note } } } }`, { o: gid('Organization', await orgId(db, '采油一队党支部')), p: String(YEAR) })).data!.organizationLife;
    expect(life.branches[0].rows.find((r: { item: string }) => r.item === 'CLASS_HOURS')).toMatchObject({ required: 2, held: 0, note: '人均0.3学时，目标32学时' });
  });
});
