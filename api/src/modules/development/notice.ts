/**
 * The 公示 of a development stage, as a 党务公开 disclosure (category 组织建设) whose feedback
 * inbox receives the objections: posted at once, running for the enterprise's LOCAL number of
 * working days on the national calendar counted from the day after it is posted, to the end of
 * the last of them.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { badInput } from '../../core/graphql/errors.js';
import { exceptionsBetween, noticeWindow } from '../calendar/calendar.service.js';
import { workingDaysBetween } from '../calendar/working-days.js';
import type { Content } from '../content/content.entity.js';
import { DisclosureScope } from '../disclosures/disclosure-enums.js';
import { publishDecisionNotice } from '../disclosures/disclosure.service.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';
import { chinaToday, pastDate, ruleRefusal } from '../members/member.rules.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { Applicant } from './development.entity.js';
import { NOTICE_WORKING_DAYS } from './development.local-rules.js';
import { SOURCE } from './rules.js';
import { daysLater } from './stages.js';

const EDUCATION_SUFFIX = /学历$/;
const yearMonth = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月`;
const chineseDay = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** China midnight of a day, as an instant. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

export interface OpenedNotice {
  content: Content;
  first: string;
  last: string;
  workingDays: number;
}

/**
 * A notice already held, entered from the paper records (a development taken over mid-way): its
 * days must follow the decision, be over, and cover the LOCAL number of working days.
 */
export interface HeldNotice {
  startsOn: string;
  endsOn: string;
}

async function heldWindow(tx: EntityManager, held: HeldNotice, decidedOn: string, n: number): Promise<{ first: string; last: string }> {
  const startsOn = pastDate(held.startsOn, 'noticeHeld.startsOn');
  const endsOn = pastDate(held.endsOn, 'noticeHeld.endsOn');
  if (startsOn <= decidedOn) throw badInput('A notice is held after the decision it makes public.', 'noticeHeld.startsOn');
  if (endsOn >= chinaToday()) throw badInput('Only a notice that is over can be entered from the records; otherwise leave noticeHeld out and it opens now.', 'noticeHeld.endsOn');
  const days = workingDaysBetween(startsOn, endsOn, await exceptionsBetween(tx, startsOn, endsOn));
  if (days < n) throw ruleRefusal(`公示期不少于${n}个工作日（${startsOn}至${endsOn}只有${days}个工作日）。`, 'development.notice', SOURCE.notice);
  return { first: startsOn, last: endsOn };
}

export async function openNotice(
  tx: EntityManager,
  actor: Actor,
  applicant: Applicant,
  branch: Organization,
  kind: 'CANDIDATE' | 'CONFIRMATION',
  options: { scope?: DisclosureScope | null; held?: HeldNotice | null; decidedOn: string },
): Promise<OpenedNotice> {
  const n = await localRuleValue(tx, applicant.enterprise.id, NOTICE_WORKING_DAYS.key);
  const scope = options.scope ?? DisclosureScope.WHOLE_ENTERPRISE;
  // Counted from the day after it is posted (a decision is never later than today).
  const { first, last } = options.held ? await heldWindow(tx, options.held, options.decidedOn, n) : await noticeWindow(tx, daysLater(chinaToday(), 1), n);
  const who = escape(applicant.name);
  const facts = [
    who,
    applicant.sex === 'MALE' ? '男' : '女',
    applicant.ethnicity ? escape(applicant.ethnicity) : null,
    `${yearMonth(applicant.birthDate)}生`,
    applicant.education ? `${escape(applicant.education.replace(EDUCATION_SUFFIX, ''))}学历` : null,
    applicant.employer || applicant.position ? escape(`${applicant.employer ?? ''}${applicant.position ?? ''}`) : null,
  ].filter(Boolean);
  const history =
    kind === 'CANDIDATE'
      ? `${chineseDay(applicant.appliedOn)}递交入党申请书，${chineseDay(applicant.activistOn!)}被确定为入党积极分子。`
      : `${chineseDay(applicant.admittedOn!)}经支部大会讨论接收为预备党员，预备期至${chineseDay(applicant.probationEndsOn!)}。`;
  const title = kind === 'CANDIDATE' ? `关于拟将${applicant.name}同志确定为发展对象的公示` : `关于${applicant.name}同志预备党员转正的公示`;
  const proposal = kind === 'CANDIDATE' ? `拟将${who}同志确定为发展对象` : `拟讨论${who}同志预备党员转正`;
  const bodyHtml = [
    `<p>经${escape(branch.name)}支部委员会研究，${proposal}。现将有关情况公示如下：</p>`,
    `<p>${facts.join('，')}。${history}</p>`,
    `<p>公示时间：${chineseDay(first)}至${chineseDay(last)}（${n}个工作日）。公示期间，党员和群众可通过本页“意见反馈”，向${escape(branch.name)}反映该同志的情况和问题。反映问题应实事求是。</p>`,
    `<p>${escape(branch.name)}</p>`,
  ].join('');
  const content = await publishDecisionNotice(tx, actor, {
    organizationId: branch.id,
    title,
    bodyHtml,
    scope,
    // Posted now, objections welcome from now; the 公示期 counts working days from `first`.
    noticeStartsAt: options.held ? chinaMidnight(first) : new Date(),
    noticeEndsAt: chinaMidnight(daysLater(last, 1)),
    decision: kind === 'CANDIDATE' ? '支委会确定发展对象的决定' : '预备党员转正申请',
  });
  return { content, first, last, workingDays: n };
}
