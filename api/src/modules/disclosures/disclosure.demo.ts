/**
 * Demo disclosures (党务公开): proposed by the author, secrecy-reviewed and approved by the people
 * the data names, through the disclosure service, then dated back; one notice is still open.
 * Additive and idempotent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { demoActor, publishDemoItem } from '../content/content.demo.js';
import { demoOwner } from '../organizations/organization.demo.js';
import type { DisclosureCategory, DisclosureScope } from './disclosure-enums.js';
import { approveDisclosure, createDisclosure, reviewDisclosure } from './disclosure.service.js';

/** Demo disclosures (党务公开), approved, with their secrecy review recorded; one notice is still open. */
export interface DemoDisclosure {
  enterprise: string;
  organization: string;
  author: string;
  reviewer: string;
  approver: string;
  title: string;
  bodyHtml: string;
  category: DisclosureCategory;
  scope: DisclosureScope;
  publishedDaysAgo: number;
  /** Notice window relative to the seed: [start, end] in days. */
  noticeDays?: [number, number];
}

export const demoDisclosures: DemoDisclosure[] = [
  {
    enterprise: 'huayou',
    organization: '采油一队党支部',
    author: 'editor@cy1.huayou.example',
    reviewer: 'reviewer@cy1.huayou.example',
    approver: 'admin@cy1.huayou.example',
    title: '关于拟发展李明同志为中共预备党员的公示',
    bodyHtml:
      '<p>经支部委员会研究，拟发展李明同志为中共预备党员，现予以公示。</p><p>李明，男，汉族，1994年5月出生，大学本科学历，现任采油一队技术员，2024年3月被确定为入党积极分子。</p><p>公示期间，党员和群众可通过来信、来电或本页面反映情况和意见。</p>',
    category: 'ORGANIZATION_BUILDING',
    scope: 'SOCIETY',
    publishedDaysAgo: 2,
    noticeDays: [-2, 3],
  },
  {
    enterprise: 'huayou',
    organization: '第一采油厂党委',
    author: 'admin@cy1.huayou.example',
    reviewer: 'reviewer@cy1.huayou.example',
    approver: 'admin@huayou.example',
    title: '第一采油厂党委2026年度党建工作要点',
    bodyHtml: '<p>一、坚持政治引领，深入学习贯彻党的创新理论。</p><p>二、夯实基层基础，推进党支部标准化规范化建设。</p><p>三、强化作风建设，持续为基层减负。</p>',
    category: 'GOALS_AND_PLANS',
    scope: 'WHOLE_ENTERPRISE',
    publishedDaysAgo: 12,
  },
  {
    enterprise: 'huayou',
    organization: '采油一队党支部',
    author: 'editor@cy1.huayou.example',
    reviewer: 'reviewer@cy1.huayou.example',
    approver: 'admin@cy1.huayou.example',
    title: '采油一队党支部第三季度“三会一课”开展情况',
    bodyHtml: '<p>第三季度，支部共召开支部党员大会1次、支委会3次、党小组会6次，书记讲党课1次。</p>',
    category: 'EDUCATION',
    scope: 'OWN_ORG_SUBTREE',
    publishedDaysAgo: 30,
  },
];

const day = (days: number) => new Date(Date.now() + days * 86_400_000);

export async function seedDemoDisclosures(em: EntityManager): Promise<string[]> {
  const created: string[] = [];
  for (const item of demoDisclosures) {
    const owner = await demoOwner(em, item.enterprise, item.organization, item.title);
    if (!owner) continue;
    const [author, reviewer, approver] = await Promise.all([demoActor(em, item.author), demoActor(em, item.reviewer), demoActor(em, item.approver)]);
    const content = await createDisclosure(em, author, {
      organizationId: owner.id,
      title: item.title,
      bodyHtml: item.bodyHtml,
      category: item.category,
      scope: item.scope,
      noticeStartsAt: item.noticeDays ? day(item.noticeDays[0]) : null,
      noticeEndsAt: item.noticeDays ? day(item.noticeDays[1]) : null,
    });
    const id = String(content.id);
    await publishDemoItem(em, id, { author, reviewer }, { publishedDaysAgo: item.publishedDaysAgo }, async () => {
      await reviewDisclosure(em, reviewer, id, { secrecyCleared: true, conclusion: '经审查，不涉及国家秘密和商业秘密，同意公开。' });
      await approveDisclosure(em, approver, id);
    });
    await em.execute(
      `update disclosure set secrecy_reviewed_at = now() - ?::interval, approved_at = now() - ?::interval where content_id = ?`,
      [`${item.publishedDaysAgo + 1} days`, `${item.publishedDaysAgo} days`, id],
    );
    created.push(item.title);
  }
  return created;
}
