// Browser test with a ~1 MB article (issue 4: "a 1 MB article scrolls and resizes smoothly"):
// it opens, is analysed, scrolls end to end, re-lays out on a resize, and find counts every
// match. Correctness only; the frame-time figures come from tests/browser/bench_frames.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, openApp, launchBrowser, waitForState, clickTarget } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';

const FIXTURE = path.join(DIST, '..', 'fixtures/big-app');
const TEXT = path.join(DIST, '..', 'fixtures/big-seeds/big.txt');
let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(FIXTURE);
});
after(async () => {
  await server.close();
  await browser.close();
});

test('a 1 MB article opens, scrolls end to end, resizes, and finds every match', async () => {
  const text = fs.readFileSync(TEXT, 'utf8');
  assert.ok(text.length > 1000000);
  const app = await openApp({ browser, server, viewport: { width: 1400, height: 860 } });
  try {
    const { page } = app;
    // Longer than one slice: analysed across frames (analysis_job.h) after the text is shown.
    let s = await waitForState(page, (s) => s.analysing === null && s.entities > 0, 30000);
    assert.ok(s.paragraphs > 3000, `${s.paragraphs} paragraphs`);
    assert.ok(s.entities > 20 && s.quotes > 1000, `${s.entities} entities, ${s.quotes} quotes`);
    await clickTarget(page, 'article.text');
    await page.keyboard.press('End');
    s = await waitForState(page, (s) => s.scroll > 0 && s.scroll === s.scrollTarget, 20000);
    assert.equal(s.visible[1], Buffer.byteLength(text.trimEnd()), 'End shows the last line');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    s = await waitForState(page, (s) => s.scroll === s.scrollTarget, 20000);
    const reading = s.paragraph;
    await page.setViewportSize({ width: 1000, height: 860 });
    s = await waitForState(page, (s) => s.display.width === 1000, 20000);
    assert.equal(s.paragraph, reading, 'the reading position survives the re-layout');
    await page.keyboard.press('Home');
    await waitForState(page, (s) => s.scroll === 0, 20000);
    await page.keyboard.press('Control+f');
    await waitForState(page, (s) => !!s.targets['find.input']);
    await page.keyboard.type('Lisbon');
    const expected = (text.match(/lisbon/gi) || []).length;
    s = await waitForState(page, (s) => s.find.matches > 0, 20000);
    assert.equal(s.find.matches, expected);
    await app.waitIdle();
    await app.shot('large-article-find');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});
