import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { canRunChromium, launchChromium } from '../support/chromium.js';
import { advisingPage } from './html-pages.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Keeps a file for a person to look at in test-artifacts/, written whole (runs side by side never see half a file). */
function keepArtifact(name: string, bytes: Uint8Array | string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const temporary = join(ARTIFACTS, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(ARTIFACTS, name));
}

/** What a person sees of an element (hidden parts left out), spaces collapsed. */
async function visibleText(page: Page, selector: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the visible text, which these checks are about.
  const text = await page.locator(selector).first().innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/** The pages under test: a learner midway (with a term-by-term plan), a complete degree (through the CLI), a what-if. */
const PAGES = ['midway', 'complete', 'what-if'] as const;
type PageName = (typeof PAGES)[number];

/** Viewports: a laptop and a 390 px phone. */
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } } as const;

describe.runIf(canRunChromium)('the HTML advising page, in a real browser', () => {
  let browser: Browser;
  let dir: string;
  const files = new Map<PageName, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credstack-report-'));
    const midway = await advisingPage('maya-2025-first-year.json', ['bs-data-science', 'cert-data-analytics'], {
      plans: [{ target: 'cert-data-analytics', terms: { start: '2026-fall', maxCredits: 3 } }],
    });
    const whatIf = await advisingPage('jon-first-term.json', ['bs-data-science', 'cert-cloud-security'], {
      whatIf: [{ id: 'w1', credential: 'badge-data-literacy', earned: '2026-01-15' }],
    });
    const complete = join(dir, 'complete.html');
    const run = await cli([
      'audit',
      'fixtures/ada-bs-complete.json',
      '--program',
      'bs-data-science',
      '--format',
      'html',
      '--out',
      complete,
    ]);
    expect(run.code).toBe(0);
    files.set('complete', complete);
    for (const [name, html] of [
      ['midway', midway.html],
      ['what-if', whatIf.html],
    ] as const) {
      files.set(name, join(dir, `${name}.html`));
      writeFileSync(files.get(name)!, html);
      keepArtifact(`advising-${name}.html`, html);
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page (waiting for its load event), recording any request that is not the file itself. */
  async function open(name: PageName, viewport: keyof typeof VIEWPORTS): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(files.get(name)!).href, { waitUntil: 'load' });
    return { page, requests };
  }

  it('shows the midway learner the summary, the choice of a track, the problem and the term plan', async () => {
    const { page, requests } = await open('midway', 'desktop');
    await expect(page.title()).resolves.toBe('Advising report: Maya Chen');
    const text = await visibleText(page, 'body');
    expect(text).toContain(
      '34 of 120 semester credits; 14 requirements to go; Credits earned in residence (institution) 28 of at least 30.',
    );
    expect(text).toContain(
      '0 of 6 semester credits; 4 requirements to go; 4 credentials (6 credits) in the shortest plan, 2 terms of up to 3 credits.',
    );
    expect(text).toContain('Specialization (one track): choose one of these 3');
    expect(text).toContain('Introductory Statistics STAT-201 (award m10): failing grade F');
    expect(text).toContain(
      '2026-fall · 3 credits Dashboards and Storytelling mc-dashboards Python for Data Analysis mc-python',
    );
    await expect(page.getByText('Needs attention').first().isVisible()).resolves.toBe(true);
    // Red only for the problem: "Not yet" badges are grey, the problem box red.
    const colors = await page.evaluate(() => {
      const w = globalThis as unknown as BrowserWindow;
      const color = (selector: string) => w.getComputedStyle(w.document.querySelector(selector)!).color;
      return { notYet: color('.badge.incomplete'), problem: color('.notice.problems h3') };
    });
    expect(colors).toEqual({ notYet: 'rgb(66, 74, 83)', problem: 'rgb(180, 35, 24)' });
    await expect(
      page
        .getByRole('img', { name: 'How your credentials stack into Bachelor of Science in Data Science' })
        .isVisible(),
    ).resolves.toBe(true);
    keepArtifact('advising-midway-desktop.png', await page.screenshot({ fullPage: true }));
    expect(requests).toEqual([]);
  }, 60_000);

  it('shows the complete degree complete, and the what-if marked as one', async () => {
    const complete = await open('complete', 'desktop');
    const text = await visibleText(complete.page, 'body');
    expect(text).toMatch(/Bachelor of Science in Data Science bs-data-science Complete/);
    expect(text).toMatch(/Cloud security track Not needed/);
    expect(text).not.toMatch(/Not yet|What remains/);
    keepArtifact('advising-complete-desktop.png', await complete.page.screenshot({ fullPage: true }));
    const whatIf = await open('what-if', 'desktop');
    await expect(visibleText(whatIf.page, '.notice.what-if')).resolves.toBe(
      'What-if. Planned awards are counted here as if completed; what they change is marked what-if.',
    );
    await expect(whatIf.page.locator('.hyp:visible').count()).resolves.toBeGreaterThan(1);
    keepArtifact('advising-what-if-desktop.png', await whatIf.page.screenshot({ fullPage: true }));
    expect([...complete.requests, ...whatIf.requests]).toEqual([]);
  }, 60_000);

  it('fits a 390 px phone: nothing wider than the screen, the progress bars full width', async () => {
    for (const name of PAGES) {
      const { page } = await open(name, 'mobile');
      const layout = await page.evaluate(() => {
        const w = globalThis as unknown as BrowserWindow;
        return {
          scrollWidth: w.document.documentElement.scrollWidth,
          wider: [...w.document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > w.innerWidth + 0.5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
          bars: [...w.document.querySelectorAll('progress')].map((e) => e.getBoundingClientRect().width),
        };
      });
      expect(layout.scrollWidth, name).toBe(390);
      expect(layout.wider, name).toEqual([]);
      // 390 less the page's and the card's padding and borders.
      for (const bar of layout.bars) expect(bar, name).toBeGreaterThanOrEqual(330);
      keepArtifact(`advising-${name}-390.png`, await page.screenshot({ fullPage: true }));
    }
  }, 60_000);

  it('reads through the accessibility tree: headings, labelled progress bars, the graph', async () => {
    const { page } = await open('midway', 'desktop');
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toContain('heading "Advising report: Maya Chen" [level=1]');
    expect(tree).toContain('heading "Programs, closest first" [level=2]');
    expect(tree).toMatch(/heading "Bachelor of Science in Data Science bs-data-science Not yet" \[level=2\]/);
    expect(tree).toMatch(/heading "What remains" \[level=3\]/);
    expect(tree).toContain('progressbar "Bachelor of Science in Data Science: 34 of 120 semester credits"');
    expect(tree).toContain('img "How your credentials stack into Bachelor of Science in Data Science"');
    expect(tree).toContain('link "Bachelor of Science in Data Science"');
    const bar = page.getByRole('progressbar', { name: /Bachelor of Science/ });
    await expect(bar.getAttribute('value')).resolves.toBe('34');
    await expect(bar.getAttribute('max')).resolves.toBe('120');
  }, 60_000);

  it('has no serious or critical axe-core violations, on a laptop and a phone', async () => {
    for (const name of PAGES)
      for (const viewport of ['desktop', 'mobile'] as const) {
        const { page } = await open(name, viewport);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const w = globalThis as unknown as BrowserWindow;
          const results = await w.axe.run(w.document);
          return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        expect(
          violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          `${name} ${viewport}`,
        ).toEqual([]);
      }
  }, 120_000);

  it('prints, with the stacking paths in words', async () => {
    const { page } = await open('midway', 'desktop');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('ul.paths').first().isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    keepArtifact('advising-midway.pdf', pdf);
  }, 60_000);
});

/** An element, as far as these checks read it. */
interface PageElement {
  readonly tagName: string;
  readonly className: string;
  getBoundingClientRect(): { readonly right: number; readonly width: number };
}

/** The browser globals these checks read inside the page (the project compiles without the DOM library), axe-core's included. */
interface BrowserWindow {
  readonly innerWidth: number;
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
  getComputedStyle(element: PageElement): { readonly color: string };
  readonly axe: {
    run(context: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
  };
}
