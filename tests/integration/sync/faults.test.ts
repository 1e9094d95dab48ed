/**
 * Share faults, one at a time (issue 12 point 7 and "bad input"): each is
 * reported with what to do, the rest of the sync continues, nothing that
 * cannot be verified is applied, and the next round repairs what it can.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import { encodeSegment, SEGMENT_FORMAT } from '../../../electron/services/sync/segment';
import { SyncUnavailableError } from '../../../electron/services/sync/engine';
import { faultyShare } from '../../helpers/faultyShare';
import { dump, office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const customerNames = (r: Replica): string[] =>
  (r.rt.database().sqlite.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]).map((x) => x.name);

async function addCustomer(r: Replica, name: string): Promise<CustomerDetail> {
  const { code } = await r.rt.invoke<{ code: string }>('customers.nextCode', {});
  return r.rt.invoke<CustomerDetail>('customers.create', { code, name });
}

/** Three PCs, all joined; returns them. */
async function threePcs(): Promise<[Replica, Replica, Replica]> {
  const a = await o.open('pc-a');
  const b = await o.open('pc-b');
  const c = await o.open('pc-c');
  for (const r of [a, b, c]) await o.sync(r);
  return [a, b, c];
}

const segFiles = (device: string): string[] => {
  const dir = path.join(o.shareDir, 'log', device);
  fs.mkdirSync(dir, { recursive: true });
  return fs.readdirSync(dir).sort();
};

