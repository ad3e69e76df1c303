// The reader's own articles (issue 11): a real clipboard paste, a dropped file, the file picker;
// kept across a reload and offline; shared in a link that carries the text to a fresh profile;
// exported as Markdown and JSON; mirrored as page text for the accessibility tree; and each bad
// input refused with a clear notice (or opened with a note) and nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, openApp, launchBrowser, waitForApp, waitForState, clickTarget, pasteText } from './harness.mjs';
import { startStaticServer } from '../../tools/static_server.mjs';
import { startNginx } from '../../tools/nginx_test_server.mjs';

const REALTEXT = path.join(ROOT, 'tests/realtext');
const ARTICLE_FILE = path.join(REALTEXT, 'bbc_sweden_assange.txt');
const ARTICLE = fs.readFileSync(ARTICLE_FILE, 'utf8');
const HEADLINE = ARTICLE.split('\n')[0].trim();
const HTML_DIR = path.join(ROOT, 'tests/fixtures/html_pages');

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(DIST);
});
after(async () => {
  await server.close();
  await browser.close();
});

// waitForState with values from the test: the predicate runs in the page, where the test's
// variables do not exist, so they are bound into its source as JSON.
function until(page, predicate, values = {}, timeout = 15000) {
  const bind = Object.entries(values).map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`).join(' ');
  return waitForState(page, `(s) => { ${bind} return (${predicate.toString()})(s); }`, timeout);
}

async function open(options = {}) {
  const app = await openApp({ browser, server, ...options });
  await waitForState(app.page, (s) => s.ownLoaded, 15000);
  return app;
}

// A file dropped on the page, with real drag events and a DataTransfer holding a File.
async function dropFile(page, name, type, bytes) {
  const dt = await page.evaluateHandle(({ name, type, data }) => {
    const raw = atob(data);
    const u8 = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; ++i) u8[i] = raw.charCodeAt(i);
    const d = new DataTransfer();
    d.items.add(new File([u8], name, { type }));
    return d;
  }, { name, type, data: Buffer.from(bytes).toString('base64') });
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
}

const clipboardContext = { permissions: ['clipboard-read', 'clipboard-write'] };

test('a pasted article opens, analysed, beside the built-in ones, and is kept across a reload', async () => {
  const app = await open({ contextOptions: clipboardContext });
  try {
    const { page } = app;
    const before = await app.state();
    await pasteText(page, ARTICLE);
    let s = await waitForState(page, (s) => s.library.some((l) => l.own) && s.entities > 0, 20000);
    assert.equal(s.title, HEADLINE);
    assert.equal(s.library.length, before.library.length + 1);
    const own = s.library.find((l) => l.own);
    assert.equal(own.title, HEADLINE);
    assert.ok(own.words > 300 && own.minutes >= 2, JSON.stringify(own));
    assert.ok(s.quotes > 3, `${s.quotes} quotes`);
    s = await waitForState(page, (s) => s.library.find((l) => l.own).kept, 10000);
    // The same text again: no second copy.
    await pasteText(page, ARTICLE);
    s = await waitForState(page, (s) => s.notices.some((n) => /already in your library/.test(n)));
    assert.equal(s.library.length, before.library.length + 1);
    const entities = s.entities;
    await page.reload();
    await waitForApp(page);
    // The analysis waits for the place names (fetched when first needed): wait for it, not for the title.
    s = await until(page, (s) => s.ownLoaded && s.title === HEADLINE && s.analysing === null && s.entities > 0, { HEADLINE });
    assert.equal(s.library.filter((l) => l.own).length, 1, 'kept in IndexedDB across the reload');
    assert.equal(s.entities, entities);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a dropped file and a picked file open; delete removes one for good', async () => {
  const app = await open();
  try {
    const { page } = app;
    const md = '# Markdown Headline About Lisbon\n\nThe mayor of *Lisbon*, [Carlos Moedas](https://example.org), said on Monday ' +
               'that the city would open three new libraries.\n\n"Reading is a right," Moedas said.\n';
    await dropFile(page, 'story.md', 'text/markdown', Buffer.from(md));
    let s = await waitForState(page, (s) => s.title === 'Markdown Headline About Lisbon', 15000);
    assert.ok(s.library.find((l) => l.own && l.title === s.title));
    await clickTarget(page, 'menu.library');
    await waitForState(page, (s) => !!s.targets['library.add.file']);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickTarget(page, 'library.add.file')]);
    await chooser.setFiles({ name: 'assange.txt', mimeType: 'text/plain', buffer: fs.readFileSync(ARTICLE_FILE) });
    s = await until(page, (s) => s.title === HEADLINE, { HEADLINE });
    assert.equal(s.library.filter((l) => l.own).length, 2);
    await waitForState(page, (s) => s.library.filter((l) => l.own && l.kept).length === 2, 10000);
    // Delete the Markdown one from the Library.
    await clickTarget(page, 'menu.library');
    const mdId = s.library.find((l) => l.title === 'Markdown Headline About Lisbon').id;
    await until(page, (s) => !!s.targets['library.delete.' + mdId], { mdId });
    await clickTarget(page, 'library.delete.' + mdId);
    s = await waitForState(page, (s) => s.library.filter((l) => l.own).length === 1);
    await page.waitForTimeout(300);
    await page.reload();
    await waitForApp(page);
    s = await waitForState(page, (s) => s.ownLoaded, 15000);
    assert.deepEqual(s.library.filter((l) => l.own).map((l) => l.title), [HEADLINE]);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a saved news page (HTML) is reduced to its article', async () => {
  const pages = fs.existsSync(HTML_DIR) ? fs.readdirSync(HTML_DIR).filter((f) => f.endsWith('.html')).sort() : [];
  assert.ok(pages.length >= 10, `saved pages in ${HTML_DIR}`);
  const app = await open();
  try {
    const { page } = app;
    const file = pages[0];
    const expected = fs.readFileSync(path.join(HTML_DIR, file.replace(/\.html$/, '.txt')), 'utf8');
    await dropFile(page, file, 'text/html', fs.readFileSync(path.join(HTML_DIR, file)));
    const s = await waitForState(page, (s) => s.library.some((l) => l.own) && s.paragraphs > 2, 15000);
    const own = s.library.find((l) => l.own);
    const expectedWords = expected.split(/\s+/).filter(Boolean).length;
    assert.ok(Math.abs(own.words - expectedWords) < expectedWords * 0.25, `${own.words} words against ${expectedWords}`);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a shared link carries the article to a fresh profile', async () => {
  const app = await open({ contextOptions: clipboardContext });
  let other;
  try {
    await pasteText(app.page, ARTICLE);
    let s = await until(app.page, (s) => s.title === HEADLINE && s.entities > 0, { HEADLINE }, 20000);
    const entity = s.entities;
    const quotes = s.quotes;
    assert.match(s.link, /[#&]t=[A-Za-z0-9_-]{100,}/, 'the link carries the text');
    const url = s.link;
    other = await openApp({ browser, url });
    const page = other.page;
    s = await until(page, (s) => s.title === HEADLINE && s.entities > 0, { HEADLINE }, 20000);
    assert.equal(s.entities, entity);
    assert.equal(s.quotes, quotes);
    assert.ok(s.library.find((l) => l.own && l.title === HEADLINE), 'added to the receiver\'s library');
    other.assertNoConsoleErrors();
  } finally {
    if (other) await other.context.close();
    await app.close();
  }
});

test('hostile and corrupt article payloads in a link give a notice and open the first article', async () => {
  for (const payload of ['t=AAAA', 't=%FF%FE', 't=' + 'A'.repeat(70000), 't=AX' + '_'.repeat(50), 'a=x&t=', 't=<script>']) {
    const app = await open({ hash: payload });
    try {
      const s = await waitForState(app.page, (s) => s.title && s.frames > 2, 15000);
      assert.equal(s.library.filter((l) => l.own).length, 0, payload);
      assert.ok(s.title.length > 0);
      if (payload !== 'a=x&t=') assert.ok(s.notices.length >= 1, `${payload.slice(0, 20)}: a notice`);
      app.assertNoConsoleErrors();
    } finally {
      await app.close();
    }
  }
});

test('bad input: empty paste, an image, binary, HTML with no article: a clear notice, nothing added', async () => {
  const app = await open({ contextOptions: clipboardContext });
  try {
    const { page } = app;
    const count = (await app.state()).library.length;
    const cases = [
      ['paste', '   \n  '],
      ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3])],
      ['blob.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 9, 0, 0, 0, 0])],
      ['empty.html', Buffer.from('<!doctype html><html><head><title>Nothing</title><script>var a=1</script></head><body><nav><a href=/>Home</a></nav></body></html>')],
    ];
    for (const [name, data] of cases) {
      const before = (await app.state()).notices.length;
      if (name === 'paste') await pasteText(page, data);
      else await dropFile(page, name, name.endsWith('.png') ? 'image/png' : name.endsWith('.html') ? 'text/html' : '', data);
      const s = await until(page, (s) => s.notices.length > before, { before });
      assert.equal(s.library.length, count, name);
      assert.ok(s.notices.some((n) => /could not be opened/.test(n)), `${name}: ${JSON.stringify(s.notices)}`);
    }
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('another encoding and invalid UTF-8 open with a note saying what was done', async () => {
  const app = await open();
  try {
    const { page } = app;
    // Windows-1252: "Café owner José Müller" with é = 0xE9, ü = 0xFC.
    const latin1 = Buffer.from('Caf\xe9 Owners in Lisbon Protest\n\nJos\xe9 M\xfcller, who runs a caf\xe9 in Lisbon, said the rent had doubled.\n', 'latin1');
    await dropFile(page, 'latin1.txt', 'text/plain', latin1);
    let s = await waitForState(page, (s) => /Caf/.test(s.title || '') && s.library.some((l) => l.own), 15000);
    assert.equal(s.title, 'Café Owners in Lisbon Protest');
    assert.ok(s.notices.some((n) => /1252|Latin/i.test(n)), JSON.stringify(s.notices));
    // Invalid UTF-8 that is no known encoding: kept byte for byte, shown as U+FFFD, counted.
    const broken = Buffer.concat([Buffer.from('Broken Bytes Headline\n\nThe text has '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
                                  Buffer.from(' in it, said Ana Ruiz.\n')]);
    await dropFile(page, 'broken.txt', 'text/plain', broken);
    s = await waitForState(page, (s) => s.title === 'Broken Bytes Headline', 15000);
    assert.ok(s.notices.some((n) => /invalid|UTF-8/i.test(n)), JSON.stringify(s.notices));
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('storage that refuses: the article still opens, with a notice that it will not be kept', async () => {
  const app = await openApp({ browser, server, waitReady: false });
  try {
    await app.context.addInitScript(() => {
      const refuse = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
      Object.defineProperty(window, 'indexedDB', { value: { open: refuse }, configurable: true });
    });
    await app.page.reload();
    await waitForApp(app.page);
    await waitForState(app.page, (s) => s.ownLoaded, 15000);
    await dropFile(app.page, 'a.txt', 'text/plain', fs.readFileSync(ARTICLE_FILE));
    const s = await until(app.page, (s) => s.title === HEADLINE && s.notices.some((n) => /would not keep it/.test(n)) && s.entities > 0, { HEADLINE });
    assert.ok(s.notices.some((n) => /storage is full/.test(n)), JSON.stringify(s.notices));
    assert.equal(s.library.find((l) => l.own).kept, true, 'asked to keep; the refusal is the notice');
    assert.ok(s.entities > 0);
  } finally {
    await app.close();
  }
});

test('a 20 MB article opens, is analysed in slices with progress, and the page keeps drawing', async () => {
  const app = await open();
  try {
    const { page } = app;
    const sources = fs.readdirSync(REALTEXT).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => fs.readFileSync(path.join(REALTEXT, f), 'utf8').split(/\n\s*\n/).slice(1).join('\n\n'));
    let body = '';
    for (let i = 0; body.length < 20 * 1024 * 1024; ++i) body += sources[i % sources.length] + '\n\n';
    const text = 'Twenty Megabytes of Real News\n\n' + body;
    // Every frame's state from the drop to the text on screen: it comes in a step a frame
    // (import, read, add, keep), then its words are measured over more frames.
    await page.evaluate(() => {
      window.openingFrames = [];
      const tick = () => {
        const s = window.lecternState();
        const last = window.openingFrames[window.openingFrames.length - 1];
        if (!last || last.frames !== s.frames)
          window.openingFrames.push({ frames: s.frames, incoming: s.incoming, measuring: s.measuring, lines: s.lines, title: s.title });
        if (!(s.title === 'Twenty Megabytes of Real News' && s.lines > 0)) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await dropFile(page, 'big.txt', 'text/plain', Buffer.from(text));
    let s = await waitForState(page, (s) => s.title === 'Twenty Megabytes of Real News' && s.lines > 0, 60000);
    const opening = await page.evaluate(() => window.openingFrames);
    const incoming = opening.filter((f) => f.incoming > 0).length;
    const measuring = opening.filter((f) => f.measuring && f.lines === 0).length;
    assert.ok(incoming >= 3, `the article came in over ${incoming} frames (import, read, add, keep)`);
    assert.ok(measuring >= 3, `its words were measured over ${measuring} frames before its lines showed`);
    const framesAtOpen = s.frames;
    const seen = [];
    while (s.analysing !== null) {
      seen.push(s.analysing);
      await page.waitForTimeout(250);
      s = await app.state();
    }
    assert.ok(seen.length >= 2, `progress was shown while analysing: ${seen.join(', ')}`);
    assert.ok(s.frames > framesAtOpen + seen.length, 'frames were drawn while it was analysed');
    assert.ok(s.entities > 100 && s.quotes > 1000, `${s.entities} entities, ${s.quotes} quotes`);
    // Far too long for a link: Share says so and points to Export, and copies nothing.
    assert.equal(s.link, '', 'no link for an article a link cannot carry');
    await clickTarget(page, 'menu.share');
    await waitForState(page, (s) => !!s.targets['share.view']);
    await clickTarget(page, 'share.view');
    s = await waitForState(page, (s) => s.notices.some((n) => /too long to travel in a link/.test(n) && /Export/.test(n)));
    assert.equal(s.lastLink, '');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('export: Markdown and JSON of what was found, as downloads and to the clipboard', async () => {
  const app = await open({ contextOptions: { ...clipboardContext, acceptDownloads: true } });
  try {
    const { page } = app;
    const s = await app.state();
    await clickTarget(page, 'menu.export');
    await waitForState(page, (s) => !!s.targets['export.markdown']);
    const [md] = await Promise.all([page.waitForEvent('download'), clickTarget(page, 'export.markdown')]);
    assert.equal(md.suggestedFilename(), s.article + '.md');
    const text = fs.readFileSync(await md.path(), 'utf8');
    assert.ok(text.startsWith('# '), text.slice(0, 80));
    assert.ok(text.includes(s.title.replace(/[*_[\]`]/g, '')) || text.includes(s.title.slice(0, 20)));
    assert.ok(/quote/i.test(text));
    await clickTarget(page, 'menu.export');
    await waitForState(page, (s) => !!s.targets['export.json']);
    const [json] = await Promise.all([page.waitForEvent('download'), clickTarget(page, 'export.json')]);
    const parsed = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    assert.equal(parsed.entities.length, s.entities);
    assert.equal(parsed.quotes.length, s.quotes);
    await clickTarget(page, 'menu.export');
    await waitForState(page, (s) => !!s.targets['export.markdown.copy']);
    await clickTarget(page, 'export.markdown.copy');
    await waitForState(page, (s) => s.lastExport.startsWith('clipboard:'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, text);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

// The accessibility tree as Chromium builds it (CDP Accessibility domain).
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role && n.role.value, name: n.name && n.name.value }));
}

