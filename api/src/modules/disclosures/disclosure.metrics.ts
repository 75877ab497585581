/**
 * What 党务公开 measures for assessment (考核): disclosures published within the time limit, in
 * working days on the national calendar from when they were drafted on the platform.
 */
import type { LocalRule } from '../../core/module.js';
import { chinaDay, percent, scopeParams, SCOPES, type Metric } from '../../core/metrics.js';
import { exceptionsBetween } from '../calendar/calendar.service.js';
import { addDays, workingDaysBetween } from '../calendar/working-days.js';
import { localRuleValue } from '../local-rules/local-rules.service.js';

export const ON_TIME_WORKING_DAYS: LocalRule = {
  key: 'disclosures.onTimeWorkingDays',
  label: '党务公开时限（工作日）',
  description: 'Within how many working days of being drafted a disclosure counts as published on time (the assessment metric disclosures.onTime).',
  source: '中国共产党党务公开条例（试行）：党务公开一般应当在党务信息形成或者变更后20个工作日内予以公开（LOCAL：平台以起草之日计，默认20个工作日）',
  unit: 'WORKING_DAYS',
  default: 20,
  min: 5,
  max: 60,
};

export const disclosuresOnTime: Metric = {
  key: 'disclosures.onTime',
  label: '党务公开及时率',
  unit: 'PERCENT',
  higherIsBetter: true,
  definition: '期间内发布的党务公开中，自起草之日起在规定工作日内（默认20个工作日，企业可设）发布的比例。',
  async measure(em, scopes, span) {
    if (scopes.length === 0) return new Map();
    const rows = await em.getConnection().execute<{ id: number; enterprise_id: number; drafted: string; published: string }[]>(
      `select s.id, c.enterprise_id, to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as drafted,
              to_char(c.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as published
         from ${SCOPES}
         join organization o on o.path like s.path || '%'
         join content c on c.organization_id = o.id and c.kind = 'DISCLOSURE' and c.status = 'PUBLISHED'
        where c.published_at >= ? and c.published_at < ?`,
      [...scopeParams(scopes), span.from, span.to],
    );
    if (rows.length === 0) return new Map(scopes.map((s) => [s.id, null]));
    const first = rows.reduce((d, r) => (r.drafted < d ? r.drafted : d), rows[0]!.drafted);
    const exceptions = await exceptionsBetween(em, first, chinaDay(span.to));
    const limits = new Map<number, number>();
    for (const e of new Set(rows.map((r) => r.enterprise_id))) limits.set(e, await localRuleValue(em, e, ON_TIME_WORKING_DAYS.key));
    return new Map(scopes.map((s) => {
      const mine = rows.filter((r) => r.id === s.id);
      // The drafting day is day 0: count the working days after it up to the publication day.
      const onTime = mine.filter((r) => r.published <= r.drafted || workingDaysBetween(addDays(r.drafted, 1), r.published, exceptions) <= limits.get(r.enterprise_id)!);
      return [s.id, percent(onTime.length, mine.length)];
    }));
  },
};
