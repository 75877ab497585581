/** What 民主评议 tells the members appraised: that it opened, and that the grades are published. */
import { toGlobalId } from '../../core/graphql/relay.js';
import { defineNotificationKind } from '../notifications/kinds.js';

export const APPRAISAL_OPENED = defineNotificationKind<{ branch: string; year: string }>({
  kind: 'appraisals.opened',
  label: '民主评议党员开始',
  title: (p) => `${p.year}年度民主评议党员开始`,
  body: (p) => `${p.branch}${p.year}年度民主评议党员开始，请在工作台提交个人自评。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const APPRAISAL_PUBLISHED = defineNotificationKind<{ branch: string; year: string }>({
  kind: 'appraisals.published',
  label: '民主评议结果公布',
  title: (p) => `${p.year}年度民主评议党员结果公布`,
  body: (p) => `${p.branch}${p.year}年度民主评议党员结果已经支部党员大会评定并公布。`,
  defaults: { EMAIL: true, SMS: false, WECOM: true },
});

export const roundLink = (id: number) => `/workspace/appraisals/${toGlobalId('AppraisalRound', id)}`;
