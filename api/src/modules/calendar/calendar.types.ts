import { Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { CalendarDayKind } from './calendar.entity.js';

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY 放假 (a weekday off) or WORKDAY 调休上班 (a weekend day worked).',
  valuesConfig: {
    HOLIDAY: { description: '放假: a weekday off.' },
    WORKDAY: { description: '调休上班: a weekend day worked.' },
  },
});

@ObjectType('CalendarDay', { description: 'A day that differs from Monday–Friday on the national calendar.' })
export class CalendarDayType {
  @Field({ description: 'YYYY-MM-DD.' }) day!: string;
  @Field(() => CalendarDayKind, { description: 'A day off or a day worked.' }) kind!: CalendarDayKind;
  @Field({ description: 'The holiday, e.g. 国庆节.' }) name!: string;
}

@ObjectType('WorkCalendar', { description: 'A year of the national working calendar (放假调休安排), kept by platform admins; notice windows count working days on it.' })
export class WorkCalendarType {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field({ description: 'Whether the year has been published here; otherwise only weekends are days off.' }) maintained!: boolean;
  @Field(() => String, { description: 'Where the year’s days come from (the State Council’s notice).', nullable: true }) source!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
  @Field(() => [CalendarDayType], { description: 'The days that differ from the week’s pattern.' }) days!: CalendarDayType[];
  @Field(() => Int, { description: 'Working days in the year.' }) workingDays!: number;
}

@InputType({ description: 'A day of the working calendar that differs from the week’s pattern.' })
export class CalendarDayInput {
  @Field({ description: 'The day (YYYY-MM-DD).' }) day!: string;
  @Field(() => CalendarDayKind, { description: 'A day off or a day worked.' }) kind!: CalendarDayKind;
  @Field({ description: 'What it is for, e.g. 国庆节.' }) name!: string;
}

@InputType({ description: 'A year’s working calendar: its 放假 and 调休上班 days.' })
export class WorkCalendarSetInput {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field({ description: 'The notice it follows, e.g. 国务院办公厅关于2027年部分节假日安排的通知.' }) source!: string;
  @Field(() => [CalendarDayInput], { description: 'Every weekday off and every weekend day worked; replaces the year.' }) days!: CalendarDayInput[];
}

@ObjectType()
export class WorkCalendarPayload {
  @Field(() => WorkCalendarType, { nullable: true }) calendar?: WorkCalendarType;
  @Field(() => [UserError]) userErrors!: UserError[];
}
