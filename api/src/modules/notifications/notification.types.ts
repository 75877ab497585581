/** The GraphQL shapes of notifications, settings, gateways and 待办. */
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { Channel, DeliveryStatus } from './notification.entity.js';

registerEnumType(Channel, {
  name: 'NotificationChannel',
  description: 'Outside channels (the inbox is always on).',
  valuesConfig: {
    EMAIL: { description: 'E-mail (needs SMTP_URL on the server).' },
    SMS: { description: 'Through the enterprise\'s SMS gateway webhook.' },
    WECOM: { description: '企业微信, through the enterprise\'s webhook.' },
  },
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a delivery on an outside channel stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent (or for quiet hours to end).' },
    SENDING: { description: 'Claimed by a worker.' },
    SENT: { description: 'Accepted by the server or gateway.' },
    FAILED: { description: 'The last attempt failed; it will be retried.' },
    DEAD: { description: 'Failed its last attempt (dead-lettered).' },
    SKIPPED: { description: 'Not sent: the channel is off or the person has no address (see the reason).' },
    DIGEST: { description: 'Waiting for the day’s e-mail digest.' },
  },
});

@ObjectType('NotificationDelivery', { description: 'A notification on one outside channel.' })
export class NotificationDeliveryType {
  @Field(() => Channel, { description: 'The channel.' }) channel!: Channel;
  @Field(() => DeliveryStatus, { description: 'Where it stands.' }) status!: DeliveryStatus;
  @Field(() => Int, { description: 'How many attempts were made.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why it failed last, or was skipped.' }) reason!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'Not before this time (quiet hours hold SMS until morning).' }) notBefore!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it was sent.', nullable: true }) sentAt!: Date | null;
}

@ObjectType('Notification', { implements: Node, description: 'A message in your inbox.' })
export class NotificationType extends Node {
  @Field({ description: 'Stable code of what happened, e.g. content.submitted.' }) kind!: string;
  @Field({ description: 'Its title.' }) title!: string;
  @Field({ description: 'The message.' }) body!: string;
  @Field(() => String, { nullable: true, description: 'Where to act on it in the portal workspace (a path, e.g. /workspace/review).' }) link!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When you read it; null while unread.', nullable: true }) readAt!: Date | null;
}
export const NotificationConnection = connectionType('Notification', NotificationType);

