import type { Page, TestInfo } from '@playwright/test';
import { attachScreenshot } from './game.ts';

// A page (or one part of it, `selector`) shot at the two sizes every screen is checked at:
// a laptop's 1280x800 and a phone's 360x740, named `${name}-${width}`. The viewport is
// left at the phone's; a test that goes on sets it again.

export async function shotsAtBothSizes(
  page: Page,
  name: string,
  testInfo: TestInfo,
  selector?: string,
): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await attachScreenshot(page, testInfo, `${name}-${w}`, selector);
  }
}
