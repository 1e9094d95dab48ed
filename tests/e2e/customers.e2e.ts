/**
 * The customer file through the UI, as a clerk uses it: create a customer
 * (refused for a bad tax id, then saved), find it by pinyin initials, log a
 * phone call with a follow-up, see it in the timeline and the calendar, and
 * import customers from a CSV (a bad file is refused row by row with nothing
 * written, a good one is imported).
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../../shared/dates/calendar';
import { localDateOf } from '../../shared/dates/clock';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { expect, test, type Page } from './fixtures';
import { chooseFiles } from './fileChooser';

interface ListPage {
  rows: { code: string; name: string }[];
  total: number;
}

const BOM = '\uFEFF';

/** Modals fade in; a screenshot taken mid-fade shows a ghost. */
async function settled(page: Page) {
  await page.waitForTimeout(300);
}


test('a clerk creates a customer, finds it by pinyin initials, logs a call and sees it on the calendar', async ({ page, app }) => {
  // Another customer already on file, so the search has something to leave out.
  await app.runtime.invoke('customers.create', { code: 'C0100', name: '上海瑞丰贸易有限公司', region: '上海' });

  await app.open('/customers');
  await expect(page.getByTestId('customer-count')).toHaveText('共 1 户');
  await page.getByTestId('customer-new').click();

  const form = page.getByTestId('customer-form');
  await expect(form.getByLabel('客户编码')).toBeFocused();
  await expect(form.getByLabel('客户编码')).toHaveValue('C0101');
  await app.shot('new-customer-form');

  // A wrong check character: refused under the field, nothing written, everything typed kept.
  await form.getByLabel('客户编码').fill('C0001');
  await form.getByLabel('客户编码').press('Enter');
  await expect(form.getByLabel('客户名称')).toBeFocused();
  await form.getByLabel('客户名称').fill('北京华东商贸有限公司');
  await form.getByLabel('简称').fill('华东商贸');
  await form.getByLabel('地区').fill('北京');
  await form.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await form.getByLabel('信用额度').fill('５０，０００');
  await expect(form.getByText('= ¥50,000.00')).toBeVisible();
  await form.getByLabel('联系人姓名').fill('张伟');
  await form.getByLabel('手机').fill('138 0013 8000');
  await form.getByTestId('customer-save').click();
  await expect(form.getByText('统一社会信用代码校验位不正确', { exact: false })).toBeVisible();
  await expect(form.getByLabel('客户名称')).toHaveValue('北京华东商贸有限公司');
  await expect(form.getByLabel('信用额度')).toHaveValue('５０，０００');
  expect((await app.runtime.invoke<ListPage>('customers.list', {})).total).toBe(1);
  await app.shot('tax-id-refused');

  // Fixed, saved with Ctrl+S: the card opens.
  await form.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await form.getByLabel('统一社会信用代码').press('Control+s');
  await expect(page.getByTestId('customer-title')).toHaveText('北京华东商贸有限公司');
  await expect(page.getByTestId('customer-profile')).toContainText('¥50,000.00');
  await expect(page.getByTestId('customer-profile')).toContainText('张伟 13800138000');
  await app.shot('card-profile');

  // Back in the list, pinyin initials find it and leave the other one out.
  await page.getByText('客户列表', { exact: true }).click();
  await page.getByTestId('filter-search').fill('bjhd');
  await expect(page.getByTestId('customer-count')).toHaveText('共 1 户');
  const table = page.getByTestId('customer-table');
  await expect(table.getByText('北京华东商贸有限公司')).toBeVisible();
  await expect(table.getByText('上海瑞丰贸易有限公司')).toHaveCount(0);
  await app.shot('found-by-pinyin');

  // The card's interactions tab: a phone call with the next follow-up.
  await table.getByText('北京华东商贸有限公司').click();
  await page.getByRole('tab', { name: '往来记录' }).click();
  const today = localDateOf(new Date());
  const followUp = addDays(today, 3);
  const entry = page.getByTestId('interaction-form');
  await entry.getByLabel('内容').fill('电话催收10月货款，对方答应月底前先付5万');
  await entry.getByLabel('下次跟进').fill(followUp);
  await entry.getByLabel('下次跟进').press('Enter');
  await expect(page.getByText('往来记录已保存')).toBeVisible();
  const timeline = page.getByTestId('interaction-timeline');
  await expect(timeline.getByText('电话催收10月货款，对方答应月底前先付5万')).toBeVisible();
  await expect(timeline.getByText(`下次跟进 ${followUp}`)).toBeVisible();
  await expect(timeline.getByText(today)).toBeVisible();
  await app.shot('call-logged');

  // An edit, to see who changed what in the history tab.
  await page.getByRole('button', { name: '编辑资料' }).click();
  await page.getByTestId('customer-form').getByLabel('业务员').fill('陈立');
  await page.getByTestId('customer-form').getByLabel('业务员').press('Control+s');
  await expect(page.getByTestId('customer-profile')).toContainText('陈立');
  await page.getByRole('tab', { name: '历史' }).click();
  const history = page.getByTestId('history-timeline');
  await expect(history.getByText('修改')).toBeVisible();
  await expect(history.getByText('陈立')).toBeVisible();
  await app.shot('history');

  // The calendar shows a T on today's cell; clicking it lists the call.
  await page.locator('nav').getByText('往来日历').click();
  const day = Number(today.slice(8, 10));
  const cell = page.getByTestId(`cell-C0001-${day}`);
  await expect(cell).toHaveText('T');
  await app.shot('calendar');
  await cell.click();
  const popover = page.getByTestId('calendar-popover');
  await expect(popover.getByText('电话催收10月货款，对方答应月底前先付5万')).toBeVisible();
  await settled(page);
  await app.shot('calendar-popover');
});

