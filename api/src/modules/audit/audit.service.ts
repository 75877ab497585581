/** Writes audit events inside the caller's transaction, so a change and its record land together. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/authz/ability.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: number | string;
  organizationId?: number | null;
  enterpriseId?: number | null;
  details?: Record<string, unknown>;
}

export function recordAudit(em: EntityManager, viewer: Viewer, input: AuditInput): void {
  em.create(AuditEvent, {
    action: input.action,
    subjectType: input.subjectType,
    subjectId: String(input.subjectId),
    organization: input.organizationId ?? null,
    enterprise: input.enterpriseId ?? null,
    details: input.details ?? null,
    actorUserId: viewer.kind === 'user' ? viewer.userId : null,
    actorApiClientId: viewer.kind === 'apiClient' ? viewer.apiClientId : null,
    ip: viewer.ip,
  });
}
