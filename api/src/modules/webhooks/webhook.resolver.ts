/** Outgoing webhooks in GraphQL: the event types, an enterprise's endpoints with their delivery log, and managing them. */
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { ApiScope } from '../../core/authz/roles.js';
import { can } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Context } from '../../core/graphql/context.js';
import { defineLoader, groupByKey } from '../../core/graphql/loaders.js';
import { mutate, UserError } from '../../core/graphql/payload.js';
import { expectGlobalId, toGlobalId } from '../../core/graphql/relay.js';
import { webhookEventDefinitions } from '../../core/module.js';
import { Enterprise as EnterpriseEntity, type Enterprise } from '../enterprises/enterprise.entity.js';
import { DeliveryState, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookNetwork } from './webhook.entity.js';
import { createEndpoint, deleteEndpoint, redeliver, rotateSecret, setNetwork, updateEndpoint } from './webhook.service.js';
import { intArray } from '../../core/db/sql-array.js';

registerEnumType(DeliveryState, {
  name: 'WebhookDeliveryState',
  description: 'PENDING (待投递: waiting its turn, or failing and being retried), DELIVERED (已送达: the receiver answered 2xx).',
  valuesConfig: {
    PENDING: { description: '待投递: waiting its turn, or failing and being retried.' },
    DELIVERED: { description: '已送达: the receiver answered 2xx.' },
  },
});

@ObjectType('WebhookEventType', { description: 'An event an endpoint may subscribe to.' })
class WebhookEventTypeType {
  @Field({ description: 'The `type` receivers see, e.g. `content.published`.' }) type!: string;
  @Field({ description: 'Its name in the workspace.' }) label!: string;
  @Field({ description: 'When it happens and what it carries.' }) description!: string;
}

@ObjectType('WebhookAttempt', { description: 'One try at a delivery.' })
class WebhookAttemptType {
  @Field(() => GraphQLISODateTime, { description: 'When it was tried.' }) at!: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered; null when there was no answer.' }) statusCode!: number | null;
  @Field(() => Int, { description: 'How long it took.' }) durationMs!: number;
  @Field({ description: 'The start of the answer, or why there was none.' }) excerpt!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event sent to one endpoint: the body exactly as signed, its state and its attempts.' })
class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The webhook event type.' }) type!: string;
  @Field(() => DeliveryState, { description: 'Waiting, or delivered.' }) state!: DeliveryState;
  @Field(() => Int, { description: 'How many attempts were made.' }) attempts!: number;
  @Field({ description: 'The JSON body sent (and signed).' }) body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the receiver accepted it.', nullable: true }) deliveredAt!: Date | null;
}