test('importing customers from a CSV: bad rows are listed by row and column and nothing is written; a good file is imported', async ({
  page,
  app,
}) => {
  const bad = path.join(app.dir, '客户-有错.csv');
  const good = path.join(app.dir, '客户.csv');
  const header = '客户编码,客户名称,类型,等级,地区,联系人,手机,信用额度,账期天数\n';
  fs.writeFileSync(
    bad,
    BOM +
      header +
      'K001,杭州恒通商贸有限公司,二批/分销,A,浙江,王芳,1380013800,"50,000.00",30\n' +
      'K002,宁波嘉禾食品有限公司,零售,B,浙江,李强,13900139000,5万,45\n' +
      'K003,温州永信百货商行,终端,C,浙江,陈静,13700137000,￥20000,\n',
  );
  fs.writeFileSync(
    good,
    BOM +
      header +
      'K001,杭州恒通商贸有限公司,二批/分销,A,浙江,王芳,13800138001,"50,000.00",30\n' +
      'K002,宁波嘉禾食品有限公司,零售,B,浙江,李强,13900139000,50000,45\n' +
      'K003,温州永信百货商行,终端,C,浙江,陈静,13700137000,￥20000,\n',
  );

  await app.open('/customers');
  await expect(page.getByText('还没有客户')).toBeVisible();
  await app.shot('empty-list');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByText('选择文件…')).toBeVisible();
  await settled(page);
  await app.shot('import-pick');

  await chooseFiles(page, page.getByTestId('import-pick'), bad);
  const report = page.getByTestId('import-report');
  await expect(report.getByText('共 3 行，发现 2 个错误', { exact: false })).toBeVisible();
  await expect(report.getByText('没有写入任何数据。')).toBeVisible();
  const errors = page.getByTestId('import-errors');
  const mobileRow = errors.getByRole('row').filter({ hasText: '手机' });
  await expect(mobileRow).toContainText('2');
  await expect(mobileRow).toContainText('当前为 10 位');
  const limitRow = errors.getByRole('row').filter({ hasText: '信用额度' });
  await expect(limitRow).toContainText('3');
  await expect(limitRow).toContainText('5万');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  expect((await app.runtime.invoke<ListPage>('customers.list', {})).total).toBe(0);
  await app.shot('import-refused');

  await page.getByRole('button', { name: '重新选择文件' }).click();
  await chooseFiles(page, page.getByTestId('import-pick'), good);
  await expect(report.getByText('共 3 行，全部通过检查，可以导入。')).toBeVisible();
  await app.shot('import-preview-ok');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('已导入 3 行。');
  await app.shot('import-done');
  await wizard.getByRole('button', { name: '关闭' }).click();

  await expect(page.getByTestId('customer-count')).toHaveText('共 3 户');
  const table = page.getByTestId('customer-table');
  for (const name of ['杭州恒通商贸有限公司', '宁波嘉禾食品有限公司', '温州永信百货商行']) {
    await expect(table.getByText(name)).toBeVisible();
  }
  await expect(table.getByText('¥50,000.00').first()).toBeVisible();
  await app.shot('list-after-import');

  await page.getByRole('tab', { name: '导入记录' }).click();
  const batches = page.getByTestId('import-batches');
  await expect(batches.getByText('客户.csv')).toBeVisible();
  await app.shot('import-batches');
});

