/**
 * Sign-ins as they happen, for big screens (数据大屏): each sign-in to a meeting of an
 * organisation's subtree, with the day's count of sign-ins there — for the readers of that
 * organisation's life only, checked when subscribing and re-read for every event.
 */
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLISODateTime } from 'type-graphql';
import { assertCan } from '../../core/authz/check.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { expectGlobalId } from '../../core/graphql/relay.js';
import { Organization } from '../organizations/organization.entity.js';
import { MEETING_LABEL, type MeetingType } from './meeting-types.js';

@ObjectType('MeetingSignInEvent', { description: 'A sign-in to a meeting of the subtree, and the day’s count there.' })
class MeetingSignInEventType {
  @Field({ description: 'The meeting’s topic.' }) meetingTopic!: string;
  @Field({ description: 'The kind of meeting, in Chinese (主题党日, 支部党员大会 …).' }) meetingType!: string;
  @Field({ description: 'The organisation holding it.' }) organizationName!: string;
  @Field(() => Int, { description: 'Sign-ins to the subtree’s meetings today (China time).' }) todayCount!: number;
  @Field(() => GraphQLISODateTime, { description: 'When the member signed in.' }) at!: Date;
}

/** Sign-ins to the subtree's meetings today (China time). */
const TODAY = `select count(*)::int as today from meeting_attendee a join meeting x on x.id = a.meeting_id join organization xo on xo.id = x.organization_id
  where xo.path like ? and a.signed_in_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`;
const today = async (em: EntityManager, path: string) => (await em.execute<{ today: number }[]>(TODAY, [`${path}%`]))[0]!.today;

async function readablePath(context: Context, organizationId: string): Promise<string> {
  const id = expectGlobalId(organizationId, 'Organization', 'organizationId');
  await assertCan(context.em, context, 'readOrganizationalLife', Organization, 'Organization', id, 'The organisation');
  return (await context.em.findOneOrFail(Organization, id)).path;
}

function signIns(context: Context, organizationId: string): AsyncIterableIterator<MeetingSignInEventType> {
  return filterMap(
    context.bus,
    () => readablePath(context, organizationId),
    async (event, path) => {
      if (event.type !== 'meetings.signedIn') return null;
      context.renew();
      const [row] = await context.em.execute<{ topic: string; type: MeetingType; name: string }[]>(
        `select m.topic, m.type, o.name from meeting m join organization o on o.id = m.organization_id where m.id = ? and o.path like ?`,
        [event.meetingId, `${path}%`],
      );
      return row ? { meetingTopic: row.topic, meetingType: MEETING_LABEL[row.type], organizationName: row.name, todayCount: await today(context.em, path), at: new Date() } : null;
    },
  );
}

@Resolver()
export class MeetingLiveResolver {
  @Query(() => Int, { description: 'Sign-ins to the meetings of an organisation’s subtree today (China time) — for the readers of its organisational life.' })
  async meetingSignInsToday(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context): Promise<number> {
    return today(ctx.em, await readablePath(ctx, organizationId));
  }

  @Subscription(() => MeetingSignInEventType, {
    description: 'Sign-ins to the meetings of an organisation’s subtree as they happen (for big screens), with the day’s count — for the readers of its organisational life.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { organizationId: string }, Context>) => signIns(context, args.organizationId),
  })
  meetingSignIns(@Root() event: MeetingSignInEventType, @Arg('organizationId', () => ID) _organizationId: string): MeetingSignInEventType {
    return event;
  }
}
