/** The inbox, its live feed, settings, gateways, 待办 and dead letters. Only the recipient reads a notification — in SQL. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireUser } from '../../core/authz/check.js';
import { filterMap } from '../../core/events/bus.js';
import type { Context } from '../../core/graphql/context.js';
import { badInput, forbidden } from '../../core/graphql/errors.js';
import { registerNodeType } from '../../core/graphql/node.js';
import { mutate } from '../../core/graphql/payload.js';
import { checkFirst, decodeCursor, expectGlobalId, fromGlobalId, paginate, toGlobalId, type Connection } from '../../core/graphql/relay.js';
import { byKey, defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { removeGateway, setGateway } from './gateway.service.js';
import './notification.events.js';
import { Channel, Notification, NotificationDelivery } from './notification.entity.js';
import {
  DeadLetterType,
  GatewayInput,
  GatewayPayload,
  NotificationConnection,
  NotificationDeliveryType,
  NotificationReadPayload,
  NotificationSettingsInput,
  NotificationSettingsPayload,
  NotificationSettingsType,
  NotificationType,
  TodoItemType,
} from './notification.types.js';
import { runtimeFor } from './runtime.js';
import { notificationSettings, updateNotificationSettings } from './settings.service.js';
import { todoFor } from './todo.js';

/** Whose notifications the caller reads: their own, and nobody else's (not even a platform admin's view). */
const mine = (ctx: Context): FilterQuery<Notification> => ({ recipient: requireUser(ctx.viewer).userId });

const notificationById = defineLoader<string, Notification | null>(async (ctx, ids) =>
  ctx.viewer.kind === 'user' ? byKey(ids, await ctx.em.find(Notification, { $and: [{ id: { $in: [...ids] } }, mine(ctx)] }), (n) => n.id) : ids.map(() => null),
);
const deliveriesOf = defineLoader<string, NotificationDelivery[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(NotificationDelivery, { notification: { $in: [...ids], recipient: requireUser(ctx.viewer).userId } }, { orderBy: { channel: 'asc' } }), (d) => d.notification.id),
);
registerNodeType({ typeName: 'Notification', entity: Notification, load: (ctx, id) => notificationById(ctx).load(String(id)) });

const unreadCount = (ctx: Context) => ctx.em.count(Notification, { $and: [mine(ctx), { readAt: null }] });

@Resolver(() => NotificationType)
export class NotificationResolver {
  @FieldResolver(() => ID)
  id(@Root() n: Notification): string {
    return toGlobalId('Notification', n.id);
  }

  @FieldResolver(() => [NotificationDeliveryType], { description: 'How it went out on outside channels (skipped ones say why).' })
  deliveries(@Root() n: Notification, @Ctx() ctx: Context): Promise<NotificationDelivery[]> {
    return deliveriesOf(ctx).load(n.id);
  }

