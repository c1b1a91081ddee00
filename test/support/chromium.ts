import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which CI installs (.ci/run). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser suites run: CI always; a developer machine without chromium skips them. */
export const canRunChromium = existsSync(CHROMIUM) || process.env.CI === 'true';

/** Starts headless Debian chromium for a test suite (close it in `afterAll`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
