// Browser tests for the three linked windows (issue 4), Article and Quote explorer side: real
// mouse and keyboard events; expectations worked out from the seed file and the app's own
// analysis as it reports it (ids, counts), never from a list of names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, openApp, launchBrowser, waitForState, clickTarget, targetCenter, readArticleFile } from './harness.mjs';
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

const seedFile = path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort()[0]);
const seed = readArticleFile(seedFile);
const wide = { width: 1400, height: 860 };

function inView(s, span) {
  return span && span[0] >= s.visible[0] && span[1] <= s.visible[1];
}

test('clicking a highlighted mention selects its entity everywhere', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    await app.waitIdle();
    const s0 = await app.state();
    assert.ok(s0.entities >= 3, `the seed has entities (${s0.entities})`);
    const mentionTargets = Object.keys(s0.targets).filter((k) => k.startsWith('article.mention.'));
    assert.ok(mentionTargets.length >= 3, 'several mentions are visible and highlighted');
    const target = mentionTargets[0];
    const id = target.slice('article.mention.'.length);
    // Hover shows the tooltip; click selects.
    const c = await targetCenter(page, target);
    await page.mouse.move(c.x, c.y);
    await page.waitForTimeout(700);
    await app.shot('article-mention-tooltip');
    await page.mouse.down();
    await page.mouse.up();
    const s = await waitForState(page, `(s) => s.entity === '${id}'`);
    assert.equal(s.entity, id);
    assert.match(s.link, new RegExp(`[#&]e=${id}(&|$)`), 'the URL carries the selection');
    // The next-mention button walks the entity's mentions and keeps each in view.
    await clickTarget(page, 'article.mention.next');
    const s2 = await waitForState(page, (s) => s.mention >= 0);
    await app.waitIdle();
    const s3 = await app.state();
    assert.ok(inView(s3, s3.selectionSpan), `mention ${s2.mention} is on screen: ${s3.selectionSpan} in ${s3.visible}`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('clicking a quote in the explorer scrolls the article to it and selects its speaker', async () => {
  const app = await openApp({ browser, server, viewport: { width: 1400, height: 600 } });
  try {
    const { page } = app;
    await app.waitIdle();
    const s0 = await app.state();
    assert.ok(s0.quotes >= 2, `the seed has quotes (${s0.quotes})`);
    // The last quote is furthest down the article: the view has to move to show it.
    const last = `q${s0.quotes}`;
    await clickTarget(page, `quotes.row.${last}`);
    await waitForState(page, `(s) => s.quote === '${last}'`);
    await app.waitIdle();
    const s = await app.state();
    assert.ok(s.scroll > 0, 'the article scrolled');
    assert.ok(inView(s, s.selectionSpan), `the quote ${s.selectionSpan} is in view ${s.visible}`);
    await app.shot('quote-selected');
    // "Copy with citation" puts the quote, its speaker and the headline on the clipboard.
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await clickTarget(page, 'quotes.copy');
    await page.waitForTimeout(300);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(clip.includes(seed.headline), `citation names the headline: ${clip}`);
    assert.ok(clip.includes('#a=') && clip.includes(`q=${last}`), 'citation carries a link to the quote');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('the quote explorer filters by kind and by text', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    await app.waitIdle();
    const count = async () => Object.keys((await app.state()).targets).filter((k) => k.startsWith('quotes.row.')).length;
    const all = await count();
    await clickTarget(page, 'quotes.kind.direct');
    await page.waitForTimeout(300);
    const direct = await count();
    await clickTarget(page, 'quotes.kind.reported');
    await page.waitForTimeout(300);
    const reported = await count();
    assert.equal(direct + reported, all, `direct ${direct} + reported ${reported} = all ${all}`);
    await clickTarget(page, 'quotes.kind.all');
    await clickTarget(page, 'quotes.search');
    await page.keyboard.type('zzzz-not-in-any-quote');
    await page.waitForTimeout(300);
    assert.equal(await count(), 0);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('find in the article counts every match and steps through them', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    const word = 'agreement';
    const text = [seed.headline, ...seed.paragraphs].join('\n');
    const expected = (text.match(new RegExp(word, 'gi')) || []).length;
    assert.ok(expected >= 3);
    await clickTarget(page, 'article.text');
    await page.keyboard.press('Control+f');
    await waitForState(page, (s) => !!s.targets['find.input']);
    await page.keyboard.type(word);
    let s = await waitForState(page, (s) => s.find.matches > 0);
    assert.equal(s.find.matches, expected);
    assert.equal(s.find.current, 1);
    await page.keyboard.press('Enter');
    s = await waitForState(page, (s) => s.find.current === 2);
    await page.keyboard.press('Shift+Enter');
    s = await waitForState(page, (s) => s.find.current === 1);
    await clickTarget(page, 'find.previous');
    s = await waitForState(page, `(s) => s.find.current === ${expected}`);
    await app.waitIdle();
    await app.shot('find-in-article');
    assert.match(s.link, new RegExp(`[#&]s=${word}(&|$)`), 'the search term is in the link');
    await page.keyboard.press('Escape');
    s = await waitForState(page, (s) => s.find.matches === 0);
  } finally {
    await app.close();
  }
});

test('select text with the mouse and copy it to the clipboard', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.waitIdle();
    const line = (await app.state()).targets['article.body.first'];
    const col = [line[0], line[1], line[2], line[3]];
    const body = line[1] + line[3] / 2;
    // Double-click the first word of the first paragraph.
    const firstWord = seed.paragraphs[0].split(/\s+/)[0];
    await page.mouse.dblclick(col[0] + 4, body);
    let s = await waitForState(page, (s) => s.selection.length > 0);
    assert.equal(s.selection, firstWord);
    await page.keyboard.press('Control+c');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), firstWord);
    // Drag across two lines: the copy joins them with a space, as the text reads.
    await page.mouse.move(col[0] + 2, body);
    await page.mouse.down();
    await page.mouse.move(col[0] + 120, body + 20, { steps: 4 });
    await page.mouse.move(col[0] + 120, body + 40, { steps: 4 });
    await page.mouse.up();
    s = await waitForState(page, (s) => s.selection.length > 20);
    assert.ok(seed.paragraphs[0].replace(/\s+/g, ' ').startsWith(s.selection), `"${s.selection}" is the start of paragraph 1`);
    await clickTarget(page, 'article.copy');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.selection);
    // Select all takes the headline and every paragraph.
    await page.keyboard.press('Control+a');
    s = await waitForState(page, (s) => s.selection.length > 200);
    assert.equal(s.selection, [seed.headline, ...seed.paragraphs.map((p) => p.replace(/\s*\n\s*/g, ' '))].join('\n\n'));
    await app.shot('text-selected');
  } finally {
    await app.close();
  }
});

