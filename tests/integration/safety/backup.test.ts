/**
 * Point 4: verified online backups, the CLI's backup/restore contract, the
 * backup → restore round trip equal row by row, a healthy database restored
 * only after confirmation (what is lost is said first), the daily backup with
 * its second copy, and "back up now" as a job with progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJobStatus, BackupListing, RestorePreview } from '../../../shared/api/backup';
import type { SystemStatus } from '../../../shared/api/system';
import { fixedClock } from '../../../shared/dates/clock';
import { runCli } from '../../../electron/cli/main';
import { dailyBackupIfDue } from '../../../electron/services/backup/runBackup';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { importCustomers } from './importSetup';

let t: TempRuntime | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every row of every table, in a stable order: two databases with equal dumps hold the same books. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(tables.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

describe('CLI backup and restore', () => {
  it('backup prints {file, bytes, verified}; restore brings back exactly those rows and keeps the current file aside', async () => {
    t = await tempRuntime();
    await importCustomers(t, 50);
    await t.rt.invoke('settings.updateCompany', { companyName: '备份前的公司' });
    t.rt.close();
    const outDir = path.join(t.dir, 'elsewhere');
    const b = await cli('backup', '--db', t.dbFile, '--to', outDir, '--json');
    expect(b.code).toBe(0);
    const printed = JSON.parse(b.stdout) as { file: string; bytes: number; verified: boolean };
    expect(Object.keys(printed)).toEqual(['file', 'bytes', 'verified']);
    expect(printed.verified).toBe(true);
    expect(path.dirname(printed.file)).toBe(outDir);
    expect(printed.bytes).toBe(fs.statSync(printed.file).size);
    expect(fs.readdirSync(outDir).filter((n) => n.includes('partial'))).toEqual([]);
    const atBackup = dump(printed.file);

    const later = await tempRuntime({ dbFile: t.dbFile });
    await importCustomers(later, 30, 50); // 30 more customers than the backup holds
    await later.rt.invoke('settings.updateCompany', { companyName: '备份后的公司' });
    later.rt.close();
    expect(dump(t.dbFile)).not.toEqual(atBackup);

    const r = await cli('restore', '--db', t.dbFile, '--from', printed.file, '--json');
    expect(r.code).toBe(0);
    const restored = JSON.parse(r.stdout) as { keptAs: string };
    expect(dump(t.dbFile)).toEqual(atBackup);
    expect(path.basename(restored.keptAs)).toMatch(/^test\.db\.replaced-/);
    const aside = new Database(restored.keptAs, { readonly: true });
    expect(aside.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 80 });
    aside.close();
    t.rt = (await tempRuntime({ dbFile: t.dbFile })).rt;
  });

  it('restore refuses a backup that fails integrity_check and leaves the database alone', async () => {
    t = await tempRuntime();
    await importCustomers(t, 5);
    t.rt.close();
    const bad = path.join(t.dir, 'bad.db');
    fs.writeFileSync(bad, 'not a database');
    const before = dump(t.dbFile);
    const r = await cli('restore', '--db', t.dbFile, '--from', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('校验失败');
    expect(dump(t.dbFile)).toEqual(before);
    t.rt = (await tempRuntime({ dbFile: t.dbFile })).rt;
  });
});

describe('restore of a healthy database from the app', () => {
  it('is refused without confirmation, says what will be lost, and keeps the current file aside', async () => {
    t = await tempRuntime();
    const job = await t.rt.invoke<{ jobId: string }>('backup.start', {});
    let s: BackupJobStatus;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      s = await t.rt.invoke<BackupJobStatus>('backup.jobStatus', job);
    } while (s.state === 'running');
    expect(s).toMatchObject({ state: 'done', result: { verified: true } });
    expect(s.totalPages).toBeGreaterThan(0);
    expect(s.donePages).toBe(s.totalPages);
    const listing = await t.rt.invoke<BackupListing>('backup.list', {});
    expect(listing.backups).toHaveLength(1);
    expect(listing.backups[0]).toMatchObject({ reason: 'manual', verified: true });
    const name = listing.backups[0].name;

    // The fixed clock stamps the backup at 02:00; these changes are recorded at 02:00 too, so move the clock on.
    t.rt.clock = fixedClock('2026-11-24T03:00:00Z');
    await importCustomers(t, 3);
    const preview = await t.rt.invoke<RestorePreview>('backup.restorePreview', { name });
    expect(preview.changesSince).toBeGreaterThanOrEqual(3);

    const refused = await t.rt.call('system.restoreBackup', { name });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'confirmed' } });
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(3);

    const done = await t.rt.invoke<SystemStatus>('system.restoreBackup', { name, confirmed: true });
    expect(done.state).toBe('ready');
    expect((t.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(0);
    expect(fs.readdirSync(t.dir).some((n) => n.startsWith('test.db.replaced-'))).toBe(true);
  });
});

describe('the daily backup', () => {
  it('runs once per office day, verified, with the second copy, and keeps the retention', async () => {
    t = await tempRuntime();
    const share = path.join(t.dir, 'share');
    await t.rt.invoke('backup.updateSettings', { keepDaily: 2, keepMonthly: 1, secondCopyDir: share });
    const first = await dailyBackupIfDue(t.rt.context());
    expect(first).toMatchObject({ verified: true, secondCopy: { error: null } });
    expect(fs.existsSync(first!.secondCopy!.file!)).toBe(true);
    expect(await dailyBackupIfDue(t.rt.context())).toBeNull();
    // Three more days: 2 daily + 1 monthly kept (Nov 24 is the newest of November only until the 27th replaces it).
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      t.rt.clock = fixedClock(`${day}T02:00:00Z`);
      expect(await dailyBackupIfDue(t.rt.context())).not.toBeNull();
    }
    const names = (await t.rt.invoke<BackupListing>('backup.list', {})).backups.map((b) => b.name.slice(0, 8));
    expect(names).toEqual(['20261127', '20261126']);
  });
});
