/**
 * The screens issue 16 changed, on the small demo, at 1366×768 and
 * 1920×1080: the customer list with 余额/逾期 and its totals row (sorted by
 * 逾期, opened from the search box with ↓ and Enter), the card's money strip,
 * the new-customer form, and a clean console (no CSP error, no 404).
 */
import { expect, test } from './fixtures';
import { sizes } from './bothSizes';

test('customer list balances, card money strip and the new-customer form at both sizes, with a clean console', async ({ page, app }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${m.text()} @ ${m.location().url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await app.runtime.invoke('system.loadDemo', { size: 'small' });
  await app.open('/customers');
  const table = page.getByTestId('customer-table');
  await expect(table.getByText('合计')).toBeVisible();
  await sizes(page, app.shot, 'customer-list-overdue');
  // No horizontal scroll at 1366.
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

  // ↓ from the search box into the rows, Enter opens the second row (an overdue customer of the demo).
  const second = (await table.getByRole('row').nth(2).innerText()).split('\n')[1];
  await page.getByTestId('filter-search').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-title')).toHaveText(second);
  await expect(page.getByTestId('money-balance')).toContainText('¥');
  await sizes(page, app.shot, 'customer-card-money');

  await app.open('/customers/new');
  await expect(page.getByTestId('customer-form')).toBeVisible();
  await sizes(page, app.shot, 'customer-new');
  expect(problems).toEqual([]);
});
