/**
 * Alerts and today's collection list through the UI, as the boss uses them
 * (issue 7): open the alert center, snooze one alert with a note, open 今日
 * 催收, log a call with a promise to pay ¥5,000.00 on the coming Friday and
 * see the customer drop to the bottom; after a receipt of ¥5,000.00 dated
 * before the promised date, the following Monday shows no promise_broken
 * alert. Also: the rules in settings refuse a zero threshold.
 */
import type { AlertCounts, AlertList, CollectionList } from '../../shared/api/alerts';
import { fixedClock } from '../../shared/dates/clock';
import { expect, test, type Page } from './fixtures';

const NOW = '2026-11-24T10:00:00+08:00'; // a Tuesday
const FRIDAY = '2026-11-27';
const MONDAY = '2026-11-30';
test.use({ clockAt: NOW });

async function settled(page: Page) {
  await page.waitForTimeout(350);
}

interface Invoker {
  invoke<T>(method: string, params: unknown): Promise<T>;
}

/** Three customers who owe money, a contract ending soon, and a customer who stopped buying. */
async function seed(rt: Invoker) {
  const make = (code: string, name: string, contact: string, mobile: string, extra: Record<string, unknown> = {}) =>
    rt.invoke<{ id: string }>('customers.create', { code, name, paymentTermDays: 30, contact: { name: contact, mobile }, ...extra });
  const hd = await make('C0001', '北京华东商贸有限公司', '张伟', '13800138000');
  const rf = await make('C0002', '上海瑞丰贸易有限公司', '李娜', '13900139000');
  const ds = await make('C0003', '杭州鼎盛建材有限公司', '王强', '13700137000', { creditLimitFen: 600_000 });
  const yx = await make('C0004', '温州永信百货商行', '陈静', '13600136000');
  const invoice = (customerId: string, date: string, dueOn: string, amountFen: number) =>
    rt.invoke('ledger.postInvoice', { customerId, date, dueOn, amountFen });
  await invoice(hd.id, '2026-08-16', '2026-09-15', 3_000_000); // ¥30,000.00, 70 days late
  await invoice(rf.id, '2026-10-05', '2026-11-04', 1_200_000); // ¥12,000.00, 20 days late
  await invoice(ds.id, '2026-10-22', '2026-11-21', 500_000); // ¥5,000.00, 3 days late, 83 % of its limit
  await invoice(yx.id, '2026-07-01', '2026-07-31', 80_000);
  await rt.invoke('ledger.postReceipt', { customerId: yx.id, date: '2026-08-10', amountFen: 80_000 });
  const contract = await rt.invoke<{ id: string }>('contracts.create', {
    customerId: rf.id,
    title: '2026 年度瓷砖经销框架协议',
    kind: 'framework',
    signedOn: '2026-01-01',
    startsOn: '2026-01-01',
    endsOn: '2026-12-15',
    amount: '120000',
  });
  await rt.invoke('contracts.activate', { id: contract.id });
  return { hd, rf, ds, yx };
}

