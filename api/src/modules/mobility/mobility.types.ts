import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/graphql/node.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { UserError } from '../../core/graphql/payload.js';
import { connectionType } from '../../core/graphql/relay.js';
import { MobileFlag } from './contact-rules.js';
import { ContactKind, MobileStatus } from './mobility.entity.js';

registerEnumType(MobileStatus, {
  name: 'MobileStatus',
  description: '流动党员: APPLIED (外出登记) → APPROVED (党委发证) → AT_HOST (流入地报到) → RETURNED; or REJECTED.',
  valuesConfig: {
    APPLIED: { description: '外出登记: waiting for the committee.' },
    APPROVED: { description: '党委发证: the 流动党员活动证 issued.' },
    AT_HOST: { description: '流入地报到: reported to the organisation where they stay.' },
    RETURNED: { description: 'Back home.' },
    REJECTED: { description: 'Not approved, with the reason.' },
  },
});
registerEnumType(ContactKind, {
  name: 'MobileContactKind',
  description: 'PHONE, ONLINE, VISIT, or the YEARLY_REPORT home (each member away reports at least once a year).',
  valuesConfig: {
    PHONE: { description: 'By phone.' },
    ONLINE: { description: 'Online (a message, a video call).' },
    VISIT: { description: 'In person.' },
    YEARLY_REPORT: { description: 'The member’s yearly report home.' },
  },
});
registerEnumType(MobileFlag, {
  name: 'MobileFlag',
  description: 'NO_CONTACT: none for 6 months; NO_YEARLY_REPORT: no report home for a year (DOMAIN-RULES §5). Flags, never a status change.',
  valuesConfig: {
    NO_CONTACT: { description: 'No contact for 6 months.' },
    NO_YEARLY_REPORT: { description: 'No report home for a year.' },
  },
});

@ObjectType('MobileContact', { description: 'A contact with a member away (流动党员): how, when and by whom.' })
export class MobileContactType {
  @Field(() => ContactKind, { description: 'How.' }) kind!: ContactKind;
  @Field({ description: 'When (YYYY-MM-DD).' }) contactedOn!: string;
  @Field({ description: 'What was said or done.' }) note!: string;
}

@ObjectType('MobileRegistration', { implements: Node, description: '流动党员: a member away without transferring. Seen by the home side, by the host on the platform once the 活动证 is issued, and by the member.' })
export class MobileRegistrationType extends Node {
  @Field({ description: 'Where the member went.' }) place!: string;
  @Field({ description: 'Abroad.' }) abroad!: boolean;
  @Field({ description: 'Why.' }) reason!: string;
  @Field(() => String, { description: 'Where the member works.', nullable: true }) employer!: string | null;
  @Field({ description: 'When the member left.' }) startsOn!: string;
  @Field(() => String, { description: 'When the member expects to return.', nullable: true }) expectedReturnOn!: string | null;
  @Field(() => MobileStatus, { description: 'Where it stands.' }) status!: MobileStatus;
  @Field(() => String, { nullable: true, description: '流动党员活动证 number.' }) cardNumber!: string | null;
  @Field(() => String, { description: 'When the member reported where they stay.', nullable: true }) arrivedOn!: string | null;
  @Field(() => String, { description: 'When the member came back.', nullable: true }) returnedOn!: string | null;
  @Field(() => String, { description: 'The committee’s note with its decision.', nullable: true }) decisionNote!: string | null;
}
export const MobileRegistrationConnection = connectionType('MobileRegistration', MobileRegistrationType);

export const MobileSide = { HOME: 'HOME', HOST: 'HOST' } as const;
export type MobileSide = (typeof MobileSide)[keyof typeof MobileSide];
registerEnumType(MobileSide, {
  name: 'MobileSide',
  description: 'HOME: members of organisations whose records you read who are away; HOST: members staying with them.',
  valuesConfig: {
    HOME: { description: 'Members of organisations whose records you read who are away.' },
    HOST: { description: 'Members staying with those organisations.' },
  },
});

@InputType({ description: 'Which members away (流动党员) to list.' })
export class MobileFilter {
  @Field(() => MobileSide, { description: 'Members away from home, or staying with you.', nullable: true }) side?: MobileSide | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those still away (or waiting for approval).' }) open?: boolean | null;
}

@InputType({ description: '外出登记: the member, or the admins of their branch, before leaving.' })
export class MobileRegisterInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { nullable: true, description: 'The host 党支部 when it is on the platform.' }) hostOrganizationId?: string | null;
  @Field({ description: 'Where the member goes.' }) place!: string;
  @Field(() => Boolean, { description: 'Going abroad.', nullable: true }) abroad?: boolean | null;
  @Field({ description: 'Why.' }) reason!: string;
  @Field(() => String, { description: 'Where the member will work.', nullable: true }) employer?: string | null;
  @Field({ description: 'YYYY-MM-DD.' }) startsOn!: string;
  @Field(() => String, { description: 'When the member expects to return (YYYY-MM-DD).', nullable: true }) expectedReturnOn?: string | null;
}

@InputType({ description: 'A contact with a member away, as recorded.' })
export class MobileContactInput {
  @Field(() => ID, { description: 'The member’s registration away.' }) registrationId!: string;
  @Field(() => ContactKind, { description: 'How.' }) kind!: ContactKind;
  @Field({ description: 'When (YYYY-MM-DD).' }) contactedOn!: string;
  @Field({ description: 'What was said or done.' }) note!: string;
}

@ObjectType()
export class MobilePayload {
  @Field(() => MobileRegistrationType, { nullable: true }) registration?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType('MobileCluster', { description: 'Three or more members of one 党委 away at one place without a host: they may form a 临时党支部 (DOMAIN-RULES §5).' })
export class MobileClusterType {
  @Field({ description: 'Where they stay.' }) place!: string;
  @Field(() => [MobileRegistrationType], { description: 'The members away staying there.' }) registrations!: object[];
}

@InputType({ description: 'Forms a 临时党支部 under the home 党委 for members away together (three or more, one place).' })
export class MobileTemporaryBranchInput {
  @Field(() => [ID], { description: 'The members away who form the branch: three or more staying in one place.' }) registrationIds!: string[];
  @Field(() => String, { nullable: true, description: 'Default: 驻<place>临时党支部.' }) name?: string | null;
}

@ObjectType()
export class MobileTemporaryBranchPayload {
  @Field(() => OrganizationType, { nullable: true }) branch?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
