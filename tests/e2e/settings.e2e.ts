import { expect, test } from './fixtures';
import { chooseFiles } from './fileChooser';

test('clerk edits the company profile, it survives a reload, and the language switches', async ({ page, app }) => {
  await app.open('/settings');
  const form = page.getByTestId('company-form');
  await expect(form).toBeVisible();
  await app.shot('settings-empty');

  // A wrong check character is refused next to the field, nothing saved.
  await form.getByLabel('公司名称').fill('杭州恒通商贸有限公司');
  await form.getByLabel('公司简称').fill('恒通商贸');
  await form.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('统一社会信用代码校验位不正确', { exact: false })).toBeVisible();
  await app.shot('taxid-refused');
  expect((await app.runtime.invoke<{ companyName: string }>('settings.getCompany', {})).companyName).toBe('');

  await form.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await form.getByLabel('开户行').fill('中国工商银行杭州分行');
  await form.getByLabel('银行账号').fill('1202021209900012345');
  await form.getByLabel('银行账号').press('Control+s');
  await expect(page.getByText('已保存').first()).toBeVisible();
  await expect(page.getByTestId('header-company')).toHaveText('恒通商贸');
  await app.shot('saved');

  await page.reload();
  await expect(page.getByTestId('company-form').getByLabel('公司名称')).toHaveValue('杭州恒通商贸有限公司');
  await expect(page.getByTestId('company-form').getByLabel('统一社会信用代码')).toHaveValue('91350100M000100Y43');

  // English and back.
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('company-form').getByLabel('Company name')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await app.shot('english');
  await page.getByTestId('language-switch').getByText('中文').click();
  await expect(page.getByTestId('company-form').getByLabel('公司名称')).toBeVisible();

  // The save is in the audit log with who/before/after.
  const history = await app.runtime.invoke<{ user: string; changes: { field: string; after: unknown }[] }[]>('system.history', {
    entity: 'company_profile',
    entityId: 'company',
  });
  expect(history).toHaveLength(1);
  expect(history[0].user).toBe('e2e');
  expect(history[0].changes).toContainEqual({ field: 'companyName', before: '', after: '杭州恒通商贸有限公司' });
});

test('a logo that is not an image is refused with a message', async ({ page, app }) => {
  await app.open('/settings');
  await chooseFiles(page, page.getByTestId('logo-choose'), { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
  await expect(page.getByTestId('logo-message')).toHaveText('标志必须是 PNG 或 JPG 图片');
  await app.shot('logo-refused');
});
