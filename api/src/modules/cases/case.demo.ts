/**
 * Demo 经验交流: cases of both demo enterprises, written and approved through the case and
 * content services, featured (优秀案例) by the committees the data names, then dated back.
 * Additive and idempotent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Visibility } from '../content/content-enums.js';
import { demoFields, demoReviewer, seedDemoItems, type DemoItem } from '../content/content.demo.js';
import { demoOrganization } from '../organizations/organization.demo.js';
import { createCase, featureCase } from './case.service.js';

export interface DemoCase extends DemoItem {
  summary: string;
  backgroundHtml: string;
  practiceHtml: string;
  resultsHtml: string;
  tags: string[];
  visibility: Visibility;
  publishedDaysAgo: number;
  /** Organisations above the owner that featured it (优秀案例). */
  featuredBy?: string[];
}

export const demoCases: DemoCase[] = [
  {
    enterprise: 'huayou',
    organization: '采油一队党支部',
    author: 'editor@cy1.huayou.example',
    title: '“党员责任区”让每口油井都有人管',
    summary: '采油一队把全队一百二十口油井划成十五个党员责任区，隐患整改周期缩短一半。',
    backgroundHtml: '<p>采油一队点多线长，油井分散在方圆四十公里内，巡检不到位、隐患发现晚的问题长期存在。</p>',
    practiceHtml: '<p>支部把全部油井划分为十五个党员责任区，每个责任区由一名党员牵头、两名群众参与，实行“一井一档”。</p><ul><li>每周一次责任区巡检</li><li>每月一次支部讲评</li><li>隐患整改实行销号管理</li></ul>',
    resultsHtml: '<p>实施一年来，隐患整改平均周期由六天缩短到三天，油井时率提高一点二个百分点。</p>',
    tags: ['党员责任区', '安全生产'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 20,
    featuredBy: ['第一采油厂党委'],
  },
  {
    enterprise: 'huayou',
    organization: '常减压车间党支部',
    author: 'admin@lh.huayou.example',
    title: '“三会一课”搬进中控室：倒班员工也能学',
    summary: '四班三倒的车间用“微党课+班前会”让每名党员每月都参加组织生活。',
    backgroundHtml: '<p>车间实行四班三倒，党员很难同时参加集中学习。</p>',
    practiceHtml: '<p>支部把党课拆成十五分钟的微党课，在班前会上讲，并录制视频供倒休党员补学。</p>',
    resultsHtml: '<p>党员组织生活参与率由百分之七十提高到百分之九十八。</p>',
    tags: ['三会一课', '微党课'],
    visibility: 'PARTNERS',
    publishedDaysAgo: 12,
  },
  {
    enterprise: 'jiangchuan-power',
    organization: '城东供电所党支部',
    author: 'admin@jcpower.example',
    title: '“红色网格”供电服务进社区',
    summary: '供电所党员包片联系社区，故障报修平均到达时间缩短到二十分钟。',
    backgroundHtml: '<p>老旧小区多，居民用电诉求分散，报修响应慢。</p>',
    practiceHtml: '<p>支部把辖区划成十二个网格，党员担任网格员，建立社区微信群，实行“网格员首问负责”。</p>',
    resultsHtml: '<p>故障报修平均到达时间由四十五分钟缩短到二十分钟，客户满意度明显提升。</p>',
    tags: ['网格化', '供电服务'],
    visibility: 'PARTNERS',
    publishedDaysAgo: 8,
  },
];

export function seedDemoCases(em: EntityManager): Promise<string[]> {
  return seedDemoItems(
    em,
    demoCases,
    (author, organizationId, item) => {
      const { featuredBy: _f, ...fields } = demoFields(item);
      return createCase(em, author, { ...fields, organizationId });
    },
    async (id, author, item) => {
      for (const name of item.featuredBy ?? []) {
        const level = await demoOrganization(em, item.enterprise, name);
        await featureCase(em, await demoReviewer(em, level.id, author), id, level.id, true);
      }
    },
  );
}
