/** 群众意见箱: suggestions of the masses sent from every portal to its organisation, answered publicly or privately. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { MassSuggestion } from './mailbox.entity.js';
import { mailboxTodos } from './mailbox.notifications.js';
import { MailboxResolver } from './mailbox.resolver.js';

export default defineModule({
  name: 'mailbox',
  entities: [MassSuggestion],
  resolvers: [MailboxResolver],
  todos: [mailboxTodos],
});
