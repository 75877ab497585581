import { Migration } from '@mikro-orm/migrations';

/**
 * Rate budgets are counters of the current minute, written on every request: kept out of the
 * write-ahead log (UNLOGGED), a request's charge no longer waits for a WAL flush. What that costs:
 * after a crash of PostgreSQL the table comes back empty — every caller starts the minute afresh,
 * which a rate budget can afford — and it is not copied to streaming replicas (which never
 * answer requests here).
 */
export class Migration20261130180000_rate_budget_unlogged extends Migration {
  override name = 'Migration20261130180000_rate_budget_unlogged';

  override async up(): Promise<void> {
    this.addSql(`alter table "rate_budget" set unlogged;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rate_budget" set logged;`);
  }
}