@ObjectType('WebhookEndpoint', { description: 'A receiver of an enterprise’s outgoing webhooks (its top-level admins manage it).' })
class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Where deliveries are posted.' }) url!: string;
  @Field({ description: 'What it is for.' }) description!: string;
  @Field(() => [String], { description: 'The webhook event types it receives.' }) eventTypes!: string[];
  @Field(() => ApiScope, { description: 'How far it sees: events are read as an API key of this scope reads them; one it may not see is not sent.' }) scope!: ApiScope;
  @Field(() => GraphQLISODateTime, { description: 'When it was turned off; null while on.', nullable: true }) disabledAt!: Date | null;
  @Field(() => String, { description: 'Why it was turned off.', nullable: true }) disabledReason!: string | null;
  @Field(() => Int, { description: 'Failed attempts since the last success.' }) consecutiveFailures!: number;
  @Field(() => GraphQLISODateTime, { description: 'When a delivery last succeeded.', nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType({ description: 'A new endpoint.' })
class WebhookEndpointCreateInput {
  @Field({ description: 'An https URL (http and private addresses only where the platform admins allow a private network for the enterprise).' }) url!: string;
  @Field(() => String, { nullable: true, description: 'What it is for.' }) description?: string | null;
  @Field(() => [String], { description: 'The event types it receives (see `webhookEventTypes`).' }) eventTypes!: string[];
  @Field(() => ApiScope, { description: 'PUBLIC_READ or INTERNAL_READ.' }) scope!: ApiScope;
}

@InputType({ description: 'Changes to an endpoint; fields left out stay as they are.' })
class WebhookEndpointUpdateInput {
  @Field(() => String, { description: 'Where deliveries are posted.', nullable: true }) url?: string | null;
  @Field(() => String, { description: 'What it is for.', nullable: true }) description?: string | null;
  @Field(() => [String], { description: 'The event types it receives.', nullable: true }) eventTypes?: string[] | null;
  @Field(() => ApiScope, { description: 'PUBLIC_READ or INTERNAL_READ.', nullable: true }) scope?: ApiScope | null;
  @Field(() => Boolean, { nullable: true, description: 'false turns it off; true turns it back on and sends what waited.' }) enabled?: boolean | null;
}

@ObjectType()
class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpointType, { nullable: true }) endpoint?: WebhookEndpoint;
  @Field(() => String, { nullable: true, description: 'The signing secret — shown this once.' }) secret?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class WebhookEndpointPayload {
  @Field(() => WebhookEndpointType, { nullable: true }) endpoint?: WebhookEndpoint;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class WebhookEndpointDeletePayload {
  @Field(() => ID, { description: 'The endpoint removed; null when the change was refused.', nullable: true }) deletedId?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class WebhookRedeliverPayload {
  @Field(() => WebhookDeliveryType, { nullable: true }) delivery?: WebhookDelivery;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class WebhookNetworkPayload {
  @Field(() => Boolean, { description: 'The setting now; null when the change was refused.', nullable: true }) allowPrivateNetwork?: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}

/** Endpoints of the enterprises whose webhooks the caller manages. */
function manageableFilter(ctx: Context): FilterQuery<WebhookEndpoint> | null {
  const access = accessibleWhere<Enterprise>(ctx.ability, 'manageWebhooks', 'Enterprise');
  if (access === null) return null;
  return isUnrestricted(access) ? {} : ({ enterprise: access } as FilterQuery<WebhookEndpoint>);
}

const DELIVERIES_SHOWN = 100;

/** The latest deliveries of each endpoint, in one statement for all endpoints on the page. */
const deliveriesOf = defineLoader<string, WebhookDelivery[]>(async (ctx, keys) => {
  const limit = Number(keys[0]!.split(':')[1]);
  const ids = keys.map((k) => Number(k.split(':')[0]));
  const rows = await ctx.em.execute<{ id: string }[]>(
    `select d.id from unnest(?::int[]) as e(id) cross join lateral
       (select id from webhook_delivery where endpoint_id = e.id order by id desc limit ?) d`,
    [intArray(ids), limit],
  );
  const deliveries = rows.length ? await ctx.em.find(WebhookDelivery, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { id: 'desc' } }) : [];
  return groupByKey(keys, deliveries, (d) => `${d.endpoint.id}:${limit}`);
});

const attemptsOf = defineLoader<string, WebhookAttempt[]>(async (ctx, ids) =>
  groupByKey(ids, await ctx.em.find(WebhookAttempt, { delivery: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (a) => String(a.delivery.id)),
);

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID)
  id(@Root() d: WebhookDelivery): string {
    return toGlobalId('WebhookDelivery', d.id);
  }

  @FieldResolver(() => ID, { description: 'The event’s id as receivers see it (the same on a redelivery).' })
  async eventId(@Root() d: WebhookDelivery): Promise<string> {
    return (JSON.parse(d.body) as { id: string }).id;
  }

  @FieldResolver(() => Boolean, { description: 'An admin asked for it again.' })
  redelivery(@Root() d: WebhookDelivery): boolean {
    return d.redeliveryOf !== null;
  }

  @FieldResolver(() => [WebhookAttemptType], { description: 'Every attempt, oldest first.' })
  attemptLog(@Root() d: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookAttempt[]> {
    return attemptsOf(ctx).load(String(d.id));
  }
}

@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  @FieldResolver(() => ID)
  id(@Root() e: WebhookEndpoint): string {
    return toGlobalId('WebhookEndpoint', e.id);
  }

  @FieldResolver(() => [WebhookDeliveryType], { description: 'The latest deliveries, newest first.' })
  deliveries(@Root() e: WebhookEndpoint, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<WebhookDelivery[]> {
    return deliveriesOf(ctx).load(`${e.id}:${Math.min(Math.max(first, 1), DELIVERIES_SHOWN)}`);
  }

  @Query(() => [WebhookEventTypeType], { description: 'The events an endpoint may subscribe to.' })
  webhookEventTypes(): WebhookEventTypeType[] {
    return [...webhookEventDefinitions().values()].map(({ type, label, description }) => ({ type, label, description }));
  }

  @Query(() => [WebhookEndpointType], { description: 'An enterprise’s webhook endpoints (its top-level admins); empty for others.' })
  async webhookEndpoints(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() ctx: Context): Promise<WebhookEndpoint[]> {
    const access = manageableFilter(ctx);
    if (!access) return [];
    return ctx.em.find(WebhookEndpoint, { $and: [access, { enterprise: expectGlobalId(enterpriseId, 'Enterprise') }] } as FilterQuery<WebhookEndpoint>, { orderBy: { id: 'asc' } });
  }

  @Query(() => Boolean, { nullable: true, description: 'Whether the enterprise’s endpoints may be on a private network (set by platform admins); null for those who do not manage its webhooks.' })
  async webhookPrivateNetworkAllowed(@Arg('enterpriseId', () => ID) enterpriseId: string, @Ctx() ctx: Context): Promise<boolean | null> {
    const id = expectGlobalId(enterpriseId, 'Enterprise');
    if (!(await can(ctx.em, ctx, 'manageWebhooks', EnterpriseEntity, 'Enterprise', id))) return null;
    return (await ctx.em.findOne(WebhookNetwork, { enterprise: id }))?.allowPrivateNetwork ?? false;
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'Adds an endpoint (top-level admins); the signing secret is shown once.' })
  webhookEndpointCreate(@Arg('enterpriseId', () => ID) enterpriseId: string, @Arg('input') input: WebhookEndpointCreateInput, @Ctx() ctx: Context): Promise<WebhookEndpointSecretPayload> {
    return mutate(() => createEndpoint(ctx.em, ctx, expectGlobalId(enterpriseId, 'Enterprise'), input));
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Changes an endpoint, turns it off, or back on (which sends what waited).' })
  webhookEndpointUpdate(@Arg('id', () => ID) id: string, @Arg('input') input: WebhookEndpointUpdateInput, @Ctx() ctx: Context): Promise<WebhookEndpointPayload> {
    return mutate(async () => ({ endpoint: await updateEndpoint(ctx.em, ctx, expectGlobalId(id, 'WebhookEndpoint'), input) }));
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'A new signing secret, shown once; the old one stops at once.' })
  webhookEndpointRotateSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpointSecretPayload> {
    return mutate(() => rotateSecret(ctx.em, ctx, expectGlobalId(id, 'WebhookEndpoint')));
  }

  @Mutation(() => WebhookEndpointDeletePayload, { description: 'Removes an endpoint with its delivery log.' })
  webhookEndpointDelete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpointDeletePayload> {
    return mutate(async () => {
      await deleteEndpoint(ctx.em, ctx, expectGlobalId(id, 'WebhookEndpoint'));
      return { deletedId: id };
    });
  }

  @Mutation(() => WebhookRedeliverPayload, { description: 'Sends a delivery again (a new delivery with the same body and event id).' })
  webhookRedeliver(@Arg('deliveryId', () => ID, { description: 'The delivery to send again.' }) deliveryId: string, @Ctx() ctx: Context): Promise<WebhookRedeliverPayload> {
    return mutate(async () => ({ delivery: await redeliver(ctx.em, ctx, String(expectGlobalId(deliveryId, 'WebhookDelivery'))) }));
  }

  @Mutation(() => WebhookNetworkPayload, { description: 'Allows an enterprise’s endpoints on private, loopback and link-local addresses (platform admins only).' })
  webhookNetworkSet(@Arg('enterpriseId', () => ID) enterpriseId: string, @Arg('allowPrivateNetwork', { description: 'Allow private addresses, or not.' }) allowPrivateNetwork: boolean, @Ctx() ctx: Context): Promise<WebhookNetworkPayload> {
    return mutate(async () => ({ allowPrivateNetwork: (await setNetwork(ctx.em, ctx, expectGlobalId(enterpriseId, 'Enterprise'), allowPrivateNetwork)).allowPrivateNetwork }));
  }
}
