// Browser tests for the library (issue 2): every packaged file is an article in the list, files
// that are not articles are refused with a clear message, and a broken encoding is repaired
// visibly rather than dropped. Runs against build/web/fixtures/library-app (tools/test builds it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, openApp, launchBrowser, clickTarget, waitForState, readArticleFile } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';

// The fixture sits beside the dist in the same build directory.
const FIXTURE = path.join(DIST, '..', 'fixtures/library-app');
const SEEDS = path.join(DIST, '..', 'fixtures/library-seeds');
let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(FIXTURE);
});
after(async () => {
  await server.close();
  await browser.close();
});

// What the library should hold, worked out from the files themselves.
function expectedLibrary() {
  const articles = [], refused = [];
  for (const f of fs.readdirSync(SEEDS).filter((n) => !n.startsWith('.')).sort()) {
    const bytes = fs.readFileSync(path.join(SEEDS, f));
    if (bytes.length === 0 || bytes.toString('latin1').trim() === '' || bytes.includes(0)) refused.push(f);
    else articles.push({ file: f, ...readArticleFile(path.join(SEEDS, f)) });
  }
  return { articles, refused };
}

// Opens a library entry through the Library menu with the mouse; returns the state once it is open.
async function openFromLibrary(app, entry) {
  await clickTarget(app.page, 'menu.library');
  await waitForState(app.page, `(s) => !!s.targets['library.${entry.id}']`);
  await clickTarget(app.page, 'library.' + entry.id);
  return waitForState(app.page, `(s) => s.article === '${entry.id}'`);
}

test('every article file is listed with words and reading time; non-articles are refused with a message', async () => {
  const app = await openApp({ browser, server, viewport: { width: 1280, height: 800 } });
  try {
    const s = await app.state();
    const { articles, refused } = expectedLibrary();
    assert.ok(articles.length >= 3, 'the fixture has several articles');
    assert.equal(s.library.length, articles.length);
    for (const a of articles) {
      const entry = s.library.find((l) => l.title === a.headline.replace(/\uFFFD/g, '\uFFFD'));
      assert.ok(entry || a.headline.includes('\uFFFD'), `"${a.headline}" is listed`);
      if (entry) {
        const words = a.paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
        assert.equal(entry.words, words, `word count of ${a.file}`);
        assert.equal(entry.minutes, Math.max(1, Math.round(words / 230)));
      }
    }
    for (const f of refused) assert.ok(s.notices.some((n) => n.includes(f)), `a notice names ${f}: ${JSON.stringify(s.notices)}`);
    assert.ok(s.notices.some((n) => /latin1-cafe\.txt.*not valid UTF-8/.test(n)), 'the Latin-1 article is reported');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('names in Greek, Cyrillic, Turkish and Vietnamese letters are drawn, not boxes', async () => {
  const app = await openApp({ browser, server });
  try {
    const s0 = await app.state();
    const entry = s0.library.find((l) => l.title.startsWith('Leaders Meet in Athens'));
    assert.ok(entry, 'the fixture article is in the library');
    // The first article is English: the letters beyond Windows-1252 were not fetched for it.
    assert.equal(s0.moreGlyphs, 'not requested', `the first article needs no more letters (${s0.missingGlyphs})`);
    await openFromLibrary(app, entry);
    // They come in files of their own, fetched now; the text is measured again with them.
    const s = await waitForState(app.page, (s) => s.moreGlyphs === 'ready' && !s.measuring);
    assert.deepEqual(s.missingGlyphs, [], 'every letter of the article is in its fonts');
    await app.page.keyboard.press('Escape');
    await app.waitIdle();
    await app.shot('article-names-in-their-scripts');
  } finally {
    await app.close();
  }
});

test('when the fonts with more letters cannot be fetched, a notice says so and the article still reads', async () => {
  // No service worker: its precache would answer before the route could.
  const app = await openApp({ browser, server, contextOptions: { serviceWorkers: 'block' } });
  try {
    const { page } = app;
    await page.route(/\.more\.[0-9a-f]{8}\.ttf$/, (route) => route.fulfill({ status: 503, body: 'down' }));
    const s0 = await app.state();
    const entry = s0.library.find((l) => l.title.startsWith('Leaders Meet in Athens'));
    await openFromLibrary(app, entry);
    const s = await waitForState(page, (s) => s.moreGlyphs === 'failed');
    assert.ok(s.notices.some((n) => /drawn as boxes/.test(n) && /503/.test(n)), s.notices.join(' | '));
    assert.ok(s.missingGlyphs.includes('U+039A'), `Greek capital kappa is missing: ${s.missingGlyphs}`);
    assert.ok(s.lines > 5 && s.entities > 5, 'the article is laid out and analysed all the same');
  } finally {
    await app.close();
  }
});

test('opening another article from the Library menu with the mouse', async () => {
  const app = await openApp({ browser, server });
  try {
    const { page } = app;
    const s0 = await app.state();
    await clickTarget(page, 'menu.library');
    const other = s0.library.find((l) => l.id !== s0.article && !l.title.includes('\uFFFD'));
    await waitForState(page, `(s) => !!s.targets['library.${other.id}']`);
    await app.shot('library-menu');
    await clickTarget(page, 'library.' + other.id);
    const s = await waitForState(page, `(s) => s.article === '${other.id}'`);
    assert.equal(s.title, other.title);
    assert.equal(s.scroll, 0);
  } finally {
    await app.close();
  }
});

test('an article with invalid UTF-8 opens, with U+FFFD where the bad bytes are', async () => {
  const app = await openApp({ browser, server });
  try {
    const s0 = await app.state();
    const cafe = s0.library.find((l) => l.title.includes('\uFFFD'));
    assert.ok(cafe, 'the Latin-1 article is in the library, not dropped');
    const s = await openFromLibrary(app, cafe);
    assert.ok(s.paragraphs >= 2);
    await app.page.keyboard.press('Escape');
    await app.waitIdle();
    await app.shot('article-invalid-utf8');
  } finally {
    await app.close();
  }
});
