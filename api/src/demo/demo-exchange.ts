/** Demo 经验交流 and 共建共享: cases and resources of both demo enterprises, which are partners. */
import type { Visibility } from '../modules/content/content-enums.js';
import type { ResourceAccess, ResourceKind } from '../modules/resources/resource-enums.js';

export interface DemoCase {
  enterprise: string;
  organization: string;
  author: string;
  title: string;
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

export interface DemoResource {
  enterprise: string;
  organization: string;
  author: string;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  resourceKind: ResourceKind;
  access: ResourceAccess;
  visibility: Visibility;
  address?: string;
  openingDetails?: string;
  topics?: string[];
  publishedDaysAgo: number;
}

/** The two demo enterprises are partners (共建单位). */
export const demoPartnership = { proposer: 'huayou', partner: 'jiangchuan-power', proposedBy: 'admin@huayou.example', acceptedBy: 'admin@jcpower.example', message: '党建共建、资源共享、互学互鉴' };

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
    visibility: 'PARTNERS',
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
    visibility: 'PUBLIC',
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
    visibility: 'PARTNERS',
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
    visibility: 'PARTNERS',
    topics: ['党史', '基层党建实务'],
    publishedDaysAgo: 25,
  },
];

/** A request waiting for a decision: the power company asks to visit the oil group's education base. */
export const demoPendingRequest = {
  resource: '石油精神教育基地',
  organization: '城区供电分公司党委',
  requestedBy: 'admin@jcpower.example',
  purpose: '组织城区供电分公司全体党员开展“七一”主题党日活动，参观学习石油精神。',
};
