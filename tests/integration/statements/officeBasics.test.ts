/**
 * Issue 16's statement basics: no statement without a company name on the
 * letterhead (refused in Chinese, nothing numbered or recorded), and the
 * month's post marked 已发出 in one go, all or nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedStatement, StatementPage } from '../../../shared/api/statements';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, statementRuntime } from './helpers';

let t: TempRuntime;
afterEach(() => t.cleanup());

const count = (table: string) => (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('statements need a company name', () => {
  beforeEach(async () => {
    t = await tempRuntime({ clock: fixedClock('2026-12-05T02:00:00Z') });
  });

  it('refuses one statement and a batch with a clear message until the profile has a name; then numbers from 0001', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 500_000 });
    const audit = count('audit_log');
    const one = t.rt.invoke('statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
    await expect(one).rejects.toMatchObject({ code: 'validation', field: 'companyName' });
    await expect(one).rejects.toThrow(/公司资料.*公司名称/);
    await expect(t.rt.invoke('statements.batch', { from: '2026-11-01', to: '2026-11-30' })).rejects.toThrow(/填写公司名称/);
    await expect(t.rt.invoke('statements.startBatch', { from: '2026-11-01', to: '2026-11-30' })).rejects.toThrow(/填写公司名称/);
    // Nothing numbered, written or audited.
    expect(count('statements')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    await t.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远' });
    const g = await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
    expect(g.statement.statementNo).toMatch(/0001$/);
  });
});

describe('marking many statements sent', () => {
  beforeEach(async () => {
    t = await statementRuntime();
  });

  async function generated(n: number) {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      const c = await customer(t, `C${String(i).padStart(4, '0')}`);
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 10_000 * i });
      const g = await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, from: '2026-11-01', to: '2026-11-30' });
      ids.push(g.statement.id);
    }
    return ids;
  }
  const statuses = async () =>
    (await t.rt.invoke<StatementPage>('statements.list', { limit: 100 })).rows.map((r) => [r.statementNo, r.status, r.sentOn]);

  it('marks every selected statement sent on the date, once each', async () => {
    const ids = await generated(4);
    const r = await t.rt.invoke<{ marked: number }>('statements.markSentMany', { ids: [ids[0], ids[2], ids[2], ids[3]], date: '2026-12-05' });
    expect(r.marked).toBe(3);
    const rows = await t.rt.invoke<StatementPage>('statements.list', { limit: 100 });
    const byId = new Map(rows.rows.map((s) => [s.id, s]));
    expect([ids[0], ids[2], ids[3]].map((id) => [byId.get(id)?.status, byId.get(id)?.sentOn])).toEqual([
      ['sent', '2026-12-05'],
      ['sent', '2026-12-05'],
      ['sent', '2026-12-05'],
    ]);
    expect(byId.get(ids[1])?.status).toBe('generated');
  });

  it('one statement that cannot be marked refuses the whole selection, naming it; nothing half-marked', async () => {
    const ids = await generated(3);
    await t.rt.invoke('statements.markSent', { id: ids[1], date: '2026-12-05' });
    const confirmed = await t.rt.invoke<{ statementNo: string }>('statements.markConfirmed', { id: ids[1], date: '2026-12-05' });
    const before = await statuses();
    const refused = t.rt.invoke('statements.markSentMany', { ids, date: '2026-12-05' });
    await expect(refused).rejects.toThrow(new RegExp(`${confirmed.statementNo}.*已确认`));
    expect(await statuses()).toEqual(before);
    await expect(t.rt.invoke('statements.markSentMany', { ids: [], date: null })).rejects.toThrow(/至少选择一张/);
  });
});
