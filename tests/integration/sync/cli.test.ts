/** `sync` and `sync status` through the CLI on two real databases and a temp folder; bad shares and bad files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { AppRuntime } from '../../../electron/api/runtime';
import type { CustomerDetail } from '../../../shared/api/customers';

let dir: string;
let share: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sync-cli-'));
  share = path.join(dir, 'share');
  fs.mkdirSync(share);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const KEYS = ['device', 'series', 'published', 'applied', 'devices', 'conflicts', 'errors'];

async function withRuntime<T>(dbFile: string, fn: (rt: AppRuntime) => Promise<T>): Promise<T> {
  const rt = await AppRuntime.start({ dbFile, actor: { user: 'test', device: 'test' } });
  try {
    return await fn(rt);
  } finally {
    rt.close();
  }
}

describe('sync CLI', () => {
  it('two databases exchange a customer; --json has exactly the contract fields; status lists the other PC', async () => {
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    expect((await cli('init', '--db', a)).code).toBe(0);
    await withRuntime(a, (rt) => rt.invoke<CustomerDetail>('customers.create', { code: 'K001', name: '成都瑞丰商贸有限公司' }));
    const ra = await cli('sync', '--db', a, '--share', share, '--name', '老板电脑', '--json');
    expect(ra.code, ra.stderr).toBe(0);
    const ja = JSON.parse(ra.stdout);
    expect(Object.keys(ja)).toEqual(KEYS);
    expect(ja.series).toBe('A');
    expect(ja.published).toBeGreaterThan(0);
    expect(ja.errors).toEqual([]);

    // An empty database joins from the share.
    const rb = await cli('sync', '--db', b, '--share', share, '--name', '会计电脑', '--json');
    expect(rb.code, rb.stderr).toBe(0);
    const jb = JSON.parse(rb.stdout);
    expect(jb.series).toBe('B');
    expect(jb.applied).toBe(ja.published);
    expect(jb.devices).toEqual([{ id: ja.device, name: '老板电脑', series: 'A', lastSeenAt: expect.any(String), behind: 0 }]);
    const names = await withRuntime(b, async (rt) => (rt.database().sqlite.prepare('SELECT name FROM customers').all() as { name: string }[]).map((r) => r.name));
    expect(names).toEqual(['成都瑞丰商贸有限公司']);

    // The folder is remembered: a later round needs no --share.
    const again = await cli('sync', '--db', b, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).applied).toBe(0);

    const st = await cli('sync', 'status', '--db', b, '--json');
    expect(st.code).toBe(0);
    const js = JSON.parse(st.stdout);
    expect(Object.keys(js)).toEqual(KEYS);
    expect(js.device).toBe(jb.device);
    expect(js.devices.map((d: { id: string }) => d.id)).toEqual([ja.device]);
    expect(Object.keys(js.devices[0])).toEqual(['id', 'name', 'series', 'lastSeenAt', 'behind']);
  });

  it('a folder that does not exist, or is a file: exit 1 with a Chinese message', async () => {
    const a = path.join(dir, 'a.db');
    const missing = await cli('sync', '--db', a, '--share', path.join(dir, 'nope'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('共享文件夹不存在');
    expect(JSON.parse(missing.stdout).errors[0].message).toContain('共享文件夹不存在');
    const file = path.join(dir, 'file.txt');
    fs.writeFileSync(file, 'x');
    const isFile = await cli('sync', '--db', a, '--share', file);
    expect(isFile.code).toBe(1);
    expect(isFile.stderr).toContain('不是文件夹');
  });

  it("another office's share (a different share id) is refused and nothing is exchanged", async () => {
    const a = path.join(dir, 'a.db');
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    expect((await cli('sync', '--db', a, '--share', share)).code).toBe(0);
    expect((await cli('sync', '--db', path.join(dir, 'x.db'), '--share', other)).code).toBe(0);
    const r = await cli('sync', '--db', a, '--share', other, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('另一个 DealerDesk 办公室');
  });

  it('a read-only share: exit 1, not writable', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const a = path.join(dir, 'a.db');
    fs.chmodSync(share, 0o555);
    try {
      const r = await cli('sync', '--db', a, '--share', share);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('不可写');
    } finally {
      fs.chmodSync(share, 0o755);
    }
  });
});
