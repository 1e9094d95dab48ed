/**
 * File bytes travel by sha256 (issue 12 point 1): an attachment saved on one
 * PC opens on another after sync, byte for byte; the share holds it once
 * under its hash; a half-written, corrupted or missing blob, and a share
 * that goes offline in the middle of a copy, are reported and repaired by a
 * later round, never used and never fatal.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddedAttachment, AttachmentFile } from '../../../shared/api/contracts';
import { storedFilePath } from '../../../electron/services/files/fileStore';
import { SyncUnavailableError } from '../../../electron/services/sync/engine';
import type { ShareFs } from '../../../electron/services/sync/share';
import { faultyShare } from '../../helpers/faultyShare';
import { create, pdfBytes, salesContract, seed } from '../contracts/helpers';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { dump, office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const asTemp = (r: Replica) => ({ rt: r.rt }) as unknown as TempRuntime;
const blobOnShare = (h: string): string => path.join(o.shareDir, 'blobs', h.slice(0, 2), h);

/** A PC with a contract and one attachment of `bytes`; both PCs joined. */
async function attachedOnA(bytes: Buffer): Promise<{ a: Replica; b: Replica; added: AddedAttachment }> {
  const a = await o.open('pc-a');
  const b = await o.open('pc-b');
  await o.sync(a);
  await o.sync(b);
  const s = await seed(asTemp(a));
  const c = await create(asTemp(a), salesContract(s));
  const added = await a.rt.invoke<AddedAttachment>('contracts.addAttachment', { contractId: c.id, fileName: '合同扫描件.pdf', dataBase64: bytes.toString('base64') });
  return { a, b, added };
}

const openOn = (r: Replica, id: string) => r.rt.call('contracts.getAttachment', { attachmentId: id });

async function openedBytes(r: Replica, id: string): Promise<Buffer> {
  const f = await r.rt.invoke<AttachmentFile>('contracts.getAttachment', { attachmentId: id });
  return Buffer.from(f.dataBase64, 'base64');
}

