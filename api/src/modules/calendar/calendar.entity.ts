import { PrimaryKeyProp, type Opt, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '../identity/user.entity.js';

/** 放假 (a weekday off) or 调休上班 (a weekend day worked). */
export const CalendarDayKind = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];

/**
 * A year of the national working calendar as published by the State Council (国务院办公厅关于
 * 部分节假日安排的通知). Platform-wide reference data, not a tenant's: every enterprise works by
 * it. A year that is not here counts Monday–Friday as working days.
 */
@Entity({ tableName: 'calendar_year' })
export class CalendarYear {
  [PrimaryKeyProp]?: 'year';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  /** Where the days come from, e.g. the notice's title. */
  @Property({ type: 'string', length: 200 })
  source!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  updatedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}

/** A day that differs from the Monday–Friday rule: a holiday on a weekday, or a weekend day worked. */
@Entity({ tableName: 'calendar_day' })
export class CalendarDay {
  [PrimaryKeyProp]?: 'day';

  @PrimaryKey({ type: 'date' })
  day!: string;

  @ManyToOne(() => CalendarYear, { ref: true, deleteRule: 'cascade', fieldName: 'year' })
  year!: Ref<CalendarYear>;

  @Enum({ items: () => CalendarDayKind })
  kind!: CalendarDayKind;

  /** 元旦, 春节, 国庆节 … (for a WORKDAY, the holiday it makes up for). */
  @Property({ type: 'string', length: 20 })
  name!: string;
}
