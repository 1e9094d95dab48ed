/**
 * Issue 11, points 5 and 7, for the two folders typed in settings screens:
 * 设置 → 备份's second copy (backup.updateSettings) and 设置 → 同步's share
 * (sync.setup). A typed folder is checked by the service (full path; an
 * existing folder, or only its last level missing; a probe file written) with
 * a Chinese message naming the field; the second copy never replaces a file
 * already in the folder and leaves no temporary file when it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupSettings } from '../../../shared/api/backup';
import { backupNow, secondCopy } from '../../../electron/services/backup/runBackup';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = null;
});

const settings = (secondCopyDir: string): BackupSettings => ({ keepDaily: 14, keepMonthly: 12, secondCopyDir });
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
/** Names in a folder that are not finished files (what a failed write could leave). */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => /\.tmp$|\.partial$|dealerdesk-write-test/.test(n));

describe('the typed second backup folder (backup.updateSettings)', () => {
  it('refuses a relative path, a file, and a folder whose parent is missing, naming the field; creates nothing', async () => {
    t = await tempRuntime();
    const file = path.join(t.dir, 'notes.txt');
    fs.writeFileSync(file, 'x');
    const deep = path.join(t.dir, 'no', 'such', 'folder');
    const cases: [string, string][] = [
      ['backups', '第二份备份文件夹须是完整路径'],
      [file, '第二份备份文件夹是一个文件，不是文件夹'],
      [deep, '第二份备份文件夹不存在，它的上一级文件夹也不存在'],
    ];
    for (const [dir, message] of cases) {
      expect(await t.rt.call('backup.updateSettings', settings(dir))).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'secondCopyDir', message: expect.stringContaining(message) },
      });
    }
    expect(fs.existsSync(path.join(t.dir, 'no'))).toBe(false);
    expect(fs.existsSync(path.resolve('backups'))).toBe(false);
    expect((await t.rt.invoke<BackupSettings>('backup.settings', {})).secondCopyDir).toBe('');
  });

  it('an existing folder is saved; a missing last level is created; an unchanged folder is not checked again', async () => {
    t = await tempRuntime();
    const share = path.join(t.dir, 'share');
    fs.mkdirSync(share);
    expect(await t.rt.invoke('backup.updateSettings', settings(`  ${share}  `))).toMatchObject({ secondCopyDir: share });
    const fresh = path.join(share, '经销往来备份');
    expect(await t.rt.invoke('backup.updateSettings', settings(fresh))).toMatchObject({ secondCopyDir: fresh });
    expect(fs.statSync(fresh).isDirectory()).toBe(true);
    expect(fs.readdirSync(fresh)).toEqual([]); // the probe is gone
    // The share goes offline: the retention can still be changed without re-typing the folder.
    fs.rmSync(fresh, { recursive: true });
    expect(await t.rt.invoke('backup.updateSettings', { ...settings(fresh), keepDaily: 7 })).toMatchObject({ keepDaily: 7, secondCopyDir: fresh });
    expect(await t.rt.invoke('backup.updateSettings', settings(''))).toMatchObject({ secondCopyDir: '' });
  });

  it('a folder the probe cannot write is refused (没有写入权限), and a folder it created for the check is removed', async () => {
    t = await tempRuntime();
    const target = path.join(t.dir, 'readonly-share');
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, ...rest) => {
      if (String(file).includes('dealerdesk-write-test')) throw errno('EACCES');
      return real(file, ...(rest as [never]));
    });
    expect(await t.rt.call('backup.updateSettings', settings(target))).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'secondCopyDir', message: expect.stringMatching(/^第二份备份文件夹无法写入：.*没有写入权限/) },
    });
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('the second copy never replaces a file', () => {
  it('two backups with the same name, and another file already there: numbered names, every earlier file unchanged', async () => {
    t = await tempRuntime(); // fixed clock: both backups get the same name
    const share = path.join(t.dir, 'share');
    await t.rt.invoke('backup.updateSettings', settings(share));
    const first = await backupNow(t.rt.context(), 'manual');
    const name = path.basename(first.file);
    expect(first.secondCopy).toEqual({ file: path.join(share, name), error: null });
    // Something else now holds the first copy's name (the office's own file, another PC's backup).
    fs.writeFileSync(path.join(share, name), 'the office file');
    const second = await backupNow(t.rt.context(), 'manual');
    const numbered = path.join(share, name.replace(/\.db$/, ' (2).db'));
    expect(second.secondCopy).toEqual({ file: numbered, error: null });
    expect(fs.readFileSync(path.join(share, name), 'utf8')).toBe('the office file');
    expect(fs.readFileSync(numbered).equals(fs.readFileSync(second.file))).toBe(true);
    expect(fs.readdirSync(share).sort()).toEqual([name, path.basename(numbered)].sort());
  });

  it('a copy that fails half-way (disk full) reports it in Chinese and leaves no temporary file', async () => {
    t = await tempRuntime();
    const src = path.join(t.dir, 'source.db');
    fs.writeFileSync(src, Buffer.alloc(64 * 1024, 7));
    const share = path.join(t.dir, 'share');
    fs.mkdirSync(share);
    fs.writeFileSync(path.join(share, 'source.db'), 'kept');
    vi.spyOn(fs, 'copyFileSync').mockImplementation((_from, to) => {
      fs.writeFileSync(to, Buffer.alloc(1000, 1)); // half a file under the temporary name
      throw errno('ENOSPC');
    });
    const r = secondCopy(src, share);
    expect(r.file).toBeNull();
    expect(r.error).toBe(`无法写入文件 ${path.join(share, 'source.db')}：磁盘空间不足`);
    expect(fs.readdirSync(share)).toEqual(['source.db']);
    expect(fs.readFileSync(path.join(share, 'source.db'), 'utf8')).toBe('kept');
  });

  it('a failure while naming the copy leaves no temporary file either; a vanished folder is not recreated', async () => {
    t = await tempRuntime();
    const src = path.join(t.dir, 'source.db');
    fs.writeFileSync(src, 'backup bytes');
    const share = path.join(t.dir, 'share');
    fs.mkdirSync(share);
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw errno('EIO');
    });
    expect(secondCopy(src, share).error).toContain(`无法写入文件 ${path.join(share, 'source.db')}`);
    expect(leftovers(share)).toEqual([]);
    expect(fs.readdirSync(share)).toEqual([]);
    vi.restoreAllMocks();
    const gone = path.join(t.dir, 'offline-share');
    expect(secondCopy(src, gone).error).toBe(`第二份备份文件夹不存在或无法访问：${gone}`);
    expect(fs.existsSync(gone)).toBe(false);
  });
});

