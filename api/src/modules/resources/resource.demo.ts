/**
 * Demo 共建共享: resources of both demo enterprises, written and approved through the resource and
 * content services, then dated back; and one request waiting for a decision, made by the partner
 * as it would be. Additive and idempotent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { demoActor, demoFields, seedDemoItems, type DemoItem } from '../content/content.demo.js';
import { demoOrganization } from '../organizations/organization.demo.js';
import type { ResourceAccess, ResourceKind, ShareScope } from './resource-enums.js';
import { createResource, requestResource } from './resource.service.js';

export interface DemoResource extends DemoItem {
  summary: string;
  bodyHtml: string;
  tags: string[];
  resourceKind: ResourceKind;
  access: ResourceAccess;
  shareScope: ShareScope;
  address?: string;
  openingDetails?: string;
  topics?: string[];
  publishedDaysAgo: number;
}

export const demoResources: DemoResource[] = [
  {
    enterprise: 'huayou',
    organization: '华油能源集团有限公司党委',
    author: 'admin@huayou.example',
    title: '石油精神教育基地',
    summary: '集团第一口工业油井旧址，常设展览“我为祖国献石油”。',
    bodyHtml: '<p>基地位于第一口工业油井旧址，展陈面积两千平方米，可承接党员教育、入党宣誓和主题党日活动。</p>',
    tags: ['教育基地', '石油精神'],
    resourceKind: 'EDUCATION_BASE',
    access: 'ON_REQUEST',
    shareScope: 'PARTNERS',
    address: '油城市建设路一号',
    openingDetails: '周二至周日 9:00–17:00；团体参观请提前三个工作日预约。',
    publishedDaysAgo: 30,
  },
  {
    enterprise: 'huayou',
    organization: '第一采油厂党委',
    author: 'admin@cy1.huayou.example',
    title: '微党课：一口井的坚守',
    summary: '十五分钟微党课，讲述老采油工四十年守井的故事。',
    bodyHtml: '<p>本微党课适合班前会、支部学习使用，配有讲稿和视频。</p>',
    tags: ['微党课'],
    resourceKind: 'MICRO_LESSON',
    access: 'OPEN',
    shareScope: 'PUBLIC',
    publishedDaysAgo: 10,
  },
  {
    enterprise: 'jiangchuan-power',
    organization: '江川供电有限公司党委',
    author: 'admin@jcpower.example',
    title: '党支部标准化建设课件（2026版）',
    summary: '覆盖组织设置、组织生活、党员管理等八个方面的培训课件。',
    bodyHtml: '<p>课件共八讲，可用于新任党支部书记培训。</p>',
    tags: ['支部建设', '培训'],
    resourceKind: 'COURSEWARE',
    access: 'ON_REQUEST',
    shareScope: 'PARTNERS',
    publishedDaysAgo: 15,
  },
  {
    enterprise: 'jiangchuan-power',
    organization: '江川供电有限公司党委',
    author: 'admin@jcpower.example',
    title: '讲师：周明（公司党委党校）',
    summary: '公司党校专职教师，长期讲授党史和基层党建实务。',
    bodyHtml: '<p>可承接党史学习教育、基层党建实务专题授课。</p>',
    tags: ['讲师'],
    resourceKind: 'LECTURER',
    access: 'OPEN',
    shareScope: 'PARTNERS',
    topics: ['党史', '基层党建实务'],
    publishedDaysAgo: 25,
  },
];

/** A request waiting for a decision: the power company asks to visit the oil group's education base. */
export const demoPendingRequest = {
  resource: '石油精神教育基地',
  enterprise: 'jiangchuan-power',
  organization: '城区供电分公司党委',
  requestedBy: 'admin@jcpower.example',
  purpose: '组织城区供电分公司全体党员开展“七一”主题党日活动，参观学习石油精神。',
};

export async function seedDemoResources(em: EntityManager): Promise<string[]> {
  const created = await seedDemoItems(em, demoResources, (author, organizationId, item) => createResource(em, author, { ...demoFields(item), organizationId }));
  const [resource] = await em.execute<{ id: string; requests: number }[]>(
    `select c.id, (select count(*)::int from resource_request r where r.content_id = c.id) as requests from content c where c.kind = 'RESOURCE' and c.title = ?`,
    [demoPendingRequest.resource],
  );
  if (resource && resource.requests === 0) {
    const asker = await demoActor(em, demoPendingRequest.requestedBy);
    const organization = await demoOrganization(em, demoPendingRequest.enterprise, demoPendingRequest.organization);
    await requestResource(em, asker, String(resource.id), organization.id, demoPendingRequest.purpose);
    created.push(`request for ${demoPendingRequest.resource}`);
  }
  return created;
}
