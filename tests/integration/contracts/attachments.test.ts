import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddedAttachment, AttachmentFile, ContractAttachment, ContractDetail } from '../../../shared/api/contracts';
import { storedFilePath } from '../../../electron/services/files/fileStore';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { auditRows, count, create, pdfBytes, pngBytes, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;
beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
});
afterEach(() => t.cleanup());

const attach = (contractId: string, fileName: string, bytes: Buffer) =>
  t.rt.call('contracts.addAttachment', { contractId, fileName, dataBase64: bytes.toString('base64') });

/** The attachment of a call that must have succeeded. */
function added(r: Awaited<ReturnType<typeof attach>>): AddedAttachment {
  if (!r.ok) throw new Error(`attach failed: ${r.error.message}`);
  return r.data as AddedAttachment;
}

function filesOnDisk(): string[] {
  const root = path.join(t.dir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d)));
}

describe('contract attachments', () => {
  it('stores the same scan once however often it is attached; two attachment rows; openable byte for byte', async () => {
    const c = await create(t, salesContract(s));
    const scan = pdfBytes('signed copy');
    const first = await attach(c.id, 'C:\\fakepath\\合同扫描件.pdf', scan);
    const second = await attach(c.id, '合同扫描件(1).pdf', scan);
    expect(first).toMatchObject({ ok: true, data: { fileName: '合同扫描件.pdf', mime: 'application/pdf', size: scan.length, sameContentAs: null } });
    expect(second).toMatchObject({ ok: true, data: { sameContentAs: '合同扫描件.pdf' } });
    expect(filesOnDisk()).toHaveLength(1);
    expect(count(t, 'stored_files')).toBe(1);
    expect(count(t, 'contract_attachments')).toBe(2);
    const sha = added(first).sha256;
    expect(fs.readFileSync(storedFilePath(t.dir, sha)).equals(scan)).toBe(true);

    await attach(c.id, '回执.png', pngBytes());
    const opened = await t.rt.invoke<AttachmentFile>('contracts.getAttachment', { attachmentId: added(first).id });
    expect(opened).toMatchObject({ fileName: '合同扫描件.pdf', mime: 'application/pdf' });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(scan)).toBe(true);
    expect(auditRows(t, c.id).filter((r) => r.action === 'attachment_add')).toHaveLength(3);
  });

  it('survives edits, reopening and status changes of the contract', async () => {
    const c = await create(t, salesContract(s));
    await attach(c.id, 'scan.pdf', pdfBytes());
    await t.rt.invoke('contracts.update', { id: c.id, lines: [{ productId: s.rebar.id, qty: '9', unitPrice: '4000' }], title: '改过的合同' });
    await t.rt.invoke('contracts.activate', { id: c.id });
    await t.rt.invoke('contracts.reopen', { id: c.id, reason: '调整数量' });
    const after = await t.rt.invoke<ContractDetail>('contracts.get', { id: c.id });
    expect(after.attachments.map((a) => [a.fileName, a.removedAt])).toEqual([['scan.pdf', null]]);
  });

  it('refuses a file that is not a PDF/JPG/PNG whatever its name, and one over 20 MB; nothing stored', async () => {
    const c = await create(t, salesContract(s));
    const word = await attach(c.id, 'contract.pdf', Buffer.from('PK\u0003\u0004 this is really a docx', 'latin1'));
    expect(word).toMatchObject({ ok: false, error: { code: 'validation', field: 'dataBase64' } });
    if (!word.ok) expect(word.error.message).toContain('PDF、JPG 或 PNG');
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await attach(c.id, 'big.pdf', big);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!tooBig.ok) expect(tooBig.error.message).toContain('20 MB');
    // Exactly 20 MB is within the limit.
    const limit = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024 - pdfBytes().length)]);
    expect((await attach(c.id, 'limit.pdf', limit)).ok).toBe(true);
    expect(count(t, 'contract_attachments')).toBe(1);
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('removal needs a reason, is audited, keeps the file, and the attachment stays listed and openable', async () => {
    const c = await create(t, salesContract(s));
    const id = added(await attach(c.id, 'scan.pdf', pdfBytes())).id;
    expect(await t.rt.call('contracts.removeAttachment', { attachmentId: id, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'reason' },
    });
    const removed = await t.rt.invoke<ContractAttachment>('contracts.removeAttachment', { attachmentId: id, reason: '上传错了文件' });
    expect(removed).toMatchObject({ removedBy: 'tester', removedReason: '上传错了文件' });
    expect(await t.rt.call('contracts.removeAttachment', { attachmentId: id, reason: '再删一次' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(filesOnDisk()).toHaveLength(1);
    expect((await t.rt.invoke<AttachmentFile>('contracts.getAttachment', { attachmentId: id })).fileName).toBe('scan.pdf');
    const row = auditRows(t, c.id).find((r) => r.action === 'attachment_remove');
    expect(JSON.parse(row?.after ?? '{}')).toMatchObject({ reason: '上传错了文件', attachment: { fileName: 'scan.pdf' } });
    const detail = await t.rt.invoke<ContractDetail>('contracts.get', { id: c.id });
    expect(detail.attachments[0].removedReason).toBe('上传错了文件');
  });
});
