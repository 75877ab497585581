/** 党员信息库: member records with sealed personal data, dated status history, committees and their terms. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { registerFileReader } from '../media/file-readers.js';
import { readsMemberPhoto } from './member-photo.js';
import { CommitteeMutations, MemberPostResolver, MemberPostsResolver, OrganizationCommitteeResolver } from './committee.resolver.js';
import { CommitteeTerm, MemberPost } from './committee.entity.js';
import { MemberAward, MemberCare } from './history.entity.js';
import { MemberHistoryMutations, MemberHistoryResolver } from './history.resolver.js';
import { Member, MemberStatusChange } from './member.entity.js';
import { startImportRetention } from './import-retention.js';
import { loadMemberKeys } from './member.keys.js';
import { MEMBER_LOCAL_RULES } from './member.local-rules.js';
import { electionDue } from './member.notifications.js';
import { MEMBER_ACTIONS, memberPolicy } from './member.policy.js';
import { MemberResolver } from './member.resolver.js';
import { memberRoutes } from './member.routes.js';
import { MemberImport } from './member-import.entity.js';
import { seedDemoMembers } from './members.demo.js';

// Those who read a record fetch its photo.
registerFileReader(readsMemberPhoto);

export default defineModule({
  name: 'members',
  entities: [Member, MemberStatusChange, CommitteeTerm, MemberPost, MemberImport, MemberAward, MemberCare],
  resolvers: [MemberResolver, MemberPostsResolver, MemberPostResolver, OrganizationCommitteeResolver, CommitteeMutations, MemberHistoryResolver, MemberHistoryMutations],
  policy: memberPolicy,
  actions: MEMBER_ACTIONS,
  localRules: MEMBER_LOCAL_RULES,
  reminders: [electionDue],
  routes: ({ contextFor, log }) => memberRoutes({ contextFor, log }),
  jobs: [
    { name: 'member data keys', start: ({ orm, config }) => loadMemberKeys(orm, config) },
    { name: 'member import retention', start: ({ orm, log }) => startImportRetention(orm, log) },
  ],
  seed: (em, _actor, config) => seedDemoMembers(em, config),
});
