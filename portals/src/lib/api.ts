/**
 * The portals' GraphQL client. Documents are the named operations in schema/operations/, sent as
 * trusted documents (by id: the SHA-256 of the file; the API runs its own copy). The visitor's
 * address goes along as X-Forwarded-For. The API URL comes from PORTALS_API_URL at request time.
 */
import { createHash } from 'node:crypto';
import type { Operations } from './operations.generated.js';
import type { AstroCookies } from 'astro';
import { postJson } from './api-transport.js';
import { currentVisitor, SESSION_COOKIE } from './visitor.js';
import portalHomeDocument from '../../../schema/operations/PortalHome.graphql?raw';
import subtreeDocument from '../../../schema/operations/OrganizationSubtree.graphql?raw';
import feedDocument from '../../../schema/operations/PortalFeed.graphql?raw';
import newsListDocument from '../../../schema/operations/NewsList.graphql?raw';
import articleDocument from '../../../schema/operations/NewsArticle.graphql?raw';
import disclosuresDocument from '../../../schema/operations/Disclosures.graphql?raw';
import exchangeDocument from '../../../schema/operations/Exchange.graphql?raw';
import searchDocument from '../../../schema/operations/Search.graphql?raw';
import signInDocument from '../../../schema/operations/SignIn.graphql?raw';
import themeDocument from '../../../schema/operations/PortalTheme.graphql?raw';
import workspaceDocument from '../../../schema/operations/Workspace.graphql?raw';
import organizationDocument from '../../../schema/operations/OrganizationPage.graphql?raw';
import homeSectionsDocument from '../../../schema/operations/HomeSections.graphql?raw';
import calendarDocument from '../../../schema/operations/Calendar.graphql?raw';
import cardsDocument from '../../../schema/operations/Cards.graphql?raw';
import transfersDocument from '../../../schema/operations/Transfers.graphql?raw';
import developmentDocument from '../../../schema/operations/Development.graphql?raw';
import mobilityDocument from '../../../schema/operations/Mobility.graphql?raw';
import meetingsDocument from '../../../schema/operations/Meetings.graphql?raw';
import appraisalsDocument from '../../../schema/operations/Appraisals.graphql?raw';
import handbookDocument from '../../../schema/operations/Handbook.graphql?raw';
import learningDocument from '../../../schema/operations/Learning.graphql?raw';
import dashboardsDocument from '../../../schema/operations/Dashboards.graphql?raw';
import surveysDocument from '../../../schema/operations/Surveys.graphql?raw';
import assessmentsDocument from '../../../schema/operations/Assessments.graphql?raw';
import mailboxDocument from '../../../schema/operations/Mailbox.graphql?raw';
import apiKeysDocument from '../../../schema/operations/ApiKeys.graphql?raw';
import webhooksDocument from '../../../schema/operations/Webhooks.graphql?raw';
import portalLiveDocument from '../../../schema/operations/PortalLive.graphql?raw';
import duesDocument from '../../../schema/operations/Dues.graphql?raw';
import membersDocument from '../../../schema/operations/Members.graphql?raw';
import notificationsDocument from '../../../schema/operations/Notifications.graphql?raw';

const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';

/** The API's GraphQL URL, read at request time (PORTALS_API_URL, else the local default). */
export const apiUrl = () => process.env.PORTALS_API_URL || DEFAULT_API_URL;

/** The API's origin, for its non-GraphQL endpoints (files, spreadsheets). */
export const apiBase = () => apiUrl().replace(/\/graphql$/, '');

/** The visitor's session as the API's bearer credential. */
export const bearer = (cookies: AstroCookies): Record<string, string> => {
  const token = cookies.get(SESSION_COOKIE)?.value;
  return token ? { authorization: `Bearer ${token}` } : {};
};

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const documentIds = new Map<string, string>();
const documentIdOf = (document: string) => {
  let id = documentIds.get(document);
  if (!id) documentIds.set(document, (id = `sha256:${createHash('sha256').update(document).digest('hex')}`));
  return id;
};

/** Sends a trusted document's operation, typed by the generated `Operations` map. */
export async function request<N extends keyof Operations>(document: string, operationName: N, variables: Operations[N]['variables']): Promise<Operations[N]['result']> {
  return send<Operations[N]['result']>(document, operationName, variables as Record<string, unknown>);
}

