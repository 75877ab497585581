import { Migration } from '@mikro-orm/migrations';

export class Migration20261121215848_targeted_visibility extends Migration {

  override name = 'Migration20261121215848_targeted_visibility';

  override up(): void | Promise<void> {
    this.addSql(`create table "content_target" ("content_id" bigint not null, "organization_id" int not null, primary key ("content_id", "organization_id"));`);
    this.addSql(`create index "content_target_organization_idx" on "content_target" ("organization_id");`);

    this.addSql(`alter table "content" drop constraint "content_visibility_check";`);
    this.addSql(`alter table "content" add constraint "content_visibility_check" check ("visibility" in ('PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM', 'TARGETED'));`);

    this.addSql(`alter table "disclosure" drop constraint "disclosure_scope_check";`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_scope_check" check ("scope" in ('SOCIETY', 'WHOLE_ENTERPRISE', 'OWN_ORG_SUBTREE', 'TARGETED'));`);

    this.addSql(`alter table "content_target" add constraint "content_target_content_id_foreign" foreign key ("content_id") references "content" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "content_target" add constraint "content_target_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "content_target" cascade;`);

    this.addSql(`alter table "content" drop constraint "content_visibility_check";`);
    this.addSql(`alter table "content" add constraint "content_visibility_check" check ("visibility" in ('PUBLIC', 'ENTERPRISE', 'ORGANIZATION', 'PARTNERS', 'PLATFORM'));`);

    this.addSql(`alter table "disclosure" drop constraint "disclosure_scope_check";`);
    this.addSql(`alter table "disclosure" add constraint "disclosure_scope_check" check ("scope" in ('SOCIETY', 'WHOLE_ENTERPRISE', 'OWN_ORG_SUBTREE'));`);
  }

}
