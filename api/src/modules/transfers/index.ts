/** 组织关系转接: applications, the letter, receipt and 报到, across branches, enterprises and off the platform. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Transfer, TransferLetterCounter, TransferStep } from './transfer.entity.js';
import { TRANSFER_LOCAL_RULES } from './transfer.local-rules.js';
import { TransferResolver } from './transfer.resolver.js';
import { letterExpiring, transferTodos } from './transfer.todo.js';
import { transfersWithinValidity } from './transfer.metrics.js';
import { transferChangedWebhook } from './transfer.webhooks.js';

export default defineModule({
  name: 'transfers',
  metrics: [transfersWithinValidity],
  webhookEvents: [transferChangedWebhook],
  entities: [Transfer, TransferStep, TransferLetterCounter],
  resolvers: [TransferResolver],
  localRules: TRANSFER_LOCAL_RULES,
  todos: [transferTodos],
  reminders: [letterExpiring],
});
