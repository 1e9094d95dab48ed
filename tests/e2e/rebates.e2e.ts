/**
 * Issue 15's e2e: the clerk sets a 3-tier policy on an annual distribution
 * agreement (keyboard only), enters invoices until the progress bar crosses a
 * tier, settles at year end as a credit note from the settlement sheet, and
 * the customer's statement (generated on the customer card) prints the 返利
 * line with its period — checked in the PDF's text and rendered with pdftoppm
 * for a look. Screenshots at 1366×768 and 1920×1080.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { StatementFile, StatementPage } from '../../shared/api/statements';
import { localDateOf, type Clock } from '../../shared/dates/clock';
import type { AppRuntime } from '../../electron/api/runtime';
import type { Bridge } from '../../electron/bridge/server';
import { startApp } from './fixtures';

const SHOTS = path.resolve(__dirname, 'screenshots');

interface MovingApp {
  runtime: AppRuntime;
  bridge: Bridge;
  dir: string;
  setToday(date: string): Promise<void>;
  open(route: string): Promise<void>;
  shot(name: string): Promise<void>;
}

const test = base.extend<{ app: MovingApp }>({
  app: async ({ page }, use) => {
    let at = new Date('2026-12-20T02:00:00Z');
    const clock: Clock = { now: () => new Date(at.getTime()), today: () => localDateOf(at) };
    const { dir, runtime, bridge } = await startApp({ clock });
    await page.clock.setFixedTime(at);
    let step = 0;
    await use({
      runtime,
      bridge,
      dir,
      async setToday(date) {
        at = new Date(`${date}T02:00:00Z`);
        await page.clock.setFixedTime(at);
      },
      async open(route) {
        // A full load every time (a goto that only changes the hash would keep the page and its cached queries).
        await page.goto('about:blank');
        await page.goto(bridge.appUrl);
        await page.evaluate((r) => (window.location.hash = r), route);
      },
      async shot(name) {
        fs.mkdirSync(SHOTS, { recursive: true });
        step++;
        for (const [w, h] of [
          [1366, 768],
          [1920, 1080],
        ]) {
          await page.setViewportSize({ width: w, height: h });
          await page.waitForTimeout(250);
          await page.screenshot({ path: path.join(SHOTS, `rebates-${String(step).padStart(2, '0')}-${name}-${w}.png`) });
        }
        await page.setViewportSize({ width: 1366, height: 768 });
      },
    });
    await bridge.close();
    runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

async function pickFirstMatch(page: Page, picker: Locator, name: RegExp) {
  await expect(page.getByRole('option', { name })).toHaveAttribute('data-combobox-selected', 'true');
  await picker.press('Enter');
}

/** An 应收单 against the contract, entered like the clerk does on the entry screen. */
async function enterInvoice(page: Page, app: MovingApp, contractNo: string, date: string, amount: string, line?: RegExp, shot?: string) {
  await app.open('/ledger/entry');
  const form = page.getByTestId('invoice-form');
  const picker = form.getByTestId('entry-customer');
  // The first time the picker has the focus; later the entry screen keeps the last customer.
  await picker.click();
  await picker.fill('C0001');
  await pickFirstMatch(page, picker, /杭州恒通商贸有限公司/);
  await expect(picker).toHaveValue('C0001 杭州恒通商贸有限公司');
  const dateField = form.getByRole('textbox', { name: '日期', exact: true });
  await expect(dateField).toBeFocused();
  await dateField.fill(date);
  await dateField.press('Enter');
  await form.getByLabel('单号').press('Enter');
  await form.getByLabel('金额').fill(amount);
  await expect(form.getByTestId('entry-contract')).toBeEnabled();
  await form.getByTestId('entry-contract').click();
  await page.getByRole('option', { name: new RegExp(contractNo) }).click();
  if (line) {
    // The contract line (product line) the shipment is: what a per-line target counts.
    const linePicker = form.getByTestId('entry-contract-line');
    await linePicker.click();
    await page.getByRole('option', { name: line }).click();
  }
  if (shot) await app.shot(shot);
  await form.getByLabel('摘要').fill('年度协议发货');
  await form.getByLabel('摘要').press('Control+s');
  await expect(page.getByText(/应收单 YS\d{6}-\d{4} 已保存/)).toBeVisible();
}

