import { Migration } from '@mikro-orm/migrations';

/**
 * The engagement counters move from the common content row to the kinds that keep them: a case's
 * likes, comments and adoptions to experience_case, a resource's downloads to shared_resource.
 * The values are copied before the old columns go.
 */
export class Migration20261130102152_kind_counters extends Migration {

  override name = 'Migration20261130102152_kind_counters';

  override up(): void | Promise<void> {
    this.addSql(`alter table "shared_resource" add "download_count" int not null default 0;`);
    this.addSql(`alter table "experience_case" add "like_count" int not null default 0, add "comment_count" int not null default 0, add "adoption_count" int not null default 0;`);

    this.addSql(`update "shared_resource" r set "download_count" = c."download_count" from "content" c where c."id" = r."content_id";`);
    this.addSql(`update "experience_case" e set "like_count" = c."like_count", "comment_count" = c."comment_count", "adoption_count" = c."adoption_count" from "content" c where c."id" = e."content_id";`);

    this.addSql(`create index "shared_resource_most_downloaded_idx" on "shared_resource" ("download_count", "content_id");`);
    this.addSql(`create index "experience_case_most_adopted_idx" on "experience_case" ("adoption_count", "content_id");`);
    this.addSql(`create index "experience_case_most_liked_idx" on "experience_case" ("like_count", "content_id");`);

    this.addSql(`drop index "content_most_adopted_idx";`);
    this.addSql(`drop index "content_most_liked_idx";`);
    this.addSql(`alter table "content" drop column "like_count", drop column "comment_count", drop column "adoption_count", drop column "download_count";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "content" add "like_count" int4 not null default 0, add "comment_count" int4 not null default 0, add "adoption_count" int4 not null default 0, add "download_count" int4 not null default 0;`);
    this.addSql(`update "content" c set "like_count" = e."like_count", "comment_count" = e."comment_count", "adoption_count" = e."adoption_count" from "experience_case" e where c."id" = e."content_id";`);
    this.addSql(`update "content" c set "download_count" = r."download_count" from "shared_resource" r where c."id" = r."content_id";`);
    this.addSql(`create index "content_most_adopted_idx" on "content" ("kind", "status", "adoption_count", "id");`);
    this.addSql(`create index "content_most_liked_idx" on "content" ("kind", "status", "like_count", "id");`);

    this.addSql(`drop index "experience_case_most_adopted_idx";`);
    this.addSql(`drop index "experience_case_most_liked_idx";`);
    this.addSql(`alter table "experience_case" drop column "like_count", drop column "comment_count", drop column "adoption_count";`);

    this.addSql(`drop index "shared_resource_most_downloaded_idx";`);
    this.addSql(`alter table "shared_resource" drop column "download_count";`);
  }

}
