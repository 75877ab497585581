/**
 * The checks of DOMAIN-RULES §1 c on an organisation, computed from member records and committee
 * terms: a branch with fewer than 3 full members or more than 50 members, 7 or more full members
 * and no committee, an election due or overdue. Only for those who read the subtree's records.
 */
import { defineLoader } from '../../core/graphql/loaders.js';
import { readsMembersOf } from './member.access.js';
import { ELECTION_REMINDER_DAYS } from './member.local-rules.js';
import { chinaToday } from './member.rules.js';

export const OrganizationWarningCode = {
  FEW_FULL_MEMBERS: 'FEW_FULL_MEMBERS',
  TOO_MANY_MEMBERS: 'TOO_MANY_MEMBERS',
  NO_COMMITTEE: 'NO_COMMITTEE',
  ELECTION_DUE: 'ELECTION_DUE',
  ELECTION_OVERDUE: 'ELECTION_OVERDUE',
} as const;
export type OrganizationWarningCode = (typeof OrganizationWarningCode)[keyof typeof OrganizationWarningCode];

export interface OrganizationWarning {
  code: OrganizationWarningCode;
  message: string;
  source: string;
  /** For elections: the day the term ends. */
  dueOn: string | null;
}

const BRANCH_RULES = 'DOMAIN-RULES §1, 中国共产党支部工作条例（试行）';
const TERM_RULES = 'DOMAIN-RULES §1, 党章; 基层组织选举工作条例';

interface Facts {
  id: number;
  level: string;
  full_members: number;
  members: number;
  committee_posts: number;
  term_ends_on: string | null;
  lead_days: number;
}

/** What the figures say, in the words a branch secretary expects. */
export function warningsFrom(facts: Facts, today: string): OrganizationWarning[] {
  const warnings: OrganizationWarning[] = [];
  if (facts.level === 'BRANCH') {
    if (facts.full_members < 3) {
      warnings.push({ code: 'FEW_FULL_MEMBERS', message: `正式党员不足3名（现有${facts.full_members}名），应与邻近单位的党员联合成立党支部。`, source: BRANCH_RULES, dueOn: null });
    }
    if (facts.members > 50) {
      warnings.push({ code: 'TOO_MANY_MEMBERS', message: `党员超过50名（现有${facts.members}名），可按程序成立党总支或分设党支部。`, source: BRANCH_RULES, dueOn: null });
    }
    if (facts.full_members >= 7 && facts.committee_posts < 3) {
      warnings.push({ code: 'NO_COMMITTEE', message: `正式党员${facts.full_members}名，应设立支部委员会（3至5人），现有在任委员${facts.committee_posts}名。`, source: BRANCH_RULES, dueOn: null });
    }
  }
  if (facts.term_ends_on) {
    const remind = new Date(`${facts.term_ends_on}T00:00:00Z`);
    remind.setUTCDate(remind.getUTCDate() - facts.lead_days);
    if (facts.term_ends_on < today) {
      warnings.push({ code: 'ELECTION_OVERDUE', message: `本届委员会任期已于${facts.term_ends_on}届满，尚未记录换届选举；延期换届须经上级党组织批准，且不超过1年。`, source: TERM_RULES, dueOn: facts.term_ends_on });
    } else if (remind.toISOString().slice(0, 10) <= today) {
      warnings.push({ code: 'ELECTION_DUE', message: `本届委员会任期将于${facts.term_ends_on}届满，请做好换届选举准备。`, source: TERM_RULES, dueOn: facts.term_ends_on });
    }
  }
  return warnings;
}

/** Warnings by organisation id; null where the caller may not read the subtree's member records. */
export const organizationWarnings = defineLoader<number, OrganizationWarning[] | null>(async (ctx, ids) => {
  const reads = await readsMembersOf(ctx).loadMany(ids);
  const readable = ids.filter((_, i) => reads[i] === true);
  if (readable.length === 0) return ids.map(() => null);
  // One statement for the page: members counted over each branch's subtree (its 党小组), current
  // posts, the latest term, and the enterprise's reminder lead time.
  const facts = await ctx.em.getConnection().execute<Facts[]>(
    `with o as (select id, path, level, enterprise_id from organization where id = any(?::int[]))
     select o.id, o.level,
            coalesce(c.full_members, 0)::int as full_members, coalesce(c.members, 0)::int as members,
            (select count(*) from member_post p where p.organization_id = o.id and p.ended_on is null)::int as committee_posts,
            (select to_char(t.elected_on + make_interval(years => t.term_years), 'YYYY-MM-DD') from committee_term t
              where t.organization_id = o.id order by t.elected_on desc limit 1) as term_ends_on,
            coalesce((select s.value from local_rule_setting s where s.enterprise_id = o.enterprise_id and s.key = ?), ?)::int as lead_days
       from o
       left join lateral (
         select count(*) filter (where m.category = 'FULL') as full_members, count(*) as members
           from organization mo join member m on m.organization_id = mo.id and m.status = 'NORMAL'
          where o.level = 'BRANCH' and mo.path like o.path || '%'
       ) c on true`,
    [`{${readable.join(',')}}`, ELECTION_REMINDER_DAYS.key, ELECTION_REMINDER_DAYS.default],
  );
  const today = chinaToday();
  const byId = new Map(facts.map((f) => [f.id, warningsFrom(f, today)]));
  return ids.map((id) => byId.get(id) ?? null);
});
