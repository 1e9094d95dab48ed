/**
 * A new office's first hour (issue 16): an empty database opens the setup
 * wizard; statements are refused until the company has a name; leaving
 * half-way resumes at the same step; customers imported with blank codes are
 * numbered past the existing ones (the preview shows the parsed rows); at the
 * end the first statement is generated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { chooseFiles } from './fileChooser';
import { atBothSizes, sizes } from './bothSizes';

const NOW = '2026-12-05T10:00:00+08:00';
test.use({ clockAt: NOW });

test('first-run wizard on an empty database, resumed half-way, to a first statement', async ({ page, app }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await app.open('/');
  const wizard = page.getByTestId('office-setup');
  await expect(wizard).toBeVisible();
  await expect(page.getByTestId('setup-next')).toBeDisabled();
  await sizes(page, app.shot, 'setup-company');

  // A customer typed in by hand already has C0001; statements are refused without a company name.
  const early = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '福州闽江批发部' });
  await app.runtime.invoke('ledger.postInvoice', { customerId: early.id, date: '2026-11-03', amountFen: 880_000 });
  const refused = await app.runtime.call('statements.generate', { customerId: early.id, from: '2026-11-01', to: '2026-11-30' });
  expect(refused).toMatchObject({ ok: false, error: { field: 'companyName' } });
  expect((refused as { error: { message: string } }).error.message).toContain('请先在“设置 → 公司资料”中填写公司名称');

  // Company name with the keyboard, Ctrl+S saves; then on to 账期.
  const name = page.getByLabel('公司名称');
  // The letterhead preview is there before anything is typed, and follows the typing (before saving).
  const preview = page.getByTestId('letterhead-preview');
  await expect(preview).toBeVisible();
  const blank = (await preview.getAttribute('src'))!;
  await name.fill('福州榕城商贸有限公司');
  await page.getByLabel('地址').fill('福建省福州市鼓楼区五四路 88 号');
  await expect(preview).not.toHaveAttribute('src', blank);
  // The PDF viewer draws the page again after each resize: give it time before each shot.
  await atBothSizes(
    page,
    async (w) => {
      await app.shot(`setup-letterhead-${w}`);
      // The preview itself, without the full-page capture's resize (the PDF viewer redraws on it).
      await preview.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1_000);
      await preview.screenshot({ path: `tests/e2e/screenshots/setup-letterhead-preview-${w}.png` });
    },
    1_500,
  );

  await name.press('Control+s');
  await expect(page.getByTestId('setup-next')).toBeEnabled();
  await page.getByTestId('setup-next').click();
  const term = page.getByTestId('setup-default-term');
  await term.fill('45');
  await term.press('Enter');
  await expect(page.getByText('已保存').first()).toBeVisible();
  await sizes(page, app.shot, 'setup-terms');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-import-customers')).toBeVisible();

  // Leaving half-way: a reload (the app closed and opened again) resumes at the customers step.
  await page.reload();
  await expect(page.getByTestId('setup-import-customers')).toBeVisible();
  const receivables = await app.runtime.invoke<{ defaultPaymentTermDays: number }>('settings.receivables', {});
  expect(receivables.defaultPaymentTermDays).toBe(45);

  // Import with blank codes: numbered past C0001, the preview shows what will be stored.
  const file = path.join(app.dir, '客户.csv');
  fs.writeFileSync(file, '\uFEFF客户编码,客户名称,类型,信用额度\n,泉州刺桐商行,零售,"50,000"\n,漳州芗城超市,二批,\n');
  await page.getByTestId('setup-import-customers').click();
  await chooseFiles(page, page.getByTestId('import-pick'), file);
  const sample = page.getByTestId('import-sample');
  await expect(sample).toContainText('C0002');
  await expect(sample).toContainText('C0003');
  await expect(sample).toContainText('¥50,000.00');
  await sizes(page, app.shot, 'setup-import-preview');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('setup-imported-customers')).toContainText('已导入 2 条客户');
  await page.getByTestId('setup-next').click();
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-done')).toBeVisible();
  await sizes(page, app.shot, 'setup-done');

  // Done: the wizard no longer takes over the home page, and the first statement is generated.
  const state = await app.runtime.invoke<{ done: boolean; needed: boolean }>('settings.officeSetup', {});
  expect(state).toMatchObject({ done: true, needed: false });
  await page.getByText('去对账单').click();
  await expect(page.getByTestId('statements-page')).toBeVisible();
  const g = await app.runtime.invoke<{ statement: { statementNo: string } }>('statements.generate', { customerId: early.id, from: '2026-11-01', to: '2026-11-30' });
  expect(g.statement.statementNo).toMatch(/0001$/);
  await app.open('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
});