test('legend toggles hide and show a type of highlight, and persist', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    await app.waitIdle();
    const before = await app.state();
    const key = Object.keys(before.targets).find((k) => /^legend\.(person|place|org|group)$/.test(k));
    const type = key.split('.')[1];
    await clickTarget(page, key);
    await waitForState(page, `(s) => s.highlights['${type}'] === false`);
    await app.waitIdle();
    await app.shot(`legend-${type}-off`);
    await page.reload();
    await page.waitForFunction(() => window.lecternState && window.lecternState().frames >= 2);
    assert.equal((await app.state()).highlights[type], false, 'the toggle survives a reload');
    await clickTarget(page, 'legend.all');
    await waitForState(page, (s) => Object.values(s.highlights).every(Boolean));
  } finally {
    await app.close();
  }
});

test('windows close, reopen from the menu, and the arrangement persists', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    let s = await app.state();
    assert.deepEqual(s.windows, ['article', 'map', 'quotes']);
    assert.equal(s.layout, 'columns');
    // Three windows side by side, each a sensible share of the width.
    const rects = ['article', 'map', 'quotes'].map((w) => s.targets['window.' + w]);
    for (const r of rects) assert.ok(r[2] > wide.width * 0.18, `window width ${r[2]}`);
    assert.ok(rects[0][0] < rects[1][0] && rects[1][0] < rects[2][0], 'left to right: article, map, quotes');
    await clickTarget(page, 'menu.windows');
    await waitForState(page, (s) => !!s.targets['menu.windows.quotes']);
    await clickTarget(page, 'menu.windows.quotes');
    s = await waitForState(page, (s) => !s.windows.includes('quotes'));
    await page.reload();
    await page.waitForFunction(() => window.lecternState && window.lecternState().frames >= 2);
    s = await app.state();
    assert.deepEqual(s.windows, ['article', 'map'], 'closed stays closed after a reload');
    await clickTarget(page, 'menu.windows');
    await waitForState(page, (s) => !!s.targets['menu.windows.reset']);
    await clickTarget(page, 'menu.windows.reset');
    s = await waitForState(page, (s) => s.windows.length === 3);
  } finally {
    await app.close();
  }
});

