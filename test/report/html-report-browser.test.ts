import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { canRunChromium, launchChromium } from '../support/chromium.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Keeps a file for a person to look at in test-artifacts/, written whole (runs side by side never see half a file). */
function keepArtifact(name: string, bytes: Uint8Array): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const temporary = join(ARTIFACTS, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(ARTIFACTS, name));
}

describe.runIf(canRunChromium)('the HTML advising report, in a real browser', () => {
  let browser: Browser;
  let dir: string;
  let report: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credstack-report-'));
    report = join(dir, 'report.html');
    const run = await cli([
      'audit',
      'fixtures/ben-stacking-certificates.json',
      '--program',
      'cert-data-engineering',
      '--program',
      'bs-data-science',
      '--format',
      'html',
      '--out',
      report,
    ]);
    expect(run.code).toBe(0);
    keepArtifact('report.html', readFileSync(report));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a person the programs, their status, what remains and the next steps', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(report).href);
    await expect(page.title()).resolves.toBe('Advising report: Ben Ortiz');
    await expect(
      page.getByRole('heading', { level: 2, name: /Data Engineering Certificate In progress/ }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('heading', { level: 2, name: /Bachelor of Science in Data Science Not yet complete/ }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Writing: 6 more credits').isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole('heading', { name: /^Next steps/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('img', { name: 'How your credentials stack into Data Engineering Certificate' }).isVisible(),
    ).resolves.toBe(true);
    keepArtifact('report.png', await page.screenshot({ fullPage: true }));
    expect(requests).toEqual([]);
  }, 60_000);

  it('is readable through the accessibility tree: headings and labelled progress bars', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toContain('heading "Advising report: Ben Ortiz" [level=1]');
    expect(tree).toMatch(/progressbar "Data Engineering Certificate In progress"/);
    expect(tree).toMatch(/progressbar "Bachelor of Science in Data Science Not yet complete"/);
    const bar = page.getByRole('progressbar', { name: /Bachelor of Science/ });
    await expect(bar.getAttribute('value')).resolves.toBe('12');
    await expect(bar.getAttribute('max')).resolves.toBe('120');
  }, 60_000);

  it('prints', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    keepArtifact('report.pdf', pdf);
  }, 60_000);
});
