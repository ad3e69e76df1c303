// Browser tests for the foundation (issue 2): the page loads the seed article, draws real text,
// scrolls by keyboard and wheel, idles, follows resizes and devicePixelRatio, and the reading
// controls change the layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, openApp, launchBrowser, waitIdle, waitForState, decodePng, inkRatio,
         readArticleFile, clickTarget } from './harness.mjs';
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

const seedFiles = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort();

test('the seed article opens with its headline and paragraph count, without console errors', async () => {
  const app = await openApp({ browser, server });
  try {
    const s = await app.state();
    const seed = readArticleFile(path.join(ROOT, 'seeds', seedFiles[0]));
    assert.equal(s.title, seed.headline);
    assert.equal(await app.page.title(), `${seed.headline} \u2014 Lectern`, 'the tab is named after the article');
    assert.equal(s.paragraphs, seed.paragraphs.length);
    assert.match(s.article, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'the article id is a slug');
    assert.ok(s.article.startsWith(seed.headline.toLowerCase().split(/\W+/)[0]), 'the slug comes from the headline');
    assert.equal(s.library.length, seedFiles.length);
    assert.ok(s.frames >= 2);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('the article region shows text, set at a comfortable measure', async () => {
  const app = await openApp({ browser, server });
  try {
    await app.waitIdle();
    const s = await app.state();
    const [x, y, w, h] = s.targets['article.column'];
    const { png } = await app.shot('article-light-1280x800', {});
    const img = decodePng(png);
    const ink = inkRatio(img, { x: Math.round(x), y: Math.round(y) + 10, w: Math.round(w), h: Math.round(h) - 20 });
    assert.ok(ink > 0.03 && ink < 0.4, `the text column has ink ${ink.toFixed(3)} (blank is 0)`);
    // The margins beside the column are empty page.
    const margin = inkRatio(img, { x: 10, y: Math.round(y) + 40, w: Math.max(20, Math.round(x) - 30), h: 300 });
    assert.ok(margin < 0.01, `left margin ink ${margin}`);
    assert.ok(s.charsPerLine >= 60 && s.charsPerLine <= 75, `measure is ${s.charsPerLine} characters a line`);
  } finally {
    await app.close();
  }
});

test('after 2 s without input the app renders no frames', async () => {
  const app = await openApp({ browser, server });
  try {
    await app.page.waitForTimeout(2000);
    const f1 = (await app.state()).frames;
    await app.page.waitForTimeout(2000);
    const f2 = (await app.state()).frames;
    assert.equal(f2, f1, `frames advanced from ${f1} to ${f2} while idle`);
    // Input wakes it again.
    await app.page.mouse.move(400, 400);
    await app.page.mouse.move(420, 410);
    await app.page.waitForTimeout(300);
    assert.ok((await app.state()).frames > f2, 'input wakes the loop');
  } finally {
    await app.close();
  }
});

test('keyboard and wheel scroll smoothly to the right places', async () => {
  const app = await openApp({ browser, server, viewport: { width: 1000, height: 600 } });
  try {
    const { page } = app;
    await clickTarget(page, 'article.text');
    const s0 = await app.state();
    assert.equal(s0.scroll, 0);
    assert.ok(s0.scrollMax > 200, 'the seed is taller than the view');
    await page.keyboard.press('PageDown');
    // Smooth: the first frames after the key are between the start and the target.
    const mid = await waitForState(page, '(s) => s.scroll > 0');
    assert.ok(mid.scrollTarget > 300, `PageDown targets ${mid.scrollTarget}`);
    let s = await waitForState(page, '(s) => s.scroll === s.scrollTarget');
    const afterPage = s.scroll;
    await page.keyboard.press('ArrowDown');
    s = await waitForState(page, `(s) => s.scroll === s.scrollTarget && s.scroll > ${afterPage}`);
    await page.keyboard.press('End');
    s = await waitForState(page, '(s) => s.scroll === s.scrollTarget && s.scroll > 0');
    assert.equal(s.scroll, s.scrollTarget);
    assert.ok(s.paragraph >= 3, `End shows a late paragraph (${s.paragraph})`);
    await page.keyboard.press('Home');
    s = await waitForState(page, '(s) => s.scroll === 0');
    await page.keyboard.press('Space');
    s = await waitForState(page, '(s) => s.scroll > 0 && s.scroll === s.scrollTarget');
    await page.keyboard.press('Shift+Space');
    s = await waitForState(page, '(s) => s.scroll === 0');
    await page.mouse.move(500, 300);
    await page.mouse.wheel(0, 300);
    s = await waitForState(page, '(s) => s.scroll > 0 && s.scroll === s.scrollTarget');
    assert.ok(s.scroll > 50, `wheel scrolled ${s.scroll}`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('touch: a drag scrolls the article', async () => {
  const app = await openApp({ browser, server, viewport: { width: 390, height: 740 }, dpr: 3,
                              contextOptions: { hasTouch: true, isMobile: true } });
  try {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    const touch = async (type, y) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
    await touch('touchStart', 600);
    for (let y = 580; y >= 300; y -= 20) await touch('touchMove', y);
    await touch('touchEnd', 300);
    const s = await waitForState(page, '(s) => s.scroll > 100');
    assert.ok(s.scroll > 100, `touch drag scrolled ${s.scroll}`);
    await app.shot('article-phone-390x740@3x');
  } finally {
    await app.close();
  }
});

test('the canvas follows resizes and devicePixelRatio 2 with a sharp backing store', async () => {
  const app = await openApp({ browser, server, viewport: { width: 1100, height: 700 }, dpr: 2 });
  try {
    const { page } = app;
    const canvasSize = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
    });
    let c = await canvasSize();
    assert.deepEqual([c.w, c.h], [2200, 1400]);
    let s = await app.state();
    assert.equal(s.display.scale, 2, 'ImGui renders at framebuffer scale 2');
    assert.equal(s.display.fontDensity, 2, 'glyphs are rasterised at density 2, not upscaled');
    await app.shot('article-dpr2-1100x700');
    await page.setViewportSize({ width: 760, height: 900 });
    s = await waitForState(page, '(s) => s.display.width === 760');
    c = await canvasSize();
    assert.deepEqual([c.w, c.h, c.cw, c.ch], [1520, 1800, 760, 900]);
    assert.equal(s.display.height, 900);
    await app.shot('article-dpr2-760x900');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('reading controls: larger text re-lays the article; themes switch; the choice persists', async () => {
  const app = await openApp({ browser, server });
  try {
    const { page } = app;
    const before = await app.state();
    await clickTarget(page, 'article.text');
    await page.keyboard.press('Control+Equal');
    let s = await waitForState(page, `(s) => s.textSize > ${before.textSize}`);
    // The measure is set in characters, so the column widens with the text: the same lines,
    // but a taller article.
    assert.ok(s.scrollMax > before.scrollMax + 20, `larger text makes a taller article (${before.scrollMax} -> ${s.scrollMax})`);
    await clickTarget(page, 'menu.reading');
    await waitForState(page, '(s) => !!s.targets["reading.theme.dark"]');
    await clickTarget(page, 'reading.theme.dark');
    s = await waitForState(page, '(s) => s.theme === "dark"');
    await page.keyboard.press('Escape');
    await app.waitIdle();
    await app.shot('article-dark');
    await page.reload();
    await page.waitForFunction(() => window.lecternState && window.lecternState().frames >= 2);
    s = await app.state();
    assert.equal(s.theme, 'dark', 'the theme survives a reload');
    assert.ok(s.textSize > before.textSize, 'the text size survives a reload');
  } finally {
    await app.close();
  }
});
