// The first visit (issue 12): the packaged article comes analysed with the build, so the page
// starts without the gazetteer and without analysing, and what it shows is what the native CLI
// finds in the same file, to the byte. The place names (gazetteer.txt) are fetched once, the
// first time the reader brings a text of their own, or as soon as the texts they kept are read
// back; when they cannot be, the text still reads, a notice says why, and "Try again" analyses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, ROOT, openApp, launchBrowser, waitForState, clickTarget, pasteText } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';

const CLI = process.env.LECTERN_CLI || path.join(ROOT, 'build/native/src/cli/lectern');
const SEEDS = path.join(ROOT, 'seeds');
const ARTICLE = fs.readFileSync(path.join(ROOT, 'tests/realtext/bbc_sweden_assange.txt'), 'utf8');
const GAZETTEER = /\/gazetteer\.[0-9a-f]{8}\.txt$/;

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(DIST);
});
after(async () => {
  await server.close();
  await browser.close();
});

// No service worker: its install fetches every file of the build, and the test counts what the
// page itself asks for.
async function open(extra = {}) {
  const app = await openApp({ browser, server, contextOptions: { serviceWorkers: 'block', ...extra } });
  app.requests = [];
  app.page.on('request', (r) => app.requests.push(new URL(r.url()).pathname));
  await waitForState(app.page, (s) => s.ownLoaded, 15000);
  return app;
}

test('the packaged article opens analysed, with no gazetteer fetched, and its JSON is the native CLI\'s', async () => {
  assert.ok(fs.existsSync(CLI), `the native CLI is built (${CLI}); tools/test builds it first`);
  const app = await open({ acceptDownloads: true });
  try {
    const { page } = app;
    const s = await app.state();
    assert.equal(s.prepared, true, 'the open article\'s analysis came with the build');
    assert.equal(s.gazetteer, 'not requested');
    assert.ok(s.entities > 3 && s.quotes > 0, `${s.entities} entities, ${s.quotes} quotes`);
    await clickTarget(page, 'menu.export');
    await waitForState(page, (s) => !!s.targets['export.json']);
    const [download] = await Promise.all([page.waitForEvent('download'), clickTarget(page, 'export.json')]);
    const inPage = fs.readFileSync(await download.path(), 'utf8');
    const seed = fs.readdirSync(SEEDS).filter((f) => !f.startsWith('.')).sort()[0];
    const native = execFileSync(CLI, ['analyze', path.join(SEEDS, seed), '--json'], { encoding: 'utf8' });
    assert.equal(JSON.parse(inPage).entities.length, s.entities);
    assert.ok(inPage === native, 'the page\'s JSON of the packaged article is byte for byte the native CLI\'s');
    assert.deepEqual(app.requests.filter((p) => GAZETTEER.test(p)), [], 'the gazetteer was not fetched');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a pasted article fetches the place names once, then is analysed with them', async () => {
  const app = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = app;
    await pasteText(page, ARTICLE);
    let s = await waitForState(page, (s) => s.gazetteer === 'ready' && s.entities > 0 && s.analysing === null, 30000);
    assert.equal(s.prepared, false);
    assert.ok(s.quotes > 3, `${s.quotes} quotes`);
    assert.ok(s.entities > 10, `${s.entities} entities: places among them need the gazetteer`);
    // A second article of the reader's: no second fetch.
    await pasteText(page, ARTICLE.replace(/\n/, ' (again)\n'));
    s = await waitForState(page, (s) => s.library.filter((l) => l.own).length === 2 && s.entities > 0 && s.analysing === null, 30000);
    assert.equal(app.requests.filter((p) => GAZETTEER.test(p)).length, 1, app.requests.join(' '));
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('with kept articles of the reader\'s, the place names are on their way before one is opened', async () => {
  const app = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = app;
    await pasteText(page, ARTICLE);
    await waitForState(page, (s) => s.library.find((l) => l.own)?.kept && s.analysing === null, 30000);
    // A new visit that opens the packaged article: the kept one is read back, not opened.
    app.requests.length = 0;
    await page.goto(app.url);
    const s = await waitForState(page, (s) => s.ownLoaded && s.gazetteer !== 'not requested', 15000);
    assert.equal(s.prepared, true, 'the packaged article is the one open');
    assert.ok(s.library.some((l) => l.own), 'the kept article was read back');
    await waitForState(page, (s) => s.gazetteer === 'ready', 30000);
    assert.equal(app.requests.filter((p) => GAZETTEER.test(p)).length, 1, app.requests.join(' '));
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('when the place names cannot be fetched, the text reads, a notice says why, and Try again analyses it', async () => {
  const app = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = app;
    await page.route(GAZETTEER, (route) => route.fulfill({ status: 503, body: 'down' }));
    await pasteText(page, ARTICLE);
    let s = await waitForState(page, (s) => s.gazetteer === 'failed' && s.library.some((l) => l.own), 30000);
    assert.ok(s.notices.some((n) => /place names could not be loaded/.test(n) && /503/.test(n)), s.notices.join(' | '));
    s = await waitForState(page, (s) => s.lines > 10, 15000);
    assert.equal(s.entities, 0, 'not analysed without the place names');
    assert.notEqual(s.analysing, null, 'the analysis waits');
    await page.unroute(GAZETTEER);
    await clickTarget(page, 'analysis.retry');
    s = await waitForState(page, (s) => s.gazetteer === 'ready' && s.entities > 10 && s.analysing === null, 30000);
    assert.ok(s.quotes > 3);
  } finally {
    await app.close();
  }
});
