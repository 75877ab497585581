/** Who fetches an evidence file: the readers of the assessing organisation, and those of the organisation that submitted it. */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { accessibleWhere, isUnrestricted } from '../../core/authz/sql-filter.js';
import type { Organization } from '../organizations/organization.entity.js';
import { AssessmentEvidence } from './assessment.entity.js';

export async function readsEvidenceFile(em: EntityManager, actor: Actor, fileId: string): Promise<boolean> {
  const orgs = accessibleWhere<Organization>(actor.ability, 'readAssessments', 'Organization');
  if (orgs === null) return false;
  const reach = isUnrestricted(orgs) ? {} : { $or: [{ assignee: { organization: orgs } }, { assignee: { scheme: { organization: orgs } } }] };
  return (await em.count(AssessmentEvidence, { files: { $contains: [fileId] }, ...reach } as FilterQuery<AssessmentEvidence>)) > 0;
}
