import { Migration } from '@mikro-orm/migrations';

/**
 * The tenant key on every tenant-owned table (ready to be distributed by enterprise): each child
 * row takes the enterprise of the row it belongs to — the content item, or the portal — filled in
 * from that parent before the column becomes NOT NULL. The unique keys that hold per tenant gain
 * it as their first column.
 */
const FROM_CONTENT = [
  'content_revision',
  'content_media',
  'content_attachment',
  'content_target',
  'content_recommendation',
  'disclosure',
  'disclosure_feedback',
  'disclosure_read',
  'experience_case',
  'case_comment',
  'content_like',
  'case_adoption',
  'case_feature',
  'shared_resource',
  'resource_request',
  'usage_daily',
];

export class Migration20261130071812_tenant_keys extends Migration {
  override name = 'Migration20261130071812_tenant_keys';

  override up(): void | Promise<void> {
    const add = (table: string, fill: string) => {
      this.addSql(`alter table "${table}" add "enterprise_id" int null;`);
      this.addSql(fill);
      this.addSql(`alter table "${table}" alter column "enterprise_id" set not null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on delete restrict;`);
      this.addSql(`create index "${table}_enterprise_idx" on "${table}" ("enterprise_id");`);
    };
    for (const table of FROM_CONTENT) {
      add(table, `update "${table}" t set "enterprise_id" = c."enterprise_id" from "content" c where c."id" = t."content_id";`);
    }
    add('portal_host', `update "portal_host" h set "enterprise_id" = p."enterprise_id" from "portal" p where p."id" = h."portal_id";`);

    // Unique keys that hold per tenant lead with the tenant key.
    this.addSql(`alter table "content_recommendation" drop constraint "content_recommendation_unique";`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_unique" unique ("enterprise_id", "content_id", "to_organization_id");`);
    this.addSql(`alter table "case_adoption" drop constraint "case_adoption_once";`);
    this.addSql(`alter table "case_adoption" add constraint "case_adoption_once" unique ("enterprise_id", "content_id", "organization_id");`);
    this.addSql(`drop index "resource_request_one_pending";`);
    this.addSql(`create unique index "resource_request_one_pending" on "resource_request" ("enterprise_id", "content_id", "organization_id") where status = 'PENDING';`);
    this.addSql(`drop index "usage_daily_key";`);
    this.addSql(`create unique index "usage_daily_key" on "usage_daily" ("enterprise_id", "content_id", "day", "metric", coalesce("organization_id", 0));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "usage_daily_key";`);
    this.addSql(`create unique index "usage_daily_key" on "usage_daily" ("content_id", "day", "metric", coalesce("organization_id", 0));`);
    this.addSql(`drop index "resource_request_one_pending";`);
    this.addSql(`create unique index "resource_request_one_pending" on "resource_request" ("content_id", "organization_id") where status = 'PENDING';`);
    this.addSql(`alter table "case_adoption" drop constraint "case_adoption_once";`);
    this.addSql(`alter table "case_adoption" add constraint "case_adoption_once" unique ("content_id", "organization_id");`);
    this.addSql(`alter table "content_recommendation" drop constraint "content_recommendation_unique";`);
    this.addSql(`alter table "content_recommendation" add constraint "content_recommendation_unique" unique ("content_id", "to_organization_id");`);
    for (const table of [...FROM_CONTENT, 'portal_host']) this.addSql(`alter table "${table}" drop column "enterprise_id";`);
  }
}
