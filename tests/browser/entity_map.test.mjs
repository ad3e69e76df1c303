// Browser tests for the Entity map window (issue 4): the graph and the world map, driven with real
// mouse, wheel, keyboard and touch events. Expectations come from the app's own reports (the
// targets it draws, the ids and spans in lecternState()), never from a list of names.
//
//   LECTERN_DIST=build/map-web/dist node --test tests/browser/entity_map.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, openApp, launchBrowser, waitForApp, waitForState, clickTarget, targetCenter, decodePng, inkRatio } from './harness.mjs';
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

const wide = { width: 1400, height: 860 };

const inView = (s, span) => span && span[0] >= s.visible[0] && span[1] <= s.visible[1];
const targetsWith = (s, prefix) => Object.keys(s.targets).filter((k) => k.startsWith(prefix));
const idOf = (target, prefix) => target.slice(prefix.length);
const centre = (t) => ({ x: t[0] + t[2] / 2, y: t[1] + t[3] / 2 });

// Opens the app and waits for the graph to settle and the page to go idle.
async function openSettled(options = {}) {
  const app = await openApp({ browser, server, viewport: wide, ...options });
  await waitForState(app.page, (s) => s.layoutSettled && Object.keys(s.targets).some((k) => k.startsWith('map.node.')), 15000);
  await app.waitIdle();
  return app;
}

async function showMap(app) {
  await clickTarget(app.page, 'map.toggle');
  await waitForState(app.page, (s) => s.view === 'map' && Object.keys(s.targets).some((k) => k.startsWith('map.marker.')));
  await app.waitIdle();
}

