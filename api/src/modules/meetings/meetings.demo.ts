/**
 * Demo organisational life: twelve months of meetings for every demo branch with members — a
 * monthly 主题党日 and 支委会 (where a committee sits), a quarterly 大会 and 党课, the yearly
 * 组织生活会 and 民主评议 in January — signed into, recorded and approved by the committee above;
 * this month's held ones waiting for review, the rest still to come. About a quarter of the
 * branches skip some, so the compliance view shows red. Additive and idempotent (once per
 * enterprise); written in a few set-based statements.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomFrom } from '../../demo/people.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { DEMO_ROLLS } from '../members/members.demo.js';
import { Organization } from '../organizations/organization.entity.js';
import { committeeAbove } from '../organizations/committee-above.js';
import { Meeting } from './meeting.entity.js';
import { MEETING_LABEL, type MeetingType } from './meeting-types.js';

const THEMES = [
  '学习贯彻党的二十届四中全会精神', '“学雷锋”志愿服务进社区', '安全生产大讨论', '重温入党誓词，坚定理想信念', '节能降耗合理化建议征集', '“安全生产月”主题党日',
  '庆祝建党纪念日，重温入党誓词', '党员先锋岗挂牌亮诺', '参观廉政教育基地', '学习《中国共产党章程》', '“我为群众办实事”走访慰问', '年度工作回头看',
];
const LECTURES = ['以高质量党建引领企业高质量发展', '学习党章，做合格党员', '弘扬石油精神，践行初心使命', '从严治党永远在路上'];
const AGENDAS: Record<string, string[]> = {
  COMMITTEE: ['研究本月党建工作安排', '研究发展党员工作', '研究党费收缴和使用情况', '研究困难党员帮扶'],
  BRANCH_ASSEMBLY: ['通报支部季度工作', '讨论支部工作计划', '表决支部年度重点工作'],
};
const LEAVE = ['出差', '倒班值守', '病假', '外出学习培训', '家中有事'];
const METHODS = ['SELF', 'QR', 'CARD', 'RECORDER'];

interface Row {
  id: number;
  enterprise_id: number;
  organization_id: number;
  type: MeetingType;
  also: string[];
  topic: string;
  agenda: string;
  starts_at: string;
  ends_at: string;
  place: string;
  host_id: number | null;
  recorder_id: number | null;
  lecturer: string | null;
  status: string;
  minutes: string;
  resolutions: string;
  reviewer_id: number | null;
  submitted_at: string | null;
  approved_at: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant from a China date and time. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

export async function seedDemoMeetings(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - 11 + i, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  });
  for (const roll of DEMO_ROLLS) {
    const enterprise = await em.findOne(Enterprise, { slug: roll.enterprise });
    if (!enterprise) continue;
    const branches = await em.find(Organization, { enterprise, name: { $in: roll.branches.map(([name]) => name) }, level: 'BRANCH' }, { orderBy: { id: 'asc' } });
    if (branches.length === 0 || (await em.count(Meeting, { organization: { $in: branches.map((b) => b.id) } }))) continue;
    const people = await em.execute<{ id: number; organization_id: number; full: boolean; name: string; post: string | null }[]>(
      `select m.id, b.id as organization_id, m.category = 'FULL' as full, m.name, p.post
         from member m join organization o on o.id = m.organization_id join organization b on o.path like b.path || '%' and b.id = any(?::int[])
         left join member_post p on p.member_id = m.id and p.organization_id = b.id and p.ended_on is null
        where m.status = 'NORMAL' order by m.id`,
      [`{${branches.map((b) => b.id).join(',')}}`],
    );
    const rows: Row[] = [];
    const plan: { branch: Organization; type: MeetingType; day: string; from: string; to: string; also: string[] }[] = [];
    for (const branch of branches) {
      const roster = people.filter((p) => p.organization_id === branch.id);
      if (roster.length === 0) continue;
      const random = randomFrom(`meetings/${roll.enterprise}/${branch.name}`);
      const lax = random() < 0.25; // a quarter of the branches skip some of what they owe
      const skips = (p: number) => random() < (lax ? p : 0.02);
      const committee = roster.filter((p) => p.post).length >= 3;
      for (const { year, month } of months) {
        const ym = `${year}-${pad(month)}`;
        const day = (lo: number, hi: number) => `${ym}-${pad(lo + Math.floor(random() * (hi - lo + 1)))}`;
        if (!skips(0.3)) plan.push({ branch, type: 'THEME_DAY', day: day(10, 18), from: '14:30', to: '16:30', also: [] });
        if (committee && !skips(0.25)) plan.push({ branch, type: 'COMMITTEE', day: day(3, 8), from: '16:00', to: '17:00', also: [] });
        if (month % 3 === 2 && !skips(0.3)) plan.push({ branch, type: 'BRANCH_ASSEMBLY', day: day(22, 26), from: '14:30', to: '16:00', also: [] });
        if (month % 3 === 0 && !skips(0.35)) plan.push({ branch, type: 'PARTY_LECTURE', day: day(19, 25), from: '15:00', to: '16:30', also: [] });
        if (month === 1 && !skips(0.3)) plan.push({ branch, type: 'LIFE_MEETING', day: day(20, 26), from: '09:00', to: '11:30', also: ['BRANCH_ASSEMBLY'] });
        if (month === 1 && !skips(0.3)) plan.push({ branch, type: 'APPRAISAL', day: day(27, 28), from: '14:30', to: '16:30', also: [] });
      }
    }
    if (plan.length === 0) continue;
    const ids = (await em.execute<{ id: number }[]>(`select nextval('meeting_id_seq')::int as id from generate_series(1, ?)`, [plan.length])).map((r) => r.id);
    const reviewers = new Map<number, number | null>();
    for (const b of branches) reviewers.set(b.id, (await committeeAbove(em, b))?.id ?? null);
    const attendees: { meeting_id: number; member_id: number; voting: boolean; attendance: string; method: string | null; signed_in_at: string | null; leave_reason: string | null; absence_reason: string | null }[] = [];
    const motions: { meeting_id: number; title: string; expected: number; present: number; yes: number; no: number }[] = [];
    plan.forEach((p, i) => {
      const random = randomFrom(`meeting/${p.branch.id}/${p.type}/${p.day}`);
      const starts = at(p.day, p.from);
      const ends = at(p.day, p.to);
      const roster = people.filter((x) => x.organization_id === p.branch.id);
      const invited = p.type === 'COMMITTEE' ? roster.filter((x) => x.post) : roster;
      const secretary = roster.find((x) => x.post === 'SECRETARY') ?? roster[0]!;
      const recorder = roster.find((x) => x.post === 'ORGANIZATION') ?? roster[1] ?? secretary;
      const held = ends <= now;
      const thisMonth = p.day.slice(0, 7) === today.slice(0, 7);
      const status = !held ? 'PLANNED' : thisMonth ? (random() < 0.5 ? 'UNDER_REVIEW' : 'RECORDED') : 'APPROVED';
      const month = Number(p.day.slice(5, 7));
      const topic =
        p.type === 'THEME_DAY' ? THEMES[(month - 1) % THEMES.length]!
        : p.type === 'PARTY_LECTURE' ? LECTURES[Math.floor((month - 1) / 3)]!
        : p.type === 'LIFE_MEETING' ? `${Number(p.day.slice(0, 4)) - 1}年度组织生活会`
        : p.type === 'APPRAISAL' ? `${Number(p.day.slice(0, 4)) - 1}年度民主评议党员`
        : AGENDAS[p.type]![Math.floor(random() * AGENDAS[p.type]!.length)]!;
      let present = 0;
      let votingPresent = 0;
      for (const person of invited) {
        const r = random();
        const attendance = !held ? 'EXPECTED' : r < 0.88 ? 'PRESENT' : r < 0.96 ? 'ON_LEAVE' : 'ABSENT';
        if (attendance === 'PRESENT') {
          present += 1;
          if (person.full) votingPresent += 1;
        }
        attendees.push({
          meeting_id: ids[i]!,
          member_id: person.id,
          voting: person.full,
          attendance,
          method: attendance === 'PRESENT' ? METHODS[Math.floor(random() * METHODS.length)]! : null,
          signed_in_at: attendance === 'PRESENT' ? new Date(starts.getTime() - Math.floor(random() * 20) * 60_000).toISOString() : null,
          leave_reason: attendance === 'ON_LEAVE' ? LEAVE[Math.floor(random() * LEAVE.length)]! : null,
          absence_reason: attendance === 'ABSENT' ? LEAVE[Math.floor(random() * LEAVE.length)]! : null,
        });
      }
      const voting = invited.filter((x) => x.full).length;
      if (held && p.type === 'BRANCH_ASSEMBLY' && votingPresent * 2 > voting) {
        const yes = votingPresent - (random() < 0.3 ? 1 : 0);
        motions.push({ meeting_id: ids[i]!, title: '关于支部季度工作安排的表决', expected: voting, present: votingPresent, yes, no: votingPresent - yes });
      }
      rows.push({
        id: ids[i]!,
        enterprise_id: enterprise.id,
        organization_id: p.branch.id,
        type: p.type,
        also: p.also,
        topic,
        agenda: p.type === 'BRANCH_ASSEMBLY' ? AGENDAS.BRANCH_ASSEMBLY!.map((a, k) => `${'一二三'[k]}、${a}`).join('\n') : '',
        starts_at: starts.toISOString(),
        ends_at: ends.toISOString(),
        place: `${p.branch.name.replace('党支部', '')}会议室`,
        host_id: secretary.id,
        recorder_id: recorder.id,
        lecturer: p.type === 'PARTY_LECTURE' ? `${secretary.name}（支部书记）` : null,
        status,
        minutes: held ? `<p>${secretary.name}主持会议，${MEETING_LABEL[p.type]}围绕“${topic}”进行。应到${invited.length}人，实到${present}人。</p><p>与会党员结合岗位实际交流发言，会议达到预期目的。</p>` : '',
        resolutions: held && p.type === 'BRANCH_ASSEMBLY' ? '<p>会议通过了支部季度工作安排。</p>' : '',
        reviewer_id: status === 'PLANNED' || status === 'RECORDED' ? null : (reviewers.get(p.branch.id) ?? null),
        submitted_at: status === 'UNDER_REVIEW' || status === 'APPROVED' ? new Date(ends.getTime() + 86_400_000).toISOString() : null,
        approved_at: status === 'APPROVED' ? new Date(ends.getTime() + 4 * 86_400_000).toISOString() : null,
      });
    });
    await em.execute(
      `insert into meeting (id, enterprise_id, organization_id, type, also_counts_as, topic, agenda, starts_at, ends_at, place, host_id, recorder_id, lecturer, status,
                            sign_in_token, minutes, resolutions, reviewer_id, submitted_at, approved_at)
       select r.id, r.enterprise_id, r.organization_id, r.type, array(select jsonb_array_elements_text(r.also)), r.topic, r.agenda, r.starts_at, r.ends_at, r.place, r.host_id,
              r.recorder_id, r.lecturer, r.status, substr(md5(random()::text || r.id), 1, 22), r.minutes, r.resolutions, r.reviewer_id, r.submitted_at, r.approved_at
         from jsonb_to_recordset(?::jsonb) as r(id int, enterprise_id int, organization_id int, type text, also jsonb, topic text, agenda text, starts_at timestamptz, ends_at timestamptz,
                                               place text, host_id int, recorder_id int, lecturer text, status text, minutes text, resolutions text, reviewer_id int,
                                               submitted_at timestamptz, approved_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    await em.execute(
      `insert into meeting_attendee (enterprise_id, meeting_id, member_id, voting, attendance, sign_in_method, signed_in_at, leave_reason, absence_reason)
       select ?, a.meeting_id, a.member_id, a.voting, a.attendance, a.method, a.signed_in_at, a.leave_reason, a.absence_reason
         from jsonb_to_recordset(?::jsonb) as a(meeting_id int, member_id int, voting boolean, attendance text, method text, signed_in_at timestamptz, leave_reason text, absence_reason text)`,
      [enterprise.id, JSON.stringify(attendees)],
    );
    await em.execute(
      `insert into meeting_motion (enterprise_id, meeting_id, kind, title, expected, present, yes, no, abstain, passed)
       select ?, x.meeting_id, 'GENERAL', x.title, x.expected, x.present, x.yes, x.no, 0, x.yes * 2 > x.expected
         from jsonb_to_recordset(?::jsonb) as x(meeting_id int, title text, expected int, present int, yes int, no int)`,
      [enterprise.id, JSON.stringify(motions)],
    );
    created.push(`${rows.length} demo meetings in ${roll.enterprise}`);
  }
  return created;
}
