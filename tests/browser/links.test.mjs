// Browser tests for shareable links (issue 5): the URL follows the reader without history
// spam, a link reopens exactly that view at another window size, "Copy link" copies it, and
// hostile or stale links fall back safely with a notice and no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, openApp, launchBrowser, waitForState, clickTarget } from './harness.mjs';
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

const hashOf = (link) => link.slice(link.indexOf('#') + 1);

// Opens `link` in a fresh page of another size (1000×1000) and waits for it to settle.
async function reopen(link) {
  const app = await openApp({ browser, url: link.slice(0, link.indexOf('#')), hash: hashOf(link), viewport: { width: 1000, height: 1000 } });
  try {
    await app.waitIdle();
  } catch (e) {
    await app.close();
    throw e;
  }
  return app;
}

test('the URL follows the reader with replaceState, and a link reopens that view at another size', async () => {
  const a = await openApp({ browser, server, viewport: { width: 1400, height: 860 } });
  let link, before;
  try {
    const { page } = a;
    await a.waitIdle();
    const historyLength = await page.evaluate(() => history.length);
    const s0 = await a.state();
    const q = `q${Math.min(2, s0.quotes)}`;
    await clickTarget(page, `quotes.row.${q}`);
    await waitForState(page, `(s) => s.quote === '${q}'`);
    await clickTarget(page, 'article.text');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+f');
    await waitForState(page, (s) => !!s.targets['find.input']);
    await page.keyboard.type('the');
    await waitForState(page, (s) => s.find.matches > 0);
    await clickTarget(page, 'article.text');  // leaves the box; the search stays open
    await a.waitIdle();
    before = await a.state();
    link = before.link;
    const hash = await page.evaluate(() => location.hash.slice(1));
    assert.equal(hash, hashOf(link), 'location.hash is the state query\'s link');
    assert.match(hash, /(^|&)a=[a-z0-9-]+/);
    assert.match(hash, new RegExp(`(^|&)q=${q}(&|$)`));
    assert.match(hash, /(^|&)p=-?\d+\.\d{3}(&|$)/);
    assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entries were added');
  } finally {
    await a.close();
  }
  // Open the link in a fresh page, narrower and taller: same article, selection, paragraph.
  const b = await reopen(link);
  try {
    const s = await b.state();
    assert.equal(s.article, before.article);
    assert.equal(s.quote, before.quote);
    assert.equal(s.entity, before.entity);
    assert.equal(s.paragraph, before.paragraph, 'the same paragraph is at the top of the view');
    assert.equal(s.find.query, 'the');
    await b.shot('deep-link-reopened-1000x1000');
    b.assertNoConsoleErrors();
  } finally {
    await b.close();
  }
});