@ObjectType()
export class NotificationReadPayload {
  @Field(() => Int, { nullable: true, description: 'Your unread count afterwards.' }) unreadCount?: number;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('NotificationChannelStatus', { description: 'Whether an outside channel can reach you, and if not, why.' })
export class ChannelStatusType {
  @Field(() => Channel, { description: 'The channel.' }) channel!: Channel;
  @Field({ description: 'On for at least one of your enterprises, and you have an address for it.' }) available!: boolean;
  @Field(() => String, { description: 'Why it is off, when it is.', nullable: true }) reason!: string | null;
}

@ObjectType('NotificationKindSetting', { description: 'A kind of notification and your channels for it.' })
export class KindSettingType {
  @Field({ description: 'The notification kind.' }) kind!: string;
  @Field({ description: 'What it is, in Chinese.' }) label!: string;
  @Field(() => [Channel], { description: 'Outside channels on for this kind.' }) channels!: Channel[];
  @Field(() => [Channel], { description: 'The channels on by default.' }) defaults!: Channel[];
}

@ObjectType('NotificationSettings', { description: 'Your notification settings and what is effectively on.' })
export class NotificationSettingsType {
  @Field(() => [ChannelStatusType], { description: 'Each outside channel, and why it is off when it is.' }) channels!: ChannelStatusType[];
  @Field({ description: 'Start of quiet hours (China time, HH:MM): no SMS until they end.' }) quietFrom!: string;
  @Field({ description: 'When quiet hours end (HH:MM, China time).' }) quietUntil!: string;
  @Field({ description: 'E-mail once a day (08:00) with what arrived, instead of one per notification.' }) emailDigest!: boolean;
  @Field(() => String, { description: 'Your 企业微信 account.', nullable: true }) wecomUserId!: string | null;
  @Field(() => [KindSettingType], { description: 'Each kind with the channels you want.' }) kinds!: KindSettingType[];
}

@InputType({ description: 'The outside channels a person wants for one kind of notification.' })
export class KindChannelsInput {
  @Field({ description: 'The notification kind, e.g. content.submitted.' }) kind!: string;
  @Field(() => [Channel], { description: 'The outside channels wanted (the inbox is always on).' }) channels!: Channel[];
}

@InputType({ description: 'A person’s notification settings: quiet hours, the daily digest and channels per kind.' })
export class NotificationSettingsInput {
  @Field(() => String, { nullable: true, description: 'HH:MM, China time.' }) quietFrom?: string | null;
  @Field(() => String, { description: 'When quiet hours end (HH:MM, China time).', nullable: true }) quietUntil?: string | null;
  @Field(() => Boolean, { description: 'One e-mail a day instead of one per notification.', nullable: true }) emailDigest?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Your 企业微信 account (empty to use your phone number).' }) wecomUserId?: string | null;
  @Field(() => [KindChannelsInput], { nullable: true, description: 'Per kind, the outside channels you want.' }) kinds?: KindChannelsInput[] | null;
}

@ObjectType()
export class NotificationSettingsPayload {
  @Field(() => NotificationSettingsType, { nullable: true }) settings?: NotificationSettingsType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('NotificationGateway', { description: 'An enterprise’s SMS or 企业微信 gateway (the secret is never shown).' })
export class GatewayType {
  @Field(() => Channel, { description: 'SMS or 企业微信.' }) channel!: Channel;
  @Field({ description: 'Where messages are posted.' }) url!: string;
  @Field({ description: 'Whether the gateway may be on a private network.' }) allowPrivateNetwork!: boolean;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@InputType({ description: 'An enterprise’s SMS or 企业微信 gateway: its URL and signing secret.' })
export class GatewayInput {
  @Field(() => ID) enterpriseId!: string;
  @Field(() => Channel, { description: 'SMS or WECOM.' }) channel!: Channel;
  @Field({ description: 'https URL the platform POSTs to (signed with HMAC-SHA256).' }) url!: string;
  @Field({ description: 'Shared secret for the signature, 16–200 characters.' }) secret!: string;
  @Field(() => Boolean, { nullable: true, description: 'Allow a private, loopback or link-local address (an on-premises gateway).' }) allowPrivateNetwork?: boolean | null;
}

@ObjectType()
export class GatewayPayload {
  @Field(() => GatewayType, { nullable: true }) gateway?: GatewayType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('TodoItem', { description: 'Something waiting for you (待办).' })
export class TodoItemType {
  @Field({ description: 'What kind of item, e.g. content.review.' }) kind!: string;
  @Field({ description: 'What waits.' }) title!: string;
  @Field({ description: 'Where to do it in the portal workspace.' }) link!: string;
  @Field(() => GraphQLISODateTime, { description: 'Waiting since.' }) since!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Overdue after this time, if it has a limit.' }) dueAt!: Date | null;
  @Field({ description: 'Past its time limit.' }) overdue!: boolean;
}

@ObjectType('DeadLetter', { description: 'A delivery that failed for good (for platform admins).' })
export class DeadLetterType {
  @Field(() => ID, { description: 'The notification.' }) notificationId!: string;
  @Field({ description: 'The notification kind, e.g. content.submitted.' }) kind!: string;
  @Field({ description: 'The notification’s title.' }) title!: string;
  @Field(() => Channel, { description: 'The outside channel.' }) channel!: Channel;
  @Field(() => Int, { description: 'How many attempts were made.' }) attempts!: number;
  @Field(() => String, { description: 'Why the last attempt failed.', nullable: true }) reason!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
