// bench_frames.mjs — frame times while the reader scrolls the article and pans the Entity map,
// for the seed article and for a ~1 MB article, in headless Chromium.
//
//   node tests/browser/bench_frames.mjs [--json]
//
// Needs the web build and its fixtures (cmake --build --preset web --target lectern_test_fixtures).
// Wraps requestAnimationFrame before the page loads, so every frame of the app's main loop
// (Emscripten drives it with rAF) records two numbers: how long the app's frame callback ran
// (input, ImGui, the window's drawing and the WebGL calls: the CPU cost of a frame), and the
// interval since the previous frame (what the reader sees: it also includes the compositor,
// which is software — SwiftShader — in headless Chromium). Scripted input: 120 wheel notches
// down the article and 60 back up, 16 ms apart; a drag that pans the graph with ~120 pointer
// moves, 8 ms apart; the same for the world map. Prints median and 95th percentile per scenario.
import { DIST, launchBrowser, waitForApp, waitForState, targetCenter, clickTarget } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';
import path from 'node:path';

const json = process.argv.includes('--json');

function stats(values) {
  const v = values.slice().sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { n: v.length, median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +v[v.length - 1].toFixed(2) };
}

async function pan(app, canvas) {
  const { page } = app;
  await page.evaluate(() => { window.__frames = []; });
  const c = { x: canvas[0] + canvas[2] * 0.5, y: canvas[1] + canvas[3] * 0.5 };
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  for (let i = 0; i <= 120; i++) {
    const a = (i / 120) * 2 * Math.PI;
    await page.mouse.move(c.x + Math.sin(a) * canvas[2] * 0.3, c.y + Math.sin(2 * a) * canvas[3] * 0.2);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  await page.waitForTimeout(100);
  const frames = await page.evaluate(() => window.__frames);
  const cost = frames.map((f) => f[1]);
  const interval = frames.slice(1).map((f, i) => f[0] - frames[i][0]);
  return { frames: frames.length, cost: stats(cost), interval: stats(interval) };
}

async function scroll(app, article) {
  const { page } = app;
  await page.mouse.move(article[0] + article[2] * 0.5, article[1] + article[3] * 0.5);
  await page.evaluate(() => { window.__frames = []; });
  for (let i = 0; i < 180; i++) {
    await page.mouse.wheel(0, i < 120 ? 100 : -100);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => window.__frames);
  const cost = frames.map((f) => f[1]);
  const interval = frames.slice(1).map((f, i) => f[0] - frames[i][0]);
  return { frames: frames.length, cost: stats(cost), interval: stats(interval) };
}

async function measure(browser, dist, label, results) {
  const server = await startStaticServer(dist);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    // Before the app's script runs: time every requestAnimationFrame callback.
    await page.addInitScript(() => {
      const raf = window.requestAnimationFrame.bind(window);
      window.__frames = [];
      window.requestAnimationFrame = (cb) => raf((t) => {
        const start = performance.now();
        cb(t);
        window.__frames.push([start, performance.now() - start]);
      });
    });
    await page.goto(server.url);
    await waitForApp(page);
    const app = { page, state: () => page.evaluate(() => window.lecternState()) };
    await waitForState(page, (s) => s.frames >= 2 && s.layoutSettled && Object.keys(s.targets).some((k) => k.startsWith('map.node.')), 60000);
    await page.waitForTimeout(1000);

    let s = await app.state();
    results[`${label}: article, wheel scroll`] = await scroll(app, s.targets['article.text']);
    results[`${label}: graph, pan (${s.entities} entities)`] = await pan(app, s.targets['map.canvas']);

    await clickTarget(page, 'map.toggle');
    await waitForState(page, (s) => s.view === 'map');
    await page.waitForTimeout(1000);
    s = await app.state();
    results[`${label}: map, pan (zoom ${s.mapZoom})`] = await pan(app, s.targets['map.canvas']);

    // Zoomed in (six wheel notches about the centre): finer outlines, fewer countries in view.
    const mid = await targetCenter(page, 'map.canvas');
    await page.mouse.move(mid.x, mid.y);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(800);
    s = await app.state();
    results[`${label}: map, pan (zoom ${s.mapZoom})`] = await pan(app, s.targets['map.canvas']);
  } finally {
    await context.close();
    await server.close();
  }
}

const browser = await launchBrowser();
try {
  const results = {};
  await measure(browser, DIST, 'seed', results);
  await measure(browser, path.join(DIST, '..', 'fixtures/big-app'), '1 MB', results);
  if (json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log('scenario                                  frames  cost median / p95 (ms)  interval median / p95 (ms)');
    for (const [name, r] of Object.entries(results)) {
      console.log(`${name.padEnd(42)}${String(r.frames).padStart(6)}  ${String(r.cost.median).padStart(10)} / ${String(r.cost.p95).padEnd(10)}` +
                  `${String(r.interval.median).padStart(10)} / ${r.interval.p95}`);
    }
  }
} finally {
  await browser.close();
}
