// Tests of the deployable folder (issue 5): the dist is one folder of static files that a
// production web server (Debian's nginx, configured as the README's "Deploy" section says)
// serves with the right types, compression and cache headers; its names and lists agree with
// its contents; Chromium considers the app installable; it runs from a sub-folder too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, DIST, CHROMIUM_ARGS, openApp, launchBrowser, waitForApp } from './harness.mjs';
import { startNginx, nginxServerBlock } from '../../tools/nginx_test_server.mjs';

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const read = (name) => fs.readFileSync(path.join(DIST, name));
// The deployed files; <file>.br / <file>.gz are their precompressed copies, not files of their own.
const distFiles = () => fs.readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f)).sort();

// What the build wrote into the page and the worker.
function pageAssets() {
  const m = /<script>window\.lecternAssets = (\{[^<]*\}); window\.lecternVersion = "([0-9a-f]+)";<\/script>/.exec(read('index.html'));
  assert.ok(m, 'index.html carries window.lecternAssets and window.lecternVersion');
  return { assets: JSON.parse(m[1]), version: m[2] };
}
function workerBuild() {
  const m = /const BUILD = (\{[\s\S]*?\});\n/.exec(read('sw.js'));
  assert.ok(m, 'sw.js carries its BUILD (the version and the precache list)');
  return JSON.parse(m[1]);
}

