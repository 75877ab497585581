/**
 * Demo tenants. Fictional, but shaped like real groups: an oilfield group with subsidiaries and a
 * power-supply company. `portal` marks the organisations that run their own portal site.
 */
import type { Role } from '../core/authz/roles.js';
import type { OrganizationLevel } from '../modules/organizations/organization-level.js';

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'Dangjian@2026';

export interface DemoUser {
  displayName: string;
  email?: string;
  phone?: string;
  /** Roles by organisation name (names used here are unique within their enterprise). */
  roles: { organization: string; role: Role }[];
}

export interface DemoOrg {
  name: string;
  level: OrganizationLevel;
  portal?: { slug: string; title: string; hosts: string[] };
  children?: DemoOrg[];
}

export interface DemoEnterprise {
  slug: string;
  name: string;
  shortName: string;
  root: DemoOrg;
  users: DemoUser[];
}

export const demoPlatformAdmin = { displayName: '平台运维', email: 'platform@dangjian.example' };

const branch = (name: string, ...groups: string[]): DemoOrg => ({
  name,
  level: 'BRANCH',
  children: groups.map((g) => ({ name: g, level: 'GROUP' })),
});
const generalBranch = (name: string, ...children: DemoOrg[]): DemoOrg => ({ name, level: 'GENERAL_BRANCH', children });
const committee = (name: string, children: DemoOrg[], portal?: DemoOrg['portal']): DemoOrg => ({ name, level: 'COMMITTEE', children, portal });

export const demoEnterprises: DemoEnterprise[] = [
  {
    slug: 'huayou',
    name: '华油能源集团有限公司',
    shortName: '华油集团',
    root: committee(
      '华油能源集团有限公司党委',
      [
        committee('集团机关党委', [branch('办公室党支部'), branch('人力资源部党支部'), branch('财务资产部党支部'), branch('党群工作部党支部'), branch('规划计划部党支部')]),
        committee('勘探开发研究院党委', [
          generalBranch('地质研究所党总支', branch('构造研究室党支部', '第一党小组', '第二党小组'), branch('储层研究室党支部')),
          branch('油藏工程研究所党支部'),
          branch('信息中心党支部'),
        ]),
        committee(
          '第一采油厂党委',
          [
            generalBranch(
              '采油一矿党总支',
              branch('采油一队党支部', '第一党小组', '第二党小组'),
              branch('采油二队党支部'),
              branch('注水队党支部'),
            ),
            generalBranch('采油二矿党总支', branch('采油三队党支部'), branch('采油四队党支部', '第一党小组', '第二党小组', '第三党小组')),
            branch('作业大队党支部'),
            branch('机关党支部'),
          ],
          { slug: 'huayou-caiyou1', title: '第一采油厂党建网', hosts: ['cy1.huayou.localhost', 'dj.cy1.huayou-energy.example'] },
        ),
        committee(
          '炼化分公司党委',
          [
            branch('常减压车间党支部'),
            branch('催化裂化车间党支部'),
            branch('质量检验中心党支部'),
            generalBranch('储运部党总支', branch('油品储运党支部'), branch('铁路运输党支部')),
          ],
          { slug: 'huayou-lianhua', title: '炼化分公司党建园地', hosts: ['lh.huayou.localhost', 'dj.lh.huayou-energy.example'] },
        ),
        committee('油田工程服务公司党委', [
          generalBranch('钻井一公司党总支', branch('70101钻井队党支部'), branch('70102钻井队党支部')),
          branch('井下作业公司党支部'),
        ]),
        committee('销售分公司党委', [branch('城区加油站片区党支部'), branch('油库管理党支部')]),
      ],
      { slug: 'huayou', title: '华油集团智慧党建', hosts: ['huayou.localhost', 'dangjian.huayou-energy.example'] },
    ),
    users: [
      { displayName: '王建国', email: 'admin@huayou.example', roles: [{ organization: '华油能源集团有限公司党委', role: 'ORG_ADMIN' }] },
      { displayName: '吴敏', email: 'reviewer@huayou.example', roles: [{ organization: '华油能源集团有限公司党委', role: 'REVIEWER' }] },
      { displayName: '李红梅', email: 'admin@cy1.huayou.example', roles: [{ organization: '第一采油厂党委', role: 'ORG_ADMIN' }] },
      { displayName: '赵志刚', email: 'reviewer@cy1.huayou.example', roles: [{ organization: '第一采油厂党委', role: 'REVIEWER' }] },
      { displayName: '陈静', email: 'editor@cy1.huayou.example', roles: [{ organization: '采油一队党支部', role: 'EDITOR' }, { organization: '采油一队党支部', role: 'MEMBER' }] },
      { displayName: '张伟', phone: '13800000001', roles: [{ organization: '采油一队党支部', role: 'MEMBER' }] },
      { displayName: '刘洋', email: 'admin@lh.huayou.example', roles: [{ organization: '炼化分公司党委', role: 'ORG_ADMIN' }] },
    ],
  },
  {
    slug: 'jiangchuan-power',
    name: '江川供电有限公司',
    shortName: '江川供电',
    root: committee(
      '江川供电有限公司党委',
      [
        generalBranch('公司机关党总支', branch('办公室党支部'), branch('发展策划部党支部'), branch('安全监察部党支部')),
        generalBranch('变电运维中心党总支', branch('变电运维一班党支部'), branch('变电运维二班党支部')),
        branch('营销服务中心党支部'),
        committee('城区供电分公司党委', [branch('城东供电所党支部'), branch('城西供电所党支部'), branch('配电运检班党支部', '抢修党小组', '运检党小组')]),
        branch('输电运检中心党支部'),
        branch('调度控制中心党支部'),
        branch('物资供应中心党支部'),
      ],
      { slug: 'jiangchuan', title: '江川供电党建', hosts: ['jcpower.localhost', 'dangjian.jiangchuan-power.example'] },
    ),
    users: [
      { displayName: '孙丽', email: 'admin@jcpower.example', roles: [{ organization: '江川供电有限公司党委', role: 'ORG_ADMIN' }] },
      { displayName: '郑华', email: 'reviewer@jcpower.example', roles: [{ organization: '江川供电有限公司党委', role: 'REVIEWER' }] },
      { displayName: '周强', phone: '13900000002', roles: [{ organization: '城东供电所党支部', role: 'MEMBER' }] },
    ],
  },
];
