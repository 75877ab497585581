/** 党员信息库: member records with sealed personal data, dated status history. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Member, MemberStatusChange } from './member.entity.js';
import { loadMemberKeys } from './member.keys.js';
import { MEMBER_ACTIONS, memberPolicy } from './member.policy.js';
import { MemberResolver } from './member.resolver.js';

export default defineModule({
  name: 'members',
  entities: [Member, MemberStatusChange],
  resolvers: [MemberResolver],
  policy: memberPolicy,
  actions: MEMBER_ACTIONS,
  jobs: [{ name: 'member data keys', start: ({ orm, config }) => loadMemberKeys(orm, config) }],
});
