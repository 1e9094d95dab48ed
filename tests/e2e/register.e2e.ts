/**
 * The month's post (issue 16): twenty statements selected in the register
 * and marked 已发出 in one go, with the keyboard in the date dialog; the
 * selection printed as one merged PDF; the register exported; it fits 1366 wide.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { sizes } from './bothSizes';

const NOW = '2026-12-05T10:00:00+08:00';
test.use({ clockAt: NOW });

test('twenty statements selected and marked 已发出 together', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸' });
  const cities = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州'];
  for (let i = 1; i <= 20; i++) {
    const c = await app.runtime.invoke<{ id: string }>('customers.create', {
      code: `C${String(i).padStart(4, '0')}`,
      name: `${cities[i % 10]}${['顺达', '恒通', '新光', '永盛'][i % 4]}五金${i}号店`,
      paymentTermDays: 30,
    });
    await app.runtime.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 123_456 * i });
  }
  await app.runtime.invoke('statements.batch', { from: '2026-11-01', to: '2026-11-30' });

  await app.open('/statements');
  const register = page.getByTestId('statement-register');
  await expect(page.getByText('共 20 份')).toBeVisible();
  // Everything fits at 1366: no horizontal scroll in the register.
  await page.setViewportSize({ width: 1366, height: 768 });
  const overflow = await register.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByTestId('register-select-all').check();
  await expect(page.getByTestId('register-selection')).toContainText('已选 20 份');
  await sizes(page, app.shot, 'register-selected');
  // 合并打印: the twenty in one PDF, one page each here (the browser harness downloads it to print).
  const merged = page.waitForEvent('download');
  await page.getByTestId('register-print-merged').focus();
  await page.keyboard.press('Enter');
  const pdf = await merged;
  expect(pdf.suggestedFilename()).toBe('对账单合并打印_20张_2026-12-05.pdf');
  expect(execFileSync('pdfinfo', [(await pdf.path())!], { encoding: 'utf8' })).toMatch(/Pages:\s+20\n/);
  await page.getByTestId('register-mark-sent').click();
  const date = page.getByTestId('register-sent-on');
  await expect(date).toBeFocused();
  // Before the statements were generated: refused with the reason, nothing marked.
  await date.fill('2026-12-04');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/发出日期 2026-12-04 不能早于 2026-12-05/)).toBeVisible();
  const untouched = await app.runtime.invoke<{ rows: { status: string }[] }>('statements.list', { limit: 100 });
  expect(untouched.rows.every((r) => r.status === 'generated')).toBe(true);
  await date.fill('2026-12-05');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('已将 20 份对账单标记为已发出')).toBeVisible();
  await expect(page.getByTestId('register-selection')).toHaveCount(0);
  const list = await app.runtime.invoke<{ rows: { status: string; sentOn: string | null }[] }>('statements.list', { limit: 100 });
  expect(list.rows).toHaveLength(20);
  expect(list.rows.every((r) => r.status === 'sent' && r.sentOn === '2026-12-05')).toBe(true);
  await expect(register.getByText('已发出').first()).toBeVisible();
  await sizes(page, app.shot, 'register-sent');
  // The register rows as .xlsx.
  const xlsx = page.waitForEvent('download');
  await page.getByTestId('register-export').focus();
  await page.keyboard.press('Enter');
  expect((await xlsx).suggestedFilename()).toBe('对账单登记_2026-12-05.xlsx');
});