async function send<T>(document: string, operationName: string, variables: Record<string, unknown>): Promise<T> {
  const url = apiUrl();
  const { address, token } = currentVisitor() ?? { address: null, token: null };
  let answer: { status: number; json: unknown };
  try {
    answer = await postJson(
      url,
      {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(address ? { 'x-forwarded-for': address } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      JSON.stringify({ documentId: documentIdOf(document), operationName, variables }),
      5000,
    );
  } catch {
    throw new ApiError('The API is unreachable.', 'API_UNREACHABLE');
  }
  const body = answer.json as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (!body || body.errors?.length || !body.data) {
    const first = body?.errors?.[0];
    throw new ApiError(first?.message ?? `The API answered ${answer.status}.`, first?.extensions?.code ?? 'API_ERROR');
  }
  return body.data;
}

export type OrganizationLevel = 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP';

export interface OrgSummary {
  id: string;
  name: string;
  level: OrganizationLevel;
  depth: number;
  sortOrder: number;
}

export interface Theme {
  primaryColor: string;
  accentColor: string;
  font: 'SANS' | 'SERIF' | 'KAI';
  radius: number;
  spacing: 'COMPACT' | 'NORMAL' | 'RELAXED';
  logoUrl: string | null;
  bannerUrl: string | null;
  navigation: { label: string; url: string }[];
  homeSections: string[];
}

export interface PortalHome {
  id: string;
  slug: string;
  title: string;
  enterprise: { slug: string; name: string; shortName: string };
  organization: OrgSummary;
  theme: Theme;
  themeDraft: Theme | null;
}

export async function portalBySlug(slug: string): Promise<PortalHome | null> {
  return (await request(portalHomeDocument, 'PortalBySlug', { slug })).portal as PortalHome | null;
}

export async function portalByHost(host: string): Promise<PortalHome | null> {
  return (await request(portalHomeDocument, 'PortalByHost', { host })).portalByHost as PortalHome | null;
}

/** Every organisation below `id`, in tree order, following cursors up to `limit` organisations. */
export async function subtree(id: string, limit = 1000): Promise<{ nodes: OrgSummary[]; totalCount: number }> {
  const nodes: OrgSummary[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    type Page = { organization: { descendants: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrgSummary[] } } | null };
    const page = (await request(subtreeDocument, 'OrganizationSubtree', { id, first: 100, after })) as Page;
    if (!page.organization) break;
    const { descendants } = page.organization;
    nodes.push(...descendants.nodes);
    totalCount = descendants.totalCount;
    after = descendants.pageInfo.hasNextPage ? descendants.pageInfo.endCursor : null;
  } while (after && nodes.length < limit);
  return { nodes, totalCount };
}

export interface FeedItem {
  id: string;
  title: string;
  summary?: string | null;
  publishedAt?: string | null;
  pinnedAt?: string | null;
  organization: { name: string } | null;
  notice?: { endsAt: string; remainingSeconds: number } | null;
}

export interface PortalFeed {
  news: { nodes: FeedItem[] };
  notices: { nodes: FeedItem[] };
  featured: { nodes: FeedItem[] };
}

/** What a portal's home shows, read as any visitor would (anonymously): only public items. */
export async function portalFeed(organizationId: string): Promise<PortalFeed> {
  return (await request(feedDocument, 'PortalFeed', { organizationId })) as PortalFeed;
}

export const LEVEL_LABELS: Record<OrganizationLevel, string> = {
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  GROUP: '党小组',
};

/** The trusted documents of the portal's pages, by file. */
export const DOCUMENTS = {
  newsList: newsListDocument,
  article: articleDocument,
  disclosures: disclosuresDocument,
  exchange: exchangeDocument,
  search: searchDocument,
  signIn: signInDocument,
  theme: themeDocument,
  workspace: workspaceDocument,
  organization: organizationDocument,
  homeSections: homeSectionsDocument,
  notifications: notificationsDocument,
  members: membersDocument,
  dues: duesDocument,
  development: developmentDocument,
  calendar: calendarDocument,
  transfers: transfersDocument,
  cards: cardsDocument,
  mobility: mobilityDocument,
  meetings: meetingsDocument,
  appraisals: appraisalsDocument,
  handbook: handbookDocument,
  learning: learningDocument,
  dashboards: dashboardsDocument,
  surveys: surveysDocument,
  assessments: assessmentsDocument,
  mailbox: mailboxDocument,
  apiKeys: apiKeysDocument,
  webhooks: webhooksDocument,
  portalLive: portalLiveDocument,
} as const;
