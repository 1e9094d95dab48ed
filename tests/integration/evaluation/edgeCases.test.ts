/**
 * Hand-made cases of the scorecard (issue 14): collection rate and days to
 * pay with no invoices, only prepayments, a void after the period; the
 * suggested grade at its thresholds; visit plans due the day before, of and
 * after; case alerts; regrade audited with the scores; bad input refused
 * with a Chinese message and nothing saved. Expected figures are worked out
 * by hand in the comments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { AlertList } from '../../../shared/api/alerts';
import type { CaseDetail, CustomerScorecard, ScorecardList, VisitsDue } from '../../../shared/api/evaluation';
import { DEFAULT_EVALUATION_SETTINGS } from '../../../shared/evaluation/settings';
import { DomainError } from '../../../shared/errors';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime({ clock: fixedClock('2026-11-24T02:00:00Z') });
});
afterEach(() => t.cleanup());

const customer = (code: string, extra: Record<string, unknown> = {}) =>
  t.rt.invoke<CustomerDetail>('customers.create', { code, name: `评估客户${code}`, paymentTermDays: 30, ...extra });
const post = (method: string, input: Record<string, unknown>) => t.rt.invoke<{ document: { id: string } }>(method as 'ledger.postInvoice', input);
const card = (customerId: string, from: string, to: string) => t.rt.invoke<CustomerScorecard>('evaluation.card', { customerId, from, to });
const count = (table: string) => (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function refused(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('collection rate and days to pay', () => {
  it('no invoices and no opening: rate and days are null, credit score counts them as clean', async () => {
    const c = await customer('E001');
    const r = (await card(c.id, '2026-01-01', '2026-06-30')).card;
    expect(r.collectionRate).toBeNull();
    expect(r.avgDaysToPay).toBeNull();
    expect(r.salesFen).toBe(0);
    // 0.4·1 + 0.2·1 + 0.3·1 + 0.1·1
    expect(r.creditScore).toBe(100);
    expect(r.salesScore).toBe(0);
  });

  it('only prepayments: receipts with nothing owed give a null rate and no days to pay', async () => {
    const c = await customer('E002');
    await post('ledger.postReceipt', { customerId: c.id, date: '2026-03-01', amountFen: 50_000 });
    const r = (await card(c.id, '2026-01-01', '2026-06-30')).card;
    expect(r.collectedFen).toBe(50_000);
    expect(r.collectionRate).toBeNull();
    expect(r.avgDaysToPay).toBeNull();
    expect(r.balanceFen).toBe(-50_000);
  });

  it('opening balance + invoices, receipts split across invoices, weighted days from the allocations', async () => {
    const c = await customer('E003');
    // Opening (before the period): 2025-12-01 invoice 100,000.
    await post('ledger.postInvoice', { customerId: c.id, date: '2025-12-01', amountFen: 100_000 });
    await post('ledger.postInvoice', { customerId: c.id, date: '2026-02-01', amountFen: 200_000 });
    // Receipt 2026-02-11 of 150,000: pays the Dec invoice 100,000 (72 days) and 50,000 of Feb (10 days).
    await post('ledger.postReceipt', { customerId: c.id, date: '2026-02-11', amountFen: 150_000 });
    // Credit note 2026-03-01 of 20,000 (not a receipt: not in days to pay, lowers sales).
    await post('ledger.postCreditNote', { customerId: c.id, date: '2026-03-01', amountFen: 20_000 });
    const r = (await card(c.id, '2026-01-01', '2026-06-30')).card;
    expect(r.openingFen).toBe(100_000);
    expect(r.invoicedFen).toBe(200_000);
    expect(r.creditedFen).toBe(20_000);
    expect(r.salesFen).toBe(180_000);
    // 150,000 ÷ (100,000 + 200,000)
    expect(r.collectionRate).toBe(0.5);
    // (100,000 × 72 + 50,000 × 10) ÷ 150,000 = 51.33…
    expect(r.paidFen).toBe(150_000);
    expect(r.avgDaysToPay).toBe(51.3);
  });

  it('a void dated after the period does not change the period; a void inside it does', async () => {
    const c = await customer('E004');
    const inv = await post('ledger.postInvoice', { customerId: c.id, date: '2026-02-01', amountFen: 100_000 });
    const rec = await post('ledger.postReceipt', { customerId: c.id, date: '2026-02-21', amountFen: 40_000 });
    await post('ledger.void', { docId: rec.document.id, date: '2026-08-01', reason: '退票' });
    const before = (await card(c.id, '2026-01-01', '2026-06-30')).card;
    // As of 2026-06-30 the receipt still stands: 40,000 ÷ 100,000, paid 20 days after the invoice.
    expect(before.collectedFen).toBe(40_000);
    expect(before.collectionRate).toBe(0.4);
    expect(before.avgDaysToPay).toBe(20);
    const after = (await card(c.id, '2026-01-01', '2026-08-31')).card;
    expect(after.collectedFen).toBe(0);
    expect(after.collectionRate).toBe(0);
    expect(after.avgDaysToPay).toBeNull();
    expect(after.invoicedFen).toBe(100_000);
    await post('ledger.void', { docId: inv.document.id, date: '2026-09-01', reason: '开错' });
    const voided = (await card(c.id, '2026-01-01', '2026-09-30')).card;
    expect(voided.invoicedFen).toBe(0);
    expect(voided.orderCount).toBe(0);
  });

  it('overdue share and longest overdue as of the end date', async () => {
    const c = await customer('E005');
    await post('ledger.postInvoice', { customerId: c.id, date: '2026-01-10', dueOn: '2026-02-09', amountFen: 30_000 });
    await post('ledger.postInvoice', { customerId: c.id, date: '2026-06-01', dueOn: '2026-07-01', amountFen: 70_000 });
    const r = (await card(c.id, '2026-01-01', '2026-06-30')).card;
    expect(r.overdueFen).toBe(30_000);
    expect(r.overdueShare).toBe(0.3);
    // 2026-06-30 − 2026-02-09
    expect(r.longestOverdueDays).toBe(141);
  });
});

describe('suggested grade and regrade', () => {
  it('the grade follows the thresholds exactly at their edges (settings)', async () => {
    const c = await customer('G001', { grade: 'D' });
    // 1 invoice of 12,000 in a 365-day period, paid the same day: growth part 1 (new), volume 12,000/fullSales.
    await post('ledger.postInvoice', { customerId: c.id, date: '2026-03-01', amountFen: 12_000 });
    await post('ledger.postReceipt', { customerId: c.id, date: '2026-03-01', amountFen: 12_000 });
    // Sales = round(100 × (0.5 × 12,000/F + 0.25 × 1 + 0.25 × 1/orders)); with F = 12,000 and 1 order per year: 100.
    const base = { ...DEFAULT_EVALUATION_SETTINGS, fullSalesFen: 12_000, fullOrders: 1 };
    await t.rt.invoke('evaluation.saveSettings', { ...base, grades: { A: { sales: 100, credit: 100 }, B: { sales: 99, credit: 99 }, C: { sales: 1, credit: 1 } } });
    let r = (await card(c.id, '2025-11-25', '2026-11-24')).card;
    expect(r.salesScore).toBe(100);
    expect(r.creditScore).toBe(100);
    expect(r.suggestedGrade).toBe('A');
    // Credit 100 reaches B (99) but sales must too: a sales threshold of 100 for B is refused (overlap), so move the scores instead.
    await post('ledger.postInvoice', { customerId: c.id, date: '2026-11-01', dueOn: '2026-11-01', amountFen: 12_000 });
    r = (await card(c.id, '2025-11-25', '2026-11-24')).card;
    // Still sales 100 (capped); credit: rate 12,000/24,000 = 0.5 → 0.4·0.5; overdue share 1, longest 23 days.
    const overdue = 0.5 * 0 + 0.5 * (1 - 23 / 180);
    expect(r.creditScore).toBe(Math.round(100 * (0.4 * 0.5 + 0.2 * 1 + 0.3 * overdue + 0.1)));
    expect(r.suggestedGrade).toBe('C');
  });

  it('regrade many in one step, audited with the scores; the list shows the new grade', async () => {
    const a = await customer('R001', { grade: 'A' });
    const b = await customer('R002', { grade: 'B' });
    await t.rt.invoke('evaluation.regrade', { changes: [{ customerId: a.id, grade: 'C' }, { customerId: b.id, grade: 'D' }], reason: '年度评估' });
    const list = await t.rt.invoke<ScorecardList>('evaluation.scorecards', {});
    expect(list.rows.map((r) => [r.code, r.grade])).toEqual([['R001', 'C'], ['R002', 'D']]);
    const audit = t.rt.database().sqlite.prepare(`SELECT entity_id, before, after FROM audit_log WHERE action = 'regrade' ORDER BY entity_id`).all() as { entity_id: string; before: string; after: string }[];
    expect(audit).toHaveLength(2);
    const after = JSON.parse(audit.find((x) => x.entity_id === a.id)!.after);
    expect(after).toMatchObject({ grade: 'C', reason: '年度评估', salesScore: 0, creditScore: 100, suggestedGrade: 'D' });
    expect(JSON.parse(audit.find((x) => x.entity_id === a.id)!.before)).toEqual({ grade: 'A' });
  });
});

describe('visit plans', () => {
  it('due the day before / of / after, satisfied by a T/E/M interaction, override per customer', async () => {
    // Created 2026-11-24 (clock). Layer 重点 = every 30 days; last visit 2026-10-01 → due 2026-10-31.
    const c = await customer('V001', { layer: 'key' });
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-10-01', channel: 'M', summary: '拜访', satisfaction: 4 });
    const due = async (asOf: string) => (await t.rt.invoke<VisitsDue>('visits.due', { asOf })).rows;
    expect(await due('2026-10-30')).toEqual([]);
    expect((await due('2026-10-31')).map((r) => [r.code, r.dueOn, r.daysLate])).toEqual([['V001', '2026-10-31', 0]]);
    expect((await due('2026-11-01'))[0].daysLate).toBe(1);
    // The follow-up alert is raised from the due date.
    const alerts = async (asOf: string) => (await t.rt.invoke<AlertList>('alerts.list', { asOf })).alerts.filter((a) => a.key.startsWith('follow_up_due:plan-'));
    expect(await alerts('2026-10-30')).toHaveLength(0);
    expect((await alerts('2026-10-31')).map((a) => a.days)).toEqual([0]);
    // An O (其他) interaction does not satisfy the plan; a phone call does.
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-02', channel: 'O', summary: '寄样品' });
    expect(await due('2026-11-03')).toHaveLength(1);
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-03', channel: 'T', summary: '电话回访' });
    expect(await due('2026-11-03')).toHaveLength(0);
    expect(await alerts('2026-11-03')).toHaveLength(0);
    // Override: every 7 days → due 2026-11-10.
    await t.rt.invoke('customers.update', { id: c.id, visitIntervalDays: 7 });
    expect(await due('2026-11-09')).toHaveLength(0);
    expect((await due('2026-11-10'))[0]).toMatchObject({ intervalDays: 7, dueOn: '2026-11-10' });
    const scorecard = await card(c.id, '2026-01-01', '2026-11-24');
    expect(scorecard.card.visits).toEqual({ T: 1, E: 0, M: 1 });
    expect(scorecard.satisfactionTrend).toEqual([{ month: '2026-10', average: 4, count: 1 }]);
    expect(scorecard.visitPlan).toMatchObject({ intervalDays: 7, source: 'customer', lastVisitOn: '2026-11-03', dueOn: '2026-11-10', daysLate: 14 });
  });

  it('the contact calendar shows the planned visits beside the done ones', async () => {
    const c = await customer('P001', { layer: 'key' });
    await t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-20', channel: 'M', summary: '拜访' });
    // Last visit 2026-11-20 + 30 → 2026-12-20, then 2027-01-19.
    const dec = await t.rt.invoke<{ rows: { code: string; cells: { date: string; plannedVisit: boolean; marks: string[] }[] }[] }>('interactions.calendar', { month: '2026-12' });
    expect(dec.rows.map((r) => [r.code, r.cells.filter((x) => x.plannedVisit).map((x) => x.date)])).toEqual([['P001', ['2026-12-20']]]);
    const nov = await t.rt.invoke<{ rows: { cells: { date: string; plannedVisit: boolean; marks: string[] }[] }[] }>('interactions.calendar', { month: '2026-11' });
    expect(nov.rows[0].cells).toEqual([{ date: '2026-11-20', day: 20, marks: ['M'], interactionIds: expect.any(Array), followUpDue: false, promiseDue: false, plannedVisit: false }]);
    const planned = await t.rt.invoke<{ customerId: string; dueOn: string }[]>('visits.planned', { from: '2026-12-01', to: '2027-01-31' });
    expect(planned.map((p) => p.dueOn)).toEqual(['2026-12-20', '2027-01-19']);
    // The layer filter of the calendar.
    const none = await t.rt.invoke<{ rows: unknown[] }>('interactions.calendar', { month: '2026-12', layer: ['potential'] });
    expect(none.rows).toEqual([]);
  });

  it('the layer filter works on the customer list and the 待回访 list', async () => {
    await customer('L001', { layer: 'key' });
    await customer('L002', { layer: 'potential' });
    const page = await t.rt.invoke<{ rows: { code: string; layer: string | null }[] }>('customers.list', { layer: ['potential'] });
    expect(page.rows.map((r) => [r.code, r.layer])).toEqual([['L002', 'potential']]);
    const due = await t.rt.invoke<VisitsDue>('visits.due', { asOf: '2027-06-01', layer: ['key'] });
    expect(due.rows.map((r) => r.code)).toEqual(['L001']);
  });
});

describe('after-sales cases', () => {
  it('status flow, timeline, linked credit note, overdue alert and scorecard counts', async () => {
    const c = await customer('S001');
    const created = await t.rt.invoke<CaseDetail>('cases.create', { customerId: c.id, type: 'quality', description: '包装破损', receivedOn: '2026-11-10', owner: '张三' });
    // Default response days 3.
    expect(created).toMatchObject({ caseNo: 'SH202611-0001', promisedOn: '2026-11-13', status: 'open' });
    const alerts = async (asOf: string) => (await t.rt.invoke<AlertList>('alerts.list', { asOf })).alerts.filter((a) => a.kind === 'case_overdue');
    expect(await alerts('2026-11-13')).toHaveLength(0);
    expect((await alerts('2026-11-14')).map((a) => [a.severity, a.days, a.docNo])).toEqual([['warning', 1, 'SH202611-0001']]);
    expect((await alerts('2026-11-21'))[0].severity).toBe('critical');
    await t.rt.invoke('cases.setStatus', { id: created.id, status: 'in_progress', date: '2026-11-15' });
    const cn = await post('ledger.postCreditNote', { customerId: c.id, date: '2026-11-16', amountFen: 5_000 });
    await t.rt.invoke('cases.linkCreditNote', { id: created.id, creditNoteId: cn.document.id });
    const resolved = await t.rt.invoke<CaseDetail>('cases.setStatus', { id: created.id, status: 'resolved', date: '2026-11-16', resolution: '退货折让 ¥50', feedback: '满意' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-16', creditNoteFen: 5_000 });
    expect(resolved.events.map((e) => e.action)).toEqual(['created', 'status', 'credit_note', 'status']);
    expect(await alerts('2026-11-20')).toHaveLength(0);
    const r = (await card(c.id, '2026-01-01', '2026-11-15')).card;
    expect([r.complaints, r.openComplaints]).toEqual([1, 1]);
    const later = (await card(c.id, '2026-01-01', '2026-11-24')).card;
    expect([later.complaints, later.openComplaints]).toEqual([1, 0]);
    // A closed case is final.
    await t.rt.invoke('cases.setStatus', { id: created.id, status: 'closed' });
    expect((await refused(t.rt.invoke('cases.setStatus', { id: created.id, status: 'open' }))).message).toMatch(/不能改为/);
    const filtered = await t.rt.invoke<{ rows: unknown[] }>('cases.list', { status: ['open'], owner: '张三' });
    expect(filtered.rows).toHaveLength(0);
  });
});

describe('bad input: a clear message in Chinese, nothing saved', () => {
  it('a period whose end is before its start', async () => {
    const e = await refused(t.rt.invoke('evaluation.scorecards', { from: '2026-06-01', to: '2026-05-31' }));
    expect(e.message).toContain('截止日期（2026-05-31）不能早于开始日期（2026-06-01）');
    expect((await refused(t.rt.invoke('salespeople.performance', { from: '2026-06-01', to: '2026-05-31' }))).message).toContain('不能早于开始日期');
  });

  it('thresholds out of order or overlapping', async () => {
    const before = count('audit_log');
    const outOfOrder = await refused(
      t.rt.invoke('evaluation.saveSettings', { ...DEFAULT_EVALUATION_SETTINGS, grades: { A: { sales: 50, credit: 70 }, B: { sales: 60, credit: 50 }, C: { sales: 30, credit: 30 } } }),
    );
    expect(outOfOrder.message).toContain('B 级的销售能力门槛（60）必须低于 A 级（50）');
    const overlap = await refused(
      t.rt.invoke('evaluation.saveSettings', { ...DEFAULT_EVALUATION_SETTINGS, grades: { A: { sales: 70, credit: 70 }, B: { sales: 50, credit: 50 }, C: { sales: 30, credit: 50 } } }),
    );
    expect(overlap.message).toContain('C 级的信用质量门槛（50）必须低于 B 级（50）');
    expect(count('audit_log')).toBe(before);
    expect(t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'evaluation'`).get()).toEqual({ n: 0 });
  });

  it('a rating outside 1–5', async () => {
    const c = await customer('B001');
    for (const satisfaction of [0, 6, 3.5]) {
      const e = await refused(t.rt.invoke('interactions.create', { customerId: c.id, date: '2026-11-01', channel: 'M', summary: '拜访', satisfaction }));
      expect(e.message).toContain('满意度必须是 1–5 的整数');
    }
    expect(count('interactions')).toBe(0);
  });

  it('a case promised before it was received', async () => {
    const c = await customer('B002');
    const e = await refused(t.rt.invoke('cases.create', { customerId: c.id, type: 'delivery', description: '迟到', receivedOn: '2026-11-10', promisedOn: '2026-11-09' }));
    expect(e.message).toContain('承诺答复日期（2026-11-09）不能早于受理日期（2026-11-10）');
    expect(count('after_sales_cases')).toBe(0);
    expect(count('after_sales_events')).toBe(0);
  });
});
