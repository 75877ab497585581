import { Migration } from '@mikro-orm/migrations';

/**
 * The response cache's invalidation (api/src/core/http/response-cache.ts): every committed write to
 * a table that anonymous portal pages read sends `cache.invalidate` on the event channel, once per
 * statement (NOTIFY folds repeats within a transaction), so every API process drops its cached
 * answers. `content` fires only for the columns pages show: a view being counted does not.
 */
const TABLES = [
  'disclosure',
  'disclosure_feedback',
  'experience_case',
  'case_comment',
  'case_adoption',
  'case_feature',
  'shared_resource',
  'content_target',
  'content_media',
  'content_attachment',
  'content_recommendation',
  'organization',
  'portal',
  'portal_host',
  'enterprise',
  'calendar_day',
  'calendar_year',
  'survey',
  'mass_suggestion',
];
const CONTENT_COLUMNS = 'title, summary, body_html, tags, status, visibility, published_at, pinned_at, cover_id, organization_id';

export class Migration20261130160500_response_cache extends Migration {

  override name = 'Migration20261130160500_response_cache';

  override up(): void | Promise<void> {
    this.addSql(`create function dj_response_cache_invalidate() returns trigger language plpgsql as $$
begin
  perform pg_notify('dj_events', '{"type":"cache.invalidate"}');
  return null;
end $$;`);
    this.addSql(`create trigger response_cache_invalidate after insert or delete or update of ${CONTENT_COLUMNS} on "content" for each statement execute function dj_response_cache_invalidate();`);
    for (const table of TABLES) {
      this.addSql(`create trigger response_cache_invalidate after insert or update or delete on "${table}" for each statement execute function dj_response_cache_invalidate();`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of ['content', ...TABLES]) this.addSql(`drop trigger if exists response_cache_invalidate on "${table}";`);
    this.addSql(`drop function if exists dj_response_cache_invalidate();`);
  }

}
