// Drives the workbench (`ekostyr serve`) in Debian's headless chromium as a finance chief
// would. Run by tests/workbench.rs:
//   node tests/browser/workbench.mjs '{"url": "http://127.0.0.1:PORT/?token=…", "readonlyUrl": "…", "shots": "/dir",
//     "upload": "/path/of/a/workbook.xlsx"}'
// Prints one line per problem, then `workbench: N problem(s)`, and exits 1 if there is any.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const spec = JSON.parse(process.argv[2]);
const WIDTH = 1280;
const HEIGHT = 860;
const problems = [];
const shot = (page, name) => page.screenshot({ path: join(spec.shots, `workbench-${name}.png`) });
const text = (page, selector) => page.locator(selector).innerText();
/** A rule file as the server has it on disk, through the API. */
const readFile = (page, file, token) => page.evaluate(async ({ file, token }) => {
  const r = await fetch(`/api/file?path=${encodeURIComponent(file)}`, { headers: { 'X-Ekostyr-Token': token } });
  return (await r.json()).text || '';
}, { file, token });
/** The editor's line with the cursor. */
const cursorLine = (page) => page.locator('.cm-activeLineGutter').first().innerText({ timeout: 5000 }).then(Number).catch(() => NaN);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  await step('the editable workbench', () => editable(spec.url));
  await step('the read-only workbench', () => readonly(spec.readonlyUrl));
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
console.log(`workbench: ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);

async function step(name, run) {
  try {
    await run();
  } catch (e) {
    problems.push(`${name}: ${e.message.split('\n')[0]}`);
  }
}

function expect(ok, what) {
  if (!ok) problems.push(what);
  return ok;
}

/** A fresh context on the server: console errors and requests leaving its origin are problems. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, acceptDownloads: true, locale: 'sv-SE' });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A refused save (409) and a refused write (403) are expected answers, logged by the browser.
    if (m.type() === 'error' && !/status of (409|403)/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`)) return route.continue();
    problems.push(`request leaves the server: ${u}`);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#editor .cm-content', { timeout: 30000 });
  return { context, page, token: new URL(url).searchParams.get('token') };
}


// Scrolls the editor from its top until `locator` is drawn. CodeMirror draws only the
// lines near the view, a frame after a scroll: scrolling on without waiting for it could
// pass the line before it was ever drawn, and a line above the view is never reached.
async function reveal(page, locator) {
  const scroller = page.locator('.cm-scroller');
  await scroller.evaluate((e) => { e.scrollTop = 0; });
  for (let i = 0; i < 400; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (await locator.count()) return;
    const moved = await scroller.evaluate((e) => { const before = e.scrollTop; e.scrollTop += 200; return e.scrollTop !== before; });
    if (!moved) return;
  }
}

