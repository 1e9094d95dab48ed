/**
 * Points 1 and 2: a database that is empty or missing while backups or data
 * show the office had books is never replaced by a new empty one; a file
 * damaged in the middle is found at open (PRAGMA quick_check), not months
 * later; the damaged file stays byte-identical and is kept aside on restore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../../shared/api/system';
import { runCli } from '../../../electron/cli/main';
import { tempRuntime } from '../../helpers/tempRuntime';
import { importCustomers } from './importSetup';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-safe-open-'));
  dirs.push(d);
  return d;
};
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A database with 300 customers and one backup, closed (WAL folded in). */
async function officeWithBackup(dir: string): Promise<string> {
  const dbFile = path.join(dir, 'office.db');
  const t = await tempRuntime({ dbFile });
  dirs.push(t.dir);
  await importCustomers(t, 300);
  const { writeBackup } = await import('../../../db/backup');
  await writeBackup(t.rt.database().sqlite, dbFile, 'daily');
  t.rt.close();
  return dbFile;
}

async function statusOf(dbFile: string): Promise<SystemStatus> {
  const t = await tempRuntime({ dbFile });
  dirs.push(t.dir);
  const s = await t.rt.invoke<SystemStatus>('system.status', {});
  t.rt.close();
  return s;
}

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (s) => err.push(s) }, {});
  return { code, stderr: err.join('\n') };
}

describe('an empty or missing database where data existed', () => {
  it('a 0-byte file beside its backups opens the recovery screen and is not overwritten; the CLI exits 1', async () => {
    const dbFile = await officeWithBackup(tmp());
    fs.writeFileSync(dbFile, '');
    const s = await statusOf(dbFile);
    expect(s.state).toBe('unavailable');
    if (s.state !== 'unavailable') return;
    expect(s.reason).toContain('0 字节');
    expect(s.backups).toHaveLength(1);
    expect(fs.statSync(dbFile).size).toBe(0);
    const r = await cli('settings', 'get', '--db', dbFile, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('0 字节');
    expect(fs.statSync(dbFile).size).toBe(0);
  });

  it('a missing file whose backups folder holds backups is not recreated', async () => {
    const dbFile = await officeWithBackup(tmp());
    for (const ext of ['', '-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
    const s = await statusOf(dbFile);
    expect(s).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('不存在') });
    expect(fs.existsSync(dbFile)).toBe(false);
    expect((await cli('settings', 'get', '--db', dbFile)).code).toBe(1);
  });

  it('a missing file whose data directory holds stored files is not recreated', async () => {
    const dir = tmp();
    const dbFile = path.join(dir, 'office.db');
    fs.mkdirSync(path.join(dir, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'files', 'ab', 'ab'.padEnd(64, '0')), 'a scan');
    expect((await statusOf(dbFile)).state).toBe('unavailable');
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('a genuinely first run (nothing there, or a 0-byte file and nothing else) creates the database', async () => {
    const dir = tmp();
    expect((await statusOf(path.join(dir, 'new.db'))).state).toBe('ready');
    const empty = path.join(tmp(), 'touched.db');
    fs.writeFileSync(empty, '');
    expect((await statusOf(empty)).state).toBe('ready');
    expect(fs.statSync(empty).size).toBeGreaterThan(0);
  });
});

describe('damage in the middle of the file', () => {
  it('is detected at open, the file is left byte-identical, and a restore keeps it aside unchanged', async () => {
    const dir = tmp();
    const dbFile = await officeWithBackup(dir);
    for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
    const size = fs.statSync(dbFile).size;
    const pages = size / 4096;
    expect(pages).toBeGreaterThan(20);
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, crypto.randomBytes(512), 0, 512, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    const damaged = sha(dbFile);

    const t = await tempRuntime({ dbFile });
    dirs.push(t.dir);
    const s = await t.rt.invoke<SystemStatus>('system.status', {});
    expect(s).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('损坏') });
    expect(sha(dbFile)).toBe(damaged);
    expect((await cli('settings', 'get', '--db', dbFile)).code).toBe(1);
    expect(sha(dbFile)).toBe(damaged);

    if (s.state !== 'unavailable') return;
    const restored = await t.rt.invoke<SystemStatus>('system.restoreBackup', { name: s.backups[0].name });
    expect(restored.state).toBe('ready');
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('office.db.damaged-') && !/-(wal|shm)$/.test(n));
    expect(aside).toHaveLength(1);
    expect(sha(path.join(dir, aside[0]))).toBe(damaged);
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(300);
    t.rt.close();
  });
});

describe('a large file checked in the background', () => {
  it('reads answer at once, a write waits for the check, and damage found then closes the database', async () => {
    const dir = tmp();
    const dbFile = await officeWithBackup(dir);
    for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
    const pages = fs.statSync(dbFile).size / 4096;
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, crypto.randomBytes(512), 0, 512, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    const damaged = sha(dbFile);
    const { AppRuntime } = await import('../../../electron/api/runtime');
    const rt = await AppRuntime.start({ dbFile, actor: { user: 't', device: 't' }, inlineCheckMaxBytes: 0 });
    try {
      expect(rt.status().state).toBe('ready');
      const write = await rt.call('settings.updateCompany', { companyName: '不该写入' });
      expect(write).toMatchObject({ ok: false, error: { code: 'database', message: expect.stringContaining('损坏') } });
      expect(rt.status()).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('损坏') });
      expect(sha(dbFile)).toBe(damaged);
    } finally {
      rt.close();
    }
  });

  it('a sound large file: the write goes through once the check passed', async () => {
    const dbFile = await officeWithBackup(tmp());
    const { AppRuntime } = await import('../../../electron/api/runtime');
    const rt = await AppRuntime.start({ dbFile, actor: { user: 't', device: 't' }, inlineCheckMaxBytes: 0 });
    try {
      expect(await rt.call('settings.updateCompany', { companyName: '检查通过后写入' })).toMatchObject({ ok: true });
      await rt.whenChecked();
      expect(rt.status().state).toBe('ready');
    } finally {
      rt.close();
    }
  });
});
