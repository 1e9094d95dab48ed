/**
 * The boss's morning (issue 6): the dashboard, the overdue figure, the aging
 * report it opens, the report as of a date last year on the document basis,
 * and the invoices behind one customer's 61–90 amount. The history is posted
 * through the real API with the app's clock pinned to 2026-11-24, so every
 * figure on the screens is known. Also: the dashboard on the demo data, the
 * bucket editor in 设置.
 */
import type { CustomerDetail } from '../../shared/api/customers';
import type { PostResult } from '../../shared/api/ledger';
import { atBothSizes } from './bothSizes';
import { expect, test, type AppFixture } from './fixtures';

test.use({ clockAt: '2026-11-24T02:00:00Z' });

async function seed(app: AppFixture) {
  const rt = app.runtime;
  const customer = (code: string, name: string, salesperson: string, paymentTermDays: number) =>
    rt.invoke<CustomerDetail>('customers.create', { code, name, salesperson, paymentTermDays, grade: 'A' });
  const post = (method: 'ledger.postInvoice' | 'ledger.postReceipt', input: Record<string, unknown>) => rt.invoke<PostResult>(method, input);

  const huadong = await customer('C0001', '重庆华东商贸有限公司', '王海', 30);
  const hengtong = await customer('C0002', '北京恒通建材有限公司', '李娜', 60);
  const jiamei = await customer('C0003', '杭州佳美超市', '王海', 0);
  // 华东: shipped 2025-10-15 and 2025-12-20, paid only in 2026; an invoice this autumn still overdue.
  await post('ledger.postInvoice', { customerId: huadong.id, date: '2025-10-15', amountFen: 8_600_000, docNo: 'YS-2510-015' });
  await post('ledger.postInvoice', { customerId: huadong.id, date: '2025-12-20', amountFen: 3_000_000, docNo: 'YS-2512-020' });
  await post('ledger.postReceipt', { customerId: huadong.id, date: '2026-02-10', amountFen: 11_600_000, docNo: 'SK-2602-010' });
  await post('ledger.postInvoice', { customerId: huadong.id, date: '2026-08-01', amountFen: 4_500_000, docNo: 'YS-2608-001' });
  await post('ledger.postInvoice', { customerId: huadong.id, date: '2026-11-10', amountFen: 1_200_000, docNo: 'YS-2611-010' });
  // 恒通: steady shipments, mostly paid.
  for (let m = 1; m <= 10; m++) {
    const month = String(m).padStart(2, '0');
    await post('ledger.postInvoice', { customerId: hengtong.id, date: `2026-${month}-05`, amountFen: 2_000_000 + m * 10_000, docNo: `YS-26${month}-005` });
    if (m <= 8) await post('ledger.postReceipt', { customerId: hengtong.id, date: `2026-${month}-25`, amountFen: 2_000_000, docNo: `SK-26${month}-025` });
  }
  // 佳美: an old debt, overdue for over a year.
  await post('ledger.postInvoice', { customerId: jiamei.id, date: '2025-09-01', amountFen: 560_000, docNo: 'YS-2509-001' });
  await post('ledger.postReceipt', { customerId: jiamei.id, date: '2026-11-03', amountFen: 60_000, docNo: 'SK-2611-003' });
}