test('the accessibility tree has the headline, the paragraphs in order, the quotes, and the selection', async () => {
  const app = await open();
  try {
    const { page } = app;
    const s = await app.state();
    const nodes = await axTree(page);
    const heading = nodes.find((n) => n.role === 'heading' && n.name === s.title);
    assert.ok(heading, 'the headline is a heading');
    const texts = nodes.filter((n) => n.role === 'StaticText').map((n) => n.name);
    const paragraphs = await page.evaluate(() => [...document.querySelectorAll('#lectern-a11y article p')].map((p) => p.textContent));
    assert.equal(paragraphs.length, s.paragraphs);
    let at = -1;
    for (const p of paragraphs.slice(0, 5)) {
      const i = texts.findIndex((t, k) => k > at && p.startsWith(t.slice(0, 40)));
      assert.ok(i > at, `paragraph in order: ${p.slice(0, 40)}`);
      at = i;
    }
    assert.ok(nodes.some((n) => n.role === 'region' && n.name === 'Quote explorer'), 'the quotes are a region');
    const quoteItems = await page.evaluate(() => document.querySelectorAll('#lectern-a11y-quotes li').length);
    assert.equal(quoteItems, s.quotes);
    // Select an entity in the accessible copy: the canvas follows and the live region says so.
    await page.evaluate(() => document.querySelector('#lectern-a11y-entities li').click());
    const after = await waitForState(page, (s) => s.entity !== null);
    const status = await page.evaluate(() => document.getElementById('lectern-a11y-status').textContent);
    assert.match(status, /^Selected /);
    const current = await page.evaluate(() => document.querySelector('#lectern-a11y-entities li[aria-current="true"]').textContent);
    assert.ok(current.length > 0 && after.entity);
    const tree = await axTree(page);
    assert.ok(tree.some((n) => n.role === 'status' || (n.name || '').startsWith('Selected ')), 'the selection is announced');
    // Keyboard focus moves through the three windows' copies, then into the canvas.
    await page.focus('#lectern-a11y-article');
    const focusOrder = [];
    for (let i = 0; i < 3; ++i) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    assert.deepEqual(focusOrder, ['lectern-a11y-entities', 'lectern-a11y-quotes', 'canvas']);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('offline: a kept article reopens, and a shared link with its article opens, with no network', async () => {
  const nginx = await startNginx(DIST, { copy: true });
  const app = await openApp({ browser, url: nginx.url, contextOptions: clipboardContext });
  try {
    const { page, context } = app;
    await page.waitForFunction(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller &&
                                     navigator.serviceWorker.controller.state === 'activated', null, { timeout: 30000 });
    await waitForState(page, (s) => s.ownLoaded, 15000);
    await pasteText(page, ARTICLE);
    let s = await until(page, (s) => s.title === HEADLINE && s.entities > 0 && s.library.find((l) => l.own).kept, { HEADLINE }, 20000);
    const link = s.link;
    const entities = s.entities;
    // A second article, to be the link's: made here, then deleted, so only the link has it.
    const other = fs.readFileSync(path.join(REALTEXT, 'ap_uk_tories_manifesto.txt'), 'utf8');
    const otherHeadline = other.split('\n')[0].trim();
    await pasteText(page, other);
    s = await until(page, (s) => s.title === otherHeadline && s.entities > 0, { otherHeadline }, 20000);
    const otherLink = s.link;
    await clickTarget(page, 'menu.library');
    await until(page, (s) => !!s.targets['library.delete.' + s.article], {});
    await clickTarget(page, 'library.delete.' + s.article);
    await until(page, (s) => !s.library.some((l) => l.title === otherHeadline), { otherHeadline });
    await page.waitForTimeout(300);

    await context.setOffline(true);
    await nginx.close();
    await page.goto(link.replace(/&t=[^&]*$/, ''));  // the address-bar form: the id alone
    await waitForApp(page);
    s = await until(page, (s) => s.ownLoaded && s.title === HEADLINE, { HEADLINE });
    assert.equal(s.entities, entities, 'the kept article, analysed again offline');
    await page.goto(otherLink);
    await waitForApp(page);
    s = await until(page, (s) => s.title === otherHeadline && s.entities > 0, { otherHeadline }, 20000);
    assert.ok(s.library.some((l) => l.own && l.title === otherHeadline), 'the link brought its article back');
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
    await nginx.close().catch(() => {});
  }
});
