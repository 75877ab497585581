/**
 * A survey's results as an .xlsx (exceljs), for its owners: a summary sheet (each question's
 * options counted, ratings averaged) and the answers sheet — one row per response, named only
 * where the survey is named. An anonymous survey's rows carry no name and no time.
 */
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { can } from '../../core/authz/check.js';
import { notFound } from '../../core/graphql/errors.js';
import { Organization } from '../organizations/organization.entity.js';
import { Survey, SurveyQuestion, SurveyQuestionKind, SurveyResponse } from './survey.entity.js';
import { resultsOf } from './survey.service.js';

export async function exportSurvey(em: EntityManager, actor: Actor, surveyId: number): Promise<{ file: Buffer; fileName: string }> {
  const survey = await em.findOne(Survey, surveyId);
  // Only its owners export it; to anyone else it does not exist here.
  if (!survey || !(await can(em, actor, 'readOrganizationalLife', Organization, 'Organization', survey.organization.id))) throw notFound('The survey does not exist.');
  const [results, questions, responses] = await Promise.all([
    resultsOf(em, survey),
    em.find(SurveyQuestion, { survey }, { orderBy: { position: 'asc' } }),
    em.find(SurveyResponse, { survey }, { populate: ['member', 'user'], orderBy: { id: 'asc' } }),
  ]);
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('汇总');
  summary.addRow([survey.title]);
  summary.addRow([`作答 ${results.respondents} 人${survey.audience === 'PUBLIC' ? '' : `，应答 ${results.audience} 人`}`, survey.anonymous ? '匿名问卷' : '实名问卷']);
  summary.addRow([]);
  summary.addRow(['题号', '题目', '选项 / 统计', '人数']);
  for (const q of results.questions) {
    if (q.kind === SurveyQuestionKind.RATING) summary.addRow([q.position, q.prompt, '平均分', q.ratingAverage ?? '—']);
    else if (q.kind === SurveyQuestionKind.TEXT) summary.addRow([q.position, q.prompt, '填写人数', q.answered]);
    else for (const [i, o] of q.options.entries()) summary.addRow([i === 0 ? q.position : '', i === 0 ? q.prompt : '', o.label, o.count]);
  }
  summary.getColumn(2).width = 40;
  summary.getColumn(3).width = 24;
  const sheet = book.addWorksheet('答卷');
  sheet.addRow([...(survey.anonymous ? [] : ['答卷人']), ...questions.map((q) => `${q.position}. ${q.prompt}`)]);
  for (const r of responses) {
    const who = r.member?.$.name ?? r.user?.$.displayName ?? '';
    const cells = questions.map((q) => {
      const a = r.answers[q.id];
      if (!a) return '';
      if (a.choices) return a.choices.map((c) => q.options[c] ?? '').join('、');
      return a.rating ?? a.text ?? '';
    });
    sheet.addRow([...(survey.anonymous ? [] : [who]), ...cells]);
  }
  return { file: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${survey.title}-结果.xlsx` };
}
