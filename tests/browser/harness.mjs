// harness.mjs — shared set-up for Lectern's browser tests (node --test, playwright-core).
//
//   const app = await openApp({ dist, viewport: { width: 1280, height: 800 }, dpr: 1 });
//   await app.page.keyboard.press('PageDown');
//   const s = await app.state();              // window.lecternState()
//   await app.shot('article-light');          // saved under test-results/screenshots/
//   app.assertNoConsoleErrors();
//   await app.close();
//
// Debian's Chromium (/usr/bin/chromium), never a downloaded browser. Each test file serves the
// built dist folder on loopback with tools/static_server.mjs unless given a URL.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../tools/static_server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.LECTERN_DIST || path.join(ROOT, 'build/web/dist');
export const RESULTS = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--disable-features=Translate,MediaRouter',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens the app in a fresh context and waits for its first frames.
export async function openApp({ dist = DIST, url = null, server = null, hash = '', viewport = { width: 1280, height: 800 },
                                dpr = 1, browser = null, contextOptions = {}, waitReady = true } = {}) {
  const ownBrowser = !browser;
  browser = browser || (await launchBrowser());
  let ownServer = null;
  if (!url) {
    if (!server) ownServer = server = await startStaticServer(dist);
    url = server.url;
  }
  const context = await browser.newContext({ viewport, deviceScaleFactor: dpr, ...contextOptions });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push('pageerror: ' + e.message));
  const started = Date.now();
  await page.goto(url + (hash ? '#' + hash : ''));
  if (waitReady) await waitForApp(page);
  const app = {
    browser, context, page, url, consoleErrors, loadMs: Date.now() - started,
    state: () => page.evaluate(() => window.lecternState()),
    shot: (name, opts = {}) => screenshot(page, name, opts),
    waitIdle: () => waitIdle(page),
    assertNoConsoleErrors() { assert.deepEqual(consoleErrors, [], 'console errors:\n' + consoleErrors.join('\n')); },
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      if (ownServer) await ownServer.close();
    },
  };
  return app;
}

export async function waitForApp(page, timeout = 30000) {
  await page.waitForFunction(() => typeof window.lecternState === 'function' && window.lecternState().frames >= 2,
                             null, { timeout });
}

// Waits until the app stops rendering (its frame counter holds still for 700 ms).
export async function waitIdle(page, timeout = 15000) {
  const t0 = Date.now();
  let last = -1;
  while (Date.now() - t0 < timeout) {
    const f = await page.evaluate(() => window.lecternState().frames);
    if (f === last) return f;
    last = f;
    await page.waitForTimeout(700);
  }
  throw new Error('the app did not go idle within ' + timeout + ' ms');
}

// Waits for a condition on the state object: `predicate` is a function (s) => boolean, given as
// a function or its source. It runs in the page through the DevTools protocol, which the page's
// Content-Security-Policy (no eval) allows, unlike Playwright's string predicates.
export async function waitForState(page, predicate, timeout = 10000) {
  const source = typeof predicate === 'function' ? predicate.toString() : predicate;
  // eslint-disable-next-line no-new-func
  const probe = new Function(`return (${source})(window.lecternState());`);
  await page.waitForFunction(probe, null, { timeout });
  return page.evaluate(() => window.lecternState());
}

// The real clipboard: written through the async API, pasted with the keyboard shortcut (the
// context needs the clipboard-read and clipboard-write permissions).
export async function pasteText(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#canvas').focus();
  await page.keyboard.press('Control+V');
}

// The centre of a named UI target the app reports in lecternState().targets.
export async function targetCenter(page, name) {
  const s = await page.evaluate(() => window.lecternState());
  const t = s.targets && s.targets[name];
  assert.ok(t, `UI target '${name}' is not on screen; targets: ${Object.keys(s.targets || {}).join(', ')}`);
  return { x: t[0] + t[2] / 2, y: t[1] + t[3] / 2 };
}

