/**
 * Demo member records: a few hundred fictional members in the demo enterprises' branches, each
 * branch with a committee elected for three years and its 书记, 组织委员 and 宣传委员. Branches the
 * test suites build their own rolls in are left empty. Additive and idempotent (an enterprise
 * whose demo branches have members already is left alone).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../core/config.js';
import { person, randomFrom } from '../../demo/people.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CommitteePost, CommitteeTerm, MemberPost } from './committee.entity.js';
import { Member, MemberCategory, MemberStatus, MemberStatusChange } from './member.entity.js';
import { keysFromConfig } from './member.keys.js';

/** The branches that get members, by enterprise, with the ID numbers' region and the employer. */
export const DEMO_ROLLS: { enterprise: string; region: string; employer: string; branches: [name: string, size: number][] }[] = [
  {
    enterprise: 'huayou',
    region: '370503',
    employer: '华油能源集团',
    branches: [
      ['办公室党支部', 11], ['人力资源部党支部', 9], ['财务资产部党支部', 10], ['党群工作部党支部', 8], ['规划计划部党支部', 7],
      ['构造研究室党支部', 14], ['储层研究室党支部', 12], ['油藏工程研究所党支部', 16], ['信息中心党支部', 9],
      ['采油三队党支部', 18], ['采油四队党支部', 21], ['作业大队党支部', 24], ['机关党支部', 13],
      ['催化裂化车间党支部', 17], ['质量检验中心党支部', 10], ['油品储运党支部', 12], ['铁路运输党支部', 9],
      ['70101钻井队党支部', 15], ['70102钻井队党支部', 14], ['井下作业公司党支部', 19],
      ['城区加油站片区党支部', 11], ['油库管理党支部', 6],
    ],
  },
  {
    enterprise: 'jiangchuan-power',
    region: '360103',
    employer: '江川供电公司',
    branches: [
      ['办公室党支部', 8], ['发展策划部党支部', 7], ['安全监察部党支部', 6], ['变电运维一班党支部', 12], ['变电运维二班党支部', 11],
      ['城西供电所党支部', 10], ['配电运检班党支部', 13], ['输电运检中心党支部', 12], ['调度控制中心党支部', 9], ['物资供应中心党支部', 7],
    ],
  },
];

const POSITIONS = ['员工', '技术员', '工程师', '高级工程师', '班长', '主管', '技师', '副主任'];

export async function seedDemoMembers(em: EntityManager, config: Config): Promise<string[]> {
  const keys = keysFromConfig(config);
  const created: string[] = [];
  for (const roll of DEMO_ROLLS) {
    const enterprise = await em.findOne(Enterprise, { slug: roll.enterprise });
    if (!enterprise) continue;
    const branches = await em.find(Organization, { enterprise, name: { $in: roll.branches.map(([name]) => name) }, level: 'BRANCH' });
    if (await em.count(Member, { organization: { $in: branches.map((b) => b.id) } })) continue;
    let count = 0;
    for (const [name, size] of roll.branches) {
      const branch = branches.find((b) => b.name === name);
      if (!branch) continue;
      const random = randomFrom(`${roll.enterprise}/${name}`);
      const members: Member[] = [];
      for (let i = 0; i < size; i += 1) {
        const p = person(random, roll.region, 1958, 2001, count + i);
        const age = 2026 - Number(p.birthDate.slice(0, 4));
        // Admitted between 22 and 45, never in the future; about one in twelve still on probation.
        const probationary = age < 40 && random() < 0.08;
        const joinYear = probationary ? 2026 : Math.min(Number(p.birthDate.slice(0, 4)) + 22 + Math.floor(random() * 23), 2024);
        const joinedOn = probationary ? `2026-0${1 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` : `${joinYear}-${['03', '06', '07', '09', '12'][Math.floor(random() * 5)]}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const confirmedOn = probationary ? null : `${Number(joinedOn.slice(0, 4)) + 1}${joinedOn.slice(4)}`;
        const labels = [
          ...(age >= 65 ? ['老党员'] : []),
          ...(random() < 0.04 ? ['困难党员'] : []),
          ...(random() < 0.05 ? ['流动党员'] : []),
        ];
        const member = em.create(Member, {
          enterprise,
          organization: branch,
          name: p.name,
          sex: p.sex,
          birthDate: p.birthDate,
          ethnicity: random() < 0.93 ? '汉族' : ['回族', '满族', '蒙古族', '壮族'][Math.floor(random() * 4)]!,
          education: p.education,
          idNumberSealed: keys.seal(p.idNumber),
          idNumberHash: keys.hash(p.idNumber),
          phoneSealed: keys.seal(p.phone),
          addressSealed: null,
          employer: `${roll.employer}${name.replace(/党支部$/, '')}`,
          position: age >= 62 ? '退休' : POSITIONS[Math.floor(random() * POSITIONS.length)]!,
          joinedOn,
          confirmedOn,
          category: probationary ? MemberCategory.PROBATIONARY : MemberCategory.FULL,
          status: MemberStatus.NORMAL,
          labels: i === 0 ? ['党务工作者', ...labels] : labels,
        } as never) as Member;
        members.push(member);
      }
      await em.flush();
      for (const m of members) em.create(MemberStatusChange, { enterprise, member: m, status: MemberStatus.NORMAL, effectiveOn: m.joinedOn, reason: '建档', recordedBy: null });
      // A committee for branches of seven full members or more (DOMAIN-RULES §1), elected in 2024.
      const full = members.filter((m) => m.category === MemberCategory.FULL);
      if (full.length >= 7) {
        const electedOn = `2024-0${3 + (count % 6)}-15`;
        em.create(CommitteeTerm, { enterprise, organization: branch, electedOn, termYears: 3, recordedBy: null });
        const posts = [CommitteePost.SECRETARY, CommitteePost.ORGANIZATION, CommitteePost.PROPAGANDA];
        posts.forEach((post, k) => em.create(MemberPost, { enterprise, member: full[k]!, organization: branch, post, startedOn: electedOn, endedOn: null } as never));
      }
      count += members.length;
    }
    await em.flush();
    em.clear(); // what follows in the seed's transaction need not track these rows
    created.push(`${count} demo members in ${roll.enterprise}`);
  }
  return created;
}
