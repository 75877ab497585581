import { Migration } from '@mikro-orm/migrations';

export class Migration20261121212905_recommendations extends Migration {

  override name = 'Migration20261121212905_recommendations';

  override up(): void | Promise<void> {
    this.addSql(`create table "content_recommendation" ("id" serial primary key, "content_id" bigint not null, "to_organization_id" int not null, "status" text not null, "note" varchar(500) not null default '', "decline_reason" varchar(500) null, "recommended_by_id" int null, "decided_by_id" int null, "decided_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "content_recommendation_to_idx" on "content_recommendation" ("to_organization_id", "status");`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_unique" unique ("content_id", "to_organization_id");`);

    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_content_id_foreign" foreign key ("content_id") references "content" ("id") on delete cascade;`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_to_organization_id_foreign" foreign key ("to_organization_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_recommended_by_id_foreign" foreign key ("recommended_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_status_check" check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "content_recommendation" cascade;`);
  }

}
