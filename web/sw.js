// sw.js — Lectern's service worker: the app opens with no network, and a new version arrives
// whole or not at all.
//
// tools/finish_dist.mjs writes BUILD below when it finishes the deployable folder:
//   { version, files: [{ url, sha256, hashed }] }
// `version` is a hash over every file of that folder, so a new build is a new sw.js, which the
// browser notices on the next visit (sw.js is served no-cache and checked on every navigation).
//
// The life of a version:
//   install   fetch every file into the cache "lectern:<scope>:<version>" and check each against
//             its SHA-256. A file that does not match (a deploy still being copied, a stale CDN
//             copy) fails the install: the running version stays, and the next visit tries again.
//             Content-hashed names may come from the HTTP cache (they are immutable, and the page
//             has usually just fetched them); the page itself and other plain names revalidate.
//   activate  delete this scope's caches of other versions, take control of open pages. A page
//             that was already running keeps its version (all of it is in memory once started)
//             and shows "A new version of Lectern is ready"; the next load runs the new one.
//   fetch     the page (any navigation to the scope root or index.html, whatever its query or
//             #hash) and every listed file come from this version's cache; nothing else is touched.
//
// An unfinished build (BUILD null, plain names) caches nothing; the page does not register it.
"use strict";

const BUILD = /* lectern:build */ null;

const SCOPE = new URL(self.registration.scope);
const PREFIX = "lectern:" + SCOPE.pathname + ":";   // one deployment per scope on an origin
const CACHE = BUILD ? PREFIX + BUILD.version : null;
const PAGE = new URL("./", SCOPE).href;                // the page is cached under the scope root
const LISTED = new Set(BUILD ? BUILD.files.map((f) => new URL(f.url, SCOPE).href) : []);

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(BUILD.files.map(async (file) => {
    const url = new URL(file.url, SCOPE).href;
    let response = await fetch(url, { cache: file.hashed ? "default" : "no-cache" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    const bytes = await response.clone().arrayBuffer();
    if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== file.sha256)
      throw new Error(url + " is not the file version " + BUILD.version + " lists (a deploy in progress?)");
    // A host that redirects (say /index.html to /) marks the response redirected, and a
    // navigation refuses such a response: store a plain copy.
    if (response.redirected)
      response = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    await cache.put(url, response);
  }));
}

self.addEventListener("install", (event) => {
  if (!BUILD) return;
  event.waitUntil(precache().then(
    () => self.skipWaiting(),
    (e) => caches.delete(CACHE).then(() => { throw e; })));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!BUILD || request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  let key = null;
  if (request.mode === "navigate") {
    if (url.pathname === SCOPE.pathname || url.pathname === SCOPE.pathname + "index.html") key = PAGE;
  } else if (LISTED.has(url.origin + url.pathname)) {
    key = url.origin + url.pathname;
  }
  if (!key) return;   // not ours: the browser fetches it as if there were no worker
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key))
    .then((cached) => cached || fetch(request)));
});
