import { expect, test } from './fixtures';

test('first run: the empty customer list offers demo data, which loads once', async ({ page, app }) => {
  await app.open('/customers');
  await expect(page.getByTestId('load-demo')).toBeVisible();
  await app.shot('empty');
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('已加载演示数据', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('load-demo')).toHaveCount(0);
  await app.shot('loaded');
  // A second load is refused: demo data never mixes with real books.
  const again = await app.runtime.call('system.loadDemo', { size: 'small' });
  expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
});
