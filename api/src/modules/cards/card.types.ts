import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MemberStatus } from '../members/member.entity.js';
import { UserError } from '../../core/graphql/payload.js';
import { CardStatus } from './card.service.js';

registerEnumType(CardStatus, {
  name: 'CardStatus',
  description: 'VALID; INVALID (not a card of this platform, or altered); EXPIRED; REVOKED (reissued, transferred out, or the member’s 党籍 is not normal).',
  valuesConfig: {
    VALID: { description: 'A genuine card of a member in good standing.' },
    INVALID: { description: 'Not a card of this platform, or altered.' },
    EXPIRED: { description: 'Past its validity.' },
    REVOKED: { description: 'Reissued, transferred out, or the member’s 党籍 is not normal.' },
  },
});

@ObjectType('MemberCard', { description: '电子党员活动证: the member’s current card. The token (for the QR code) only for the member and the admins who keep the record.' })
export class MemberCardType {
  @Field({ description: 'Card number.' }) number!: string;
  @Field({ description: 'When it was issued (YYYY-MM-DD).' }) issuedOn!: string;
  @Field({ description: 'Its last valid day (YYYY-MM-DD).' }) expiresOn!: string;
  @Field({ description: 'The signed token to put in the QR code; verified by cardVerify or /verify/<token> on any portal.' }) token!: string;
  @Field(() => String, { nullable: true, description: 'The member’s photo (证件照), when the record has one.' }) photoUrl!: string | null;
}

@ObjectType('CardVerification', { description: 'What scanning a card may learn: its status, and the member’s name, organisation and 党籍 status only.' })
export class CardVerificationType {
  @Field(() => CardStatus, { description: 'Whether the card is valid.' }) status!: CardStatus;
  @Field(() => String, { description: 'The member’s name; null for an invalid card.', nullable: true }) name!: string | null;
  @Field(() => String, { description: 'The member’s organisation; null for an invalid card.', nullable: true }) organization!: string | null;
  @Field(() => MemberStatus, { description: 'The member’s 党籍 status; null for an invalid card.', nullable: true }) memberStatus!: MemberStatus | null;
  @Field(() => String, { description: 'The card’s last valid day (YYYY-MM-DD).', nullable: true }) expiresOn!: string | null;
}

@ObjectType()
export class MemberCardPayload {
  @Field(() => MemberCardType, { nullable: true }) card?: MemberCardType;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CardKeyPayload {
  @Field(() => String, { nullable: true, description: 'The new signing key’s id.' }) keyId?: string;
  @Field(() => [UserError]) userErrors!: UserError[];
}
