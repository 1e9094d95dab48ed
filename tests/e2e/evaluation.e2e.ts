/**
 * Customer evaluation (issue 14). The boss opens the quadrant, clicks the
 * customer that sells a lot but does not pay (加强收款), regrades it to its
 * suggested grade from the card, and the customer list and the scorecard
 * list show the new grade. Also: an after-sales case entered with the
 * keyboard (a promised date before the received date is refused, nothing
 * saved), the 待回访 list, the salesperson table and the settings tab.
 * Screenshots at 1366×768 and 1920×1080.
 */
import type { CustomerDetail } from '../../shared/api/customers';
import { expect, test, type AppFixture, type Page } from './fixtures';

test.use({ clockAt: '2026-11-24T02:00:00Z' });

async function seed(app: AppFixture) {
  const rt = app.runtime;
  const customer = (code: string, name: string, salesperson: string, grade: string, layer: string) =>
    rt.invoke<CustomerDetail>('customers.create', { code, name, salesperson, grade, layer, paymentTermDays: 30 });
  const post = (method: 'ledger.postInvoice' | 'ledger.postReceipt', input: Record<string, unknown>) => rt.invoke(method, input);
  // 华东: ¥100,000 shipped every month, hardly paid → high sales ability, low credit quality (加强收款), suggested D.
  const huadong = await customer('C0001', '重庆华东商贸有限公司', '王海', 'A', 'key');
  // 恒通: the same volume, paid within 10 days → 重点发展.
  const hengtong = await customer('C0002', '北京恒通建材有限公司', '李娜', 'B', 'key');
  // 佳美: small, paid → 维持.
  const jiamei = await customer('C0003', '杭州佳美超市', '王海', 'C', 'potential');
  for (let m = 0; m < 12; m++) {
    const month = `${m === 0 ? 2025 : 2026}-${String(m === 0 ? 12 : m).padStart(2, '0')}`;
    await post('ledger.postInvoice', { customerId: huadong.id, date: `${month}-05`, amountFen: 10_000_000 });
    await post('ledger.postInvoice', { customerId: hengtong.id, date: `${month}-05`, amountFen: 10_000_000 });
    await post('ledger.postReceipt', { customerId: hengtong.id, date: `${month}-15`, amountFen: 10_000_000 });
  }
  await post('ledger.postReceipt', { customerId: huadong.id, date: '2026-03-01', amountFen: 5_000_000 });
  await post('ledger.postInvoice', { customerId: jiamei.id, date: '2026-06-01', amountFen: 300_000 });
  await post('ledger.postReceipt', { customerId: jiamei.id, date: '2026-06-20', amountFen: 300_000 });
  await rt.invoke('interactions.create', { customerId: hengtong.id, date: '2026-11-20', channel: 'M', summary: '季度拜访', satisfaction: 5 });
  await rt.invoke('interactions.create', { customerId: hengtong.id, date: '2026-08-20', channel: 'T', summary: '电话回访', satisfaction: 3 });
  await rt.invoke('cases.create', { customerId: huadong.id, type: 'quality', description: '第三批货包装破损', receivedOn: '2026-11-10', owner: '张三' });
  return { huadong };
}

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
];

async function shotBoth(page: Page, app: AppFixture, name: string) {
  const before = page.viewportSize();
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.waitForTimeout(250);
    await app.shot(`${name}-${s.name}`);
  }
  if (before) await page.setViewportSize(before);
}

