import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122046_group_leader extends Migration {

  override name = 'Migration20261130122046_group_leader';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member_post" drop constraint "member_post_post_check";`);
    this.addSql(`create unique index "member_post_one_group_leader" on "member_post" ("enterprise_id", "organization_id") where "post" = 'GROUP_LEADER' and "ended_on" is null;`);
    this.addSql(`alter table "member_post" add constraint "member_post_post_check" check ("post" in ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE', 'MEMBER', 'GROUP_LEADER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "member_post_one_group_leader";`);
    this.addSql(`alter table "member_post" drop constraint "member_post_post_check";`);
    this.addSql(`alter table "member_post" add constraint "member_post_post_check" check ("post" in ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE', 'MEMBER'));`);
  }

}
