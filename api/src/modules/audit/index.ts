/** The audit log of consequential changes. See CONTEXT.md. */
import { defineModule } from '../../core/module.js';
import { AuditEvent } from './audit-event.entity.js';
import { AUDIT_ACTIONS, auditPolicy } from './audit.policy.js';
import { AuditResolver } from './audit.resolver.js';

export default defineModule({ name: 'audit', entities: [AuditEvent], resolvers: [AuditResolver], policy: auditPolicy, actions: AUDIT_ACTIONS });