test('the boss: dashboard → overdue → aging report → last year, document basis → the invoices behind 61–90 days', async ({ page, app }) => {
  await seed(app);
  await app.open('/');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toBeVisible();
  // Receivables = 45,000 + 12,000 (华东) + 200,000×… (恒通) + 5,000 (佳美), exactly what the aging report totals.
  await expect(page.getByTestId('dash-receivables')).toContainText('¥');
  await expect(page.getByTestId('dash-overdue')).toContainText('¥');
  await expect(page.getByTestId('dash-debtors')).toContainText('重庆华东商贸有限公司');
  await app.shot('dashboard');

  // The overdue figure opens the aging report, sorted by what is overdue.
  await page.getByTestId('dash-overdue').click();
  await expect(page.getByRole('heading', { name: '账龄分析' })).toBeVisible();
  await expect(page).toHaveURL(/#\/aging\?.*overdue=1/);
  const table = page.getByTestId('aging-table');
  await expect(table.getByRole('row').nth(1)).toContainText('重庆华东商贸有限公司');
  await expect(page.getByTestId('aging-count')).toHaveText('3 个客户');
  await app.shot('aging-today');

  // As of the last day of last year: the 2026 receipt has not happened yet.
  const asOf = page.getByTestId('aging-asof');
  await asOf.fill('2025-12-31');
  await asOf.press('Enter');
  await asOf.press('Tab');
  await expect(page.getByTestId('aging-past')).toContainText('2025-12-31');
  await expect(table).toContainText('重庆华东商贸有限公司');
  await app.shot('aging-last-year');

  // Document basis: 2025-10-15 is 77 days before 2025-12-31, in 61–90.
  await page.getByTestId('aging-basis').getByText('按单据日期').click();
  await expect(page.getByRole('columnheader', { name: '当期' })).toBeVisible();
  const amount = page.getByTestId('amount-C0001-61-90');
  await expect(amount).toHaveText('¥86,000.00');
  await app.shot('aging-document-basis');

  await amount.click();
  const items = page.getByTestId('aging-items');
  await expect(items.getByTestId('aging-items-title')).toHaveText('重庆华东商贸有限公司 · 61-90天');
  await expect(items).toContainText('截止 2025-12-31，按单据日期');
  const rows = items.getByTestId('aging-items-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('YS-2510-015');
  await expect(rows.first()).toContainText('77 天前');
  await expect(items.getByTestId('aging-items-table').locator('tfoot')).toContainText('¥86,000.00');
  await app.shot('invoices-behind-61-90');

  // The invoice itself.
  await items.getByTestId('aging-item-doc').first().click();
  await expect(page.getByTestId('document-drawer')).toContainText('YS-2510-015');
  await app.shot('invoice-document');
});

test('the report agrees with the dashboard, exports, and the bucket editor refuses nothing it cannot save', async ({ page, app }) => {
  await seed(app);
  await app.open('/settings');
  await page.getByRole('tab', { name: '账龄分段' }).click();
  const due = page.getByTestId('buckets-due');
  await expect(due).toBeVisible();
  await app.shot('bucket-settings');
  // Rename the first bucket and narrow 1-30 to 1-15: the next one starts at 16 by itself.
  await due.getByLabel('名称 1').fill('未到期（含今天）');
  await due.getByLabel('到（天） 2').fill('15');
  await expect(due.getByRole('cell', { name: '16', exact: true })).toBeVisible();
  await due.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('账龄区间已保存')).toBeVisible();
  await app.shot('bucket-settings-saved');

  await app.open('/aging');
  await expect(page.getByRole('columnheader', { name: '未到期（含今天）' })).toBeVisible();
  const report = await app.runtime.invoke<{ totals: { balanceFen: number } }>('aging.report', {});
  const dash = await app.runtime.invoke<{ receivablesFen: number }>('dashboard.get', {});
  expect(report.totals.balanceFen).toBe(dash.receivablesFen);
  const download = page.waitForEvent('download');
  await page.getByTestId('aging-export').click();
  expect((await download).suggestedFilename()).toBe('账龄分析-按到期日-2026-11-24.xlsx');
  await app.shot('aging-custom-buckets');
});

test('dashboard on the small demo data', async ({ page, app }) => {
  await app.runtime.invoke('system.loadDemo', { size: 'small' });
  await app.open('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('dash-aging')).toBeVisible();
  await page.waitForTimeout(600);
  await app.shot('dashboard-demo');

  // This month's collections open the receipts they add up.
  await page.getByTestId('dash-collected').click();
  await expect(page.getByTestId('flow-drawer')).toContainText('2026-11 回款明细');
  await expect(page.getByTestId('flow-table').getByRole('row').nth(1)).toBeVisible();
  await page.waitForTimeout(400); // the drawer's slide-in
  await app.shot('dashboard-demo-receipts');
  await page.keyboard.press('Escape');

  // The largest debtor's balance opens its open items; the salesperson opens the report filtered.
  await page.getByTestId('dash-debtors').locator('tbody tr').first().locator('button').first().click();
  await expect(page.getByTestId('aging-items-table')).toBeVisible();
  await page.waitForTimeout(400);
  await app.shot('dashboard-demo-debtor-items');
  await page.keyboard.press('Escape');
  await page.getByTestId('dash-salespeople').locator('tbody tr').first().locator('button').first().click();
  await expect(page.getByRole('heading', { name: '账龄分析' })).toBeVisible();
  await expect(page.getByTestId('aging-salesperson')).toHaveValue(/.+/);
  // 其中逾期 of a salesperson opens the report of that salesperson's overdue customers (issue 16.8).
  await page.locator('nav').getByText('首页').click();
  await page.getByTestId('dash-salesperson-overdue').first().click();
  await expect(page.getByTestId('aging-salesperson')).toHaveValue(/.+/);
  await expect(page.getByTestId('aging-count')).toHaveText(/\d+ 个客户/);
  await app.shot('aging-demo-by-salesperson');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Receivables aging' })).toBeVisible();
  await app.shot('aging-demo-english');
  await app.open('/');
  await expect(page.getByTestId('dash-receivables')).toContainText('Receivables');
  await page.waitForTimeout(400);
  await app.shot('dashboard-demo-english');
});

/** Every header label and footer total of the aging table that is cut short (drawn wider than its cell), by its text. */
async function cutShort(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const table = document.querySelector('[data-testid="aging-table"]') ?? document;
    for (const el of table.querySelectorAll('[role="columnheader"] span, [role="row"] .amount')) {
      const box = el as HTMLElement;
      // A label or an amount wider than the cell that holds it is shown with an ellipsis.
      const cell = box.closest('[role="columnheader"], [role="cell"], [role="gridcell"], div') as HTMLElement;
      if (box.scrollWidth > box.clientWidth + 1 || (cell !== null && cell.scrollWidth > cell.clientWidth + 1)) cut.push(box.textContent ?? '');
    }
    return cut;
  });
}