test('a map the reader zoomed and panned reopens on the same place at the same zoom', async () => {
  const a = await openApp({ browser, server, viewport: { width: 1400, height: 860 } });
  let link, before;
  try {
    const { page } = a;
    await clickTarget(page, 'map.toggle');
    await waitForState(page, (s) => s.view === 'map' && Object.keys(s.targets).some((k) => k.startsWith('map.marker.')));
    await a.waitIdle();
    let s = await a.state();
    assert.equal(s.mapView, null, 'the map\'s own fit of the story is no view of the reader\'s');
    assert.ok(!/[#&]m=/.test(s.link), 'so the link carries none');
    const [x, y, w, h] = s.targets['map.canvas'];
    // Zoom in about a point left of centre, then drag the map down and right.
    await page.mouse.move(x + w * 0.3, y + h * 0.4);
    await page.mouse.wheel(0, -400);
    await waitForState(page, `(s) => s.mapZoom > ${s.mapZoom} * 1.5`);
    await page.mouse.move(x + w * 0.5, y + h * 0.15);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + w * 0.5 + 10 * i, y + h * 0.15 + 5 * i);
    await page.mouse.up();
    await a.waitIdle();
    before = await a.state();
    assert.ok(Array.isArray(before.mapView), 'the reader moved the map');
    link = before.link;
    const [lat, lon, zoom] = before.mapView;
    assert.match(link, new RegExp(`[#&]m=${lat.toFixed(2)},${lon.toFixed(2)},${zoom.toFixed(2)}(&|$)`));
    await page.waitForFunction((h) => location.hash.slice(1) === h, hashOf(link));
  } finally {
    await a.close();
  }
  // Another window size: the same centre and zoom relative to the whole world.
  const b = await reopen(link);
  try {
    const s = await b.state();
    assert.equal(s.view, 'map');
    assert.deepEqual(s.mapView, before.mapView, 'the link\'s centre and zoom');
    assert.ok(Math.abs(s.mapZoom - before.mapZoom) < 0.02, `zoom ${s.mapZoom} vs ${before.mapZoom}`);
    assert.equal(hashOf(s.link), hashOf(link), 'and the page writes the same link back');
    await b.shot('map-view-link-reopened-1000x1000');
    b.assertNoConsoleErrors();
  } finally {
    await b.close();
  }
});

test('a link typed into the address bar of an open page is applied (hashchange)', async () => {
  const app = await openApp({ browser, server });
  try {
    const { page } = app;
    const s0 = await app.state();
    await page.evaluate(() => { location.hash = 'q=q1'; });
    const s = await waitForState(page, (s) => s.quote === 'q1');
    assert.equal(s.article, s0.article);
  } finally {
    await app.close();
  }
});

test('Copy link puts the current view on the clipboard', async () => {
  const app = await openApp({ browser, server, viewport: { width: 1400, height: 860 } });
  try {
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await clickTarget(page, 'quotes.row.q1');
    await waitForState(page, (s) => s.quote === 'q1');
    await clickTarget(page, 'menu.share');
    await waitForState(page, (s) => !!s.targets['share.quote']);
    await clickTarget(page, 'share.quote');
    const s = await waitForState(page, (s) => s.lastLink !== '');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, s.lastLink);
    assert.match(hashOf(clip), /^a=[a-z0-9-]+(&e=[a-z0-9-]+)?&q=q1$/);
    assert.ok(!/[&#]p=/.test(clip), 'a quote link carries the quote, not the reading position');
  } finally {
    await app.close();
  }
});

// Each hostile or stale link must load the app without console errors or dialogs, inject no
// markup, and land on a sensible view; `expect` checks the fallback.
const HOSTILE = [
  ['unknown article', 'a=no-such-article-anywhere', (s) => s.article && s.notices.some((n) => /not in this library/.test(n))],
  ['truncated article id', (id) => `a=${id.slice(0, 9)}`, (s) => s.article && s.notices.length > 0],
  ['unknown entity', (id) => `a=${id}&e=nobody-in-this-story`, (s) => s.entity === null && s.notices.some((n) => /entity/.test(n))],
  ['unknown quote', 'q=q9999', (s) => s.quote === null && s.notices.some((n) => /quote/.test(n))],
  ['position past the end', 'p=999999.500', (s) => s.paragraph >= 0],
  ['script in the hash', '<script>alert(1)</script>', (s) => s.article && s.quote === null],
  ['markup as an id', 'a=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', (s) => s.article && s.notices.some((n) => /not valid/.test(n))],
  ['javascript: URL', 'javascript:alert(document.cookie)', (s) => s.article !== null],
  ['svg in the view', 'v=%3Csvg%2Fonload%3Dalert(1)%3E', (s) => s.view === 'graph'],
  ['broken percent-encoding', 'a=%E0%A4%A&s=%ZZ%', (s) => s.article !== null],
  ['control characters', 's=%1B%5B2J%00%07bell', (s) => !/[\u0000-\u001f]/.test(s.find.query)],
  ['only separators', '&&&==&=&', (s) => s.article !== null],
  ['oversized', 's=' + 'x'.repeat(6000), (s) => s.notices.some((n) => /too long/.test(n))],
  ['many bad fields', Array.from({ length: 400 }, (_, i) => `k${i}=v`).join('&'), (s) => s.notices.length <= 3],
  ['negative position', 'p=-7.100', (s) => s.scroll === 0],
  ['map view out of range', 'v=map&m=999,-4e9,Infinity', (s) => s.view === 'map' && s.mapView === null && s.notices.some((n) => /map view/.test(n))],
];

test('hostile and stale links fall back safely', async () => {
  const probe = await openApp({ browser, server });
  const articleId = (await probe.state()).article;
  const countElements = () => document.querySelectorAll('script:not([src]), img, svg, iframe, object, embed').length;
  const baseline = await probe.page.evaluate(countElements);
  await probe.close();
  const results = [];
  for (const [name, hashOrFn, expect] of HOSTILE) {
    const hash = typeof hashOrFn === 'function' ? hashOrFn(articleId) : hashOrFn;
    const app = await openApp({ browser, server, hash, waitReady: false });
    let dialog = null;
    app.page.on('dialog', async (d) => { dialog = d.message(); await d.dismiss(); });
    try {
      // The reader's own articles are read first (a link may name one of them).
      await app.page.waitForFunction(() => typeof window.lecternState === 'function' && window.lecternState().frames >= 2 &&
                                           window.lecternState().ownLoaded, null, { timeout: 30000 });
      await app.page.waitForTimeout(200);
      const s = await app.state();
      const injected = await app.page.evaluate(countElements);
      results.push(name);
      assert.ok(expect(s), `${name}: unexpected state ${JSON.stringify({ article: s.article, entity: s.entity, quote: s.quote, view: s.view, notices: s.notices, paragraph: s.paragraph })}`);
      assert.equal(dialog, null, `${name}: a dialog opened`);
      assert.equal(injected, baseline, `${name}: no markup was injected`);
      assert.equal(await app.page.title(), `${s.title} \u2014 Lectern`, `${name}: the tab names the open article, nothing from the link`);
      app.assertNoConsoleErrors();
    } finally {
      await app.close();
    }
  }
  console.log('hostile links tried:', results.join('; '));
});
