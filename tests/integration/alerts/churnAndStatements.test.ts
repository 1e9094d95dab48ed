/**
 * churn (an active customer without an invoice for 90 days; paused or closed
 * never) and statement_unconfirmed (sent 15 days ago and not confirmed),
 * around their thresholds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, invoice, ofKind } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('churn', () => {
  const LAST = '2026-08-01';
  const at = async (days: number) => (await ofKind(t, 'churn', addDays(LAST, days))).map((a) => [a.customerCode, a.days]);

  it('an active customer alerts from the 90th day after its last invoice; paused and closed never', async () => {
    const active = await customer(t, 'C0701');
    const paused = await customer(t, 'C0702', { status: 'paused' });
    const closed = await customer(t, 'C0703', { status: 'closed' });
    for (const c of [active, paused, closed]) {
      await invoice(t, c.id, '2026-05-01', 10_000);
      await invoice(t, c.id, LAST, 10_000);
    }
    expect(await at(89)).toEqual([]);
    expect(await at(90)).toEqual([['C0701', 90]]);
    expect(await at(91)).toEqual([['C0701', 91]]);
    const [a] = await ofKind(t, 'churn', addDays(LAST, 90));
    expect(a).toMatchObject({ key: `churn:${active.id}`, severity: 'info', amountFen: null });
    expect(a.message).toBe('已 90 天没有发货（最近一张应收单 2026-08-01）');
  });

  it('a new invoice ends it; a voided one does not count; no invoice ever is not churn', async () => {
    const c = await customer(t, 'C0704');
    await customer(t, 'C0705'); // never bought
    await invoice(t, c.id, LAST, 10_000);
    expect(await at(100)).toEqual([['C0704', 100]]);
    const fresh = await invoice(t, c.id, addDays(LAST, 95), 10_000);
    expect(await at(100)).toEqual([]);
    await t.rt.invoke('ledger.void', { docId: fresh.document.id, date: addDays(LAST, 98), reason: '重复录入' });
    expect(await at(97)).toEqual([]);
    expect(await at(100)).toEqual([['C0704', 100]]);
  });
});

describe('statement_unconfirmed', () => {
  const SENT = '2026-11-01';

  /** A statement row as the statements area stores it (only the columns the rule reads matter). */
  function statement(customerId: string, no: string, status: 'generated' | 'sent' | 'confirmed' | 'disputed', confirmedOn: string | null = null) {
    const db = t.rt.database().sqlite;
    const sha = 'a'.repeat(64);
    db.prepare(`INSERT OR IGNORE INTO stored_files (sha256, mime, size, created_at) VALUES (?, 'application/pdf', 1, '2026-11-01T00:00:00Z')`).run(sha);
    const id = `st-${no}`;
    db.prepare(
      `INSERT INTO statements (id, statement_no, customer_id, period_from, period_to, opening_fen, closing_fen, debit_total_fen,
        credit_total_fen, line_count, lines_sha256, verification_code, pdf_sha256, file_path, pages, orientation, generated_at,
        generated_by, status, sent_on, confirmed_on, dispute_note, customer_figure_fen, difference_fen, created_at, updated_at)
       VALUES (?, ?, ?, '2026-10-01', '2026-10-31', 0, 123456, 123456, 0, 1, ?, 'ABCD-1234', ?, 'x.pdf', 1, 'portrait',
        '2026-11-01T00:00:00Z', 'tester', ?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
    ).run(
      id,
      no,
      customerId,
      sha,
      sha,
      status,
      status === 'generated' ? null : SENT,
      confirmedOn,
      status === 'disputed' ? '金额不符' : null,
      status === 'disputed' ? 100 : null,
      status === 'disputed' ? 123356 : null,
    );
    return id;
  }

  it('alerts from the 15th day after sending until confirmed', async () => {
    const c = await customer(t, 'C0801');
    const id = statement(c.id, 'DZ202610-0001', 'sent');
    statement(c.id, 'DZ202610-0002', 'generated');
    statement(c.id, 'DZ202610-0003', 'disputed');
    // Confirmed on 11-17: as of 11-16 it was still waiting.
    statement(c.id, 'DZ202610-0004', 'confirmed', '2026-11-17');
    const at = async (days: number) => (await ofKind(t, 'statement_unconfirmed', addDays(SENT, days))).map((a) => [a.docNo, a.days]);
    expect(await at(14)).toEqual([]);
    expect(await at(15)).toEqual([
      ['DZ202610-0001', 15],
      ['DZ202610-0004', 15],
    ]);
    expect(await at(16)).toEqual([['DZ202610-0001', 16]]);
    const [a] = await ofKind(t, 'statement_unconfirmed', '2026-11-16');
    expect(a).toMatchObject({ key: `statement_unconfirmed:${id}`, statementId: id, amountFen: 123456, severity: 'info' });
    expect(a.message).toBe('对账单 DZ202610-0001 于 2026-11-01 寄出，已 15 天未确认');
  });

  it('uses the threshold the statements settings keep', async () => {
    const c = await customer(t, 'C0802');
    statement(c.id, 'DZ202610-0009', 'sent');
    const settings = await t.rt.invoke<{ statement_unconfirmed: { enabled: boolean; days: number } }>('alerts.settings', {});
    expect(settings.statement_unconfirmed).toEqual({ enabled: true, days: 15 });
    await t.rt.invoke('alerts.updateSettings', { ...settings, statement_unconfirmed: { enabled: true, days: 10 } });
    expect((await ofKind(t, 'statement_unconfirmed', '2026-11-11')).map((a) => a.days)).toEqual([10]);
    const stored = t.rt.database().sqlite.prepare(`SELECT value FROM settings WHERE key = 'statements'`).get() as { value: string };
    expect(JSON.parse(stored.value)).toMatchObject({ unconfirmedAlertDays: 10 });
  });
});
