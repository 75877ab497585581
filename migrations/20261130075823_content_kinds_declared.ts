import { Migration } from '@mikro-orm/migrations';

/** The same four kinds, now declared by their own modules (content/kinds.ts) and listed in a fixed order. */

export class Migration20261130075823_content_kinds_declared extends Migration {

  override name = 'Migration20261130075823_content_kinds_declared';

  override up(): void | Promise<void> {
    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('CASE', 'DISCLOSURE', 'NEWS', 'RESOURCE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "content" drop constraint "content_kind_check";`);
    this.addSql(`alter table "content" add constraint "content_kind_check" check ("kind" in ('NEWS', 'DISCLOSURE', 'CASE', 'RESOURCE'));`);
  }

}
