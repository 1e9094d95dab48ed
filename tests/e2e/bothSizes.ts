/**
 * Screenshots at the two sizes every screen is looked at (1366×768, the
 * common office laptop, and 1920×1080), named `<name>-<width>`.
 */
import type { Page } from '@playwright/test';

export async function sizes(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await shot(`${name}-${w}`);
  }
}
