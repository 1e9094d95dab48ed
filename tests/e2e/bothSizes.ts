/**
 * Screenshots at the two sizes every screen is looked at (1366×768, the
 * common office laptop, and 1920×1080), named `<name>-<width>`.
 */
import type { Page } from '@playwright/test';

/** Runs `atSize` with the page at each of the two sizes, after it has had `settleMs` to lay out again. */
export async function atBothSizes(page: Page, atSize: (width: number) => Promise<void>, settleMs = 300): Promise<void> {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(settleMs);
    await atSize(w);
  }
}

export async function sizes(page: Page, shot: (name: string) => Promise<void>, name: string): Promise<void> {
  await atBothSizes(page, (w) => shot(`${name}-${w}`));
}
