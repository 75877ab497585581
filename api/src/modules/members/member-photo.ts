/**
 * The member's photo (证件照) for the e-member card: an image uploaded to the member's organisation,
 * set by the admins who keep the record. Read by those who read the record; fetching the file is
 * allowed to them too (a file reader registered with the media module).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/authz/check.js';
import { assertCan, requireUser } from '../../core/authz/check.js';
import { AppError, badInput, ErrorCode } from '../../core/graphql/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkAttachments } from '../media/attachments.js';
import { MediaFile } from '../media/media.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { memberReadFilter } from './member.access.js';
import { Member } from './member.entity.js';

export async function setMemberPhoto(em: EntityManager, actor: Actor, memberId: number, fileId: string | null): Promise<Member> {
  requireUser(actor.viewer);
  return em.transactional(async (tx) => {
    const access = memberReadFilter(actor);
    const member = access ? await tx.findOne(Member, { $and: [{ id: memberId }, access] }) : null;
    if (!member) throw new AppError(ErrorCode.NOT_FOUND, 'The member record does not exist.');
    await assertCan(tx, actor, 'manageMemberRecords', Organization, 'Organization', member.organization.id, 'The member record');
    if (fileId === null) member.photo = null;
    else {
      const [id] = await checkAttachments(tx, actor, member.enterprise.id, [fileId], 1);
      const file = await tx.findOneOrFail(MediaFile, id!);
      if (!file.mimeType.startsWith('image/')) throw badInput('The photo is an image (JPEG, PNG or WebP).', 'fileId');
      member.photo = tx.getReference(MediaFile, file.id, { wrapped: true });
    }
    recordAudit(tx, actor.viewer, { action: 'member.photo', subjectType: 'Member', subjectId: member.id, organizationId: member.organization.id, enterpriseId: member.enterprise.id });
    await tx.flush();
    return member;
  });
}

/** Whether the caller reads a member record whose photo the file is. */
export async function readsMemberPhoto(em: EntityManager, actor: Actor, fileId: string): Promise<boolean> {
  const access = memberReadFilter(actor);
  return access !== null && (await em.count(Member, { $and: [{ photo: fileId }, access] })) > 0;
}