test('totals of millions and every bucket header are shown whole at 1366 and at 1920', async ({ page, app }) => {
  const rt = app.runtime;
  // Three customers owing millions in three buckets (未到期, 1-30, 31-60; 30 days' credit): the totals row
  // needs 13 characters a figure in three columns and 14 for the balance.
  for (const [i, code] of ['M001', 'M002', 'M003'].entries()) {
    const c = await rt.invoke<CustomerDetail>('customers.create', { code, name: `百万客户${i}有限公司`, paymentTermDays: 30 });
    await rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-10', amountFen: 183_456_789 + i, override: { reason: '测试' } });
    await rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-10-10', amountFen: 62_345_678 + i, override: { reason: '测试' } });
    await rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-09-10', amountFen: 150_000_000 + i, override: { reason: '测试' } });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/aging');
  await expect(page.getByTestId('aging-count')).toHaveText('3 个客户');
  for (const language of ['中文', 'English']) {
    await page.getByTestId('language-switch').getByText(language).click();
    await atBothSizes(page, async (w) => {
      // ¥5,503,703.70: the 未到期 total, whole.
      await expect(page.getByText('¥5,503,703.70')).toBeVisible();
      expect(await cutShort(page), `nothing cut short at ${w} (${language})`).toEqual([]);
      // …and every column on screen: the table does not need scrolling sideways to show the balance.
      const sideways = await page.getByRole('table').first().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sideways, `no sideways scrolling at ${w} (${language})`).toBeLessThanOrEqual(1);
      await app.shot(`aging-millions-${language === '中文' ? 'zh' : 'en'}-${w}`);
    });
  }
});