describe('bad files from another PC', () => {
  it('a corrupted segment is reported and not applied; other PCs still arrive; the writer republishes it when it is gone', async () => {
    const [a, b, c] = await threePcs();
    await addCustomer(a, '甲公司');
    await addCustomer(c, '丙公司');
    const ra = await o.sync(a);
    await o.sync(c);
    const file = segFiles(ra.device).at(-1)!;
    const full = path.join(o.shareDir, 'log', ra.device, file);
    const bytes = fs.readFileSync(full);
    bytes[bytes.length - 80] ^= 0x01;
    fs.writeFileSync(full, bytes);

    const rb = await o.sync(b);
    expect(rb.errors).toEqual([{ device: ra.device, file: `log/${ra.device}/${file}`, message: expect.stringContaining('校验和不符') }]);
    expect(customerNames(b)).toEqual(['丙公司']);
    // Absence is never deletion: the damaged file removed, A writes the same bytes again.
    fs.rmSync(full);
    await o.sync(a);
    expect(segFiles(ra.device)).toContain(file);
    const again = await o.sync(b);
    expect(again.errors).toEqual([]);
    expect(customerNames(b)).toEqual(['丙公司', '甲公司']);
  });

  it('a segment written by a newer DealerDesk is parked with "please update", and this PC keeps publishing', async () => {
    const [a, b] = await threePcs();
    const ra = await o.sync(a);
    const seq = segFiles(ra.device).length + 1;
    const newer = encodeSegment(
      { format: SEGMENT_FORMAT + 1, device: ra.device, seq, schema: '9999_future', app: '99', deps: {}, count: 1 },
      [['000009999999999999-0000-' + ra.device, 'customers', '["x"]', 'name', '未来']],
    );
    fs.writeFileSync(path.join(o.shareDir, 'log', ra.device, newer.name), newer.bytes);
    await addCustomer(b, '乙公司');
    const rb = await o.sync(b);
    expect(rb.errors).toEqual([{ device: ra.device, file: `log/${ra.device}/${newer.name}`, message: expect.stringContaining('请升级本机的 DealerDesk') }]);
    expect(rb.published).toBeGreaterThan(0);
    expect(b.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM customers WHERE id = 'x'`).get()).toEqual({ n: 0 });
  });

  it('a gap (a missing segment in the middle) stops that PC at the gap until it appears', async () => {
    const [a, b] = await threePcs();
    await addCustomer(a, '一号');
    const r1 = await o.sync(a);
    await addCustomer(a, '二号');
    await o.sync(a);
    const files = segFiles(r1.device);
    const hidden = path.join(o.dir, 'hidden.seg');
    const middle = path.join(o.shareDir, 'log', r1.device, files[files.length - 2]);
    fs.renameSync(middle, hidden);
    const rb = await o.sync(b);
    expect(rb.errors[0]).toMatchObject({ device: r1.device, message: expect.stringContaining('缺少第') });
    expect(customerNames(b)).toEqual([]);
    fs.renameSync(hidden, middle);
    expect((await o.sync(b)).errors).toEqual([]);
    expect(customerNames(b)).toEqual(['一号', '二号']);
  });

  it('two files for one sequence number (a fork) stop that PC with an alarm; nothing is picked silently', async () => {
    const [a, b] = await threePcs();
    await addCustomer(a, '一号');
    const ra = await o.sync(a);
    const seq = segFiles(ra.device).length + 1;
    for (const name of ['甲', '乙']) {
      const seg = encodeSegment({ format: SEGMENT_FORMAT, device: ra.device, seq, schema: '', app: '1', deps: {}, count: 1 }, [
        [`000009999999999999-0000-${ra.device}`, 'settings', '["companyName"]', 'value', JSON.stringify(name)],
      ]);
      fs.writeFileSync(path.join(o.shareDir, 'log', ra.device, seg.name), seg.bytes);
    }
    const rb = await o.sync(b);
    expect(rb.errors.at(-1)!.message).toContain('数据分叉');
    expect(customerNames(b)).toEqual(['一号']);
  });
});

describe('an unreliable share', () => {
  it('lock errors and stale listings delay but never lose or double anything', async () => {
    const [a, b] = await threePcs();
    const flaky = faultyShare(o.share, 7, { offline: false, lock: 0.4, stale: 0.8, halfWrite: 0, truncateFinal: 0, corrupt: 0 });
    for (let i = 0; i < 5; i++) await addCustomer(a, `客户${i}`);
    for (let round = 0; round < 8; round++) {
      for (const r of [a, b]) await o.sync(r, flaky).catch((e) => expect(e).toBeInstanceOf(SyncUnavailableError));
    }
    expect(flaky.injected).toBeGreaterThan(0);
    await o.sync(a);
    await o.sync(b);
    expect(customerNames(b)).toEqual(customerNames(a));
    expect(customerNames(b)).toHaveLength(5);
  });

  it('offline: the round fails as a whole (exit 1 in the CLI), local work goes on, and everything goes out when it is back', async () => {
    const [a, b] = await threePcs();
    const share = faultyShare(o.share, 1);
    share.faults.offline = true;
    await addCustomer(a, '断网时录入');
    await expect(o.sync(a, share)).rejects.toThrow('共享文件夹无法访问');
    share.faults.offline = false;
    await o.sync(a, share);
    await o.sync(b, share);
    expect(customerNames(b)).toEqual(['断网时录入']);
  });

  it('a segment cut short under its final name is rewritten by its writer on the next round', async () => {
    const [a, b] = await threePcs();
    const share = faultyShare(o.share, 3, { offline: false, lock: 0, stale: 0, halfWrite: 0, truncateFinal: 1, corrupt: 0 });
    await addCustomer(a, '一号');
    await expect(o.sync(a, share)).rejects.toThrow();
    const rb = await o.sync(b);
    expect(rb.errors[0].message).toContain('校验和不符');
    await o.sync(a);
    expect((await o.sync(b)).errors).toEqual([]);
    expect(customerNames(b)).toEqual(['一号']);
  });

  it('two PCs syncing at the same moment both get everything', async () => {
    const [a, b, c] = await threePcs();
    await addCustomer(a, '甲');
    await addCustomer(b, '乙');
    await addCustomer(c, '丙');
    for (let i = 0; i < 3; i++) await Promise.all([o.sync(a), o.sync(b), o.sync(c)]);
    expect(dump(a)).toEqual(dump(b));
    expect(dump(b)).toEqual(dump(c));
    expect(customerNames(a)).toEqual(['丙', '乙', '甲']);
  });
});

describe('series letters', () => {
  it('each PC claims its own letter once; automatic numbers carry it and never collide offline', async () => {
    const [a, b] = await threePcs();
    const ca = await addCustomer(a, '甲');
    const cb = await addCustomer(b, '乙');
    expect(ca.code).toBe('CA0001');
    expect(cb.code).toBe('CB0001');
    const ia = await a.rt.invoke<{ document: { docNo: string } }>('ledger.postInvoice', { customerId: ca.id, date: '2026-11-02', dueOn: '2026-12-02', amountFen: 100 });
    expect(ia.document.docNo).toBe('YS202611-A0001');
    const claims = fs.readdirSync(path.join(o.shareDir, 'claims')).sort();
    expect(claims).toEqual(['series-a.claim', 'series-b.claim', 'series-c.claim']);
  });

  it('a device registry naming a letter twice is reported', async () => {
    const [a, b] = await threePcs();
    const ra = await o.sync(a);
    const rb = await o.sync(b);
    const regB = path.join(o.shareDir, 'devices', `${rb.device}.json`);
    fs.writeFileSync(regB, JSON.stringify({ ...JSON.parse(fs.readFileSync(regB, 'utf8')), series: ra.series }));
    const again = await o.sync(a);
    expect(again.errors).toContainEqual({ device: rb.device, file: `devices/${rb.device}.json`, message: expect.stringContaining('系列字母') });
  });
});

describe('divergence and clocks', () => {
  it('two PCs holding the same changes but different data raise an alarm naming the table', async () => {
    const [a, b] = await threePcs();
    await addCustomer(a, '甲公司');
    await o.sync(a);
    await o.sync(b);
    // A bug (simulated): B's data changes without a change record.
    const { withoutCapture } = await import('../../../db/sync/capture');
    const sq = b.rt.database().sqlite;
    withoutCapture(sq, () => sq.prepare(`UPDATE customers SET notes = '悄悄改了'`).run());
    await addCustomer(a, '乙公司');
    await o.sync(a);
    await o.sync(b);
    const ra = await o.sync(a);
    expect(ra.errors).toContainEqual({ device: expect.any(String), file: expect.stringMatching(/^status\//), message: expect.stringContaining('数据不一致（customers）') });
  });

  it('a PC whose clock runs hours ahead is reported on the others, and its changes still merge', async () => {
    const [a, b] = await threePcs();
    const { setSyncWallClock } = await import('../../../db/sync/capture');
    setSyncWallClock(a.rt.database().sqlite, () => Date.now() + 3 * 3_600_000);
    const c = await addCustomer(a, '甲公司');
    await o.sync(a);
    const rb = await o.sync(b);
    expect(rb.errors).toContainEqual(expect.objectContaining({ message: expect.stringContaining('时钟比本机快约 180 分钟') }));
    // B edits after A in real time but A's stamps are ahead: A's later-stamped write wins everywhere, consistently.
    await b.rt.invoke('customers.update', { id: c.id, notes: 'B 写的' });
    await o.sync(b);
    await o.sync(a);
    expect(dump(a)).toEqual(dump(b));
  });
});
