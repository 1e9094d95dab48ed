/**
 * Signed copies (扫描件) of a contract. The bytes go to the content-addressed
 * file store (the same scan attached twice is stored once); the attachment
 * rows say which contract shows which file under which name. Removing one
 * only marks the row, with who, when and why: the file itself is evidence
 * and is never deleted, and contract edits never touch these rows.
 */
import type { z } from 'zod';
import type { AddedAttachment, AttachmentFile, ContractAttachment, addAttachmentSchema } from '../../../shared/api/contracts';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/contractEnums';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { customerOfContract } from './customerOfContract';
import { missingFileMessage, readStoredFile, storeFile } from '../files/fileStore';
import { sniffMime } from '../files/sniffType';
import { toAttachment } from './load';
import { attachmentSnapshot } from './snapshot';

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** The name without any folder a browser or OS put in front of it (C:\fakepath\scan.pdf). */
export function baseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.trim() || 'attachment';
}

function findAttachment(ctx: ServiceContext, id: string): ContractAttachment {
  const row = ctx.db.first(ctx.db.k.selectFrom('contract_attachments').selectAll().where('id', '=', id));
  if (!row) throw new DomainError('not_found', '找不到该附件', 'attachmentId');
  return toAttachment(row);
}

export function addAttachment(ctx: ServiceContext, input: z.output<typeof addAttachmentSchema>): AddedAttachment {
  const fileName = baseFileName(input.fileName);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.byteLength === 0) throw new DomainError('validation', `文件“${fileName}”是空的`, 'dataBase64');
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('validation', `文件“${fileName}”有 ${megabytes(bytes.byteLength)} MB，附件不能超过 20 MB`, 'dataBase64');
  }
  // By content, never by the name: a renamed .docx must not pass as a scan.
  const mime = sniffMime(bytes);
  if (mime === null) {
    throw new DomainError('validation', `文件“${fileName}”不是 PDF、JPG 或 PNG，合同附件只接受这三种格式的扫描件`, 'dataBase64');
  }
  return ctx.db.transaction(() => {
    const contract = ctx.db.first(ctx.db.k.selectFrom('contracts').select(['id']).where('id', '=', input.contractId));
    if (!contract) throw new DomainError('not_found', '找不到该合同', 'contractId');
    const sha256 = storeFile(ctx, bytes, mime);
    const twin = ctx.db.first(
      ctx.db.k
        .selectFrom('contract_attachments')
        .select('file_name')
        .where('contract_id', '=', input.contractId)
        .where('sha256', '=', sha256)
        .where('removed_at', 'is', null)
        .orderBy('added_at'),
    );
    const id = newId();
    const at = ctx.clock.now().toISOString();
    ctx.db.run(
      ctx.db.k.insertInto('contract_attachments').values({
        id,
        contract_id: input.contractId,
        sha256,
        file_name: fileName,
        size: bytes.byteLength,
        mime,
        added_at: at,
        added_by: ctx.actor.user,
        removed_at: null,
        removed_by: null,
        removed_reason: null,
        updated_at: at,
      }),
    );
    const added = findAttachment(ctx, id);
    recordChange(ctx, {
      entity: 'contract',
      entityId: input.contractId,
      action: 'attachment_add',
      before: null,
      after: attachmentSnapshot(added),
      tables: ['contract_attachments'],
      customerId: customerOfContract(ctx, input.contractId),
    });
    return { ...added, sameContentAs: twin?.file_name ?? null };
  });
}

export function removeAttachment(ctx: ServiceContext, input: { attachmentId: string; reason: string }): ContractAttachment {
  return ctx.db.transaction(() => {
    const before = findAttachment(ctx, input.attachmentId);
    if (before.removedAt !== null) throw new DomainError('conflict', `附件“${before.fileName}”已于 ${before.removedAt.slice(0, 10)} 删除`, 'attachmentId');
    const at = ctx.clock.now().toISOString();
    ctx.db.run(
      ctx.db.k
        .updateTable('contract_attachments')
        .set({ removed_at: at, removed_by: ctx.actor.user, removed_reason: input.reason, updated_at: at })
        .where('id', '=', input.attachmentId),
    );
    const after = findAttachment(ctx, input.attachmentId);
    recordChange(ctx, {
      entity: 'contract',
      entityId: before.contractId,
      action: 'attachment_remove',
      before: attachmentSnapshot(before),
      after: { ...attachmentSnapshot(after), reason: input.reason },
      tables: ['contract_attachments'],
      customerId: customerOfContract(ctx, before.contractId),
    });
    return after;
  });
}

export function getAttachmentFile(ctx: ServiceContext, attachmentId: string): AttachmentFile {
  const a = findAttachment(ctx, attachmentId);
  const file = readStoredFile(ctx, a.sha256);
  if (!file) {
    throw new DomainError('not_found', missingFileMessage(ctx, `附件“${a.fileName}”`, `附件“${a.fileName}”的文件在数据目录中找不到（可能被手工删除或数据目录被移动）`), 'attachmentId');
  }
  return { fileName: a.fileName, mime: a.mime, size: a.size, dataBase64: file.bytes.toString('base64') };
}