export async function clickTarget(page, name, options = {}) {
  const c = await targetCenter(page, name);
  await page.mouse.click(c.x, c.y, options);
  return c;
}

export async function screenshot(page, name, { clip } = {}) {
  const dir = path.join(RESULTS, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name + '.png');
  const buf = await page.screenshot({ path: file, clip });
  return { file, png: buf };
}

// [SECTION] PNG decoding (enough for Playwright's screenshots: 8-bit RGB / RGBA) --------------

export function decodePng(buf) {
  assert.equal(buf.readUInt32BE(0), 0x89504e47, 'not a PNG');
  let pos = 8, width = 0, height = 0, colorType = 0, bitDepth = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    pos += 12 + len;
  }
  assert.equal(bitDepth, 8, 'only 8-bit PNGs are supported');
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  assert.ok(channels, 'only RGB/RGBA PNGs are supported');
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride), cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    raw.copy(cur, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let v = cur[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * channels];
      out[o + 1] = cur[x * channels + 1];
      out[o + 2] = cur[x * channels + 2];
      out[o + 3] = channels === 4 ? cur[x * channels + 3] : 255;
    }
    cur.copy(prev);
  }
  return { width, height, data: out };
}

// Share of pixels in `rect` ({x, y, w, h} in image pixels) that differ clearly from the most
// common colour there (the page background): how much "ink" the region holds.
export function inkRatio(img, rect = { x: 0, y: 0, w: img.width, h: img.height }) {
  const counts = new Map();
  const px = (x, y) => {
    const o = (y * img.width + x) * 4;
    return [img.data[o], img.data[o + 1], img.data[o + 2]];
  };
  for (let y = rect.y; y < rect.y + rect.h; y += 4)
    for (let x = rect.x; x < rect.x + rect.w; x += 4) {
      const k = px(x, y).join(',');
      counts.set(k, (counts.get(k) || 0) + 1);
    }
  const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let ink = 0, total = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++)
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const p = px(x, y);
      total++;
      if (Math.abs(p[0] - bg[0]) + Math.abs(p[1] - bg[1]) + Math.abs(p[2] - bg[2]) > 60) ink++;
    }
  return ink / total;
}

// Counts the paragraphs of an article file the way the brief defines them (line 1 is the
// headline; blank lines separate paragraphs), independently of the C++ loader.
export function readArticleFile(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const headline = lines[first].trim();
  const body = lines.slice(first + 1).join('\n');
  const paragraphs = body.split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
  return { headline, paragraphs };
}

// [SECTION] PNG encoding and X window dumps (the second engine's screenshots) ------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// {width, height, data: RGBA} -> an 8-bit RGBA PNG.
export function encodePng(img) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;  // RGBA
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) img.data.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// An X window dump (`xwd -root`, ZPixmap, 24/32 bits a pixel, masks 0xff0000/0xff00/0xff) as
// {width, height, data: RGBA}.
export function decodeXwd(buf) {
  const u32 = (i) => buf.readUInt32BE(i * 4);
  const headerSize = u32(0), format = u32(2), width = u32(4), height = u32(5), byteOrder = u32(7);
  const bpp = u32(11), bytesPerLine = u32(12), redMask = u32(14), ncolors = u32(19);
  assert.equal(format, 2, 'only ZPixmap dumps are supported');
  assert.ok(bpp === 32 || bpp === 24, `only 24/32-bit dumps are supported (got ${bpp})`);
  assert.equal(redMask, 0xff0000, 'only 0xRRGGBB visuals are supported');
  const pixels = headerSize + ncolors * 12, step = bpp / 8;
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = pixels + y * bytesPerLine + x * step;
      const v = byteOrder === 0 ? buf.readUIntLE(i, 3) : buf.readUIntBE(i + (step - 3), 3);
      const o = (y * width + x) * 4;
      out[o] = (v >> 16) & 0xff;
      out[o + 1] = (v >> 8) & 0xff;
      out[o + 2] = v & 0xff;
      out[o + 3] = 255;
    }
  return { width, height, data: out };
}
