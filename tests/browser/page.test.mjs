// Browser tests for the page around the canvas (issue 2): a clear message instead of a blank
// canvas when the browser lacks WebGL 2 or WebAssembly, the progress bar while loading, the
// title and the <noscript> text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, launchBrowser, screenshot } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(DIST);
});
after(async () => {
  await server.close();
  await browser.close();
});

async function pageWith(initScript) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (initScript) await page.addInitScript(initScript);
  return { context, page, errors };
}

test('without WebGL 2 the page explains what is missing', async () => {
  const { context, page, errors } = await pageWith(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  try {
    await page.goto(server.url);
    const problem = page.locator('#problem');
    await problem.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await problem.innerText(), /WebGL 2/);
    assert.equal(await page.evaluate(() => typeof window.lecternState), 'undefined', 'the app did not start');
    await screenshot(page, 'page-no-webgl2');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without WebAssembly the page explains what is missing', async () => {
  const { context, page, errors } = await pageWith(() => { delete window.WebAssembly; });
  try {
    await page.goto(server.url);
    const problem = page.locator('#problem');
    await problem.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await problem.innerText(), /WebAssembly/);
    await screenshot(page, 'page-no-wasm');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a progress bar fills while the app downloads, then gives way to the app', async () => {
  const { context, page } = await pageWith(null);
  try {
    // Slow the wasm down so the loading screen is observable.
    await page.route(/lectern\.[0-9a-f]+\.wasm$|lectern\.wasm$/, async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    await page.goto(server.url);
    const bar = page.locator('#bar');
    await bar.waitFor({ state: 'visible' });
    assert.equal(await page.title(), 'Lectern');
    const status = await page.locator('#status').innerText();
    assert.match(status, /Loading/);
    await page.waitForFunction(() => Number(document.getElementById('bar').getAttribute('aria-valuenow')) > 0, null, { timeout: 15000 });
    await page.waitForFunction(() => document.getElementById('loader').classList.contains('gone'), null, { timeout: 30000 });
  } finally {
    await context.close();
  }
});

test('the page has a title, a description and a noscript message', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<title>Lectern<\/title>/);
  assert.match(html, /<noscript>[^<]*JavaScript[^<]*<\/noscript>/);
  assert.match(html, /<meta name="description"/);
});
