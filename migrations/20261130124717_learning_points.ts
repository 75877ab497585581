import { Migration } from '@mikro-orm/migrations';

export class Migration20261130124717_learning_points extends Migration {

  override name = 'Migration20261130124717_learning_points';

  override up(): void | Promise<void> {
    this.addSql(`create table "learning_profile" ("enterprise_id" int not null, "member_id" int not null, "hide_name" boolean not null default false, primary key ("enterprise_id", "member_id"));`);
    this.addSql(`create index "learning_profile_member_idx" on "learning_profile" ("member_id");`);

    this.addSql(`create table "learning_point" ("id" bigserial primary key, "enterprise_id" int not null, "member_id" int not null, "action" text not null, "source" varchar(40) not null, "day" date not null, "points" smallint not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "learning_point_day_idx" on "learning_point" ("member_id", "action", "day");`);
    this.addSql(`alter table "learning_point" add constraint "learning_point_once" unique ("enterprise_id", "member_id", "action", "source");`);

    this.addSql(`alter table "learning_profile" add constraint "learning_profile_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "learning_profile" add constraint "learning_profile_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "learning_point" add constraint "learning_point_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
    this.addSql(`alter table "learning_point" add constraint "learning_point_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
    this.addSql(`alter table "learning_point" add constraint "learning_point_action_check" check ("action" in ('ITEM', 'PRACTICE', 'EXAM'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "learning_profile" cascade;`);
    this.addSql(`drop table if exists "learning_point" cascade;`);
  }

}
