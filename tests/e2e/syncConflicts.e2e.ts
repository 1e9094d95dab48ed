/**
 * A sync conflict resolved in the alert center (issue 12 point 4): two PCs
 * create the same customer offline; after syncing, the alert center shows the
 * conflict with 解决; the keyboard walks the merge dialog (keep which, see
 * what moves, confirm) and the conflict is gone on both PCs after the next
 * round.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SyncConflictItem } from '../../shared/api/sync';
import { expect, startApp, test } from './fixtures';

test('duplicate customers from two PCs are merged from the alert center', async ({ page, app }) => {
  const share = path.join(app.dir, 'share');
  fs.mkdirSync(share);
  const other = await startApp();
  try {
    await app.runtime.invoke('sync.setup', { folder: share, name: '老板电脑' });
    await other.runtime.invoke('sync.setup', { folder: share, name: '会计电脑' });
    // Offline on both PCs: the same customer, each with an invoice.
    const mine = await app.runtime.invoke<{ id: string }>('customers.create', { code: 'C0300', name: '温州联丰五金有限公司' });
    const theirs = await other.runtime.invoke<{ id: string }>('customers.create', { code: 'C0300', name: '温州联丰五金有限公司' });
    await app.runtime.invoke('ledger.postInvoice', { customerId: mine.id, date: '2026-11-20', dueOn: '2026-12-20', amountFen: 80_000 });
    await other.runtime.invoke('ledger.postInvoice', { customerId: theirs.id, date: '2026-11-21', dueOn: '2026-12-21', amountFen: 45_000 });
    for (let i = 0; i < 2; i++) for (const rt of [app.runtime, other.runtime]) await rt.invoke('sync.now', {});

    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open('/alerts');
    const group = page.getByTestId('alert-group-sync_conflict');
    await expect(group).toBeVisible();
    await expect(group.getByTestId('alert-group-count')).toHaveText('2');
    await app.shot('conflicts');

    // 解决 on the duplicate code, then 合并客户…
    const row = group.getByRole('row').filter({ hasText: 'C0300 在不同电脑上' });
    await row.getByTestId('alert-resolve').click();
    const dialog = page.getByTestId('sync-conflict-dialog');
    await expect(dialog).toContainText('C0300 温州联丰五金有限公司');
    await app.shot('resolve-dialog');
    await dialog.getByTestId('conflict-merge').click();

    // Keyboard: the first customer (the older record) is focused and kept; Enter = next step.
    const merge = page.getByTestId('merge-dialog');
    await expect(merge.getByTestId('merge-keep-0')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(merge.getByTestId('merge-moves')).toContainText('单据');
    await expect(merge.getByTestId('merge-moves')).toContainText('1');
    await expect(merge.getByTestId('merge-confirm')).toBeFocused();
    await app.shot('merge-confirm');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.shot('merge-confirm-1920');
    await page.keyboard.press('Enter');
    await expect(merge).toBeHidden();
    await expect(page.getByTestId('alert-group-sync_conflict')).toHaveCount(0);
    await app.shot('merged-1920');

    // The other PC follows after a round each.
    for (const rt of [app.runtime, other.runtime]) await rt.invoke('sync.now', {});
    expect(await other.runtime.invoke<SyncConflictItem[]>('sync.conflicts', {})).toEqual([]);

    // The merge is listed under 设置 → 同步 with its undo.
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open('/settings');
    await page.getByRole('tab', { name: '同步' }).click();
    await expect(page.getByTestId('sync-merges')).toContainText('温州联丰五金有限公司');
    await app.shot('merges');
  } finally {
    await other.bridge.close();
    other.runtime.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
});
