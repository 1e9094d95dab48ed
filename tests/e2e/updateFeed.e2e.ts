/**
 * 设置 ▸ 软件更新 (issue 13, point 7): an http:// update address is refused
 * next to the field with the Chinese message, nothing saved; an https://
 * address is saved. Driven with the keyboard; screenshots at both sizes.
 */
import { expect, test } from './fixtures';

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the update address accepts https only (${size.width}×${size.height})`, async ({ page, app }) => {
    await page.setViewportSize(size);
    await app.open('/settings');
    await page.getByRole('tab', { name: '软件更新' }).click();
    const field = page.getByLabel('更新地址');
    await expect(field).toHaveAttribute('placeholder', 'https://192.168.1.10/dealerdesk/');
    await expect(page.getByText('http 不安全，不被接受', { exact: false })).toBeVisible();

    await field.focus();
    await page.keyboard.type('http://attacker.example/');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('更新地址必须是 https:// 开头的网址', { exact: false })).toBeVisible();
    await app.shot(`http-refused-${size.width}`);
    expect(await app.runtime.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: '' });

    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://nas.office.lan/dealerdesk/');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('已保存').first()).toBeVisible();
    await app.shot(`https-saved-${size.width}`);
    expect(await app.runtime.invoke('settings.getUpdateFeed', {})).toEqual({ feedUrl: 'https://nas.office.lan/dealerdesk/' });
  });
}