describe('attachments between PCs', () => {
  it('reaches the other PC byte for byte; the share holds it once under its sha256', async () => {
    const scan = pdfBytes('扫描件'.repeat(200));
    const { a, b, added } = await attachedOnA(scan);
    expect(added.sha256).toBe(sha(scan));
    await o.sync(a);
    expect(fs.readFileSync(blobOnShare(added.sha256)).equals(scan)).toBe(true);
    expect(fs.readdirSync(path.join(o.shareDir, 'tmp'))).toEqual([]);

    const rb = await o.sync(b);
    expect(rb.errors).toEqual([]);
    expect((await openedBytes(b, added.id)).equals(scan)).toBe(true);
    expect(fs.readFileSync(storedFilePath(path.join(o.dir, 'pc-b'), added.sha256)).equals(scan)).toBe(true);
    // Settled on both: the next rounds neither upload nor fetch again, and the books agree.
    await o.sync(a);
    expect((await o.sync(b)).errors).toEqual([]);
    expect(dump(b)).toEqual(dump(a));
  });

  it('a half-written blob on the share is refused (not used), the attachment says it has not arrived, and the PC holding it writes it again', async () => {
    const scan = pdfBytes('半截'.repeat(300));
    const { a, b, added } = await attachedOnA(scan);
    await o.sync(a);
    // The copy was cut short under the final name (an SMB copy without rename protection).
    fs.writeFileSync(blobOnShare(added.sha256), scan.subarray(0, scan.length >> 1));

    const rb = await o.sync(b);
    expect(rb.errors).toEqual([{ device: rb.device, file: `blobs/${added.sha256.slice(0, 2)}/${added.sha256}`, message: expect.stringContaining('校验和不符') }]);
    expect(fs.existsSync(storedFilePath(path.join(o.dir, 'pc-b'), added.sha256))).toBe(false);
    const early = await openOn(b, added.id);
    expect(early).toMatchObject({ ok: false, error: { message: expect.stringContaining('还没有从其他电脑同步到本机') } });
    // B names the blob in its status file; A's next round writes the bytes again.
    const status = JSON.parse(fs.readFileSync(path.join(o.shareDir, 'status', `${rb.device}.json`), 'utf8')) as { missingBlobs: string[] };
    expect(status.missingBlobs).toEqual([added.sha256]);
    await o.sync(a);
    expect(fs.readFileSync(blobOnShare(added.sha256)).equals(scan)).toBe(true);
    expect((await o.sync(b)).errors).toEqual([]);
    expect((await openedBytes(b, added.id)).equals(scan)).toBe(true);
  });

  it('a blob with the right size but wrong bytes (wrong hash) is refused the same way', async () => {
    const scan = pdfBytes('错字节');
    const { a, b, added } = await attachedOnA(scan);
    await o.sync(a);
    const wrong = Buffer.from(scan);
    wrong[wrong.length - 3] ^= 0x40;
    fs.writeFileSync(blobOnShare(added.sha256), wrong);
    const rb = await o.sync(b);
    expect(rb.errors.map((e) => e.message)).toEqual([expect.stringContaining('校验和不符')]);
    expect(fs.existsSync(storedFilePath(path.join(o.dir, 'pc-b'), added.sha256))).toBe(false);
    await o.sync(a);
    await o.sync(b);
    expect((await openedBytes(b, added.id)).equals(scan)).toBe(true);
  });

  it('the share offline in the middle of the upload: nothing is published (no row before its bytes); the next round sends both', async () => {
    const scan = pdfBytes('断网'.repeat(100));
    const { a, b, added } = await attachedOnA(scan);
    const ra0 = await o.sync(b);
    const faulty = faultyShare(o.share, 7);
    // The link drops while the blob is being copied: a truncated temporary file stays behind.
    const dropping: ShareFs = {
      ...faulty,
      async writeAtomic(file, data) {
        if (file.startsWith('blobs/')) {
          await o.share.createExclusive(`tmp/dropped-${Date.now()}.part`, data.subarray(0, 10));
          faulty.faults.offline = true;
          throw Object.assign(new Error('EHOSTDOWN: link lost'), { code: 'EHOSTDOWN' });
        }
        return faulty.writeAtomic(file, data);
      },
    };
    await expect(o.sync(a, dropping)).rejects.toBeInstanceOf(SyncUnavailableError);
    expect(fs.existsSync(blobOnShare(added.sha256))).toBe(false);
    // No segment of A's went out: B sees nothing new (not a row whose file could never be found).
    const rb1 = await o.sync(b);
    expect(rb1.applied).toBe(0);
    expect(rb1.errors).toEqual([]);
    expect(ra0.errors).toEqual([]);

    await o.sync(a);
    const rb2 = await o.sync(b);
    expect(rb2.errors).toEqual([]);
    expect((await openedBytes(b, added.id)).equals(scan)).toBe(true);
  });

  it('the share offline while fetching: the rows apply, the blob is reported, nothing crashes; it arrives next round', async () => {
    const scan = pdfBytes('取回');
    const { a, b, added } = await attachedOnA(scan);
    await o.sync(a);
    const readFails: ShareFs = {
      ...o.share,
      async read(file) {
        if (file.startsWith('blobs/')) throw Object.assign(new Error('EHOSTDOWN: link lost'), { code: 'EHOSTDOWN' });
        return o.share.read(file);
      },
    };
    const rb = await o.sync(b, readFails);
    expect(rb.applied).toBeGreaterThan(0);
    expect(rb.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('读取共享文件夹里的文件失败') })]);
    expect(await openOn(b, added.id)).toMatchObject({ ok: false, error: { message: expect.stringContaining('还没有从其他电脑同步到本机') } });
    expect((await o.sync(b)).errors).toEqual([]);
    expect((await openedBytes(b, added.id)).equals(scan)).toBe(true);
  });

  it('a generated statement PDF opens on the other PC byte for byte', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    await o.sync(a);
    await o.sync(b);
    await a.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸' });
    const c = await a.rt.invoke<{ id: string }>('customers.create', { code: 'S1', name: '对账客户' });
    await a.rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-10-01', dueOn: '2026-11-01', amountFen: 12_345 });
    const g = await a.rt.invoke<{ statement: { id: string } }>('statements.generate', { customerId: c.id, from: '2026-10-01', to: '2026-10-31' });
    const pdfOn = async (r: Replica) => Buffer.from((await r.rt.invoke<{ dataBase64: string }>('statements.getPdf', { id: g.statement.id })).dataBase64, 'base64');
    const original = await pdfOn(a);
    expect(original.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await o.sync(a);
    expect((await o.sync(b)).errors).toEqual([]);
    expect((await pdfOn(b)).equals(original)).toBe(true);
    expect(fs.existsSync(blobOnShare(sha(original)))).toBe(true);
  });
});