test('the customer list with 50 demo customers, sorted, and in English', async ({ page, app }) => {
  await generateDemo(app.runtime, { size: 'small', seed: 20261124 });
  await app.open('/customers');
  await expect(page.getByTestId('customer-count')).toHaveText('共 50 户');
  await app.shot('demo-list');

  const table = page.getByTestId('customer-table');
  await table.getByRole('columnheader', { name: '信用额度' }).getByRole('button').click();
  await table.getByRole('columnheader', { name: '信用额度' }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: '信用额度' })).toHaveAttribute('aria-sort', 'descending');
  await app.shot('demo-list-by-credit-limit');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('customer-count')).toHaveText('50 customers');
  await expect(page.getByRole('button', { name: 'New customer' })).toBeVisible();
  await app.shot('demo-list-english');
  await page.getByTestId('language-switch').getByText('中文').click();

  // A demo customer's card and the month's calendar, to look at real-looking data.
  await table.getByRole('row').nth(1).click();
  await page.getByRole('tab', { name: '往来记录' }).click();
  await app.shot('demo-card-interactions');
  await page.getByRole('tab', { name: '联系人' }).click();
  await app.shot('demo-card-contacts');

  await page.evaluate(() => (window.location.hash = '/calendar'));
  await expect(page.getByTestId('calendar-grid')).toBeVisible();
  await app.shot('demo-calendar');

  await page.evaluate(() => (window.location.hash = '/products'));
  await expect(page.getByTestId('product-table')).toBeVisible();
  await app.shot('demo-products');
});

test('contacts, archive with a reason, the header search and products', async ({ page, app }) => {
  await app.runtime.invoke('customers.create', {
    code: 'C0001',
    name: '重庆恒通贸易有限公司',
    contact: { name: '刘洋', mobile: '13800138000' },
  });
  await app.open('/customers');

  // The header search finds the customer by either reading of 重 (cq / zq) and opens its card.
  const search = page.getByTestId('global-customer-search');
  await search.fill('zqht');
  await expect(page.getByRole('option', { name: /重庆恒通贸易有限公司/ })).toBeVisible();
  await app.shot('header-search');
  await search.press('Enter');
  await expect(page.getByTestId('customer-title')).toHaveText('重庆恒通贸易有限公司');

  // A second contact: a 10-digit mobile is refused under the field; fixed, saved, made primary.
  await page.getByRole('tab', { name: /联系人/ }).click();
  await page.getByTestId('contact-add').click();
  const modal = page.getByTestId('contact-modal');
  await modal.getByLabel('姓名').fill('陈静');
  await modal.getByLabel('职务').fill('财务');
  await modal.getByLabel('手机').fill('1390013900');
  await modal.getByRole('button', { name: '保存' }).click();
  await expect(modal.getByText('当前为 10 位', { exact: false })).toBeVisible();
  await settled(page);
  await app.shot('contact-mobile-refused');
  await modal.getByLabel('手机').fill('13900139000');
  await modal.getByLabel('手机').press('Control+s');
  const contacts = page.getByTestId('contacts-table');
  await expect(contacts.getByText('陈静')).toBeVisible();
  await contacts.getByRole('row').filter({ hasText: '陈静' }).getByRole('button', { name: '设为首要' }).click();
  await expect(contacts.getByRole('row').filter({ hasText: '陈静' })).toContainText('首要');
  await app.shot('contacts');

  // Archive asks for a reason and says what happens; the list hides the customer.
  await page.getByRole('button', { name: '归档' }).click();
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog.getByText('资料、联系人和往来记录全部保留', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: '归档客户' }).click();
  await expect(dialog.getByText('请填写原因')).toBeVisible();
  await dialog.getByLabel('原因').fill('客户已停止经营');
  await settled(page);
  await app.shot('archive-reason');
  await dialog.getByRole('button', { name: '归档客户' }).click();
  await expect(page.getByText('该客户已于', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: '历史' }).click();
  await expect(page.getByTestId('history-timeline').getByText('客户已停止经营')).toBeVisible();
  await app.shot('archived-history');
  await page.locator('nav').getByText('客户').click();
  await expect(page.getByTestId('customer-count')).toHaveText('共 0 户');

  // Products: a price typed with a thousands separator shows parsed and lands in the list.
  await page.locator('nav').getByText('产品').click();
  await expect(page.getByText('还没有产品')).toBeVisible();
  await page.getByTestId('product-new').click();
  const product = page.getByTestId('product-modal');
  await product.getByLabel('产品编码').fill('P001');
  await product.getByLabel('产品名称').fill('饮用天然水');
  await product.getByLabel('规格').fill('550ml×24瓶');
  await product.getByLabel('单位').fill('箱');
  await product.getByLabel('默认单价').fill('1,280.5');
  await expect(product.getByText('= ¥1,280.50')).toBeVisible();
  await settled(page);
  await app.shot('product-form');
  await product.getByLabel('默认单价').press('Enter');
  const products = page.getByTestId('product-table');
  await expect(products.getByText('饮用天然水')).toBeVisible();
  await expect(products.getByText('¥1,280.50')).toBeVisible();
  await settled(page);
  await app.shot('products');
});
