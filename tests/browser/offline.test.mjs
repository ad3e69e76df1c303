// Browser tests for offline use and updates (issue 5): the dist is served by nginx as deployed
// (tools/nginx_test_server.mjs); the service worker keeps a version so the app opens with no
// network; a new deploy is installed in the background, announced, and runs whole on reload;
// a file that cannot be downloaded gives the page's clear message, not a blank page.
//
// The update test needs a second build: the library fixture (the same app, another data bundle),
// which tools/test builds (target lectern_test_fixtures) beside the dist: <build>/fixtures/library-app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, openApp, launchBrowser, waitForApp, waitForState, decodePng, inkRatio,
         readArticleFile, clickTarget } from './harness.mjs';
import { startNginx } from '../../tools/nginx_test_server.mjs';

const FIXTURE = path.join(path.dirname(DIST), 'fixtures', 'library-app');
const seedFiles = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort();

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

// Waits until a service worker controls the page and has finished activating.
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller &&
                                   navigator.serviceWorker.controller.state === 'activated', null, { timeout: 30000 });
}

// Responses served by the service worker, by file name.
function recordResponses(page) {
  const seen = new Map();
  page.on('response', (r) => seen.set(new URL(r.url()).pathname.split('/').pop() || 'index.html', r.fromServiceWorker()));
  return seen;
}

test('after one visit the app opens and works with no network', async () => {
  const server = await startNginx(DIST, { copy: true });
  let app;
  try {
    app = await openApp({ browser, url: server.url });
    const { page, context } = app;
    await waitForServiceWorker(page);
    const online = await app.state();
    const version = await page.evaluate(() => window.lecternVersion);
    assert.match(version, /^[0-9a-f]{12}$/, 'the page names its version');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`lectern:/:${version}`]);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.close();
    const served = recordResponses(page);
    await page.reload();
    await waitForApp(page);
    let s = await app.state();
    const seed = readArticleFile(path.join(ROOT, 'seeds', seedFiles[0]));
    assert.ok(s.frames >= 2);
    assert.equal(s.title, seed.headline);
    assert.equal(s.title, online.title);
    assert.equal(s.library.length, seedFiles.length);
    const wasm = [...served.keys()].find((n) => n.endsWith('.wasm'));
    assert.ok(wasm && served.get(wasm) && served.get('index.html'), `the page and the wasm came from the service worker: ${JSON.stringify([...served])}`);

    // It draws the article...
    await app.waitIdle();
    const [x, y, w, h] = s.targets['article.column'];
    const { png } = await app.shot('offline-article');
    const ink = inkRatio(decodePng(png), { x: Math.round(x), y: Math.round(y) + 10, w: Math.round(w), h: Math.round(h) - 20 });
    assert.ok(ink > 0.03 && ink < 0.4, `the text column has ink ${ink.toFixed(3)} offline`);
    // ...and its windows work.
    await clickTarget(page, 'article.text');
    await page.keyboard.press('PageDown');
    s = await waitForState(page, '(s) => s.scroll > 0 && s.scroll === s.scrollTarget');
    assert.ok(s.scroll > 100, `PageDown scrolled ${s.scroll} offline`);

    // A navigation with a query (and whatever #hash the app keeps in the URL) is the same page.
    const url = new URL(page.url());
    url.searchParams.set('from', 'offline-test');
    await page.goto(url.href);
    await waitForApp(page);
    assert.equal((await app.state()).title, seed.headline);
    app.assertNoConsoleErrors();
  } finally {
    if (app) await app.close();
    await server.close();
  }
});

test('a new deploy is installed in the background, announced, and runs whole after a reload', async () => {
  if (!fs.existsSync(path.join(FIXTURE, 'index.html'))) {
    assert.fail(`${FIXTURE} is missing: build it with \`cmake --build <build> --target lectern_test_fixtures\` (tools/test does)`);
  }
  const server = await startNginx(DIST, { copy: true });
  let app;
  try {
    app = await openApp({ browser, url: server.url });
    const { page } = app;
    await waitForServiceWorker(page);
    const versionA = await page.evaluate(() => window.lecternVersion);
    const libraryA = (await app.state()).library.length;

    // Deploy B: every file of A is replaced (none of A's hashed files is left on the server).
    for (const f of fs.readdirSync(server.root)) fs.rmSync(path.join(server.root, f), { recursive: true });
    fs.cpSync(FIXTURE, server.root, { recursive: true });
    const indexB = fs.readFileSync(path.join(FIXTURE, 'index.html'), 'utf8');
    const versionB = /window\.lecternVersion = "([0-9a-f]+)"/.exec(indexB)[1];
    assert.notEqual(versionB, versionA, 'the fixture is another version');

    // The next load still runs A, whole, from its cache; meanwhile B installs and the page says so.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.lecternVersion), versionA);
    assert.equal((await app.state()).library.length, libraryA);
    const notice = page.locator('#notice');
    await notice.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await notice.innerText(), /A new version of Lectern is ready/);
    await app.shot('update-notice');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`lectern:/:${versionB}`], 'A\'s cache is gone');

    // The notice's Reload runs B.
    const loaded = page.waitForEvent('load');
    await notice.locator('button', { hasText: 'Reload' }).click();
    await loaded;
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.lecternVersion), versionB);
    const s = await app.state();
    assert.ok(s.library.length > libraryA, `B's library (${s.library.length} articles) is the fixture's, not A's (${libraryA})`);
    assert.ok(s.frames >= 2);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`lectern:/:${versionB}`]);
    const errors = server.accessLog().filter((r) => r.status >= 400);
    assert.deepEqual(errors, [], 'no request for a file of another version');
    app.assertNoConsoleErrors();
  } finally {
    if (app) await app.close();
    await server.close();
  }
});

// Each of the four downloads, missing: a clear message, and nothing thrown uncaught.
for (const [file, pattern] of [['the data bundle', /\/lectern\.[0-9a-f]{8}\.data$/],
                               ['the data loader', /\/lectern\.data\.[0-9a-f]{8}\.js$/],
                               ['the wasm', /\/lectern\.[0-9a-f]{8}\.wasm$/],
                               ['the app script', /\/lectern\.[0-9a-f]{8}\.js$/]]) {
  test(`a missing file (${file}) gives a clear message`, async () => {
    const server = await startNginx(DIST, { copy: true });
    const b = await browser.newContext();
    try {
      const page = await b.newPage();
      const uncaught = [], consoleErrors = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      await page.route(pattern, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(server.url);
      const problem = page.locator('#problem');
      await problem.waitFor({ state: 'visible', timeout: 20000 });
      const text = await problem.innerText();
      assert.match(text, /Lectern could not start/);
      assert.match(text, /could not be loaded|HTTP 404/);
      assert.match(text, /reload/i);
      assert.deepEqual(uncaught, []);
      // The browser reports the failed download itself; nothing else may be an error.
      assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0,
                   'a page that failed to start registers no service worker');
    } finally {
      await b.close();
      await server.close();
    }
  });
}