describe('the typed share folder (sync.setup)', () => {
  it('refuses a relative path, a file and a folder whose parent is missing, naming 共享文件夹; sync stays off', async () => {
    t = await tempRuntime();
    const file = path.join(t.dir, 'share.txt');
    fs.writeFileSync(file, 'x');
    const cases: [string, string][] = [
      ['share', '共享文件夹须是完整路径'],
      [file, '共享文件夹是一个文件，不是文件夹'],
      [path.join(t.dir, 'a', 'b'), '共享文件夹不存在，它的上一级文件夹也不存在'],
    ];
    for (const [folder, message] of cases) {
      expect(await t.rt.call('sync.setup', { folder, name: '前台' })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'folder', message: expect.stringContaining(message) },
      });
    }
    expect(await t.rt.invoke('sync.status', {})).toMatchObject({ enabled: false, folder: null });
    // 测试 judges a relative path as 开启同步 does.
    expect(await t.rt.invoke('sync.testFolder', { folder: 'share' })).toEqual({ ok: false, message: '共享文件夹须是完整路径（例如 D:\\备份 或 \\\\服务器\\共享）：share' });
    expect(fs.existsSync(path.join(t.dir, 'a'))).toBe(false);
  });

  it('a missing last level is created and sync is turned on there', async () => {
    t = await tempRuntime();
    const share = path.join(t.dir, '同步');
    expect(await t.rt.call('sync.setup', { folder: share, name: '前台' })).toMatchObject({ ok: true });
    expect(await t.rt.invoke('sync.status', {})).toMatchObject({ enabled: true, folder: share });
    expect(leftovers(share)).toEqual([]);
  });
});
