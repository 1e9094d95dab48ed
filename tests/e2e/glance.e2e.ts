/**
 * Issue 16 points 7, 8 and 12 through the UI, on demo data, with the
 * keyboard: every count the dashboard shows is the number of rows the screen
 * it opens shows (逾期客户 → the aging report's overdue filter; 今日催收's
 * split → the collection list's filter); month to date is compared with the
 * same days of last month and says so; the badge counts what needs action
 * today; the alert page folds each group to its top items and unfolds with
 * "show all"; 只看我的 keeps the logged-in user's customers; amounts open
 * their records. Every main screen is scanned for dates that are not
 * YYYY-MM-DD. A second test times the alert page on the medium demo (a
 * measurement written to test-results, not an assertion).
 * Screenshots of the dashboard and the alert page at 1366×768 and 1920×1080.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CallVia } from '../../electron/api/sessions';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import type { AlertCounts, AlertList, CollectionList } from '../../shared/api/alerts';
import type { Dashboard } from '../../shared/api/dashboard';
import { formatFen } from '../../shared/money/format';
import { expect, test, type Page } from './fixtures';

const NOW = '2026-11-24T10:00:00+08:00';
test.use({ clockAt: NOW });

const seed: CallVia = { session: 'seed', channel: 'ipc' };
/** One of the demo's 业务员: the boss logs in under this name, so 只看我的 means these customers. */
const ME = '王海';

async function logIn(page: Page) {
  const form = page.getByTestId('login-form');
  await expect(form).toBeVisible();
  await form.getByLabel('登录名').fill('laoban');
  await form.getByLabel('登录名').press('Tab');
  await page.keyboard.type('boss-pass-123');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function shots(page: Page, shot: (n: string) => Promise<void>, name: string) {
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400);
    await shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

/** Presses Enter on a control reached by focus (keyboard, not a click). */
async function enter(page: Page, testId: string) {
  await page.getByTestId(testId).first().focus();
  await page.keyboard.press('Enter');
}

/**
 * Dates written any other way than YYYY-MM-DD on the visible page and in
 * chart text: 2026/12/7, 12/7, 26/02, or a bare 12-07. Aging bucket labels
 * (31-60天) and document numbers (YS202611-0001) are not dates.
 */
async function foreignDates(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const svg = [...document.querySelectorAll('svg text')].map((e) => e.textContent ?? '').join('\n');
    return `${document.body.innerText}\n${svg}`;
  });
  const patterns = [/\b\d{4}\/\d{1,2}\/\d{1,2}\b/g, /(?<![\d/.-])\d{1,2}\/\d{1,2}(?![\d/])/g, /(?<![\d/-])\d{2}-\d{2}(?![\d天-])/g, /\d{4}年\d{1,2}月\d{1,2}日/g];
  return patterns.flatMap((p) => text.match(p) ?? []);
}