test('a window moved and resized by dragging keeps its place across a reload', async () => {
  const app = await openApp({ browser, server, viewport: wide });
  try {
    const { page } = app;
    const r0 = (await app.state()).targets['window.quotes'];
    // Drag the bottom-right corner inwards, then the title bar down and left.
    await page.mouse.move(r0[0] + r0[2] - 3, r0[1] + r0[3] - 3);
    await page.waitForTimeout(100);  // a reader's pointer rests on the grip before pressing
    await page.mouse.down();
    await page.mouse.move(r0[0] + r0[2] - 60, r0[1] + r0[3] - 200, { steps: 6 });
    await page.mouse.up();
    const r1 = (await waitForState(page, `(s) => s.targets['window.quotes'][3] < ${r0[3] - 100}`)).targets['window.quotes'];
    await page.mouse.move(r1[0] + 60, r1[1] + 10);
    await page.waitForTimeout(100);
    await page.mouse.down();
    await page.mouse.move(r1[0] - 40, r1[1] + 90, { steps: 6 });
    await page.mouse.up();
    const r2 = (await waitForState(page, `(s) => s.targets['window.quotes'][1] > ${r1[1] + 40}`)).targets['window.quotes'];
    await app.page.waitForTimeout(300);
    await page.reload();
    await page.waitForFunction(() => window.lecternState && window.lecternState().frames >= 2);
    const r3 = (await app.state()).targets['window.quotes'];
    assert.deepEqual(r3, r2, 'position and size survive the reload');
    await app.shot('window-moved');
  } finally {
    await app.close();
  }
});

test('a phone-sized viewport shows one window at a time, with tabs', async () => {
  const app = await openApp({ browser, server, viewport: { width: 390, height: 780 }, dpr: 2,
                              contextOptions: { hasTouch: true, isMobile: true } });
  try {
    const { page } = app;
    let s = await app.state();
    assert.equal(s.layout, 'tabs');
    assert.deepEqual(s.windows, ['article']);
    for (const t of ['tab.article', 'tab.map', 'tab.quotes']) assert.ok(s.targets[t], `${t} is on screen`);
    await app.shot('phone-tabs-article');
    const tap = async (name) => {
      const c = await targetCenter(page, name);
      await page.touchscreen.tap(c.x, c.y);
    };
    await tap('tab.quotes');
    s = await waitForState(page, (s) => s.windows[0] === 'quotes');
    await app.waitIdle();
    await app.shot('phone-tabs-quotes');
    // Tapping a quote shows it in the article.
    await tap('quotes.row.q1');
    s = await waitForState(page, (s) => s.quote === 'q1' && s.windows[0] === 'article');
    await app.waitIdle();
    s = await app.state();
    assert.ok(inView(s, s.selectionSpan), 'the quote is in view on the phone');
    await app.shot('phone-quote-in-article');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});
