// bench_web.mjs — what a reader downloads and waits for: prints figures, asserts nothing.
//
//   node tools/bench_web.mjs [DIST] [--runs N]      # DIST: $LECTERN_DIST or build/web/dist
//
// Serves DIST with nginx as deployed (tools/nginx_test_server.mjs: gzip, cache headers) and
// opens it in headless Debian Chromium (SwiftShader: no GPU, so times are upper bounds):
//   first visit   a new profile (empty caches). Transfer: the compressed bytes the page received
//                 (CDP Network.loadingFinished encodedDataLength, per file) and what nginx sent in
//                 all, the service worker's install included (its access log, $bytes_sent).
//   cold          time from navigation start to the app's first frames on screen
//                 (window.lecternReady, when the loading screen goes), on loopback and with the
//                 network throttled to 10 Mbit/s down with 40 ms round trips (CDP emulation).
//   worker cache  the same, reloading offline, everything from the service worker's cache.
//   steps         of the cold loopback visits: when each download arrived (Resource Timing) and
//                 the app's start-up marks (lectern:main, :gl, :init, :frame1; platform_web.cpp).
// Each figure is the median of N runs (default 5), each in a new profile.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startNginx } from './nginx_test_server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const DIST = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ||
                          process.env.LECTERN_DIST || path.join(ROOT, 'build/web/dist'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--no-first-run', '--disable-quic'];
const THROTTLED = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };

if (!fs.existsSync(path.join(DIST, 'sw.js'))) {
  console.error(`${DIST} is not a finished dist (no sw.js): build it first (tools/serve or cmake --build).`);
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// The app's first frames, timed in the page from navigation start.
function markReady() {
  window.lecternOnReady = () => { window.__lecternReadyMs = performance.now(); };
}
async function readyMs(page) {
  await page.waitForFunction(() => typeof window.__lecternReadyMs === 'number', null, { timeout: 60000 });
  return page.evaluate(() => window.__lecternReadyMs);
}

async function visit(browser, server, { throttle = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(markReady);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  const urls = new Map(), bytes = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const name = new URL(urls.get(e.requestId) || 'about:blank').pathname.split('/').pop() || 'index.html';
    bytes.set(name, (bytes.get(name) || 0) + e.encodedDataLength);
  });
  const logFrom = server.accessLog().length;
  await page.goto(server.url);
  const cold = await readyMs(page);
  // Where the time went: the downloads (Resource Timing) and the app's own marks (platform_web.cpp).
  const steps = await page.evaluate(() => {
    const at = {};
    for (const e of performance.getEntriesByType('resource')) {
      const m = /\/(lectern\.data\.js|lectern\.js|lectern\.wasm|lectern\.data)$/.exec(e.name.replace(/\.[0-9a-f]{8}\./, '.'));
      if (m) at[m[1] + ' arrived'] = e.responseEnd;
    }
    for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('lectern:')) at[e.name] = e.startTime;
    return at;
  });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60000 });
  await page.waitForTimeout(300);   // the worker's last cache writes
  const sent = server.accessLog().slice(logFrom);
  if (throttle) await cdp.send('Network.emulateNetworkConditions', { ...THROTTLED, offline: true });
  await context.setOffline(true);
  await page.reload();
  const cached = await readyMs(page);
  await context.close();
  return { cold, cached, bytes, sent, steps };
}

const server = await startNginx(DIST, { copy: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  const files = fs.readdirSync(DIST);
  const raw = files.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
  console.log(`Lectern web bench: ${DIST}`);
  console.log(`  ${files.length} files, ${kib(raw)} on disk; ${RUNS} runs per figure; Chromium headless, SwiftShader\n`);

  const loop = [];
  for (let i = 0; i < RUNS; i++) loop.push(await visit(browser, server));
  const slow = [];
  for (let i = 0; i < RUNS; i++) slow.push(await visit(browser, server, { throttle: THROTTLED }));

  const first = loop[0];
  console.log('First visit, compressed transfer (what the page received, CDP encodedDataLength):');
  let pageTotal = 0;
  for (const [name, n] of [...first.bytes].sort((a, b) => b[1] - a[1])) {
    const size = fs.existsSync(path.join(DIST, name)) ? fs.statSync(path.join(DIST, name)).size : 0;
    console.log(`  ${name.padEnd(28)} ${kib(n).padStart(11)}${size ? `  (${kib(size)} raw)` : ''}`);
    pageTotal += n;
  }
  console.log(`  ${'total'.padEnd(28)} ${kib(pageTotal).padStart(11)}`);
  const sentTotal = first.sent.reduce((n, r) => n + r.bytes, 0);
  const twice = [...new Set(first.sent.map((r) => r.uri))].filter((u) => /\.[0-9a-f]{8}\./.test(u) &&
                                                                 first.sent.filter((r) => r.uri === u).length > 1);
  console.log(`  nginx sent ${kib(sentTotal)} in ${first.sent.length} responses for the whole visit, the worker's ` +
              `install included; hashed files sent twice: ${twice.length ? twice.join(', ') : 'none (the worker ' +
              'copied them from the HTTP cache)'}\n`);

  console.log('Time to first frames (window.lecternReady, from navigation start), median [min-max]:');
  const row = (label, xs) => console.log(`  ${label.padEnd(44)} ${median(xs).toFixed(0).padStart(6)} ms  [${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}]`);
  row('cold, nginx on loopback, empty cache', loop.map((r) => r.cold));
  row('cold, 10 Mbit/s, 40 ms RTT, empty cache', slow.map((r) => r.cold));
  row('offline reload, service-worker cache', loop.map((r) => r.cached));
  row('offline reload after the throttled visit', slow.map((r) => r.cached));

  console.log('\nThe cold loopback visits step by step (ms from navigation start), median [min-max]:');
  const names = Object.keys(loop[0].steps).sort((a, b) => loop[0].steps[a] - loop[0].steps[b]);
  for (const name of names) row(name, loop.map((r) => r.steps[name] ?? NaN));
  row('first frames (lecternReady)', loop.map((r) => r.cold));
} finally {
  await browser.close();
  await server.close();
}
