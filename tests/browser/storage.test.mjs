// Browser storage that is corrupted, full or switched off: the app opens the article with its
// windows on screen, says once what it could not read or keep, and the reader's changes still
// apply for the visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, openApp, launchBrowser, waitIdle, waitForState, clickTarget } from './harness.mjs';
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

// Opens the app in a fresh context whose storage holds `items` before the page's first script.
async function openWithStorage(items, extraScript = null) {
  return openApp({
    browser, server, waitReady: false,
    contextOptions: {},
  }).then(async (app) => {
    await app.context.addInitScript(({ items, extra }) => {
      if (sessionStorage.getItem('lectern-test-seeded')) return;  // seed once, not on reloads
      sessionStorage.setItem('lectern-test-seeded', '1');
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      if (extra) (0, eval)(extra);
    }, { items, extra: extraScript });
    await app.page.reload();
    // Not waitIdle: a timed notice keeps frames coming until it goes, and it is what we check.
    await app.page.waitForFunction(() => typeof window.lecternState === 'function' && window.lecternState().frames >= 2, null, { timeout: 30000 });
    return app;
  });
}

function assertWindowsOnScreen(s, viewport = { width: 1280, height: 800 }) {
  for (const w of ['article', 'map', 'quotes']) {
    const r = s.targets['window.' + w];
    assert.ok(r, `the ${w} window is open`);
    const [x, y, width, height] = r;
    assert.ok(x >= 0 && y >= 0 && x + width <= viewport.width + 1 && y + height <= viewport.height + 1,
              `the ${w} window lies on screen: ${JSON.stringify(r)}`);
    assert.ok(width >= 200 && height >= 150, `the ${w} window has room: ${JSON.stringify(r)}`);
  }
}

test('corrupted settings, window arrangement and pins: defaults, on screen, with notices', async () => {
  const app = await openWithStorage({
    'lectern.settings': '{"theme":"dark","size":22,"windows":"m',  // cut off mid-write
    'lectern.windows.ini': '[Window][Article]\nPos=99999999,-99999999\nSize=-5,0\n\u0000\u00ff garbage\n[Window][Entity map\nSize=1,1\n',
    'lectern.pins:no-such-article': 'x NaN NaN\n\n\u0007 1 2\n',
  });
  try {
    const s = await app.state();
    assert.ok(s.article, 'the article opens');
    assert.equal(s.theme, 'light', 'a settings object that is not JSON gives the defaults');
    assert.ok(s.notices.some((n) => /saved reading settings could not all be read .*not a JSON object/.test(n)), JSON.stringify(s.notices));
    assert.ok(s.notices.some((n) => /saved window arrangement could not be read/.test(n)), JSON.stringify(s.notices));
    assertWindowsOnScreen(s);
    app.assertNoConsoleErrors();
    // The next change is stored whole again: a reload reads it without a notice.
    await waitForState(app.page, (s) => !!s.targets['menu.reading']);
    await clickTarget(app.page, 'menu.reading');
    await waitForState(app.page, (s) => !!s.targets['reading.theme.sepia']);
    await clickTarget(app.page, 'reading.theme.sepia');
    await waitForState(app.page, (s) => s.theme === 'sepia');
    const stored = await app.page.evaluate(() => JSON.parse(localStorage.getItem('lectern.settings')));
    assert.equal(stored.theme, 'sepia');
    await app.page.reload();
    await app.page.waitForFunction(() => typeof window.lecternState === 'function' && window.lecternState().frames >= 2);
    const s2 = await app.state();
    assert.equal(s2.theme, 'sepia');
    assert.ok(!s2.notices.some((n) => /saved reading settings/.test(n)), JSON.stringify(s2.notices));
  } finally {
    await app.close();
  }
});

test('a setting out of range keeps its default; the rest of the settings are used', async () => {
  const app = await openWithStorage({
    'lectern.settings': '{"theme":"dark","serif":false,"size":1e9,"width":7,"windows":"amq","highlights":"11111"}',
  });
  try {
    const s = await app.state();
    assert.equal(s.theme, 'dark');
    assert.ok(s.notices.some((n) => /2 stored settings had a value out of range/.test(n)), JSON.stringify(s.notices));
    assertWindowsOnScreen(s);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('full storage: changes apply for the visit, and one notice says they will not be kept', async () => {
  const quota = `Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };`;
  const app = await openWithStorage({}, quota);
  try {
    await waitForState(app.page, (s) => !!s.targets['menu.reading']);
    for (const theme of ['dark', 'sepia']) {
      await clickTarget(app.page, 'menu.reading');
      await waitForState(app.page, `(s) => !!s.targets['reading.theme.${theme}']`);
      await clickTarget(app.page, 'reading.theme.' + theme);
      await waitForState(app.page, `(s) => s.theme === '${theme}'`);
      await app.page.keyboard.press('Escape');
      await waitIdle(app.page);
    }
    const s = await app.state();
    const full = s.notices.filter((n) => /storage is full or switched off/.test(n));
    assert.equal(full.length, 1, `one notice, not one per change: ${JSON.stringify(s.notices)}`);
    assertWindowsOnScreen(s);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('storage switched off entirely (reads and writes throw): the article opens with the defaults', async () => {
  const off = `for (const m of ['getItem', 'setItem', 'removeItem']) Storage.prototype[m] = function () {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };`;
  const app = await openWithStorage({}, off);
  try {
    const s = await app.state();
    assert.ok(s.article);
    assert.equal(s.theme, 'light');
    assertWindowsOnScreen(s);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});