test('the boss regrades a customer from the 加强收款 quadrant; the lists show the new grade', async ({ page, app }) => {
  await seed(app);
  await app.open('/evaluation');
  await expect(page.getByRole('heading', { name: '客户评估' })).toBeVisible();
  const chart = page.getByTestId('quadrant-chart');
  await expect(chart).toContainText('加强收款');
  await expect(chart).toContainText('重点发展');
  const point = page.getByTestId('point-C0001');
  await expect(point).toHaveAttribute('data-quadrant', 'collect');
  await expect(page.getByTestId('point-C0002')).toHaveAttribute('data-quadrant', 'develop');
  await shotBoth(page, app, 'quadrant');

  await point.click();
  await expect(page.getByTestId('customer-title')).toHaveText('重庆华东商贸有限公司');
  const tab = page.getByTestId('evaluation-tab');
  await expect(tab.getByTestId('card-grade')).toHaveText('A');
  // Credit quality 19: 0.4 × 0.0417 + 0.2 × (1 − 86/120) + 0.3 × 0.5 × (1 − 1,050,000/1,150,000) + 0.1 → below C's 30.
  await expect(tab.getByTestId('card-credit-score')).toHaveText('19');
  await expect(tab.getByTestId('card-sales-score')).toHaveText('88');
  await expect(tab.getByTestId('card-suggested')).toHaveText('D');
  // Receipts ¥50,000 ÷ (opening 0 + invoiced ¥1,200,000) = 4.17%.
  await expect(tab.getByTestId('card-collection-rate')).toHaveText('4.17%');
  await expect(tab).toContainText('第三批货包装破损');
  await shotBoth(page, app, 'card');

  await tab.getByTestId('card-regrade').click();
  const reason = page.getByLabel('调整原因（可选）');
  await expect(reason).toBeFocused();
  await reason.fill('年度评估：回款差');
  await reason.press('Enter');
  await expect(tab.getByTestId('card-grade')).toHaveText('D');

  // The customer list shows the new grade.
  await app.open('/customers');
  await expect(page.getByTestId('customer-table').getByRole('row', { name: /重庆华东商贸有限公司/ })).toContainText('D');
  await page.getByTestId('customer-list-layer').click();
  await page.getByRole('option', { name: '潜在' }).click();
  await expect(page.getByTestId('customer-count')).toHaveText('共 1 户');

  // And so does the scorecard list.
  await app.open('/evaluation');
  await page.getByTestId('evaluation-view').getByText('评分列表').click();
  await expect(page.getByTestId('grade-C0001')).toHaveText('D');
  await shotBoth(page, app, 'scorecard-list');
});

test('after-sales, visits due, salespeople and settings', async ({ page, app }) => {
  await seed(app);
  await app.open('/after-sales');
  await expect(page.getByTestId('cases-table')).toContainText('第三批货包装破损');
  await page.getByTestId('add-case').click();
  const form = page.getByTestId('case-form');
  const picker = form.getByLabel('客户');
  await expect(picker).toBeFocused();
  await picker.fill('C0002');
  await page.getByRole('option', { name: /C0002/ }).click();
  await form.getByLabel('问题描述').fill('送货晚了两天');
  await form.getByLabel('受理日期').fill('2026-11-20');
  await form.getByTestId('case-promised').fill('2026-11-19');
  await form.getByLabel('问题描述').press('Control+s');
  await expect(form).toContainText('承诺答复日期（2026-11-19）不能早于受理日期（2026-11-20）');
  expect((app.runtime.database().sqlite.prepare('SELECT count(*) AS n FROM after_sales_cases').get() as { n: number }).n).toBe(1);
  await form.getByTestId('case-promised').fill('2026-11-22');
  await form.getByLabel('问题描述').press('Control+s');
  await expect(page.getByTestId('case-drawer')).toBeVisible();
  await page.getByTestId('case-to-in_progress').click();
  await expect(page.getByTestId('case-drawer')).toContainText('处理中');
  await shotBoth(page, app, 'case');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cases-table')).toContainText('送货晚了两天');
  await shotBoth(page, app, 'cases');

  await app.open('/visits');
  // 佳美 (潜在, every 180 days) never visited but entered today: not due; 华东 (重点, 30 days) never visited: not due yet either.
  await expect(page.getByRole('heading', { name: '待回访' })).toBeVisible();
  await page.getByLabel('日期').fill('2027-01-10');
  await page.getByLabel('日期').press('Enter');
  await expect(page.getByTestId('visits-table')).toContainText('重庆华东商贸有限公司');
  await shotBoth(page, app, 'visits');

  await app.open('/salespeople');
  await expect(page.getByTestId('salespeople-table')).toContainText('王海');
  await expect(page.getByTestId('salespeople-chart')).toBeVisible();
  await shotBoth(page, app, 'salespeople');
  await page.getByTestId('salespeople-table').getByRole('row', { name: /李娜/ }).click();
  await expect(page).toHaveURL(/#\/evaluation\?salesperson=/);

  await app.open('/settings');
  await page.getByRole('tab', { name: '客户评估' }).click();
  const settings = page.getByTestId('evaluation-settings-form');
  await settings.getByTestId('eval-grades.B.sales').fill('80');
  await settings.getByTestId('eval-grades.B.sales').press('Control+s');
  await expect(settings).toContainText('B 级的销售能力门槛（80）必须低于 A 级（70）');
  await shotBoth(page, app, 'settings');
});
