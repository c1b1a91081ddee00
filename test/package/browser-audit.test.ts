import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { type CatalogSource, loadCatalog } from '../../src/catalog/load-catalog.js';
import { auditToText } from '../../src/report/audit-text.js';
import { issueText } from '../../src/report/issue-text.js';
import { readFixture, ROOT } from '../helpers.js';
import { canRunChromium, launchChromium } from '../support/chromium.js';
import { browserBundle } from './bundle-size.js';

/**
 * The script of a small advising page: it imports credstack as a browser application would,
 * loads the catalog and the transcript embedded in the page, audits, and shows the text report
 * (or the issues, one a line).
 */
const PAGE_SCRIPT = `import { audit, auditToText, issueText, loadCatalog } from './src/index.ts';
const read = (id: string) => JSON.parse(document.getElementById(id)!.textContent!);
const catalog = loadCatalog(read('catalog'));
const report = catalog.ok ? audit(catalog.value, read('transcript'), read('options')) : catalog;
const out = document.getElementById('report')!;
out.textContent = report.ok ? auditToText(report.value, { color: false }) : report.issues.map(issueText).join('\\n');
out.dataset.outcome = report.ok ? 'audit' : 'issues';`;

/** Every file of the shipped catalog in rules/, as loadCatalog takes them. */
function shippedSources(): CatalogSource[] {
  const files = readdirSync(join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files.map((file) => ({
    file: relative(ROOT, join(ROOT, 'rules', file)),
    json: JSON.parse(readFileSync(join(ROOT, 'rules', file), 'utf8')),
  }));
}

/** JSON inside a `<script>` element: `<` written as an escape, so no text in it ends the element. */
const embedded = (id: string, value: unknown) =>
  `<script type="application/json" id="${id}">${JSON.stringify(value).replaceAll('<', '\\u003c')}</script>`;

function page(script: string, transcript: unknown, options: unknown): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit</title></head>
<body>
${embedded('catalog', shippedSources())}
${embedded('transcript', transcript)}
${embedded('options', options)}
<pre id="report"></pre>
<script type="module">${script}</script>
</body></html>`;
}

/** What the same audit gives in Node: the text report, or the issues one a line. */
function inNode(transcript: unknown, options: { programs: string[] }): string {
  const catalog = loadCatalog(shippedSources());
  if (!catalog.ok) throw new Error(catalog.issues.map(issueText).join('\n'));
  const report = audit(catalog.value, transcript as never, options);
  return report.ok ? auditToText(report.value, { color: false }) : report.issues.map(issueText).join('\n');
}

describe.runIf(canRunChromium)('credstack bundled into a page, auditing in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let script: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credstack-page-'));
    script = (await browserBundle(PAGE_SCRIPT)).code;
    expect(script).not.toMatch(/<\/script/i);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the page on `transcript` and returns what it shows, once its script has run. */
  async function show(name: string, transcript: unknown, options: { programs: string[] }) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, page(script, transcript, options));
    const tab = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await tab.goto(pathToFileURL(file).href);
    const report = tab.locator('#report[data-outcome]');
    await report.waitFor({ state: 'attached' });
    const shown = { outcome: await report.getAttribute('data-outcome'), text: await report.textContent() };
    await tab.close();
    return { ...shown, errors, requests };
  }

  it('audits a complete transcript and shows the same report as Node, byte for byte', async () => {
    const transcript = readFixture('ada-bs-complete.json');
    const options = { programs: ['bs-data-science'] };
    const shown = await show('complete', transcript, options);
    expect(shown).toMatchObject({ outcome: 'audit', errors: [], requests: [] });
    expect(shown.text).toBe(inNode(transcript, options));
    expect(shown.text).toMatch(/^Bachelor of Science in Data Science \(bs-data-science\).*: COMPLETE/m);
  });

  it('reports bad input with the same issues as Node: path, expected, received', async () => {
    const transcript = { learner: { id: 's-1' }, asOf: '2026-02-30', awards: [{ id: 'a1', credits: 3 }] };
    const options = { programs: ['bs-data-science'] };
    const shown = await show('bad', transcript, options);
    expect(shown).toMatchObject({ outcome: 'issues', errors: [] });
    expect(shown.text).toBe(inNode(transcript, options));
    expect(shown.text?.split('\n')).toEqual([
      '$.asOf: expected a real calendar date written YYYY-MM-DD, got "2026-02-30" [invalid-date]',
      '$.awards[0].credits: expected a value of type object, got 3 [invalid-shape]',
    ]);
  });
});
