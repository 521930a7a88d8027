// Opens nämndrapport HTML files in Debian's headless chromium and checks what a
// reader's browser would show. Run by tests/browser.rs:
//   node tests/browser/check.mjs expectations.json
// expectations.json: { "pages": [ { "file": "/abs/r.html", "screenshot": "/abs/p.png" | null,
//   "charts": [ { "series": 3, "colours": ["#0072B2", ...] } ], "texts": ["-66 300", ...] } ] }
// Prints one line per problem and exits 1 if there is any.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const A4_WIDTH = 794; // 210 mm at 96 dpi
const A4_HEIGHT = 1123;

const expectations = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
try {
  for (const page of expectations.pages) {
    problems.push(...(await check(page)).map((p) => `${page.file}: ${p}`));
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
console.log(`${expectations.pages.length} page(s) checked, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);

async function check(expected) {
  // A fresh context: no cache, no cookies, nothing from an earlier page.
  const context = await browser.newContext({ viewport: { width: A4_WIDTH, height: A4_HEIGHT } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Anything but the file itself is a request that leaves it: recorded and refused.
  const url = pathToFileURL(expected.file).href;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    problems.push(`request leaves the file: ${u}`);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(measure);
  if (seen.scripts > 0) problems.push(`${seen.scripts} script element(s)`);
  if (seen.scrollWidth > seen.clientWidth) problems.push(`wider than A4: ${seen.scrollWidth} > ${seen.clientWidth} px`);
  if (seen.charts.length !== expected.charts.length) {
    problems.push(`${seen.charts.length} charts, expected ${expected.charts.length}`);
  }
  expected.charts.forEach((want, i) => {
    const got = seen.charts[i];
    if (!got) return;
    if (!(got.width > 0 && got.height > 0)) problems.push(`chart ${i + 1} (${got.title}): size ${got.width}×${got.height}`);
    if (got.series !== want.series) problems.push(`chart ${i + 1} (${got.title}): ${got.series} series, expected ${want.series}`);
    const missing = want.colours.filter((c) => !got.strokes.includes(c.toLowerCase()));
    if (missing.length) problems.push(`chart ${i + 1} (${got.title}): no line in ${missing.join(', ')}`);
    const extra = got.strokes.filter((c) => seen.seriesColours.includes(c) && !want.colours.map((w) => w.toLowerCase()).includes(c));
    if (extra.length) problems.push(`chart ${i + 1} (${got.title}): unexpected series colours ${extra.join(', ')}`);
  });
  for (const t of expected.texts) {
    if (!seen.text.includes(t)) problems.push(`text not shown: ${t}`);
  }
  if (expected.screenshot) await page.screenshot({ path: expected.screenshot, clip: { x: 0, y: 0, width: A4_WIDTH, height: A4_HEIGHT } });
  await context.close();
  return problems;
}

// In the page: sizes, strokes and text as the reader's browser lays them out.
function measure() {
  const stroke = (e) => (e.getAttribute('stroke') || '').toLowerCase();
  const charts = [...document.querySelectorAll('figure.chart')].map((f) => {
    const svg = f.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    const lines = svg ? [...svg.querySelectorAll('polyline, line, path, circle, polygon')] : [];
    return {
      title: f.querySelector('figcaption')?.textContent || '',
      width: box.width,
      height: box.height,
      series: Number(f.dataset.series),
      strokes: [...new Set(lines.map(stroke).filter((s) => s.startsWith('#')))],
    };
  });
  return {
    scripts: document.querySelectorAll('script').length,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    text: document.body.innerText,
    charts,
    seriesColours: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#555555'],
  };
}