test('the boss snoozes an alert, logs a promise on the collection list and sees no broken promise after the money came in', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const { hd } = await seed(app.runtime);

  // The alert center: grouped by kind, severity colours, the count in the nav and the header.
  await app.open('/alerts');
  await expect(page.getByTestId('alert-group-overdue')).toBeVisible();
  await expect(page.getByTestId('alert-group-overdue').getByTestId('alert-group-count')).toHaveText('3');
  await expect(page.getByTestId('alert-group-contract_expiring')).toBeVisible();
  await expect(page.getByTestId('alert-group-churn')).toBeVisible();
  // The badge counts what needs action today (critical or new), not every open alert (issue 16.8).
  // Here nothing is critical and nothing fell due yesterday: no number, and the header says so on hover.
  const counts = await app.runtime.invoke<AlertCounts>('alerts.counts', {});
  expect(counts.needsAction).toBe(0);
  expect(counts.total).toBeGreaterThan(0);
  await expect(page.getByTestId('nav-alert-badge')).toHaveCount(0);
  await expect(page.getByTestId('header-alert-badge')).toHaveAttribute('title', `0 条今天需要处理（严重的和今天新出现的） · ${counts.total} 条待处理`);
  await app.shot('alert-center');

  // Snooze 鼎盛's overdue alert (¥5,000.00, 3 days) with a note.
  const overdue = page.getByTestId('alert-table-overdue');
  const row = overdue.getByRole('row').filter({ hasText: '杭州鼎盛建材有限公司' });
  await row.getByTestId('alert-snooze').click();
  const dialog = page.getByTestId('alert-action-dialog');
  await expect(dialog.getByText('逾期 1 笔，合计 ¥5,000.00，最长逾期 3 天')).toBeVisible();
  await expect(dialog.getByTestId('snooze-until')).toHaveValue('2026-12-01');
  await dialog.getByTestId('alert-note').fill('客户说月底和下批货款一起付');
  await settled(page);
  await app.shot('snooze-dialog');
  await dialog.getByTestId('alert-action-confirm').click();
  await expect(page.getByText('已暂缓到 2026-12-01')).toBeVisible();
  await expect(page.getByTestId('alert-group-overdue').getByTestId('alert-group-count')).toHaveText('2');
  await expect(overdue.getByText('杭州鼎盛建材有限公司')).toHaveCount(0);
  await expect(page.getByTestId('header-alert-badge')).toHaveAttribute('title', new RegExp(`· ${counts.total - 1} 条待处理$`));
  // Shown with its state and note when asked for everything.
  await page.getByTestId('alert-show-all').click();
  await expect(overdue.getByText('暂缓至 2026-12-01')).toBeVisible();
  await expect(overdue.getByText('客户说月底和下批货款一起付')).toBeVisible();
  await app.shot('snoozed-shown-with-all');
  await page.getByTestId('alert-show-all').click();

  // Today's collection list: 华东 first (¥30,000.00 × (1 + 70/30) weighs most).
  await page.locator('nav').getByText('今日催收').click();
  const table = page.getByTestId('collection-table');
  const names = () => table.getByRole('row').locator('a').allInnerTexts();
  await expect.poll(names).toEqual(['北京华东商贸有限公司', '上海瑞丰贸易有限公司', '杭州鼎盛建材有限公司']);
  await expect(table.getByText('13800138000')).toBeVisible();
  await app.shot('collection-list');

  // One click: log the call with a promise of ¥5,000.00 on Friday.
  await table.getByRole('row').filter({ hasText: '北京华东商贸有限公司' }).getByTestId('collection-log-call').click();
  const modal = page.getByTestId('log-call-modal');
  await modal.getByLabel('通话内容').fill('张总说周五先付 5,000，余款下月');
  await modal.getByLabel('承诺付款日期').fill(FRIDAY);
  await modal.getByLabel('承诺付款金额').fill('5,000.00');
  await expect(modal.getByText('= ¥5,000.00')).toBeVisible();
  await modal.getByLabel('下次跟进日期').fill(MONDAY);
  await modal.getByLabel('通话内容').click();
  await settled(page);
  await app.shot('log-call');
  await modal.getByTestId('log-call-save').click();
  await expect(page.getByText('已记录电话')).toBeVisible();

  // 华东 promised today: now at the bottom, its promise shown, the call as the last interaction.
  await expect.poll(names).toEqual(['上海瑞丰贸易有限公司', '杭州鼎盛建材有限公司', '北京华东商贸有限公司']);
  const last = table.getByRole('row').filter({ hasText: '北京华东商贸有限公司' });
  await expect(last.getByTestId('collection-promise')).toHaveText(`已承诺：${FRIDAY} 前¥5,000.00`);
  await expect(last.getByText('张总说周五先付 5,000，余款下月')).toBeVisible();
  await settled(page);
  await app.shot('promised-at-bottom');
  const list = await app.runtime.invoke<CollectionList>('collection.today', {});
  expect(list.rows.at(-1)).toMatchObject({ customerCode: 'C0001', group: 'promised' });

  // Thursday's receipt of ¥5,000.00 is posted; on Monday the promise is kept: no promise_broken alert.
  await app.runtime.invoke('ledger.postReceipt', { customerId: hd.id, date: '2026-11-26', amountFen: 500_000 });
  const monday = `${MONDAY}T09:00:00+08:00`;
  app.runtime.clock = fixedClock(monday);
  await page.clock.setFixedTime(new Date(monday));
  await page.locator('nav').getByText('预警').click();
  await page.reload();
  await expect(page.getByTestId('alert-summary')).toContainText(MONDAY);
  await expect(page.getByTestId('alert-group-overdue')).toBeVisible();
  await expect(page.getByTestId('alert-group-promise_broken')).toHaveCount(0);
  const mondayAlerts = await app.runtime.invoke<AlertList>('alerts.list', { all: true });
  expect(mondayAlerts.asOf).toBe(MONDAY);
  expect(mondayAlerts.alerts.filter((a) => a.kind === 'promise_broken')).toEqual([]);
  // The follow-up set on the call is due today instead.
  await expect(page.getByTestId('alert-group-follow_up_due')).toContainText('北京华东商贸有限公司');
  await app.shot('monday-no-broken-promise');

  // And on the collection list 华东 is back among the others (promise kept, ¥25,000.00 still overdue).
  await page.locator('nav').getByText('今日催收').click();
  await expect(table.getByRole('row').filter({ hasText: '北京华东商贸有限公司' }).getByTestId('collection-promise')).toHaveText(`已兑现：${FRIDAY} 前¥5,000.00`);
  await app.shot('monday-collection');
});

