/**
 * 问卷调查 in the workspace: the surveys I own or am asked to answer; one survey answered once, or
 * its results (a chart per choice question drawn on the server); setting one up. The API decides.
 */
import { DOCUMENTS, request } from '../../lib/api.js';
import { barChartSvg } from '../../lib/charts.js';
import { ID, page, type PageRoute } from '../../lib/route-kit.js';
import { organizationsHeld } from '../members/scope.js';
import SurveyList from './SurveyList.astro';
import SurveyPage from './SurveyPage.astro';
import PublicSurveyList from './PublicSurveyList.astro';
import type { SurveyPageResult } from '../../lib/operations.generated.js';
import { SESSION_COOKIE } from '../../lib/visitor.js';

const KINDS = ['SINGLE', 'MULTIPLE', 'RATING', 'TEXT'] as const;
const AUDIENCES = ['MEMBERS', 'ENTERPRISE', 'PUBLIC'] as const;
const chinaInstant = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

export const surveyPages: PageRoute[] = [
  {
    path: 'workspace/surveys',
    signedIn: true,
    private: true,
    async handle({ site, form, field, redirect }) {
      const { viewer } = await request(DOCUMENTS.members, 'MemberOrganizations', {});
      const held = organizationsHeld(viewer, ['ORG_ADMIN']);
      let error: string | null = null;
      if (form) {
        // Up to five questions: 类型, 题目, 选项 (one a line).
        const questions = [1, 2, 3, 4, 5]
          .filter((n) => field(`q${n}-prompt`).trim())
          .map((n) => ({
            kind: (KINDS as readonly string[]).includes(field(`q${n}-kind`)) ? (field(`q${n}-kind`) as (typeof KINDS)[number]) : ('SINGLE' as const),
            prompt: field(`q${n}-prompt`),
            options: field(`q${n}-options`).split(/\r?\n/).map((o) => o.trim()).filter(Boolean),
          }))
          .map((q) => (q.kind === 'SINGLE' || q.kind === 'MULTIPLE' ? q : { ...q, options: [] }));
        const created = (
          await request(DOCUMENTS.surveys, 'SurveyCreate', {
            input: {
              organizationId: ID.test(field('organizationId')) ? field('organizationId') : (held[0]?.id ?? ''),
              title: field('title'),
              description: field('description') || null,
              audience: AUDIENCES.find((a) => a === field('audience')) ?? 'MEMBERS',
              perAddressLimit: Number(field('perAddressLimit')) || null,
              anonymous: field('anonymous') === 'on',
              resultsToRespondents: field('share') === 'on',
              opensAt: chinaInstant(field('opensOn'), '00:00'),
              closesAt: chinaInstant(field('closesOn'), '23:59'),
              questions,
            },
          })
        ).surveyCreate;
        if (!created.userErrors.length && created.survey) return redirect(`/workspace/surveys/${created.survey.id}`);
        error = created.userErrors[0]!.message;
      }
      const list = (await request(DOCUMENTS.surveys, 'Surveys', {})).surveys.nodes;
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      return page(SurveyList, { site, list, held, error, today }, { title: '问卷调查', description: '问卷调查与投票。', section: 'workspace' });
    },
  },
  {
    path: 'workspace/surveys/:id',
    signedIn: true,
    private: true,
    async handle({ site, id, form, field, redirect }) {
      let error: string | null = null;
      const survey = (await request(DOCUMENTS.surveys, 'SurveyPage', { id })).node;
      if (!survey?.id) return null;
      if (form) {
        const result =
          field('step') === 'publish'
            ? (await request(DOCUMENTS.surveys, 'SurveyPublishResults', { id })).surveyPublishResults
            : (await request(DOCUMENTS.surveys, 'SurveyAnswer', { id, answers: answersOf(survey, form), formToken: null })).surveyAnswer;
        if (!result.userErrors.length) return redirect(`/workspace/surveys/${id}?notice=${field('step') === 'publish' ? 'published' : 'answered'}`);
        error = result.userErrors[0]!.message;
      }
      return page(SurveyPage, { site, s: survey, charts: chartsOf(survey), error, visitor: false }, { title: survey.title ?? '问卷', description: '问卷调查。', section: 'workspace' });
    },
  },
  {
    // 问卷 on the portal: its public surveys, for anyone.
    path: 'surveys',
    private: true,
    async handle({ site }) {
      const list = (await request(DOCUMENTS.surveys, 'PortalSurveys', { slug: site.portal.slug })).portalSurveys;
      return page(PublicSurveyList, { site, list }, { title: '问卷调查', description: `${site.portal.title}的问卷调查与投票。`, section: '-' });
    },
  },
  {
    path: 'surveys/:id',
    private: true,
    async handle({ site, id, form, field, cookies, redirect }) {
      let error: string | null = null;
      const survey = (await request(DOCUMENTS.surveys, 'SurveyPage', { id })).node;
      if (!survey?.id || survey.audience !== 'PUBLIC') return null;
      if (form) {
        const result = (await request(DOCUMENTS.surveys, 'SurveyAnswer', { id, answers: answersOf(survey, form), formToken: field('formToken') || null })).surveyAnswer;
        if (!result.userErrors.length) return redirect(`/surveys/${id}?notice=answered`);
        error = result.userErrors[0]!.message;
      }
      const signedIn = !!cookies.get(SESSION_COOKIE)?.value;
      return page(SurveyPage, { site, s: survey, charts: chartsOf(survey), error, visitor: !signedIn }, { title: survey.title ?? '问卷', description: `${site.portal.title}问卷调查。`, section: '-' });
    },
  },
];

type Survey = NonNullable<SurveyPageResult['node']>;

/** The form's fields as answers, by each question's kind. */
function answersOf(survey: Survey, form: FormData) {
  return (survey.questions ?? []).map((q) => {
    const values = form.getAll(`q${q.position}`).map(String).filter(Boolean);
    return q.kind === 'RATING' ? { questionId: q.id, rating: Number(values[0]) || null } : q.kind === 'TEXT' ? { questionId: q.id, text: values[0] ?? null } : { questionId: q.id, choices: values.map(Number) };
  });
}

/** A chart per choice question of the results, drawn on the server. */
const chartsOf = (survey: Survey) =>
  Object.fromEntries((survey.results?.questions ?? []).filter((q) => q.options.length > 0).map((q) => [q.position, barChartSvg(q.options.map((o) => o.label), q.options.map((o) => o.count), { height: 220 })]));
