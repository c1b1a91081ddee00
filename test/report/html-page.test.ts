import { describe, expect, it } from 'vitest';
import { auditToHtml } from '../../src/report/audit-html.js';
import { stackingFigure, wrapLabel } from '../../src/report/stacking-svg.js';
import { optionHtml } from '../../src/report/html-text.js';
import { buildStackingGraph } from '../../src/catalog/stacking-graph.js';
import { cli, shippedCatalog } from '../helpers.js';
import { advisingPage } from './html-pages.js';

/** One program's section of the page. */
function section(html: string, program: string): string {
  const start = html.indexOf(`<section aria-labelledby="program-${program}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The page's text without tags, spaces collapsed. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the HTML advising page', () => {
  it("shows Ada's complete degree complete: the tracks she did not need are muted, not open", async () => {
    const { html } = await advisingPage('ada-bs-complete.json', ['bs-data-science']);
    const bs = section(html, 'bs-data-science');
    expect(bs).toMatch(
      /<li class="req s-not-needed">[\s\S]*?Cloud security track<\/span> <span class="state">Not needed<\/span>/,
    );
    expect(bs).toMatch(
      /<li class="req s-not-needed">[\s\S]*?Data engineering track<\/span> <span class="state">Not needed<\/span>/,
    );
    expect(bs).not.toMatch(/s-incomplete|Not yet|What remains|✗/);
    expect(words(bs)).toMatch(/ of 120 semester credits; every requirement met\./);
    // The figure draws a dozen paths at most; the rest are counted, not dropped in silence.
    expect(words(bs)).toMatch(/Directly: Composition I, [^.]*, and 18 more/);
    expect(words(bs)).toContain('18 more credentials counting directly are not drawn.');
  });

  it('a program whose requirements are all met but whose GPA is short says so, not "0 requirements to go"', async () => {
    // Omar: every requirement met, 121 of 120 credits, GPA 1.9 of the 2.0 the BS needs.
    const { html } = await advisingPage('omar-failing-grades.json', ['bs-data-science']);
    const bs = section(html, 'bs-data-science');
    expect(words(bs)).toContain(
      '121 of 120 semester credits; Grade point average (every graded course) 1.9 of at least 2.',
    );
    expect(words(bs)).not.toContain('0 requirements to go');
    expect(html).toMatch(/<progress [^>]*>121 of 120<\/progress>/);
  });

  it('leads with a summary, keeps "not yet" neutral and groups the open choice of a track', async () => {
    const { html } = await advisingPage('maya-2025-first-year.json', ['bs-data-science']);
    const bs = section(html, 'bs-data-science');
    // Open leaves on the cheapest way: science, humanities, social; DATA-210, 220, 310, 350; one track; electives, capstone, writing.
    expect(words(html)).toContain(
      '34 of 120 semester credits; 14 requirements to go; Credits earned in residence (institution) 28 of at least 30.',
    );
    expect(bs).toContain('<span class="badge incomplete">Not yet</span>');
    expect(bs).not.toContain('✗');
    const choice = /<li class="choose">([\s\S]*?)<\/ol><\/li>/.exec(bs)?.[1] ?? '';
    expect(words(choice).trim()).toMatch(
      /^Specialization \(one track\) : choose one of these 3 Analytics track : Data Analytics Certificate cert-data-analytics · 6 cr Cloud security track Cloud Security Certificate cert-cloud-security · 4 cr Cloud Computing CSCI-340 · 3 cr Data engineering track : Data Engineering Certificate cert-data-engineering · 12 cr$/,
    );
    // Titles with codes, each option once: no "X: for example X".
    expect(bs).toContain(
      '<li>Data Wrangling <span class="code">DATA-210</span> <span class="muted">· 3 cr</span></li>',
    );
    expect(bs).toContain(
      '<span class="name">Capstone</span>: Data Science Capstone <span class="code">DATA-410</span> <span class="muted">· 3 cr</span>',
    );
    expect(bs).not.toContain('for example');
  });

  it('keeps red for problems: a failing grade is named by title under "Needs attention"', async () => {
    const { html } = await advisingPage('maya-2025-first-year.json', ['bs-data-science']);
    const bs = section(html, 'bs-data-science');
    expect(words(/<div class="notice problems"[\s\S]*?<\/div>/.exec(bs)?.[0] ?? '')).toBe(
      ' Needs attention Introductory Statistics STAT-201 (award m10) : failing grade F ',
    );
    expect(bs).toContain('<tr class="problem"><td>Introductory Statistics');
  });

  it('shows a GPA below the minimum and an expired credential as problems, "does not match" plainly', async () => {
    const omar = section((await advisingPage('omar-failing-grades.json', ['bs-data-science'])).html, 'bs-data-science');
    expect(words(/<div class="notice problems"[\s\S]*?<\/div>/.exec(omar)?.[0] ?? '').trim()).toBe(
      'Needs attention Calculus I MATH-151 (award o07) : failing grade F Machine Learning DATA-310 (award o17) : failing grade F General Chemistry CHEM-101 (award o28) : failing grade F Grade point average (every graded course): 1.9 of 2 needed',
    );
    expect(omar).toContain(
      '<li class="req s-problem"><span class="mark" aria-hidden="true">✗</span><span class="name">Grade point average (every graded course)</span> <span class="state">Below the minimum</span>',
    );
    const eve = section(
      (await advisingPage('eve-awards-that-do-not-count.json', ['cert-cloud-security'])).html,
      'cert-cloud-security',
    );
    expect(words(/<div class="notice problems"[\s\S]*?<\/div>/.exec(eve)?.[0] ?? '').trim()).toBe(
      "Needs attention CompTIA Security+ comptia-security-plus (award e2) : expired on 2024-03-01 Web Development (award e4) : denied by rule unaccredited-issuer: issuer is not on Riverbend's list of accredited issuers",
    );
    expect(eve).toContain(
      '<tr><td>Foundations of Data Analysis <span class="code">DATA-101</span> <span class="muted">(award e1)</span></td><td>does not match any requirement</td></tr>',
    );
  });

  it('shows the term-by-term plan and its terms in the summary', async () => {
    const { html } = await advisingPage('maya-2025-first-year.json', ['cert-data-engineering'], {
      plans: [{ target: 'cert-data-engineering', terms: { start: '2026-fall', maxCredits: 6 } }],
    });
    const cert = section(html, 'cert-data-engineering');
    // A requirement labelled as the one credential that meets it is named once ("X", not "X: X").
    expect(cert).toContain(
      '<li>Data Analytics Certificate <span class="code">cert-data-analytics</span> <span class="muted">· 6 cr</span></li>',
    );
    const text = words(cert);
    expect(text).toContain('6 credentials (12 credits) in the shortest plan, 4 terms of up to 6 credits.');
    expect(text).toContain(
      '2026-fall · 6 credits Dashboards and Storytelling mc-dashboards Python for Data Analysis mc-python Spreadsheet Modelling mc-spreadsheets SQL for Analysts mc-sql',
    );
  });

  it('marks what a what-if counts as hypothetical', async () => {
    const { html } = await advisingPage('jon-first-term.json', ['bs-data-science'], {
      whatIf: [{ id: 'w1', credential: 'badge-data-literacy', earned: '2026-01-15' }],
    });
    expect(html).toContain('<p class="notice what-if"><strong>What-if.</strong>');
    // Jon's planned CSCI-110 counts in the what-if.
    expect(html).toMatch(
      /Programming I <span class="code">CSCI-110<\/span><\/span> <span class="state">Complete<\/span> <span class="figure">1 of 1<\/span> <span class="hyp">what-if<\/span>/,
    );
    expect(html).toContain('(<span class="hyp">planned, what-if</span>)');
  });

  it('escapes every text it is given, and fetches nothing', async () => {
    const { report } = await advisingPage('maya-2025-first-year.json', ['bs-data-science']);
    const evil = '<img src=x onerror="alert(1)">&\'';
    const html = auditToHtml(
      { ...report, learner: { id: evil, name: `<script>alert("x")</script>` } },
      {
        graph: buildStackingGraph(shippedCatalog(), report.asOf),
        recommendations: [],
        plans: new Map(),
        titles: new Map([['DATA-210', evil]]),
        held: ['MATH-110'],
        awards: new Map([['m10', 'DATA-210']]),
      },
    );
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b|href="(?!#)|url\((?!#)|https?:\/\//);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#39; <span class="code">DATA-210</span>',
    );
  });

  it('prints the same bytes for the same transcript (CLI)', async () => {
    const args = ['audit', 'fixtures/ada-bs-complete.json', '--program', 'bs-data-science', '--format', 'html'];
    const first = await cli(args);
    expect(first.code).toBe(0);
    expect((await cli(args)).stdout).toBe(first.stdout);
    expect(first.stdout).toContain('<h1>Advising report: Ada Okafor</h1>');
  });
});

describe('an option of what remains', () => {
  it('shows the { credential, title, credits } of SPEC section 8: title, code and credits', () => {
    expect(optionHtml({ credential: 'DATA-210', title: 'Data Wrangling', credits: 3 })).toBe(
      'Data Wrangling <span class="code">DATA-210</span> <span class="muted">· 3 cr</span>',
    );
  });
});

describe('the stacking graph', () => {
  const graph = buildStackingGraph(shippedCatalog(), '2026-05-15');
  const held = [
    'mc-sql',
    'mc-python',
    'mc-spreadsheets',
    'mc-dashboards',
    'DATA-101',
    'MATH-110',
    'CSCI-110',
    'ENGL-102',
  ];

  it('wraps labels between words instead of cutting them', () => {
    expect(wrapLabel('Associate of Applied Science in Information Technology')).toEqual([
      'Associate of Applied Science',
      'in Information Technology',
    ]);
    const figure = stackingFigure(graph, held, 'bs-data-science', 'Bachelor of Science in Data Science')!;
    expect(figure.svg).not.toContain('…');
    expect(figure.svg).toContain('<tspan x="');
    const texts = [...figure.svg.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((m) =>
      [...m[1]!.matchAll(/<tspan(?! class="code")[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(' '),
    );
    expect(texts).toContain('Bachelor of Science in Data Science');
    expect(texts).toContain('Data Analytics Certificate');
    expect(figure.paths).toContainEqual([
      'SQL for Analysts',
      'Data Analytics Certificate',
      'Bachelor of Science in Data Science',
    ]);
  });

  it('draws every arrow left to right, each ending at its own point', () => {
    const figure = stackingFigure(graph, held, 'bs-data-science', 'Bachelor of Science in Data Science')!;
    const arrows = [...figure.svg.matchAll(/<path class="edge" d="M([\d.]+) ([\d.]+)C[\d. ]+ ([\d.]+) ([\d.]+)"/g)].map(
      (m) => m.slice(1).map(Number),
    );
    // 4 micro-credentials into the certificate, the certificate and 4 courses into the degree.
    expect(arrows).toHaveLength(9);
    for (const [x1, , x2] of arrows) expect(x2!).toBeGreaterThan(x1!);
    expect(new Set(arrows.map(([, , x2, y2]) => `${x2},${y2}`)).size).toBe(arrows.length);
  });
});