test('the alert rules refuse a zero threshold and save a valid one', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.open('/alerts');
  await page.getByTestId('alert-rules-link').click();
  const form = page.getByTestId('alert-rules-form');
  await expect(form.getByTestId('rule-churn-days')).toHaveValue('90');
  await form.getByTestId('rule-churn-days').fill('0');
  await form.getByTestId('alert-rules-save').click();
  await expect(form.getByText('未发货天数必须大于 0')).toBeVisible();
  await settled(page);
  await app.shot('rules-refused');
  expect((await app.runtime.invoke<{ churn: { days: number } }>('alerts.settings', {})).churn.days).toBe(90);
  await form.getByTestId('rule-churn-days').fill('120');
  await form.getByTestId('alert-rules-save').click();
  await expect(page.getByText('预警规则已保存')).toBeVisible();
  expect((await app.runtime.invoke<{ churn: { days: number } }>('alerts.settings', {})).churn.days).toBe(120);
  await app.shot('rules-saved');
});

test('the alert center and the collection list read in English too', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await seed(app.runtime);
  await app.open('/alerts');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('alert-group-overdue')).toContainText('Overdue');
  await expect(page.getByTestId('alert-group-overdue')).toContainText('Overdue items: 1, ¥30,000.00 in total, oldest 70 days late');
  await app.shot('alerts-en');
  await page.locator('nav').getByText('Collect today').click();
  await expect(page.getByTestId('collection-table')).toContainText('70 days late');
  await app.shot('collection-en');
  await page.getByTestId('language-switch').getByText('中文').click();
});

test('a statement sent three weeks ago and not confirmed: the alert opens the statement', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  const { rf } = await seed(app.runtime);
  // Statements need the letterhead's company name (issue 16).
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸' });
  // Generated and sent on 2026-11-02 (a statement cannot be sent before it was generated).
  app.runtime.clock = fixedClock('2026-11-02T10:00:00+08:00');
  const g = await app.runtime.invoke<{ statement: { id: string; statementNo: string } }>('statements.generate', {
    customerId: rf.id,
    from: '2026-10-01',
    to: '2026-10-31',
  });
  await app.runtime.invoke('statements.markSent', { id: g.statement.id, date: '2026-11-02' });
  app.runtime.clock = fixedClock(NOW);
  await app.open('/alerts');
  const group = page.getByTestId('alert-group-statement_unconfirmed');
  await expect(group).toContainText(`对账单 ${g.statement.statementNo} 于 2026-11-02 寄出，已 22 天未确认`);
  await group.getByTestId('alert-statement-link').click();
  const drawer = page.getByTestId('statement-drawer');
  await expect(drawer.getByText(`对账单 ${g.statement.statementNo}`)).toBeVisible();
  await expect(drawer.getByTestId('statement-status')).toHaveText('已发出');
  await settled(page);
  await app.shot('statement-alert-opens-statement');
});

test('the dashboard shows the alert counts and the top of the collection list', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await seed(app.runtime);
  await app.open('/');
  const top = page.getByTestId('today-collection-top');
  await expect(top).toContainText('北京华东商贸有限公司');
  await expect(top).toContainText('张伟 13800138000');
  const counts = page.getByTestId('alert-counts-card');
  await expect(counts).toContainText('6 条待处理');
  await expect(counts.getByTestId('alert-count-overdue')).toContainText('3');
  await settled(page);
  await app.shot('dashboard-cards');
  await counts.getByTestId('alert-count-overdue').click();
  await expect(page.getByTestId('alert-group-overdue')).toBeVisible();
});
