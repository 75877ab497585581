/**
 * The 学习地图 through the real endpoint: the group publishes a map for a role, the plant adds a
 * course of its own for its subtree and cannot remove the group's; a member sees the map of their
 * role — derived from their posts — with their progress and hours against the target.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSuite } from '../support/fixture.js';
import { expectOk, gid, orgId, outcome } from '../support/identity.js';
import { createRoll } from '../support/roll.js';

const { db, as } = useSuite({ actors: ['groupAdmin', 'plantAdmin', 'powerAdmin', 'member'] });
const { groupAdmin, plantAdmin, powerAdmin, member } = as;
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const COURSE = `mutation($i: CourseInput!) { courseCreate(input: $i) { course { id } userErrors { message } } }`;
const PUBLISH = `mutation($id: ID!) { coursePublish(id: $id) { userErrors { message } } }`;
const MY = `query($y: Int!) { myLearningMap(year: $y) { role roleLabel targetHours hours items { course { title } required addedBy percent } } }`;

describe('学习地图', () => {
  let root: string;
  let plant: string;
  let zhang: { id: string };

  beforeAll(async () => {
    root = gid('Organization', await orgId(db, '华油能源集团有限公司党委'));
    plant = gid('Organization', await orgId(db, '第一采油厂党委'));
    zhang = (await createRoll(plantAdmin, db, { branch: '采油一队党支部', full: 1, logins: ['13800000001'], seed: 10 }))[0]!;
  }, 60_000);

  it('is published above, extended below, and never cut from below', async () => {
    const lesson = (title: string) => ({ title, body: '<p>学习内容</p>', mode: 'READ', requiredSeconds: 60, hours: 1 });
    const a = (await expectOk(groupAdmin, COURSE, { i: { organizationId: root, title: '党章学习', dimension: 'POLITICAL', items: [lesson('总纲')] } })).courseCreate.course.id;
    const b = (await expectOk(plantAdmin, COURSE, { i: { organizationId: plant, title: '采油安全规程', dimension: 'PROFESSIONAL', items: [lesson('井口操作')] } })).courseCreate.course.id;
    await expectOk(groupAdmin, PUBLISH, { id: a });
    await expectOk(plantAdmin, PUBLISH, { id: b });
    const PUBLISH_MAP = `mutation($i: LearningMapInput!) { learningMapPublish(input: $i) { ok userErrors { code field } } }`;
    expect(outcome(await plantAdmin(PUBLISH_MAP, { i: { organizationId: root, year: YEAR, role: 'MEMBER', targetHours: 32, items: [{ courseId: a, required: true }] } }), 'learningMapPublish')).toBe('FORBIDDEN');
    await expectOk(groupAdmin, PUBLISH_MAP, { i: { organizationId: root, year: YEAR, role: 'MEMBER', targetHours: 32, items: [{ courseId: a, required: true }] } });
    const MAPS = `query($o: ID!, $y: Int!) { learningMaps(organizationId: $o, year: $y) { id organizationName role targetHours items { id courseTitle required addedBy } } }`;
    const [map] = (await plantAdmin(MAPS, { o: plant, y: YEAR })).data!.learningMaps;
    expect(map).toMatchObject({ organizationName: '华油能源集团有限公司党委', role: 'MEMBER', targetHours: 32, items: [{ courseTitle: '党章学习', required: true }] });
    await expectOk(plantAdmin, `mutation($m: ID!, $i: LearningMapInput!) { learningMapAdd(mapId: $m, input: $i) { ok userErrors { code } } }`, { m: map.id, i: { organizationId: plant, year: YEAR, role: 'MEMBER', items: [{ courseId: b, required: false }] } });
    const REMOVE = `mutation($id: ID!) { learningMapItemRemove(id: $id) { ok userErrors { code } } }`;
    expect(outcome(await plantAdmin(REMOVE, { id: map.items[0].id }), 'learningMapItemRemove')).toBe('FORBIDDEN');
    expect((await powerAdmin(MAPS, { o: plant, y: YEAR })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the member the map of their role with progress and hours against the target', async () => {
    const map = (await member(MY, { y: YEAR })).data!.myLearningMap;
    expect(map).toMatchObject({ role: 'MEMBER', roleLabel: '党员', targetHours: 32, hours: 0 });
    expect(map.items).toEqual([
      { course: { title: '党章学习' }, required: true, addedBy: '华油能源集团有限公司党委', percent: 0 },
      { course: { title: '采油安全规程' }, required: false, addedBy: '第一采油厂党委', percent: 0 },
    ]);
    // As the branch's 书记 the member follows the secretaries' map (none published: no target).
    const id = Number(Buffer.from(zhang.id, 'base64url').toString().split(':')[1]);
    await db.query(`insert into member_post (enterprise_id, member_id, organization_id, post, started_on) select enterprise_id, id, organization_id, 'SECRETARY', '2026-01-01' from member where id = $1`, [id]);
    expect((await member(MY, { y: YEAR })).data!.myLearningMap).toMatchObject({ role: 'SECRETARY', roleLabel: '基层党组织书记', targetHours: null, items: [] });
  });
});