let server, browser;
before(async () => {
  server = await startNginx(DIST, { copy: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await server.close();
});

test('the code and data have content-hashed names, and the page and worker list exactly the folder', () => {
  const { assets, version } = pageAssets();
  assert.deepEqual(Object.keys(assets).sort(), ['NotoSans-Bold.more.ttf', 'NotoSans-Regular.more.ttf', 'NotoSerif-Bold.more.ttf',
                                               'NotoSerif-Regular.more.ttf', 'gazetteer.txt', 'lectern.data', 'lectern.data.js', 'lectern.js',
                                               'lectern.wasm', 'world.bin']);
  for (const [plain, hashed] of Object.entries(assets)) {
    const hash = sha256(read(hashed)).slice(0, 8);
    const dot = plain.lastIndexOf('.');
    assert.equal(hashed, `${plain.slice(0, dot)}.${hash}${plain.slice(dot)}`, `${plain} is named by its content`);
    assert.ok(!fs.existsSync(path.join(DIST, plain)), `no unhashed ${plain} is left beside ${hashed}`);
  }
  const build = workerBuild();
  assert.equal(build.version, version, 'the page and the worker are the same version');
  const listed = build.files.map((f) => (f.url === './' ? 'index.html' : f.url)).sort();
  assert.deepEqual(listed, distFiles().filter((f) => f !== 'sw.js'), 'the worker precaches every file but itself');
  for (const f of build.files) {
    const name = f.url === './' ? 'index.html' : f.url;
    assert.equal(f.sha256, sha256(read(name)), `the worker's hash of ${name}`);
    assert.equal(f.hashed, Object.values(assets).includes(name));
  }
  for (const f of ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'])
    assert.ok(listed.includes(f), `${f} is precached`);
});

test('nginx serves wasm as application/wasm with gzip; hashed files immutable; the page and worker revalidate', async () => {
  const { assets } = pageAssets();
  const get = async (name) => {
    const r = await fetch(server.url + name, { headers: { 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    assert.equal(r.status, 200, name);
    return r.headers;
  };
  const wasm = await get(assets['lectern.wasm']);
  assert.equal(wasm.get('content-type'), 'application/wasm');
  assert.equal(wasm.get('content-encoding'), 'gzip');
  for (const hashed of Object.values(assets)) {
    const h = await get(hashed);
    assert.equal(h.get('cache-control'), 'public, max-age=31536000, immutable', hashed);
    assert.equal(h.get('content-encoding'), 'gzip', `${hashed} is compressed`);
  }
  assert.match((await get(assets['lectern.js'])).get('content-type'), /^(text|application)\/javascript/);
  for (const name of ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'icon-192.png']) {
    const h = await get(name);
    assert.equal(h.get('cache-control'), 'no-cache', `${name || '/'} revalidates`);
  }
  assert.match((await get('')).get('content-type'), /^text\/html/);
  assert.match((await get('sw.js')).get('content-type'), /^(text|application)\/javascript/);
  assert.match((await get('manifest.webmanifest')).get('content-type'), /^application\/manifest\+json/);
  // What went over the wire was smaller than the files.
  const sent = server.accessLog().find((r) => r.uri === '/' + assets['lectern.wasm']);
  assert.ok(sent.bodyBytes < read(assets['lectern.wasm']).length * 0.6, `wasm sent as ${sent.bodyBytes} bytes`);
});

test('nginx sends the precompressed brotli copy to browsers that take it, and gzip to the others', async () => {
  const { assets } = pageAssets();
  for (const name of [...Object.values(assets), 'index.html']) {
    const file = read(name);
    const br = fs.readFileSync(path.join(DIST, name + '.br'));
    assert.ok(zlib.brotliDecompressSync(br).equals(file), `${name}.br holds ${name}`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(DIST, name + '.gz'))).equals(file), `${name}.gz holds ${name}`);
    const r = await fetch(server.url + name, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.ok(Buffer.from(await r.arrayBuffer()).equals(file), `${name} arrives whole`);
    assert.equal(r.headers.get('content-encoding'), 'br', `${name} is sent as brotli`);
    const sent = server.accessLog().filter((e) => e.uri === '/' + name).at(-1);
    assert.equal(sent.bodyBytes, br.length, `${name}: the precompressed copy is what went over the wire`);
  }
});

test("the README's nginx block is the one the tests serve with", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README.md has an nginx block');
  // From `index` on (before it: TLS, names and the root, which differ by design).
  const norm = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .join(' ').replace(/\s+/g, ' ').replace(/^.*?(index index\.html;)/, '$1');
  assert.equal(norm(block[1]), norm(nginxServerBlock('/srv/lectern', 443)));
});

test('the manifest has what an installable app needs, and its icons are the sizes it says', () => {
  const m = JSON.parse(read('manifest.webmanifest'));
  for (const key of ['name', 'short_name', 'description', 'start_url', 'scope', 'theme_color', 'background_color'])
    assert.ok(typeof m[key] === 'string' && m[key].length > 0, `manifest.${key}`);
  assert.equal(m.display, 'standalone');
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/i);
  const shell = read('index.html').toString();
  assert.ok(shell.includes(`<meta name="theme-color" content="${m.theme_color}">`), 'the page and the manifest agree on the theme colour');
  assert.ok(/<link rel="manifest" href="manifest.webmanifest">/.test(shell), 'the page links the manifest');
  assert.match(shell, /Content-Security-Policy[^>]*worker-src 'self'[^>]*manifest-src 'self'/, 'the CSP allows the worker and the manifest');
  for (const size of [192, 512]) assert.ok(m.icons.some((i) => i.sizes === `${size}x${size}` && i.type === 'image/png' && /any/.test(i.purpose || 'any')), `a ${size} px icon`);
  assert.ok(m.icons.some((i) => /maskable/.test(i.purpose || '')), 'a maskable icon');
  for (const icon of m.icons) {
    const bytes = read(icon.src);
    if (icon.type !== 'image/png') continue;
    assert.equal(bytes.readUInt32BE(0), 0x89504e47, `${icon.src} is a PNG`);
    assert.equal(bytes.toString('ascii', 12, 16), 'IHDR');
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${w}x${h}`);
  }
});

test('Chromium finds the app installable (Page.getInstallabilityErrors is empty)', async () => {
  // Installability is never granted to an off-the-record context, which newContext() makes: use a
  // real profile in a new folder.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
    await page.goto(server.url);
    await waitForApp(page);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, server.url + 'manifest.webmanifest');
    assert.deepEqual(manifest.errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the folder works from a sub-folder of a site too (relative names, the worker scoped to it)', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-site-'));
  fs.chmodSync(site, 0o755);
  fs.cpSync(DIST, path.join(site, 'apps', 'lectern'), { recursive: true });
  fs.chmodSync(path.join(site, 'apps'), 0o755);
  const sub = await startNginx(site);
  let app;
  try {
    app = await openApp({ browser, url: sub.url + 'apps/lectern/' });
    await app.page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    const { scope, script, keys } = await app.page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r.scope, script: navigator.serviceWorker.controller.scriptURL, keys: await caches.keys() };
    });
    assert.equal(scope, sub.url + 'apps/lectern/');
    assert.equal(script, sub.url + 'apps/lectern/sw.js');
    assert.deepEqual(keys, [`lectern:/apps/lectern/:${pageAssets().version}`]);
    assert.deepEqual(sub.accessLog().filter((r) => r.status >= 400), []);
    app.assertNoConsoleErrors();
  } finally {
    if (app) await app.close();
    await sub.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});
