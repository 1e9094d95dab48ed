/**
 * Issue 16 point 9: "try with demo data" opens a SEPARATE demo database. The
 * office's file is checked from outside (its own SQLite connection) while
 * the demo is open: no demo customer, no demo audit row, the real company
 * profile untouched; back is one call, and the demo file is kept for next time.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyProfile } from '../../../shared/api/settings';
import type { SystemStatus } from '../../../shared/api/system';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
const REAL = '宁波真实五金有限公司';

function officeFacts() {
  const db = new Database(t.dbFile, { readonly: true });
  try {
    const customers = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    const demoAudit = (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'demo'`).get() as { n: number }).n;
    const documents = (db.prepare('SELECT count(*) AS n FROM ar_documents').get() as { n: number }).n;
    return { customers, demoAudit, documents };
  } finally {
    db.close();
  }
}
const customerCount = async () => (await t.rt.invoke<{ total: number }>('customers.list', { limit: 1 })).total;
const companyName = async () => (await t.rt.invoke<CompanyProfile>('settings.getCompany', {})).companyName;

beforeAll(async () => {
  t = await tempRuntime();
  await t.rt.invoke('settings.updateCompany', { companyName: REAL });
  await t.rt.invoke('customers.create', { code: 'C0001', name: '宁波老客户商行' });
});
afterAll(() => t.cleanup());

describe('the demo database', () => {
  it('opens as its own file beside the office data, filled once; the office file gets nothing', async () => {
    const before = officeFacts();
    const status = await t.rt.invoke<SystemStatus>('system.openDemo', { size: 'small' });
    expect(status).toMatchObject({ state: 'ready', demo: true, dbFile: path.join(t.dir, 'demo', 'dealerdesk-demo.db') });
    expect(await customerCount()).toBe(50);
    expect(await companyName()).not.toBe(REAL);
    expect(await companyName()).toMatch(/建材有限公司$/);
    // Opening it again while open changes nothing.
    expect((await t.rt.invoke<SystemStatus>('system.openDemo', { size: 'small' })).dbFile).toBe(status.dbFile);
    expect(officeFacts()).toEqual(before);
    expect(before).toEqual({ customers: 1, demoAudit: 0, documents: 0 });
  }, 120_000);

  it('one call back to the office file: its own customers and company profile', async () => {
    await t.rt.invoke('customers.create', { code: 'D9999', name: '演示里新建的客户' });
    const back = await t.rt.invoke<SystemStatus>('system.closeDemo', {});
    expect(back).toMatchObject({ state: 'ready', demo: false, dbFile: t.dbFile });
    expect(await customerCount()).toBe(1);
    expect(await companyName()).toBe(REAL);
    expect(officeFacts().customers).toBe(1);
    // Closing when the office file is open is a no-op.
    expect((await t.rt.invoke<SystemStatus>('system.closeDemo', {})).demo).toBe(false);
  });

  it('the demo file is kept: reopened as it was left, not generated again', async () => {
    await t.rt.invoke('system.openDemo', { size: 'small' });
    expect(await customerCount()).toBe(51);
    await t.rt.invoke('system.closeDemo', {});
    expect(await customerCount()).toBe(1);
  });

  it('switching logs everyone out: the demo file has its own (no) users', async () => {
    await t.rt.invoke('auth.setupBoss', { username: 'boss', displayName: '老板', password: 'Passw0rd!2026x', confirmPassword: 'Passw0rd!2026x' });
    expect((await t.rt.call('customers.list', {})).ok).toBe(true);
    await t.rt.invoke('system.openDemo', { size: 'small' });
    expect((await t.rt.call('customers.list', {})).ok).toBe(true);
    await t.rt.invoke('system.closeDemo', {});
    const r = await t.rt.call('customers.list', {});
    expect(r.ok).toBe(false);
  });
});
