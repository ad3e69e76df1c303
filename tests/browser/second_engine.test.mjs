// A second engine: the built page in Debian's Firefox ESR must show the article, not a blank
// canvas or an error screen.
//
// Firefox's own headless mode has no WebGL on Linux (Mozilla bug 1375585: "WebGL creation
// failed: tryNativeGL, Exhausted GL driver options", measured here), so the real browser runs on
// a virtual X display (Xvfb, no screen needed) with Mesa's software GL. playwright-core cannot
// drive a stock Firefox, so the test reads what the app itself publishes: the window title (the
// app names the page after the open article once it has drawn it; the failure screens name the
// failure) from `xwininfo`, and a screenshot of the display from `xwd`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, RESULTS, readArticleFile, decodeXwd, encodePng, inkRatio } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server, xvfb, display, profile;

// A display number no other X server (or another test run) holds.
function freeDisplay() {
  for (let n = 90; n < 140; n++)
    if (!fs.existsSync(`/tmp/.X${n}-lock`) && !fs.existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('no free X display number between :90 and :139');
}

before(async () => {
  for (const tool of [FIREFOX, '/usr/bin/Xvfb', '/usr/bin/xwd', '/usr/bin/xwininfo'])
    assert.ok(fs.existsSync(tool), `${tool} is missing (tools/test installs it: tools/versions.env APT_PACKAGES)`);
  server = await startStaticServer(DIST);
  const n = freeDisplay();
  display = `:${n}`;
  xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !fs.existsSync(`/tmp/.X11-unix/X${n}`); i++) await sleep(100);
  assert.ok(fs.existsSync(`/tmp/.X11-unix/X${n}`), 'Xvfb did not start');
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-firefox-'));
  // A fresh profile that asks nothing and reaches for no network: no first-run pages, updates,
  // telemetry or safe-browsing lists.
  fs.writeFileSync(path.join(profile, 'user.js'), [
    ['browser.shell.checkDefaultBrowser', false], ['browser.aboutwelcome.enabled', false],
    ['browser.startup.homepage_override.mstone', '"ignore"'], ['startup.homepage_welcome_url', '""'],
    ['datareporting.policy.dataSubmissionEnabled', false], ['toolkit.telemetry.reportingpolicy.firstRun', false],
    ['app.update.enabled', false], ['extensions.update.enabled', false], ['app.normandy.enabled', false],
    ['browser.safebrowsing.malware.enabled', false], ['browser.safebrowsing.phishing.enabled', false],
    ['network.captive-portal-service.enabled', false], ['network.connectivity-service.enabled', false],
    ['browser.sessionstore.resume_from_crash', false],
  ].map(([k, v]) => `user_pref("${k}", ${v});`).join('\n') + '\n');
});

after(async () => {
  if (xvfb) xvfb.kill();
  if (server) await server.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

// The Firefox top-level window: its title and geometry, from the X server's window tree.
function firefoxWindow() {
  const tree = execFileSync('/usr/bin/xwininfo', ['-root', '-tree'], { env: { ...process.env, DISPLAY: display } }).toString();
  for (const line of tree.split('\n')) {
    const m = line.match(/^\s*0x[0-9a-f]+ "(.*)": \("Navigator" "firefox[^"]*"\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)/);
    if (m) return { title: m[1], w: +m[2], h: +m[3], x: +m[4], y: +m[5] };
  }
  return null;
}

test('Firefox ESR renders the seed article (Xvfb, software WebGL 2)', async () => {
  const seedFile = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => !f.startsWith('.')).sort()[0];
  const seed = readArticleFile(path.join(ROOT, 'seeds', seedFile));
  const firefox = spawn(FIREFOX, ['--no-remote', '--profile', profile, '--kiosk', server.url], {
    env: { ...process.env, DISPLAY: display, MOZ_CRASHREPORTER_DISABLE: '1' }, stdio: 'ignore',
  });
  try {
    const started = Date.now();
    let win = null;
    while (Date.now() - started < 60000) {
      win = firefoxWindow();
      if (win && (win.title.startsWith(seed.headline) || / \u2014 Lectern/.test(win.title))) break;
      await sleep(250);
    }
    assert.ok(win, 'Firefox opened no window');
    assert.ok(win.title.startsWith(`${seed.headline} \u2014 Lectern`), `the page title is "${win.title}", not the article's`);
    await sleep(1500);  // the first frames after the article opened
    const img = decodeXwd(execFileSync('/usr/bin/xwd', ['-root', '-silent'], { env: { ...process.env, DISPLAY: display }, maxBuffer: 64 << 20 }));
    fs.mkdirSync(path.join(RESULTS, 'screenshots'), { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'screenshots', 'firefox-esr-article.png'), encodePng(img));
    // Below the menu bar, the window holds text: ink on a page background, in more than a few
    // colours (anti-aliased glyphs), not a blank or single-colour canvas.
    const rect = { x: Math.max(0, win.x), y: Math.max(0, win.y) + 60, w: Math.min(win.w, img.width), h: Math.min(win.h, img.height) - 80 };
    const ink = inkRatio(img, rect);
    const colours = new Set();
    for (let y = rect.y; y < rect.y + rect.h; y += 2)
      for (let x = rect.x; x < rect.x + rect.w; x += 2) colours.add(img.data.readUInt32BE((y * img.width + x) * 4));
    console.log(`firefox-esr: title after ${Date.now() - started} ms, ink ${ink.toFixed(3)}, ${colours.size} colours`);
    assert.ok(ink > 0.02 && ink < 0.5, `the window has ink ${ink.toFixed(3)} (blank is 0)`);
    assert.ok(colours.size > 50, `the window shows ${colours.size} colours: no text was drawn`);
  } finally {
    firefox.kill();
    await new Promise((r) => (firefox.exitCode !== null ? r() : firefox.once('exit', r)));
  }
});
