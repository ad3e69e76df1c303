// bench_own_articles.mjs — how long a reader waits for an article of their own: prints figures,
// asserts nothing.
//
//   node tools/bench_own_articles.mjs [DIST]      # DIST: $LECTERN_DIST or build/web/dist
//
// In headless Debian Chromium (SwiftShader: no GPU, so times are upper bounds), for a 1 MB and a
// 20 MB article of real news text (tests/realtext repeated):
//   how         pasted: the text on the real clipboard, then Ctrl+V on the page; dropped: a file
//               of it dropped on the page
//   text        from the key press (or the drop) to the first frame showing the new article's lines
//   analysed    from the same moment to the analysis done (state.analysing back to null)
//   frames      frames drawn while it was analysed, and the longest gap between two of them
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static_server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] || process.env.LECTERN_DIST || path.join(ROOT, 'build/web/dist'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
              '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function corpus(bytes, headline) {
  const dir = path.join(ROOT, 'tests/realtext');
  const bodies = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/).slice(1).join('\n\n'));
  let body = '';
  for (let i = 0; body.length < bytes; ++i) body += bodies[i % bodies.length] + '\n\n';
  return headline + '\n\n' + body;
}

const server = await startStaticServer(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  for (const [label, size, how] of [['1 MB', 1 << 20, 'paste'], ['20 MB', 20 << 20, 'paste'], ['20 MB', 20 << 20, 'drop']]) {
    const headline = `Bench article of ${label}`;
    const text = corpus(size, headline);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => typeof window.lecternState === 'function' && window.lecternState().ownLoaded);
    let handle = null;
    if (how === 'paste') {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.locator('#canvas').focus();
    } else {
      handle = await page.evaluateHandle((b64) => {
        const raw = atob(b64);
        const u8 = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; ++i) u8[i] = raw.charCodeAt(i);
        const d = new DataTransfer();
        d.items.add(new File([u8], 'big.txt', { type: 'text/plain' }));
        return d;
      }, Buffer.from(text).toString('base64'));
    }
    // Times are taken in the page (performance.now), polled every frame by rAF.
    await page.evaluate((h) => {
      window.benchT = { start: 0, text: 0, done: 0, frames: 0, gap: 0 };
      let last = 0;
      const tick = () => {
        const now = performance.now();
        const s = window.lecternState();
        if (window.benchT.start) {
          if (last) window.benchT.gap = Math.max(window.benchT.gap, now - last);
          last = now;
          if (!window.benchT.text && s.title === h && s.lines > 0) window.benchT.text = now - window.benchT.start;
          if (window.benchT.text && !window.benchT.done) ++window.benchT.frames;
          if (window.benchT.text && !window.benchT.done && s.analysing === null && s.entities > 0) window.benchT.done = now - window.benchT.start;
        }
        if (!window.benchT.done) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, headline);
    if (how === 'paste') {
      await page.evaluate(() => { window.lecternFrameTimes(); window.benchT.start = performance.now(); });
      await page.keyboard.press('Control+V');
    } else {
      await page.evaluate(() => { window.lecternFrameTimes(); window.benchT.start = performance.now(); });
      await page.dispatchEvent('#canvas', 'drop', { dataTransfer: handle });
    }
    await page.waitForFunction(() => window.benchT.done > 0, null, { timeout: 600000 });
    const t = await page.evaluate(() => window.benchT);
    const ft = await page.evaluate(() => window.lecternFrameTimes());
    const worst = ft.cpu.map((ms, i) => [ms, i]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    if (process.env.BENCH_FRAMES) console.log('  slowest frames (cpu ms, index):', JSON.stringify(worst.map(([ms, i]) => [Math.round(ms), i])), 'of', ft.cpu.length);
    const s = await page.evaluate(() => window.lecternState());
    console.log(`${label} (${how}, ${s.words} words): text on screen ${t.text.toFixed(0)} ms, analysed ${t.done.toFixed(0)} ms, ` +
                `${t.frames} frames while analysing, longest gap between frames ${t.gap.toFixed(0)} ms; ` +
                `${s.entities} entities, ${s.quotes} quotes`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
