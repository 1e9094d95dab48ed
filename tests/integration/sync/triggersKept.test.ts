/**
 * Every open refreshes the sync capture triggers (db/sync/attach.ts); with
 * sync on, triggers already right are kept as they are, so opening writes
 * nothing: a read-only command's quick_check stamp (db/checkStamp.ts) still
 * holds at the next command instead of every command checking the whole
 * file again (issue 17 point 3). A trigger missing or changed is still put
 * right at the next open, and captures again.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppRuntime } from '../../../electron/api/runtime';
import { checkStampHolds } from '../../../db/checkStamp';
import type { CustomerDetail } from '../../../shared/api/customers';
import { fixedClock } from '../../../shared/dates/clock';
import { office, type Office } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const readOnly = (file: string) => new Database(file, { readonly: true });
const schemaVersion = (file: string): number => {
  const db = readOnly(file);
  try {
    return db.pragma('schema_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};
const captureTriggers = (file: string): { name: string; sql: string }[] => {
  const db = readOnly(file);
  try {
    return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_cap_%' ORDER BY name`).all() as { name: string; sql: string }[];
  } finally {
    db.close();
  }
};

/** Opens the file as a read-only command does (quick_check or its stamp) and closes it. */
async function commandOpen(dbFile: string, dataDir: string): Promise<void> {
  const rt = await AppRuntime.start({ dbFile, dataDir, actor: { user: 'cli', device: 'pc' }, clock: fixedClock('2026-11-24T02:00:00Z'), trustCheckStamp: true });
  expect(rt.status().state).toBe('ready');
  rt.close();
}

it('with sync on, opening keeps right triggers untouched, so the check stamp holds for the next command', async () => {
  const a = await o.open('pc-a');
  await a.rt.invoke<CustomerDetail>('customers.create', { code: 'C0001', name: '华东五金有限公司', creditLimitFen: null, paymentTermDays: 30 });
  await o.sync(a); // sync on: the capture triggers exist
  a.rt.close();
  const triggers = captureTriggers(a.dbFile);
  expect(triggers.length).toBeGreaterThan(10);
  const version = schemaVersion(a.dbFile);

  await commandOpen(a.dbFile, o.dir); // checks the file and stamps it
  expect(schemaVersion(a.dbFile)).toBe(version);
  expect(checkStampHolds(a.dbFile)).toBe(true);
  await commandOpen(a.dbFile, o.dir);
  expect(checkStampHolds(a.dbFile)).toBe(true);
  expect(captureTriggers(a.dbFile)).toEqual(triggers);
});

it('a capture trigger missing or changed is put right at the next open, and captures again', async () => {
  const a = await o.open('pc-a');
  const c = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'C0001', name: '华东五金有限公司', creditLimitFen: null, paymentTermDays: 30 });
  await o.sync(a);
  a.rt.close();
  const triggers = captureTriggers(a.dbFile);
  const update = triggers.find((t) => t.name === 'sync_cap_customers_u');
  expect(update).toBeDefined();
  const raw = new Database(a.dbFile);
  raw.exec(`DROP TRIGGER sync_cap_customers_u`);
  raw.exec(`DROP TRIGGER sync_cap_customers_d`);
  raw.exec(`CREATE TRIGGER sync_cap_customers_d AFTER DELETE ON customers BEGIN SELECT 1; END`);
  raw.close();

  const again = await AppRuntime.start({ dbFile: a.dbFile, dataDir: o.dir, actor: { user: 'pc-a', device: 'pc-a' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  try {
    expect(captureTriggers(a.dbFile)).toEqual(triggers);
    const sqlite = again.database().sqlite;
    const changes = () => (sqlite.prepare(`SELECT count(*) AS n FROM sync_changes WHERE tbl = 'customers' AND col = 'address'`).get() as { n: number }).n;
    const before = changes();
    await again.invoke('customers.update', { id: c.id, address: '上海市浦东新区' });
    expect(changes()).toBe(before + 1);
  } finally {
    again.close();
  }
});