test('the graph settles, then the page renders nothing more (idle means idle)', async () => {
  const app = await openSettled();
  try {
    const s0 = await app.state();
    assert.equal(s0.view, 'graph');
    assert.ok(s0.entities >= 3, `the seed has entities (${s0.entities})`);
    // Every entity of the story is a node (all types are shown by default).
    assert.equal(targetsWith(s0, 'map.node.').length, s0.entities);
    await app.page.waitForTimeout(1500);
    const s1 = await app.state();
    assert.equal(s1.frames, s0.frames, `frames went from ${s0.frames} to ${s1.frames} after the layout settled`);
    const { png } = await app.shot('entity-map-graph');
    const [x, y, w, h] = s1.targets['map.canvas'];
    const ink = inkRatio(decodePng(png), { x: Math.round(x) + 4, y: Math.round(y) + 4, w: Math.round(w) - 8, h: Math.round(h) - 8 });
    assert.ok(ink > 0.01, `the graph draws something (ink ${ink.toFixed(3)})`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('clicking a node selects its entity and the article scrolls to it', async () => {
  // A short window, so most mentions start out of view.
  const app = await openSettled({ viewport: { width: 1280, height: 560 } });
  try {
    const { page } = app;
    const nodes = targetsWith(await app.state(), 'map.node.');
    let scrolled = false;
    // Try nodes until one of them needs the article to move (entities near the top may not).
    for (const target of nodes.reverse()) {
      const id = idOf(target, 'map.node.');
      const t = (await app.state()).targets[target];
      if (!t) continue;
      const before = await app.state();
      await page.mouse.click(centre(t).x, centre(t).y);
      const s1 = await waitForState(page, `(s) => s.entity === '${id}'`);
      assert.equal(s1.entity, id);
      await app.waitIdle();
      const s = await app.state();
      assert.ok(s.selectionSpan, 'the selection has a span in the article');
      assert.ok(inView(s, s.selectionSpan), `${id}: its mention ${s.selectionSpan} is on screen (${s.visible})`);
      // The details list the entity's mentions.
      assert.ok(s.targets['map.mention.0'], 'the details list the mentions');
      if (s.scroll !== before.scroll) {
        scrolled = true;
        await app.shot('entity-map-node-selected');
        break;
      }
    }
    assert.ok(scrolled, 'clicking some node scrolled the article');
    // Clicking empty canvas clears the selection.
    const c = (await app.state()).targets['map.canvas'];
    const empty = await findEmptyPoint(page, c);
    await page.mouse.click(empty.x, empty.y);
    await waitForState(page, (s) => s.entity === null);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a selection made in the article glides the graph to its node', async () => {
  const app = await openSettled();
  try {
    const { page } = app;
    let s = await app.state();
    const canvas = centre(s.targets['map.canvas']);
    // Of the entities highlighted in the article's view, the one whose node is furthest from the
    // centre of the graph.
    const candidates = targetsWith(s, 'article.mention.').map((k) => idOf(k, 'article.mention.'))
      .filter((id) => s.targets[`map.node.${id}`]);
    assert.ok(candidates.length >= 1, 'some highlighted mention has a node');
    const dist = (id) => { const c = centre(s.targets[`map.node.${id}`]); return Math.hypot(c.x - canvas.x, c.y - canvas.y); };
    const id = candidates.sort((a, b) => dist(b) - dist(a))[0];
    const before = dist(id);
    await clickTarget(page, `article.mention.${id}`);
    await waitForState(page, `(s) => s.entity === '${id}'`);
    await app.waitIdle();
    s = await app.state();
    const after = Math.hypot(centre(s.targets[`map.node.${id}`]).x - canvas.x, centre(s.targets[`map.node.${id}`]).y - canvas.y);
    assert.ok(after < 3, `the node is centred: ${before.toFixed(0)} px -> ${after.toFixed(1)} px from the centre`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

// A point of the canvas away from every node and marker (and the corner buttons).
async function findEmptyPoint(page, canvas) {
  const s = await page.evaluate(() => window.lecternState());
  const items = Object.entries(s.targets).filter(([k]) => k.startsWith('map.node.') || k.startsWith('map.marker.') || k.startsWith('map.zoom.'));
  for (let fy = 0.1; fy < 0.95; fy += 0.07) {
    for (let fx = 0.05; fx < 0.95; fx += 0.07) {
      const x = canvas[0] + canvas[2] * fx, y = canvas[1] + canvas[3] * fy;
      if (items.every(([, t]) => x < t[0] - 25 || x > t[0] + t[2] + 25 || y < t[1] - 25 || y > t[1] + t[3] + 25)) return { x, y };
    }
  }
  throw new Error('no empty spot on the canvas');
}

test('a mention and a relation in the details show their sentence in the article', async () => {
  const app = await openSettled({ viewport: { width: 1280, height: 900 } });
  try {
    const { page } = app;
    // The most central entity is first in the list (analysis order: most salient first).
    const first = targetsWith(await app.state(), 'map.entity.')[0];
    const id = idOf(first, 'map.entity.');
    await clickTarget(page, first);
    await waitForState(page, `(s) => s.entity === '${id}' && !!s.targets['map.mention.0']`);
    await app.waitIdle();
    // The last mention listed on screen.
    const mentions = targetsWith(await app.state(), 'map.mention.').map((k) => Number(idOf(k, 'map.mention.')));
    const k = Math.max(...mentions);
    await clickTarget(page, `map.mention.${k}`);
    await waitForState(page, `(s) => s.mention === ${k}`);
    await app.waitIdle();
    let s = await app.state();
    assert.equal(s.entity, id, 'the entity stays selected');
    assert.ok(inView(s, s.selectionSpan), `mention ${k} ${s.selectionSpan} is on screen (${s.visible})`);
    // A related entity: its name in the relations list selects it.
    if (s.targets['map.relation.0']) {
      await clickTarget(page, 'map.relation.0');
      s = await waitForState(page, `(s) => s.entity !== null && s.entity !== '${id}'`);
      assert.ok(s.targets[`map.node.${s.entity}`], 'the related entity is a node of the graph');
    }
    // Evidence sentences are clickable too.
    s = await app.state();
    const evidence = targetsWith(s, 'map.evidence.');
    if (evidence.length) {
      await clickTarget(page, evidence[evidence.length - 1]);
      await app.waitIdle();
      s = await app.state();
      assert.ok(s.visible[1] > s.visible[0]);
    }
    await app.shot('entity-map-details');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('map view: markers at the places, click one to select it; wheel zooms, drag pans, Fit returns', async () => {
  const app = await openSettled({ viewport: { width: 1280, height: 600 } });
  try {
    const { page } = app;
    await showMap(app);
    let s = await app.state();
    assert.equal(s.view, 'map');
    assert.match(s.link, /[#&]v=map(&|$)/, 'the link keeps the view');
    const markers = targetsWith(s, 'map.marker.');
    assert.ok(markers.length >= 1, 'the story has places on the map');
    assert.ok(s.mapZoom >= 1, `the map starts on the story's places (zoom ${s.mapZoom})`);
    await app.shot('entity-map-world');

    // Click the last marker (a less mentioned place: likely further down the article).
    const target = markers[markers.length - 1];
    const id = idOf(target, 'map.marker.');
    await page.mouse.click(centre(s.targets[target]).x, centre(s.targets[target]).y);
    s = await waitForState(page, `(s) => s.entity === '${id}'`);
    await app.waitIdle();
    s = await app.state();
    assert.ok(inView(s, s.selectionSpan), `the place's mention ${s.selectionSpan} is on screen (${s.visible})`);

    // Wheel over the map zooms about the pointer.
    const canvas = s.targets['map.canvas'];
    const mid = centre(canvas);
    const z0 = s.mapZoom;
    await page.mouse.move(mid.x, mid.y);
    await page.mouse.wheel(0, -300);  // up: zoom in
    s = await waitForState(page, `(s) => s.mapZoom > ${z0} * 1.3`);
    const z1 = s.mapZoom;
    await page.mouse.wheel(0, 200);
    s = await waitForState(page, `(s) => s.mapZoom < ${z1}`);

    // Dragging empty space pans: every marker moves with the pointer.
    await app.waitIdle();
    s = await app.state();
    const probe = targetsWith(s, 'map.marker.')[0];
    const p0 = s.targets[probe];
    const from = await findEmptyPoint(page, canvas);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x - 6 * i, from.y + 3 * i);
    await page.mouse.up();
    await app.waitIdle();
    s = await app.state();
    const p1 = s.targets[probe];
    assert.ok(p1, 'the marker is still on screen');
    assert.ok(Math.abs(p1[0] - p0[0] + 60) <= 2 && Math.abs(p1[1] - p0[1] - 30) <= 2,
              `the marker moved with the drag: ${p0} -> ${p1}`);
    assert.equal(s.entity, id, 'a drag is not a click: the selection stays');

    // Fit glides back to the story's places, and the link no longer carries a view of the map.
    assert.ok(Array.isArray(s.mapView) && /[#&]m=/.test(s.link), 'the moved map is in the link');
    await clickTarget(page, 'map.fit');
    s = await waitForState(page, `(s) => Math.abs(s.mapZoom - ${z0}) < 0.01`);
    assert.equal(s.mapView, null);
    assert.ok(!/[#&]m=/.test(s.link), `no map view in ${s.link}`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('dragging a node pins it where it is dropped; Unpin releases it', async () => {
  const app = await openSettled();
  try {
    const { page } = app;
    let s = await app.state();
    const canvas = s.targets['map.canvas'];
    const target = targetsWith(s, 'map.node.')[0];
    const id = idOf(target, 'map.node.');
    const from = centre(s.targets[target]);
    const to = await findEmptyPoint(page, canvas);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + (to.x - from.x) * i / 12, from.y + (to.y - from.y) * i / 12);
    await page.mouse.up();
    // The neighbours settle around the pinned node, then the page idles again.
    await waitForState(page, (s) => s.layoutSettled, 15000);
    await app.waitIdle();
    s = await app.state();
    const dropped = centre(s.targets[target]);
    assert.ok(Math.hypot(dropped.x - to.x, dropped.y - to.y) < 3, `the node stayed where it was dropped (${JSON.stringify(dropped)} vs ${JSON.stringify(to)})`);
    assert.equal(s.entity, null, 'a drag does not select');
    // Selecting it shows that it is pinned, and the details release it. (A double-click on the
    // node releases it too, but ImGui times double-clicks in frames, which a loaded software
    // renderer can stretch past the 0.3 s limit: the button is the reliable way to test.)
    await page.mouse.click(dropped.x, dropped.y);
    s = await waitForState(page, `(s) => s.entity === '${id}'`);
    assert.ok(s.targets['map.details.unpin'], 'the details offer to unpin it');
    await app.shot('entity-map-pinned');

    // A reload keeps the pin (the browser's storage, per article): the node is still pinned.
    const settledWithNode = `(s) => s.layoutSettled && !!s.targets['${target}']`;
    const selectAfterReload = async () => {
      await page.reload();
      await waitForApp(page);
      await waitForState(page, settledWithNode, 15000);
      await app.waitIdle();
      await clickTarget(page, target);
      return waitForState(page, `(s) => s.entity === '${id}'`);
    };
    s = await selectAfterReload();
    assert.ok(s.targets['map.details.unpin'], 'pinned after a reload');
    await clickTarget(page, 'map.details.unpin');
    await waitForState(page, (s) => !s.targets['map.details.unpin']);
    await waitForState(page, (s) => s.layoutSettled, 15000);
    // ... and releasing it is kept too.
    s = await selectAfterReload();
    assert.ok(!s.targets['map.details.unpin'], 'released after a reload');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('filters hide a type and bring it back where it was; search and Enter select a name', async () => {
  const app = await openSettled();
  try {
    const { page } = app;
    let s = await app.state();
    const before = Object.fromEntries(targetsWith(s, 'map.node.').map((k) => [k, s.targets[k]]));
    const n0 = Object.keys(before).length;
    await clickTarget(page, 'map.filter.place');
    s = await waitForState(page, `(s) => Object.keys(s.targets).filter((k) => k.startsWith('map.node.')).length < ${n0}`);
    await waitForState(page, (s) => s.layoutSettled, 15000);
    await clickTarget(page, 'map.filter.place');
    s = await waitForState(page, `(s) => Object.keys(s.targets).filter((k) => k.startsWith('map.node.')).length === ${n0}`);
    await waitForState(page, (s) => s.layoutSettled, 15000);
    await app.waitIdle();

    // Search: type part of an entity's id (ids are slugs of names), press Enter.
    s = await app.state();
    const id = idOf(targetsWith(s, 'map.node.').sort((a, b) => b.length - a.length)[0], 'map.node.');
    const word = id.split('-').sort((a, b) => b.length - a.length)[0];
    await clickTarget(page, 'map.search');
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');
    s = await waitForState(page, (s) => s.entity !== null);
    assert.ok(s.entity.includes(word), `Enter selected a match for '${word}': ${s.entity}`);
    await app.waitIdle();
    await app.shot('entity-map-search');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('touch: pinch zooms the map, a tap on a node selects (phone, tabs)', async () => {
  const app = await openApp({ browser, server, viewport: { width: 390, height: 740 }, dpr: 3,
                              contextOptions: { hasTouch: true, isMobile: true } });
  try {
    const { page } = app;
    await app.waitIdle();
    // ImGui's tab items take a press only once they are hovered (they allow overlap), so rest
    // the pointer on the tab for a frame before clicking it.
    const tab = await targetCenter(page, 'tab.map');
    await page.mouse.move(tab.x, tab.y);
    await page.waitForTimeout(250);
    await clickTarget(page, 'tab.map');
    await waitForState(page, (s) => s.layoutSettled && Object.keys(s.targets).some((k) => k.startsWith('map.node.')), 15000);
    await app.waitIdle();
    let s = await app.state();
    const target = targetsWith(s, 'map.node.')[0];
    const id = idOf(target, 'map.node.');
    const c = centre(s.targets[target]);
    await page.touchscreen.tap(c.x, c.y);
    s = await waitForState(page, `(s) => s.entity === '${id}'`);
    await app.waitIdle();
    await app.shot('entity-map-phone-graph');

    await clickTarget(page, 'map.toggle');
    s = await waitForState(page, (s) => s.view === 'map');
    await app.waitIdle();
    s = await app.state();
    const z0 = s.mapZoom;
    const m = centre(s.targets['map.canvas']);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: m.x - d, y: m.y, id: 1 }, { x: m.x + d, y: m.y, id: 2 }] });
    await touch('touchStart', 30);
    for (let d = 35; d <= 110; d += 5) await touch('touchMove', d);
    await touch('touchEnd', 110);
    s = await waitForState(page, `(s) => s.mapZoom > ${z0} * 2`);
    assert.ok(s.mapZoom > z0 * 2, `pinching out zoomed in: ${z0} -> ${s.mapZoom}`);
    assert.equal(s.entity, id, 'a pinch is not a tap: the selection stays');
    await app.waitIdle();
    await app.shot('entity-map-phone-map');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('the dark theme draws the map in its own colours', async () => {
  const app = await openSettled();
  try {
    const { page } = app;
    await clickTarget(page, 'menu.reading');
    await waitForState(page, (s) => !!s.targets['reading.theme.dark']);
    await clickTarget(page, 'reading.theme.dark');
    await waitForState(page, (s) => s.theme === 'dark');
    await page.keyboard.press('Escape');
    await showMap(app);
    await page.mouse.move(2, 2);
    await app.waitIdle();
    await app.shot('entity-map-world-dark');
    // Back to light for the other tests (the theme persists in localStorage per context).
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('the world map is fetched when the map is first shown; a failed fetch says so and is tried again', async () => {
  // No service worker, so every request for the outlines reaches the route below.
  const app = await openApp({ browser, server, viewport: wide, waitReady: false, contextOptions: { serviceWorkers: 'block' } });
  try {
    const { page } = app;
    let blocked = true;
    const requests = [];
    await page.route(/\/world\.[0-9a-f]{8}\.bin$/, (route) => {
      requests.push(route.request().url());
      return blocked ? route.abort('failed') : route.continue();
    });
    await waitForApp(page);
    await waitForState(page, (s) => s.layoutSettled && Object.keys(s.targets).some((k) => k.startsWith('map.node.')), 15000);
    let s = await app.state();
    assert.equal(s.worldMap, 'not requested', 'the graph alone does not download the map');
    assert.equal(requests.length, 0);

    await clickTarget(page, 'map.toggle');
    s = await waitForState(page, (s) => s.view === 'map' && s.worldMap === 'failed');
    assert.equal(requests.length, 1);
    assert.ok(s.notices.some((n) => /world map could not be loaded .*tried again when the map is next shown/.test(n)),
              JSON.stringify(s.notices));
    assert.ok(targetsWith(s, 'map.marker.').length >= 1, 'the places are still marked without the outlines');

    blocked = false;
    await clickTarget(page, 'map.toggle');  // back to the graph
    await waitForState(page, (s) => s.view === 'graph');
    await clickTarget(page, 'map.toggle');  // and to the map again: a second try
    s = await waitForState(page, (s) => s.view === 'map' && s.worldMap === 'ready');
    assert.equal(requests.length, 2);
    const errors = app.consoleErrors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e));
    assert.deepEqual(errors, [], 'console errors besides the blocked request:\n' + errors.join('\n'));
  } finally {
    await app.close();
  }
});
