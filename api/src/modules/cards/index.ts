/** 电子党员活动证: the e-member card, its signed QR token, verification anywhere. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { CardSigningKey, MemberCard } from './card.entity.js';
import { CardResolver, MemberCardResolver } from './card.resolver.js';

export default defineModule({
  name: 'cards',
  entities: [CardSigningKey, MemberCard],
  resolvers: [MemberCardResolver, CardResolver],
});
