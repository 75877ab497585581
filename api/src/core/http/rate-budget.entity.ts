import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Points spent by one caller (an API key, a user, or an anonymous address) in the current fixed
 * window. Kept in PostgreSQL so every API process charges the same budget.
 */
@Entity({ tableName: 'rate_budget' })
export class RateBudget {
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  used!: number;

  /** The limit charged against (so a key's page can show its budget). */
  @Property({ type: 'integer', default: 0 })
  budgetLimit!: number;
}
