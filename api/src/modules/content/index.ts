/** The common content model: workflow, visibility rules, revisions, search, 上报. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { Content, ContentAttachment, ContentMedia, ContentRevision, ContentTarget } from './content.entity.js';
import { CONTENT_ORGANIZATION_ACTIONS, contentPolicy } from './content.policy.js';
import { ContentViewResolver } from './content.resolver.js';
import { contentTodos } from './content.todo.js';
import { startPublicationScheduler } from './publication-scheduler.js';
import { Recommendation } from './recommendation.entity.js';
import { startReindex } from './search-reindex.js';
import { contentPublished } from './content.metrics.js';
import { contentPublishedWebhook, contentUnpublishedWebhook } from './content.webhooks.js';

export default defineModule({
  name: 'content',
  metrics: [contentPublished],
  webhookEvents: [contentPublishedWebhook, contentUnpublishedWebhook],
  entities: [Content, ContentRevision, ContentMedia, ContentAttachment, ContentTarget, Recommendation],
  resolvers: [ContentViewResolver],
  policy: contentPolicy,
  actions: CONTENT_ORGANIZATION_ACTIONS,
  jobs: [
    { name: 'publication scheduler', start: ({ orm, log, config }) => startPublicationScheduler(orm, log, config.schedulerIntervalMs) },
    { name: 'search reindex', start: ({ orm, log }) => startReindex(orm, log) },
  ],
  todos: [contentTodos],
});
