/** What every content kind shares in GraphQL: recording views (the item's counter and the daily figures). */
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { countAuthorised } from '../../core/authz/queries.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput, notFound } from '../../core/graphql/errors.js';
import { fromGlobalId } from '../../core/graphql/relay.js';
import { Content } from './content.entity.js';
import { UsageMetric } from '../usage/usage.entity.js';
import { recordUsage } from '../usage/usage.service.js';
import { ContentStatus } from './content-enums.js';
import { kindOfTypeName } from './kinds.js';

@Resolver()
export class ContentViewResolver {
  @Mutation(() => Int, {
    description: 'Counts one view of a published item you may read (a portal calls it once per page view); returns the new count.',
  })
  async contentRecordView(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<number> {
    const decoded = fromGlobalId(id);
    if (!decoded || !kindOfTypeName(decoded.type)) throw badInput('Not a valid content id.', 'id');
    const local = String(decoded.id);
    if (!(await countAuthorised(ctx, Content, 'Content', { id: local, status: ContentStatus.PUBLISHED }))) throw notFound('The item does not exist.');
    // One atomic increment: concurrent views are all counted, none twice.
    return ctx.em.transactional(async (tx) => {
      const [row] = await tx.execute<{ view_count: number }[]>('update content set view_count = view_count + 1 where id = ? returning view_count', [local]);
      await recordUsage(tx, ctx.viewer, local, UsageMetric.VIEW);
      return row!.view_count;
    });
  }
}
