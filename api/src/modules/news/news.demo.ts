/**
 * Demo work updates (工作动态): what a group's portals carry on an ordinary week — written,
 * submitted and approved through the content service by the demo's own people, then dated back.
 * Additive and idempotent: an item whose title the enterprise has is left alone.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContentKind, type Visibility } from '../content/content-enums.js';
import { demoFields, seedDemoItems, type DemoItem } from '../content/content.demo.js';
import { createContent } from '../content/content.service.js';

export interface DemoNews extends DemoItem {
  summary: string;
  bodyHtml: string;
  tags: string[];
  visibility: Visibility;
}

export const demoNews: DemoNews[] = [
  {
    enterprise: 'huayou',
    organization: '华油能源集团有限公司党委',
    author: 'admin@huayou.example',
    title: '集团党委召开2026年度党建工作会议',
    summary: '会议总结2025年党建工作，部署2026年重点任务，推动党建与生产经营深度融合。',
    bodyHtml:
      '<p>11月18日，集团党委召开2026年度党建工作会议。会议传达学习了上级党组织有关会议精神，总结了过去一年党建工作取得的成效。</p><p>会议强调，要坚持“党建+安全生产”工作思路，把党建工作成效体现到提质增效上来，持续深化基层党组织标准化规范化建设。</p><h3>重点任务</h3><ul><li>加强理论武装，深化主题教育成果</li><li>推进基层党支部标准化建设</li><li>做好党员发展和教育管理工作</li></ul>',
    tags: ['党建工作', '会议'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 3,
    pinned: true,
  },
  {
    enterprise: 'huayou',
    organization: '第一采油厂党委',
    author: 'admin@cy1.huayou.example',
    title: '第一采油厂开展“党员先锋岗”评比活动',
    summary: '采油厂各党支部推荐产生二十名“党员先锋岗”，发挥党员在生产一线的示范作用。',
    bodyHtml: '<p>近日，第一采油厂党委组织开展“党员先锋岗”评比活动。经各党支部推荐、厂党委审核，共评选出二十名“党员先锋岗”。</p><p>获评党员在油井维护、安全巡检、节能降耗等方面成绩突出，起到了很好的示范带动作用。</p>',
    tags: ['党员先锋岗', '评比'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 5,
  },
  {
    enterprise: 'huayou',
    organization: '采油一队党支部',
    author: 'editor@cy1.huayou.example',
    title: '采油一队党支部开展主题党日活动',
    summary: '支部党员走进井场，围绕安全生产开展“党员身边无事故”承诺践诺活动。',
    bodyHtml: '<p>11月15日，采油一队党支部组织全体党员开展主题党日活动。党员们重温入党誓词，并围绕安全生产签订“党员身边无事故”承诺书。</p><p>活动中，支部书记以“守初心、保安全、促生产”为题讲授微党课。</p>',
    tags: ['主题党日', '安全生产'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 6,
  },
  {
    enterprise: 'huayou',
    organization: '采油一队党支部',
    author: 'editor@cy1.huayou.example',
    title: '采油一队党支部第四季度党费收缴情况通报',
    summary: '支部内部通报：第四季度党费已按时足额收缴。',
    bodyHtml: '<p>根据党费收缴使用管理有关规定，支部第四季度党费已按时足额收缴，具体明细已在支部党员大会上通报。</p>',
    tags: ['党费'],
    visibility: 'ORGANIZATION',
    publishedDaysAgo: 8,
  },
  {
    enterprise: 'huayou',
    organization: '炼化分公司党委',
    author: 'admin@lh.huayou.example',
    title: '炼化分公司党委理论学习中心组开展专题学习',
    summary: '中心组围绕安全生产责任制开展专题学习研讨。',
    bodyHtml: '<p>炼化分公司党委理论学习中心组围绕安全生产责任制开展专题学习，与会人员结合分管工作交流了学习体会。</p>',
    tags: ['理论学习'],
    visibility: 'ENTERPRISE',
    publishedDaysAgo: 10,
  },
  {
    enterprise: 'huayou',
    organization: '第一采油厂党委',
    author: 'admin@cy1.huayou.example',
    title: '第一采油厂党委召开党支部书记述职评议会',
    summary: '待审核：十二名党支部书记现场述职，接受评议。',
    bodyHtml: '<p>第一采油厂党委召开党支部书记抓基层党建工作述职评议会，十二名党支部书记现场述职。</p>',
    tags: ['述职评议'],
    visibility: 'PUBLIC',
  },
  {
    enterprise: 'jiangchuan-power',
    organization: '江川供电有限公司党委',
    author: 'admin@jcpower.example',
    title: '江川供电公司党委部署迎峰度冬保供电工作',
    summary: '公司党委要求各党支部发挥战斗堡垒作用，确保迎峰度冬期间电网安全稳定运行。',
    bodyHtml: '<p>为做好迎峰度冬保供电工作，江川供电公司党委召开专题会议，要求各党支部组建党员突击队，加强设备巡视和应急抢修准备。</p>',
    tags: ['迎峰度冬', '保供电'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 2,
    pinned: true,
  },
  {
    enterprise: 'jiangchuan-power',
    organization: '城区供电分公司党委',
    author: 'admin@jcpower.example',
    title: '城东供电所党员服务队走进社区开展用电安全宣传',
    summary: '党员服务队为社区居民检查线路、讲解安全用电知识。',
    bodyHtml: '<p>城东供电所党员服务队走进辖区社区，为老旧小区居民免费检查入户线路，讲解冬季安全用电知识，受到居民欢迎。</p>',
    tags: ['党员服务队', '志愿服务'],
    visibility: 'PUBLIC',
    publishedDaysAgo: 4,
  },
];

export function seedDemoNews(em: EntityManager): Promise<string[]> {
  return seedDemoItems(em, demoNews, (author, organizationId, item) => createContent(em, author, ContentKind.NEWS, { ...demoFields(item), organizationId }));
}
