/** The ContentItem union and the workflow shared by cases, resources and news. */
import { defineModule } from '../../core/module.js';
import { WorkflowResolver } from './workflow.resolver.js';

export default defineModule({ name: 'items', resolvers: [WorkflowResolver] });
