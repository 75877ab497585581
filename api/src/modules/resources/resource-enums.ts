/** The vocabulary of 共建共享 resources. */
import { Visibility } from '../content/content-enums.js';

export const ResourceKind = {
  COURSEWARE: 'COURSEWARE', // 课件
  MICRO_LESSON: 'MICRO_LESSON', // 微党课
  VIDEO: 'VIDEO', // 视频
  TEMPLATE: 'TEMPLATE', // 模板
  EDUCATION_BASE: 'EDUCATION_BASE', // 教育基地 (address, opening details)
  LECTURER: 'LECTURER', // 讲师 (topics)
} as const;
export type ResourceKind = (typeof ResourceKind)[keyof typeof ResourceKind];

/** OPEN: whoever may see it may use it. ON_REQUEST: others ask, the owner's admins decide. */
export const ResourceAccess = { OPEN: 'OPEN', ON_REQUEST: 'ON_REQUEST' } as const;
export type ResourceAccess = (typeof ResourceAccess)[keyof typeof ResourceAccess];

/** Who sees a resource: one name per Visibility, in the words of the sharing screen. */
export const ShareScope = {
  ORGANIZATION: 'ORGANIZATION',
  SUBTREE: 'SUBTREE',
  ENTERPRISE: 'ENTERPRISE',
  PARTNERS: 'PARTNERS',
  PLATFORM: 'PLATFORM',
  PUBLIC: 'PUBLIC',
} as const;
export type ShareScope = (typeof ShareScope)[keyof typeof ShareScope];

export const VISIBILITY_OF_SCOPE: Record<ShareScope, Visibility> = {
  ORGANIZATION: Visibility.OWN_ORGANIZATION,
  SUBTREE: Visibility.ORGANIZATION,
  ENTERPRISE: Visibility.ENTERPRISE,
  PARTNERS: Visibility.PARTNERS,
  PLATFORM: Visibility.PLATFORM,
  PUBLIC: Visibility.PUBLIC,
};

export const SCOPE_OF_VISIBILITY = Object.fromEntries(Object.entries(VISIBILITY_OF_SCOPE).map(([scope, v]) => [v, scope])) as Partial<Record<Visibility, ShareScope>>;

/** PENDING → APPROVED (access, maybe until a date) → REVOKED; PENDING → REJECTED or WITHDRAWN. */
export const RequestStatus = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
  REVOKED: 'REVOKED',
} as const;
export type RequestStatus = (typeof RequestStatus)[keyof typeof RequestStatus];