test('dashboard counts open screens showing as many rows; alerts fold, filter to mine and open their amounts; dates are YYYY-MM-DD', async ({ page, app }) => {
  test.setTimeout(150_000);
  const rt = app.runtime;
  await generateDemo(rt, { size: 'small', seed: 16 });
  await rt.invoke('auth.setupBoss', { username: 'laoban', displayName: ME, password: 'boss-pass-123', confirmPassword: 'boss-pass-123' }, seed);
  const dash = await rt.invoke<Dashboard>('dashboard.get', {}, seed);
  const list = await rt.invoke<CollectionList>('collection.today', { limit: 10_000 }, seed);
  const counts = await rt.invoke<AlertCounts>('alerts.counts', {}, seed);
  expect(dash.overdueCustomers).toBeGreaterThan(0);
  expect(list.brokenPromiseCustomers).toBeGreaterThan(0);

  await page.clock.install({ time: new Date(NOW) });
  await app.open('/');
  await logIn(page);

  // Like with like: month to date against 2026-10-01..2026-10-24, said on the card.
  const collected = page.getByTestId('dash-collected');
  await expect(collected).toContainText('上月同期 2026-10-01 至 2026-10-24');
  await expect(collected).toContainText(`${formatFen(dash.collections.lastMonthSameDays.receivedFen)} · 较同期`);
  // The badge: what needs action today, not every open alert.
  expect(counts.needsAction).toBeGreaterThan(0);
  expect(counts.needsAction).toBeLessThan(counts.total);
  await expect(page.getByTestId('nav-alert-badge')).toHaveText(String(counts.needsAction));
  await expect(page.getByTestId('dash-overdue')).toContainText(`${dash.overdueCustomers} 个客户逾期`);
  await expect(page.getByTestId('collection-split-overdue')).toHaveText(`逾期 ${list.overdueCustomers} 户`);
  await expect(page.getByTestId('collection-split-promise')).toHaveText(`仅承诺未兑现 ${list.brokenPromiseCustomers} 户`);
  await expect(page.getByTestId('dash-collections').locator('svg text').filter({ hasText: '2026-11' }).first()).toBeVisible();
  expect(await foreignDates(page)).toEqual([]);
  await shots(page, app.shot, 'dashboard');

  // 逾期 card → the aging report filtered to overdue: as many customers as the card said.
  await enter(page, 'dash-overdue');
  await expect(page.getByTestId('aging-count')).toHaveText(`${dash.overdueCustomers} 个客户`);
  expect(await foreignDates(page)).toEqual([]);

  // 今日催收's split → the list showing exactly those rows.
  for (const [testId, count] of [
    ['collection-split-overdue', list.overdueCustomers],
    ['collection-split-promise', list.brokenPromiseCustomers],
    ['collection-split-all', list.total],
  ] as const) {
    await page.locator('nav').getByText('首页').click();
    await enter(page, testId);
    await expect(page.getByTestId('collection-shown')).toHaveText(`显示 ${count} 户`);
    await expect(page.getByTestId('collection-table')).toHaveAttribute('aria-rowcount', String(count));
  }
  expect(await foreignDates(page)).toEqual([]);
  await shots(page, app.shot, 'collection');

  // 只看我的 on 今日催收: the rows of my customers only.
  const owners = new Map((rt.database().sqlite.prepare('SELECT id, salesperson FROM customers').all() as { id: string; salesperson: string }[]).map((c) => [c.id, c.salesperson]));
  const mineRows = list.rows.filter((r) => owners.get(r.customerId) === ME).length;
  expect(mineRows).toBeGreaterThan(0);
  expect(mineRows).toBeLessThan(list.total);
  await page.getByTestId('collection-mine').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('collection-shown')).toHaveText(`显示 ${mineRows} 户`);
  await expect(page.getByTestId('collection-table')).toHaveAttribute('aria-rowcount', String(mineRows));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('collection-shown')).toHaveText(`显示 ${list.total} 户`);

  // An overdue total opens the customer's open items.
  const first = page.getByTestId('collection-table').getByTestId('collection-overdue-amount').first();
  const firstName = (await page.getByTestId('collection-table').getByRole('row').nth(1).locator('a').first().innerText()).trim();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('aging-items-title')).toContainText(firstName);
  await expect(page.getByTestId('aging-items-table')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('aging-items-table')).toBeHidden();

  // The alert page: groups folded to five rows, "show all" unfolds the rest in place.
  // The dashboard's alert card counts by kind; its 逾期 line opens the page whose 逾期 group has as many.
  const all = (await rt.invoke<AlertList>('alerts.list', {}, seed)).alerts;
  const overdueAlerts = all.filter((a) => a.kind === 'overdue').length;
  expect(overdueAlerts).toBeGreaterThan(5);
  await page.locator('nav').getByText('首页').click();
  await expect(page.getByTestId('alert-count-overdue')).toContainText(String(overdueAlerts));
  await expect(page.getByTestId('alert-counts-card')).toContainText(`${all.length} 条待处理`);
  await enter(page, 'alert-count-overdue');
  const group = page.getByTestId('alert-group-overdue');
  await expect(group.getByTestId('alert-table-overdue')).toHaveAttribute('aria-rowcount', '5');
  await expect(group.getByTestId('alert-group-count')).toHaveText(String(overdueAlerts));
  await expect(page.getByTestId('alert-total')).toHaveText(`共 ${all.length} 条`);
  expect(await foreignDates(page)).toEqual([]);
  await shots(page, app.shot, 'alerts-folded');
  await group.getByTestId('alert-group-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(group.getByTestId('alert-table-overdue')).toHaveAttribute('aria-rowcount', String(overdueAlerts));
  // One scroll area: no list inside the page scrolls on its own.
  const innerScroll = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="alert-table-"]')].filter((e) => e.scrollHeight > e.clientHeight + 1).length,
  );
  expect(innerScroll).toBe(0);
  await group.getByTestId('alert-group-toggle').click();

  // 只看我的 on the alert page: the alerts of my customers.
  await page.getByTestId('alert-mine').focus();
  await page.keyboard.press('Space');
  const mineAlerts = all.filter((a) => owners.get(a.customerId) === ME).length;
  expect(mineAlerts).toBeGreaterThan(0);
  expect(mineAlerts).toBeLessThan(all.length);
  await expect(page.getByTestId('alert-total')).toHaveText(`共 ${mineAlerts} 条`);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('alert-total')).toHaveText(`共 ${all.length} 条`);

  // An overdue alert's amount opens the customer's open items.
  await group.getByTestId('alert-amount').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('aging-items-table')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('aging-items-table')).toBeHidden();

  // The other main screens: no date written another way.
  for (const route of ['/customers', '/ledger', '/aging', '/contracts', '/statements', '/calendar']) {
    await page.evaluate((r) => (window.location.hash = r), route);
    await page.waitForTimeout(600);
    expect(await foreignDates(page), route).toEqual([]);
  }
});

test('the alert page on the medium demo: time to render (measured, not asserted)', async ({ page, app }) => {
  test.setTimeout(300_000);
  await generateDemo(app.runtime, { size: 'medium', seed: 7 });
  const alerts = (await app.runtime.invoke<AlertList>('alerts.list', {})).alerts.length;
  await page.clock.install({ time: new Date(NOW) });
  await app.open('/customers');
  await expect(page.getByTestId('customer-list').or(page.locator('[role=table]')).first()).toBeVisible();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    // A write first, so the server computes every rule again as after real work (its cache is per database change).
    await app.runtime.invoke('settings.updateCompany', { companyName: `演示公司${i}` });
    await page.evaluate(() => (window.location.hash = '/customers'));
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await page.evaluate(() => (window.location.hash = '/alerts'));
    await expect(page.getByTestId('alert-group-overdue')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-testid^="alert-group-"]').last()).toBeVisible();
    runs.push(Date.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const figure = { name: 'alert page rendered (medium demo, after a write)', medianMs: runs[1], runs, alerts };
  fs.mkdirSync(path.resolve(__dirname, '../../test-results'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, '../../test-results/alert-page-render.json'), JSON.stringify(figure, null, 2));
  console.log(`${figure.name}: median ${figure.medianMs} ms of ${runs.join(', ')} (${alerts} alerts)`);
  await shots(page, app.shot, 'alerts-medium');
});