async function editable(url) {
  const { context, page, token } = await open(url);
  // The first check of the file as loaded.
  await page.waitForSelector('#problems .notice, #problems .diagnostic', { timeout: 30000 });
  const file = await page.locator('#pick-rules').inputValue();

  // Hover on a name: its unit (and value on the workbook).
  const name = page.locator('.cm-line', { hasText: /^parameter schablon_årsarbetare/ }).locator('span', { hasText: /^schablon_årsarbetare$/ });
  await reveal(page, name);
  await name.hover();
  const tip = await page.waitForSelector('.cm-tooltip-hover .hover', { timeout: 15000 }).catch(() => null);
  if (expect(tip, 'hover on schablon_årsarbetare shows no tooltip')) {
    expect((await tip.innerText()).includes('årsarbetare'), `hover does not show the unit: ${await tip.innerText()}`);
  }
  await page.mouse.move(0, 0);

  // Ctrl-click on a name where it is used: the cursor goes to the line that defines it.
  const lines = (await readFile(page, file, token)).split('\n');
  const defined = lines.findIndex((l) => /^\s*parameter timpris_hemtjänst\b/.test(l)) + 1;
  const use = page.locator('.cm-line', { hasText: '* timpris_hemtjänst' }).locator('span', { hasText: /^timpris_hemtjänst$/ }).first();
  await reveal(page, use);
  await use.click({ modifiers: ['Control'] });
  const jumped = await page.waitForFunction((n) => Number(document.querySelector('.cm-activeLineGutter')?.textContent) === n, defined, { timeout: 15000 }).catch(() => null);
  expect(jumped, `Ctrl-click on timpris_hemtjänst did not go to line ${defined} (at ${await cursorLine(page)})`);

  // Types an error on a new last line: the checker's diagnostic appears at that line.
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('parameter trasig = ');
  const line = await cursorLine(page);
  const diagnostic = await page.waitForSelector(`#problems .diagnostic.error[data-line="${line}"]`, { timeout: 30000 }).catch(() => null);
  if (expect(diagnostic, `no error shown at line ${line}: ${await text(page, '#problems')}`)) {
    expect(await page.locator('#editor .cm-lintRange-error').count() > 0, 'the error is not marked in the editor');
  }
  // Save refuses while there are errors.
  await page.click('#save');
  const refused = await page.waitForSelector('#save-anyway', { timeout: 15000 }).catch(() => null);
  expect(refused, 'Save did not refuse a file with errors');
  await shot(page, 'regler');

  // Fixes the line: the error goes away.
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('parameter testvärde: % = 1 %');
  const fixed = await page.waitForFunction(() => {
    const list = document.querySelector('#problems');
    return list && list.children.length && !list.querySelector('.diagnostic.error') && !document.querySelector('.cm-lintRange-error');
  }, null, { timeout: 30000 }).catch(() => null);
  expect(fixed, `the fixed line still has errors: ${await text(page, '#problems')}`);

  // Saves, and reads the file back through the API.
  await page.click('#save');
  const saved = await page.waitForSelector('#save-status .notice.ok', { timeout: 30000 }).catch(() => null);
  expect(saved, `Save did not confirm: ${await text(page, '#save-status')}`);
  const back = await readFile(page, file, token);
  expect(back.includes('parameter testvärde: % = 1 %'), 'the saved file does not have the new line');

  // Resultat: the board report on the reference workbook; a figure opens its cells.
  await page.click('#tab-resultat');
  await page.click('#run');
  await page.waitForSelector('#board [data-explain]', { timeout: 60000 });
  const targets = await page.$$eval('#board [data-explain]', (els) => els.map((e) => e.getAttribute('data-explain')));
  const order = [...targets.keys()].sort((a, b) => Number(!/rörlig/.test(targets[a])) - Number(!/rörlig/.test(targets[b])));
  let cells = false;
  for (const i of order.slice(0, 8)) {
    await page.locator('#board [data-explain]').nth(i).click();
    await page.waitForSelector('#explanation ul.tree, #explanation .notice.error', { timeout: 30000 });
    if (await page.locator('#expand-all').count()) await page.click('#expand-all');
    if (/[\p{L}]+!\$?[A-Z]+\$?\d+/u.test(await text(page, '#explanation'))) {
      cells = true;
      expect(await page.locator('#explanation .rule-line').count() > 0, `explanation of ${targets[i]} has no rule line to click`);
      break;
    }
  }
  expect(cells, `no figure's explanation shows a cell (tried ${order.slice(0, 8).map((i) => targets[i]).join(', ')})`);
  await shot(page, 'resultat');

  // Budget: the bridge, and a what-if on prisindex that changes the compensation.
  await page.click('#tab-budget');
  await page.click('#run-bridge');
  const bridge = await page.waitForSelector('#bridge table', { timeout: 60000 }).catch(() => null);
  expect(bridge, `no bridge: ${await text(page, '#bridge')}`);
  await page.waitForSelector('#whatif-parameter', { timeout: 15000 });
  expect(await page.locator('#whatif-parameter').inputValue() === 'prisindex', 'the what-if does not offer prisindex first');
  await page.fill('#whatif-value', '3,1 %');
  await page.click('#run-whatif');
  const whatif = await page.waitForSelector('#whatif table', { timeout: 60000 }).catch(() => null);
  if (expect(whatif, `no what-if result: ${await text(page, '#whatif')}`)) {
    expect(/\+\d/.test(await text(page, '#whatif')), 'the what-if shows no increase for a higher prisindex');
  }
  await shot(page, 'budget');

  // Ändringar: the saved line against the committed version.
  await page.click('#tab-andringar');
  const changes = await page.waitForSelector('#changes table', { timeout: 60000 }).catch(() => null);
  if (expect(changes, `no changes shown: ${await text(page, '#changes')}`)) {
    expect((await text(page, '#changes')).includes('testvärde'), 'the changes do not name the new parameter');
  }
  await shot(page, 'andringar');

  // Indata: the workbook's problems, an upload, the template.
  await page.click('#tab-indata');
  await page.waitForSelector('#input-problems .notice.ok, #input-problems table', { timeout: 60000 });
  const download = page.waitForEvent('download', { timeout: 30000 });
  await page.click('#template');
  const got = await download.catch(() => null);
  expect(got && got.suggestedFilename().endsWith('.xlsx'), 'the template did not download as .xlsx');
  await shot(page, 'indata');
  // Uploads the reference workbook under a new name: it becomes the chosen workbook.
  await page.setInputFiles('#upload-file', { name: 'uppladdad.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(spec.upload) });
  await page.click('#upload');
  const uploaded = await page.waitForFunction(() => /uppladdad\.xlsx$/.test(document.querySelector('#pick-input').value), null, { timeout: 30000 }).catch(() => null);
  expect(uploaded, `the upload did not become the workbook: ${await text(page, '#input-problems')}`);
  await context.close();
}

async function readonly(url) {
  const { context, page, token } = await open(url);
  await page.waitForSelector('#problems .notice, #problems .diagnostic', { timeout: 30000 });
  expect(await page.locator('#save').isHidden(), 'read-only mode shows Save');
  const file = await page.locator('#pick-rules').inputValue();
  const status = await page.evaluate(async ({ file, token }) => {
    const r = await fetch('/api/file', { method: 'PUT', headers: { 'X-Ekostyr-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ path: file, text: '' }) });
    return r.status;
  }, { file, token });
  expect(status === 403, `read-only mode accepted a write (${status})`);
  await shot(page, 'skrivskyddad');
  // The English switch.
  await page.selectOption('#pick-lang', 'en');
  await page.waitForFunction(() => document.querySelector('#tab-regler')?.textContent === 'Rules', null, { timeout: 15000 })
    .catch(() => expect(false, 'the English switch does not rename the views'));
  await context.close();
}
