import { atBothSizes } from './bothSizes';
import { expect, test } from './fixtures';

test('first run: "try with demo data" opens a separate demo database, said everywhere, one click back', async ({ page, app }) => {
  await app.runtime.invoke('settings.updateCompany', { companyName: '福州榕城商贸有限公司', shortName: '榕城商贸' });
  await app.open('/customers');
  await expect(page.getByTestId('load-demo')).toBeVisible();
  await app.shot('empty');
  await page.getByTestId('load-demo').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('header-demo')).toHaveText('演示数据');
  await expect(page).toHaveTitle(/^【演示数据】/);
  await expect(page.getByTestId('header-company')).not.toHaveText('榕城商贸');
  await app.open('/customers');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByTestId('load-demo')).toHaveCount(0);
  await atBothSizes(page, (w) => app.shot(`demo-${w}`), 400);
  // Back to the office's own file in one click: its (empty) books and its real company.
  await page.getByTestId('demo-close').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('header-company')).toHaveText('榕城商贸');
  await expect(page).not.toHaveTitle(/演示数据/);
  expect((await app.runtime.invoke<{ total: number }>('customers.list', {})).total).toBe(0);
  await app.shot('back-to-office');
});