  @Query(() => NotificationConnection, { description: 'Your inbox, newest first.' })
  notifications(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'Only those not read yet.' }) unreadOnly: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Notification>> {
    const where: FilterQuery<Notification> = unreadOnly ? { $and: [mine(ctx), { readAt: null }] } : mine(ctx);
    return paginate({
      first,
      after: after == null ? null : (decodeCursor(after, ['string']) as [string]),
      keyOf: (n) => [n.id] as [string],
      fetch: (limit, cursor) => ctx.em.find(Notification, cursor ? { $and: [where, { id: { $lt: cursor[0] } }] } : where, { orderBy: { id: 'desc' }, limit }),
      count: () => ctx.em.count(Notification, where),
    });
  }

  @Query(() => Int, { description: 'How many notifications you have not read.' })
  notificationsUnreadCount(@Ctx() ctx: Context): Promise<number> {
    return unreadCount(ctx);
  }

  @Mutation(() => NotificationReadPayload, { description: 'Marks notifications of yours as read (others’ ids are ignored).' })
  notificationMarkRead(@Arg('ids', () => [ID], { description: 'Your notifications to mark read.' }) ids: string[], @Ctx() ctx: Context): Promise<NotificationReadPayload> {
    return mutate(async () => {
      if (ids.length === 0 || ids.length > 100) throw badInput('Mark 1–100 notifications at a time.', 'ids');
      const local = ids.map((id) => String(expectGlobalId(id, 'Notification', 'ids')));
      await ctx.em.nativeUpdate(Notification, { $and: [mine(ctx), { id: { $in: local }, readAt: null }] }, { readAt: new Date() });
      return { unreadCount: await unreadCount(ctx) };
    });
  }

  @Mutation(() => NotificationReadPayload, { description: 'Marks all your notifications as read.' })
  notificationMarkAllRead(@Ctx() ctx: Context): Promise<NotificationReadPayload> {
    return mutate(async () => {
      await ctx.em.nativeUpdate(Notification, { $and: [mine(ctx), { readAt: null }] }, { readAt: new Date() });
      return { unreadCount: 0 };
    });
  }

  @Subscription(() => NotificationType, {
    description: 'Your new notifications as they arrive, from every API process.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) =>
      filterMap(
        context.bus,
        async () => requireUser(context.viewer).userId,
        async (event, me) => {
          if (event.type !== 'notification.created') return null;
          context.renew();
          // One indexed look-up among the announced ids: only the recipient's own row.
          return context.em.findOne(Notification, { recipient: me, id: { $gte: event.fromId, $lte: event.toId } }, { orderBy: { id: 'desc' } });
        },
      ),
  })
  notificationReceived(@Root() notification: Notification): Notification {
    return notification;
  }

  @Query(() => NotificationSettingsType, { description: 'Your notification settings, and which channels are effectively on.' })
  notificationSettings(@Ctx() ctx: Context): Promise<NotificationSettingsType> {
    return notificationSettings(ctx.em, requireUser(ctx.viewer).userId);
  }

  @Mutation(() => NotificationSettingsPayload, { description: 'Changes your notification settings.' })
  notificationSettingsUpdate(@Arg('input') input: NotificationSettingsInput, @Ctx() ctx: Context): Promise<NotificationSettingsPayload> {
    const me = requireUser(ctx.viewer).userId;
    return mutate(async () => ({ settings: await updateNotificationSettings(ctx.em, me, input) }));
  }

  @Mutation(() => GatewayPayload, { description: 'Sets an enterprise’s SMS or 企业微信 gateway (its top-level admins). Private addresses are refused unless allowed.' })
  notificationGatewaySet(@Arg('input') input: GatewayInput, @Ctx() ctx: Context): Promise<GatewayPayload> {
    requireUser(ctx.viewer);
    const enterpriseId = expectGlobalId(input.enterpriseId, 'Enterprise', 'enterpriseId');
    return mutate(async () => ({ gateway: await setGateway(ctx.em, ctx, { ...input, enterpriseId, allowPrivateNetwork: input.allowPrivateNetwork ?? false }) }));
  }

  @Mutation(() => GatewayPayload, { description: 'Removes an enterprise’s gateway: that channel is off until one is set again.' })
  notificationGatewayRemove(@Arg('enterpriseId', () => ID) enterpriseId: string, @Arg('channel', () => Channel, { description: 'The channel.' }) channel: Channel, @Ctx() ctx: Context): Promise<GatewayPayload> {
    requireUser(ctx.viewer);
    const id = expectGlobalId(enterpriseId, 'Enterprise', 'enterpriseId');
    return mutate(async () => {
      await removeGateway(ctx.em, ctx, id, channel);
      return { gateway: null };
    });
  }

  @Query(() => [TodoItemType], { description: '待办: what waits for you to act on, overdue first, then oldest first.' })
  async todo(@Arg('first', () => Int) first: number, @Ctx() ctx: Context): Promise<TodoItemType[]> {
    requireUser(ctx.viewer);
    return todoFor(ctx, runtimeFor(ctx.em)?.modules ?? [], checkFirst(first));
  }

  @Query(() => [DeadLetterType], { description: 'Deliveries that failed for good, newest first (platform admins).' })
  async notificationDeadLetters(@Arg('first', () => Int) first: number, @Ctx() ctx: Context): Promise<DeadLetterType[]> {
    const me = requireUser(ctx.viewer);
    if (!me.isPlatformAdmin) throw forbidden('Dead letters are for platform admins.');
    const rows = await ctx.em.execute<{ notification_id: string; kind: string; title: string; channel: Channel; attempts: number; reason: string | null; created_at: Date }[]>(
      `select d.notification_id, n.kind, n.title, d.channel, d.attempts, d.reason, d.created_at
         from notification_delivery d join notification n on n.id = d.notification_id
        where d.status = 'DEAD' order by d.created_at desc limit ?`,
      [checkFirst(first)],
    );
    return rows.map((r) => ({ notificationId: toGlobalId('Notification', r.notification_id), kind: r.kind, title: r.title, channel: r.channel, attempts: r.attempts, reason: r.reason, createdAt: new Date(r.created_at) }));
  }
}

/** For the portal's bell: a global id's type check, exported for tests. */
export const isNotificationId = (id: string) => fromGlobalId(id)?.type === 'Notification';
