import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/graphql/context.js';
import { badInput } from '../../core/graphql/errors.js';
import { mutate } from '../../core/graphql/payload.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarDay, CalendarYear } from './calendar.entity.js';
import { exceptionsBetween, setCalendarYear } from './calendar.service.js';
import { WorkCalendarPayload, WorkCalendarSetInput, WorkCalendarType } from './calendar.types.js';
import { workingDaysBetween } from './working-days.js';

async function calendarOf(em: EntityManager, year: number): Promise<WorkCalendarType> {
  const row = await em.findOne(CalendarYear, year);
  const days = await em.find(CalendarDay, { year }, { orderBy: { day: 'asc' } });
  const exceptions = await exceptionsBetween(em, `${year}-01-01`, `${year}-12-31`);
  return {
    year,
    maintained: !!row,
    source: row?.source ?? null,
    updatedAt: row?.updatedAt ?? null,
    days: days.map((d) => ({ day: d.day, kind: d.kind, name: d.name })),
    workingDays: workingDaysBetween(`${year}-01-01`, `${year}-12-31`, exceptions),
  };
}

@Resolver()
export class CalendarResolver {
  @Query(() => WorkCalendarType, { description: 'A year of the national working calendar (public: it is the State Council’s).' })
  workCalendar(@Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: Context): Promise<WorkCalendarType> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('A year from 2000 to 2100.', 'year');
    return calendarOf(ctx.em, year);
  }

  @Mutation(() => WorkCalendarPayload, { description: 'Publishes a year’s holidays and weekend working days (platform admins; audited).' })
  workCalendarSet(@Arg('input') input: WorkCalendarSetInput, @Ctx() ctx: Context): Promise<WorkCalendarPayload> {
    return mutate(async () => {
      await setCalendarYear(ctx.em, ctx, input);
      return { calendar: await calendarOf(ctx.em, input.year) };
    });
  }
}