test('the clerk sets a 3-tier policy, invoices past a tier, settles as a credit note, and the statement prints the 返利 line', async ({ page, app }) => {
  test.setTimeout(120_000);
  // Statements need the letterhead's company name (issue 16).
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸' });
  const customer = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '杭州恒通商贸有限公司', paymentTermDays: 30 });
  const draft = await app.runtime.invoke<{ id: string; contractNo: string }>('contracts.create', {
    customerId: customer.id,
    title: '2026 年度经销协议',
    kind: 'annual',
    signedOn: '2026-01-01',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    lines: [{ description: '空调全系列（年度任务）', unit: '批', qty: '1', unitPrice: '1000000' }],
  });
  const contract = await app.runtime.invoke<{ id: string; contractNo: string }>('contracts.activate', { id: draft.id });
  await enterInvoice(page, app, contract.contractNo, '2026-03-10', '500,000');

  // ---- The policy, keyboard only: the year is pre-filled from the contract's term.
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  const tab = page.getByTestId('contract-rebates');
  await expect(tab.getByText('本合同还没有任务目标')).toBeVisible();
  await tab.getByTestId('add-target').focus();
  await page.keyboard.press('Enter');
  const modal = page.getByTestId('target-modal');
  await expect(modal.getByTestId('target-from')).toHaveValue('2026-01-01');
  await expect(modal.getByTestId('target-to')).toHaveValue('2026-12-31');
  const amount = modal.getByTestId('target-amount');
  await expect(amount).toBeFocused();
  await page.keyboard.type('1,000,000');
  await expect(modal.getByText('= ¥1,000,000.00')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(modal.getByTestId('target-mode')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(modal.getByTestId('target-tiers')).toBeFocused();
  // Out of order first: the service's message sits under the field and nothing is saved.
  await page.keyboard.type('100%:2%;80%:1%');
  await page.keyboard.press('Control+s');
  await expect(modal.getByText(/档位顺序不正确/)).toBeVisible();
  await app.shot('policy-error');
  await modal.getByTestId('target-tiers').fill('');
  await page.keyboard.type('80%:1%;100%:2%;120%:3%');
  await expect(modal.getByText('≥80% → 1%　≥100% → 2%　≥120% → 3%')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(modal.getByTestId('target-cap')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(modal.getByTestId('target-ontime')).toBeFocused();
  await page.keyboard.press('Control+s');
  await expect(modal).toBeHidden();
  const card = tab.getByTestId('target-card');
  await expect(card.getByTestId('rebate-progress')).toHaveAttribute('data-tier', '');
  await expect(card.getByTestId('target-gap')).toContainText('再完成 ¥300,000.00 可达 1% 档');
  await app.shot('contract-tab-below-first-tier');

  // ---- Invoices until the bar crosses tiers: 85% (1%), then 105% (2%).
  await enterInvoice(page, app, contract.contractNo, '2026-06-15', '350,000');
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  await expect(card.getByTestId('rebate-progress')).toHaveAttribute('data-tier', '0');
  await expect(card.getByTestId('target-gap')).toContainText('再完成 ¥150,000.00 可达 2% 档');
  await enterInvoice(page, app, contract.contractNo, '2026-11-20', '200,000');
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  await expect(card.getByTestId('rebate-progress')).toHaveAttribute('data-tier', '1');
  await expect(card.getByTestId('rebate-progress')).toHaveAttribute('data-attainment', '1050000');
  await expect(card.getByTestId('target-gap')).toContainText('再完成 ¥150,000.00 可达 3% 档');
  await expect(card).toContainText('¥21,000.00');
  await app.shot('contract-tab-second-tier');

  // ---- Before the year ends the sheet refuses to settle.
  await card.getByTestId('open-sheet').click();
  const drawer = page.getByTestId('rebate-sheet-drawer');
  await expect(drawer.getByTestId('settle-credit')).toBeDisabled();
  await page.keyboard.press('Escape');

  // ---- Year end: the 返利 list, the dashboard figure, the sheet, settle as a credit note.
  await app.setToday('2027-01-05');
  await app.open('/');
  await expect(page.getByTestId('dashboard-rebates')).toContainText('¥21,000.00');
  await app.shot('dashboard');
  await app.open('/rebates');
  const list = page.getByTestId('rebate-list');
  await expect(list.getByTestId('rebate-owed')).toContainText('¥21,000.00');
  await expect(list.getByText('待结算').first()).toBeVisible();
  await app.shot('rebate-list-due');
  await list.getByText(contract.contractNo).click();
  await expect(drawer.getByTestId('rebate-sheet')).toContainText('¥1,050,000.00');
  await expect(drawer.getByTestId('rebate-sheet')).toContainText('105.0%');
  await page.waitForTimeout(350);
  await app.shot('settlement-sheet');
  await drawer.getByTestId('settle-credit').click();
  await expect(page.getByText(/已结算返利 ¥21,000.00（单号 /)).toBeVisible();
  await expect(drawer.getByText('已结算').first()).toBeVisible();
  await expect(drawer.getByTestId('settle-credit')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(list.getByText('已结算').first()).toBeVisible();
  await app.shot('rebate-list-settled');

  // ---- The customer's statement from the customer card prints the 返利 line with its period.
  await app.open(`/customers/${customer.id}?tab=statements`);
  const st = page.getByTestId('customer-statements');
  await st.getByTestId('statement-from').fill('2026-12-01');
  await st.getByTestId('statement-to').fill('2027-01-05');
  await st.getByTestId('statement-to').press('Tab');
  await st.getByTestId('statement-generate').click();
  await expect(page.getByTestId('statement-drawer').getByText(/对账单 DZ/)).toBeVisible();
  const register = await app.runtime.invoke<StatementPage>('statements.list', { customerId: customer.id });
  const pdf = await app.runtime.invoke<StatementFile>('statements.getPdf', { id: register.rows[0].id });
  const pdfPath = path.join(SHOTS, 'rebates-statement.pdf');
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(pdfPath, Buffer.from(pdf.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  // The 摘要 column wraps long memos: compare without the layout's whitespace.
  const flat = text.replace(/\s+/g, '');
  expect(flat).toMatch(/2027-01-05TH\d{6}-\d{4}返利21,000.00/);
  expect(flat).toContain(`2026-01-01~2026-12-31（合同${contract.contractNo}）`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, path.join(SHOTS, 'rebates-statement')]);
});

test('a per-product-line target: the editor picks the line, only that line’s invoices count, the list shows the line, settled at year end', async ({ page, app }) => {
  test.setTimeout(120_000);
  await app.runtime.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司', shortName: '明远商贸' });
  const customer = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0001', name: '杭州恒通商贸有限公司', paymentTermDays: 30 });
  const draft = await app.runtime.invoke<{ id: string }>('contracts.create', {
    customerId: customer.id,
    title: '2026 年度经销协议（分产品线）',
    kind: 'annual',
    signedOn: '2026-01-01',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    lines: [
      { description: '空调（家用系列）', unit: '台', qty: '200', unitPrice: '3000' },
      { description: '新风系统（商用系列）', unit: '套', qty: '50', unitPrice: '8000' },
    ],
  });
  const contract = await app.runtime.invoke<{ id: string; contractNo: string }>('contracts.activate', { id: draft.id });

  // ---- The target of line 2, keyboard only: the line select sits just before the target amount.
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  const tab = page.getByTestId('contract-rebates');
  await tab.getByTestId('add-target').focus();
  await page.keyboard.press('Enter');
  const modal = page.getByTestId('target-modal');
  await expect(modal.getByTestId('target-amount')).toBeFocused();
  // The modal's focus trap may still move the focus to the amount after it opens: focus the select directly.
  const lineSelect = modal.getByTestId('target-line');
  await lineSelect.focus();
  await expect(lineSelect).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(lineSelect.locator('option:checked')).toHaveText('第 2 行 新风系统（商用系列）');
  await page.keyboard.press('Tab');
  await expect(modal.getByTestId('target-amount')).toBeFocused();
  await page.keyboard.type('200,000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(modal.getByTestId('target-tiers')).toBeFocused();
  await page.keyboard.type('80%:1%;100%:2%');
  await app.shot('line-target-form');
  await page.keyboard.press('Control+s');
  await expect(modal).toBeHidden();
  const card = tab.getByTestId('target-card');
  await expect(card.getByTestId('target-line')).toHaveText('第 2 行 新风系统（商用系列）');

  // ---- Shipments of both lines: only line 2's count (150,000 of 200,000 → below 80%; then 210,000 → 2%).
  await enterInvoice(page, app, contract.contractNo, '2026-04-10', '150,000', /第 2 行/, 'invoice-line-entry');
  await enterInvoice(page, app, contract.contractNo, '2026-05-10', '300,000', /第 1 行/);
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  await expect(card.getByTestId('target-gap')).toContainText('再完成 ¥10,000.00 可达 1% 档');
  await enterInvoice(page, app, contract.contractNo, '2026-10-10', '60,000', /第 2 行/);
  await app.open(`/contracts/${contract.id}?tab=rebates`);
  await expect(card.getByTestId('rebate-progress')).toHaveAttribute('data-attainment', '1050000');
  await app.shot('line-target-card');

  // ---- Year end: the list shows the line under the contract number; settle from the sheet.
  await app.setToday('2027-01-05');
  await app.open('/rebates');
  const list = page.getByTestId('rebate-list');
  await expect(list.getByTestId('rebate-line')).toHaveText('第 2 行 新风系统（商用系列）');
  await expect(list.getByTestId('rebate-owed')).toContainText('¥4,200.00');
  await app.shot('line-target-list');
  await list.getByText(contract.contractNo).click();
  const drawer = page.getByTestId('rebate-sheet-drawer');
  await expect(drawer.getByTestId('rebate-sheet')).toContainText('¥210,000.00');
  await drawer.getByTestId('settle-credit').click();
  await expect(page.getByText(/已结算返利 ¥4,200.00（单号 /)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list.getByText('已结算').first()).toBeVisible();
});
