/**
 * The site a request is for: the portal (by Host, or by /p/<slug>/ locally) and the base path its
 * links start with, so every page links within its own portal whichever way it was reached.
 */
import { ApiError, DOCUMENTS, portalByHost, portalBySlug, request as query, type PortalHome, type Theme } from './api.js';
import { currentVisitor } from './visitor.js';

export interface Site {
  portal: PortalHome;
  /** '' for a host-named portal, '/p/<slug>' locally. */
  base: string;
  /** The signed-in member's name, or null for a visitor. */
  member: string | null;
  /** Organisations the member may act for (as an editor or admin): requests, adoptions. */
  actsFor: { id: string; name: string }[];
  /** The member's unread notifications (the bell). */
  unread: number;
  /** The theme to show: the published one, or the draft when its admin previews it. */
  theme: Theme;
  preview: boolean;
}

interface Me {
  name: string | null;
  actsFor: { id: string; name: string }[];
  unread: number;
}

/** Who is signed in; an expired or revoked session makes the rest of the request anonymous. */
async function member(): Promise<Me> {
  const visitor = currentVisitor();
  if (!visitor?.token) return { name: null, actsFor: [], unread: 0 };
  try {
    const me = await query(DOCUMENTS.signIn, 'Me', {});
    const actsFor = me.viewer.memberships.filter((m) => (m.role === 'EDITOR' || m.role === 'ORG_ADMIN') && m.organization).map((m) => m.organization!);
    return { name: me.viewer.user?.displayName ?? null, actsFor, unread: me.notificationsUnreadCount };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      visitor.token = null;
      visitor.expired = true;
      return { name: null, actsFor: [], unread: 0 };
    }
    throw error;
  }
}

export async function siteFor(request: Request, slug: string | undefined): Promise<Site | null> {
  const me = await member();
  const portal = slug !== undefined ? await portalBySlug(slug) : await portalByHost(request.headers.get('host') ?? '');
  if (!portal) return null;
  // The API gives a draft only to the portal's admins.
  const preview = new URL(request.url).searchParams.get('preview') === '1' && portal.themeDraft !== null;
  return { portal, base: slug !== undefined ? `/p/${encodeURIComponent(portal.slug)}` : '', member: me.name, actsFor: me.actsFor, unread: me.unread, theme: preview ? portal.themeDraft! : portal.theme, preview };
}

export const link = (site: Site, path: string) => `${site.base}/${path}`;

export const NAV = [
  ['', '首页'],
  ['news/', '工作动态'],
  ['disclosures/', '党务公开'],
  ['cases/', '经验交流'],
  ['resources/', '共建共享'],
  ['search/', '搜索'],
] as const;

export const DISCLOSURE_CATEGORIES: Record<string, string> = {
  HIGHER_DECISIONS: '贯彻落实上级决策部署',
  GOALS_AND_PLANS: '目标任务、工作计划',
  EDUCATION: '党员教育管理、“三会一课”',
  ORGANIZATION_BUILDING: '组织建设',
  CONDUCT_AND_SERVICE: '作风建设、联系服务群众',
  DISCIPLINE: '党风廉政建设',
  OTHER: '其他',
};

export const RESOURCE_KINDS: Record<string, string> = {
  COURSEWARE: '课件',
  MICRO_LESSON: '微党课',
  VIDEO: '视频',
  TEMPLATE: '模板',
  EDUCATION_BASE: '教育基地',
  LECTURER: '讲师',
};

export const formatDate = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }) : '');

/** Days (rounded up) left in a notice window, for the countdown. */
export const daysLeft = (seconds: number) => Math.max(0, Math.ceil(seconds / 86_400));
