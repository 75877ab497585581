import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233554_subtree_list_index extends Migration {

  override name = 'Migration20261121233554_subtree_list_index';

  override up(): void | Promise<void> {
    this.addSql(`drop index "content_organization_idx";`);
    this.addSql(`create index "content_subtree_list_idx" on "content" ("organization_id", "kind", "status", "published_at") include ("visibility", "enterprise_id", "author_id", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "content_subtree_list_idx";`);
    this.addSql(`create index "content_organization_idx" on "content" ("organization_id", "status");`);
  }

}
