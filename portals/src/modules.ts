/**
 * Every page of a portal, by module: the one list. A module's pages live in its folder
 * (modules/<name>/pages.ts and its components); adding a module's pages means adding them here.
 * Order matters only where two patterns could match the same path (none do today).
 */
import type { PageRoute } from './lib/route-kit.js';
import { calendarPages } from './modules/calendar/pages.js';
import { cardPages } from './modules/cards/pages.js';
import { casePages } from './modules/cases/pages.js';
import { developmentPages } from './modules/development/pages.js';
import { disclosurePages } from './modules/disclosures/pages.js';
import { duesPages } from './modules/dues/pages.js';
import { identityPages } from './modules/identity/pages.js';
import { memberPages } from './modules/members/pages.js';
import { mobilityPages } from './modules/mobility/pages.js';
import { meetingPages } from './modules/meetings/pages.js';
import { appraisalPages } from './modules/appraisals/pages.js';
import { handbookPages } from './modules/handbook/pages.js';
import { learningPages } from './modules/learning/pages.js';
import { dashboardPages } from './modules/dashboards/pages.js';
import { surveyPages } from './modules/surveys/pages.js';
import { assessmentPages } from './modules/assessments/pages.js';
import { mailboxPages } from './modules/mailbox/pages.js';
import { apiKeyPages } from './modules/identity/api-keys.js';
import { webhookPages } from './modules/webhooks/pages.js';
import { newsPages } from './modules/news/pages.js';
import { notificationPages } from './modules/notifications/pages.js';
import { organizationPages } from './modules/organizations/pages.js';
import { portalPages } from './modules/portals/pages.js';
import { resourcePages } from './modules/resources/pages.js';
import { searchPages } from './modules/search/pages.js';
import { transferPages } from './modules/transfers/pages.js';

export const PAGES: readonly PageRoute[] = [
  ...portalPages,
  ...newsPages,
  ...disclosurePages,
  ...casePages,
  ...resourcePages,
  ...organizationPages,
  ...searchPages,
  ...identityPages,
  ...notificationPages,
  ...memberPages,
  ...duesPages,
  ...developmentPages,
  ...calendarPages,
  ...transferPages,
  ...cardPages,
  ...mobilityPages,
  ...meetingPages,
  ...appraisalPages,
  ...handbookPages,
  ...learningPages,
  ...dashboardPages,
  ...surveyPages,
  ...assessmentPages,
  ...mailboxPages,
  ...apiKeyPages,
  ...webhookPages,
];
