import type { FileChooser, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Picks files through the hidden <input type=file> behind a button, the way a
 * clerk does (click, then the chooser). On a loaded CI machine a click can land
 * before React has wired the button to its input, and then no chooser ever
 * opens; so the click and the wait for the chooser are retried together.
 */
export async function chooseFiles(page: Page, button: Locator, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  await expect(button).toBeEnabled();
  await expect(async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), button.click()]);
    await chooser.setFiles(files);
  }).toPass({ timeout: 30_000 });
}
