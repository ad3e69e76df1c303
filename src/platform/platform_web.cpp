// platform_web.cpp — the browser implementation of platform.h (Emscripten + SDL2 + WebGL2).
//
// Owns: the SDL window on <canvas id="canvas">, the WebGL2 context, Dear ImGui's SDL2/OpenGL3
// backends, the main loop (requestAnimationFrame through emscripten_set_main_loop), and every
// call into JavaScript. This is the only file that includes Emscripten headers.
//
// [SECTION] Idle loop     — render only while something changes, then pause the browser loop
// [SECTION] JavaScript    — URL hash, clipboard, share, storage, page notifications
// [SECTION] Run           — SDL/GL/ImGui set-up
#include "platform.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace platform {
namespace {

struct Platform {
  App app;
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  double start = 0;            // emscripten_get_now() at start, ms
  double last_frame = 0;       // seconds
  double awake_until = 0;      // seconds: keep rendering until then
  long frames = 0;
  bool paused = false;
  bool animating = false;      // the last frame asked for the next one (an animation runs)
  bool initialised = false;
  std::string clipboard;       // what we last copied (for ImGui's own paste)
  std::string state;           // last lecternState() answer, kept alive for JS to read
  std::vector<TouchPoint> touches;  // fingers down, oldest first (Touches())
  std::vector<SDL_Event> deferred;  // events held back to the next frame (see PollInput)
  std::vector<float> frame_ms;      // CPU time of recent frames (ring buffer)
  std::vector<float> interval_ms;   // time between recent frames
  size_t frame_stat_next = 0;
  std::map<int, AssetDone> fetches; // FetchAsset requests in flight, by id
  int next_fetch = 1;
  std::map<int, StoreDone> stores;  // StoreArticle / DeleteStoredArticle calls in flight, by id
  StoredArticlesDone stored_list;   // LoadStoredArticles' answer, while it is pending
  std::vector<StoredArticle> stored_items;  // filled item by item before stored_list runs
  int next_store = 1;
};

Platform g;  // the one platform instance: the browser has one page, one canvas, one loop

// clang-format off
// The start-up's steps as User Timing marks (lectern:main, :gl, :init, :frame1, :frame2-begin,
// :frame2), so a benchmark
// can tell where the time to the first frame goes (tools/bench_web.mjs prints them).
EM_JS(void, JsMark, (const char* name), {
  if (typeof performance !== "undefined" && performance.mark) performance.mark(UTF8ToString(name));
});
// clang-format on

double Now() { return (emscripten_get_now() - g.start) / 1000.0; }

// After input, keep rendering this long so ImGui can settle hover states, tooltips (their
// delay is 0.4 s) and click feedback without the app having to ask.
constexpr double kSettleSeconds = 0.6;

void Wake(double seconds) {
  g.awake_until = std::max(g.awake_until, Now() + seconds);
  if (g.paused) {
    g.paused = false;
    emscripten_resume_main_loop();
  }
}

// SDL calls this synchronously from its DOM event handlers, even while the loop is paused.
int SDLCALL OnSdlEvent(void*, SDL_Event* event) {
  // SDL_PollEvent pushes a sentinel into the queue on every call (SDL >= 2.0.18); it is not
  // input, and waking on it would keep the loop running forever.
  if (event->type == SDL_POLLSENTINEL) return 0;
  Wake(kSettleSeconds);
  return 0;
}

// [SECTION] Idle loop ----------------------------------------------------------------------------

// Keeps the list of fingers on the canvas. SDL reports them normalised to the canvas's CSS size
// (0..1) and turns a touchcancel into a finger-up.
void TrackTouch(const SDL_Event& e) {
  if (e.type != SDL_FINGERDOWN && e.type != SDL_FINGERMOTION && e.type != SDL_FINGERUP) return;
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const TouchPoint p{int64_t(e.tfinger.fingerId), e.tfinger.x * size.x, e.tfinger.y * size.y};
  auto it = std::find_if(g.touches.begin(), g.touches.end(), [&](const TouchPoint& t) { return t.id == p.id; });
  if (e.type == SDL_FINGERUP) {
    if (it != g.touches.end()) g.touches.erase(it);
  } else if (it == g.touches.end()) {
    g.touches.push_back(p);
  } else {
    *it = p;
  }
}

// Feeds this frame's input to ImGui. A button press that arrives in the same frame as the move
// that brought the pointer there (a fast click, a synthetic click, a stylus tap) waits one
// frame, so ImGui has seen the pointer over the widget before the press, as it would with a
// person's hand; ImGui does the same for touch.
void PollInput() {
  std::vector<SDL_Event> events;
  events.swap(g.deferred);
  SDL_Event event;
  while (SDL_PollEvent(&event)) events.push_back(event);
  bool moved = false;
  for (size_t i = 0; i < events.size(); ++i) {
    const SDL_Event& e = events[i];
    if (e.type == SDL_MOUSEBUTTONDOWN && moved) {
      g.deferred.assign(events.begin() + long(i), events.end());
      g.awake_until = std::max(g.awake_until, Now() + kSettleSeconds);
      return;
    }
    if (e.type == SDL_MOUSEMOTION) moved = true;
    TrackTouch(e);
    ImGui_ImplSDL2_ProcessEvent(&e);
  }
}

void RecordFrameStats(float cpu_ms, float interval_ms) {
  constexpr size_t kKeep = 2048;
  if (g.frame_ms.size() < kKeep) {
    g.frame_ms.push_back(cpu_ms);
    g.interval_ms.push_back(interval_ms);
  } else {
    g.frame_ms[g.frame_stat_next] = cpu_ms;
    g.interval_ms[g.frame_stat_next] = interval_ms;
    g.frame_stat_next = (g.frame_stat_next + 1) % kKeep;
  }
}

void Frame() {
  const double frame_start = emscripten_get_now();
  if (g.frames == 1) JsMark("lectern:frame2-begin");  // after the browser showed the first
  PollInput();

  const double now = Now();
  if (!g.animating && now > g.awake_until) {
    // Nothing changed: stop the browser loop entirely until an event wakes us.
    g.paused = true;
    emscripten_pause_main_loop();
    if (g.app.idle) g.app.idle();
    return;
  }

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();

  FrameInfo info;
  info.time = now;
  info.delta = g.frames == 0 ? 0.0 : now - g.last_frame;
  info.device_pixel_ratio = float(emscripten_get_device_pixel_ratio());
  const ImGuiIO& io = ImGui::GetIO();
  info.width = int(io.DisplaySize.x);
  info.height = int(io.DisplaySize.y);
  info.frame = ++g.frames;
  g.last_frame = now;

  g.animating = g.app.frame ? g.app.frame(info) : false;

  ImGui::Render();
  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(g.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  RecordFrameStats(float(emscripten_get_now() - frame_start), float(info.delta * 1000.0));
  SDL_GL_SwapWindow(g.window);
  if (g.frames <= 2) JsMark(g.frames == 1 ? "lectern:frame1" : "lectern:frame2");
  // An animating app gets the next frame however long this one took and however late the
  // browser calls back (a loaded machine, software rendering, a phone at 3x): the loop pauses
  // only after a frame that did not ask for another. A deadline here once let the graph's
  // layout stop half-way when the browser's next callback came more than 0.1 s later.
}

// [SECTION] JavaScript ---------------------------------------------------------------------------

// clang-format off
EM_JS(char*, JsUrlHash, (), {
  var h = window.location.hash || "";
  if (h.charAt(0) === "#") h = h.substring(1);
  return allocateUTF8(h);
});

EM_JS(char*, JsPageUrl, (), {
  var u = window.location.href;
  return allocateUTF8(u);
});

EM_JS(void, JsReplaceUrlHash, (const char* hash), {
  var h = UTF8ToString(hash);
  var url = window.location.pathname + window.location.search + (h ? "#" + h : "");
  try { window.history.replaceState(window.history.state, "", url); } catch (e) {}
});

// Clipboard: the async API where it is allowed, else a hidden textarea and execCommand('copy').
EM_JS(void, JsSetClipboard, (const char* text), {
  var t = UTF8ToString(text);
  function fallback() {
    var ta = document.createElement("textarea");
    ta.value = t;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (e) {}
    document.body.removeChild(ta);
    var c = document.getElementById("canvas");
    if (c) c.focus();
  }
  window.lecternLastCopied = t;
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(t).catch(fallback);
  } else {
    fallback();
  }
});

EM_JS(int, JsCanShare, (), { return (navigator.share ? 1 : 0); });

EM_JS(void, JsShare, (const char* title, const char* text, const char* url), {
  if (!navigator.share) return;
  navigator.share({title: UTF8ToString(title), text: UTF8ToString(text), url: UTF8ToString(url)})
      .catch(function() {});
});

EM_JS(char*, JsLoadSetting, (const char* key), {
  var v = null;
  try { v = window.localStorage.getItem("lectern." + UTF8ToString(key)); } catch (e) {}
  v = v || "";
  return allocateUTF8(v);
});

// setItem throws when the quota is used up (QuotaExceededError) or storage is switched off
// (SecurityError): the caller tells the reader once.
EM_JS(int, JsSaveSetting, (const char* key, const char* value), {
  try {
    window.localStorage.setItem("lectern." + UTF8ToString(key), UTF8ToString(value));
    return 1;
  } catch (e) {
    return 0;
  }
});

// The file's content-hashed name comes from the page's map (window.lecternAssets); through the
// service worker, so it works offline once the worker has cached it.
EM_JS(void, JsFetchAsset, (int id, const char* name), {
  var plain = UTF8ToString(name);
  var url = (window.lecternAssets && window.lecternAssets[plain]) || plain;
  fetch(url).then(function(r) {
    if (!r.ok) throw new Error("the server answered " + r.status);
    return r.arrayBuffer();
  }).then(function(buf) {
    var p = _malloc(Math.max(1, buf.byteLength));
    HEAPU8.set(new Uint8Array(buf), p);
    Module["_lectern_asset_fetched"](id, p, buf.byteLength, 0);
  }).catch(function(e) {
    Module["_lectern_asset_fetched"](id, 0, 0, allocateUTF8(String((e && e.message) || e)));
  });
});

EM_JS(void, JsSetPageTitle, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, JsNotifyReady, (), {
  if (typeof window.lecternReady === "function") window.lecternReady();
});

EM_JS(void, JsReportError, (const char* message), {
  if (typeof window.lecternNotice === "function") window.lecternNotice(UTF8ToString(message));
});

// The page's test and integration hooks: window.lecternState() and wake-ups from page events.
EM_JS(void, JsInstallPageHooks, (), {
  window.lecternFrameTimes = function() {
    return JSON.parse(UTF8ToString(Module["_lectern_frame_times_json"]()));
  };
  window.lecternState = function() {
    var p = Module["_lectern_state_json"]();
    return JSON.parse(UTF8ToString(p));
  };
  window.addEventListener("hashchange", function() { Module["_lectern_hash_changed"](); });
  document.addEventListener("visibilitychange", function() { Module["_lectern_wake"](); });
  window.addEventListener("focus", function() { Module["_lectern_wake"](); });
});

// [SECTION] Articles the reader brings in: paste, drop, file picker ------------------------------

// SDL prevents the default action of every Ctrl/Cmd key press, and so the browser would never
// fire 'paste'. A capturing listener on the window runs before SDL's and lets Ctrl/Cmd+V through
// to the browser (ImGui does not see that V; its own paste reads the app's clipboard copy, which
// is not the system's anyway); the 'paste' event then carries the real clipboard. Files (a drop,
// the picker) are read as bytes: the core decides what they are.
EM_JS(void, JsInstallInputHooks, (), {
  function deliver(source, bytes, name, type, error) {
    var n = bytes ? bytes.length : 0;
    var p = _malloc(Math.max(1, n));
    if (n) HEAPU8.set(bytes, p);
    Module["_lectern_text_received"](source, p, n, allocateUTF8(name || ""), allocateUTF8(type || ""),
                                     allocateUTF8(error || ""));
  }
  function readFiles(source, files) {
    Array.prototype.forEach.call(files, function(f) {
      f.arrayBuffer().then(function(buf) { deliver(source, new Uint8Array(buf), f.name, f.type, ""); },
                           function(e) { deliver(source, null, f.name, f.type, String((e && e.message) || e)); });
    });
  }
  // The same for Tab while the focus is outside the canvas (on the accessible copy): the browser
  // moves the focus; inside the canvas Tab stays ImGui's keyboard navigation.
  window.addEventListener("keydown", function(e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "v" || e.key === "V")) e.stopImmediatePropagation();
    if (e.key === "Tab" && document.activeElement !== document.getElementById("canvas")) e.stopImmediatePropagation();
  }, true);
  document.addEventListener("paste", function(e) {
    var dt = e.clipboardData;
    if (!dt) return;
    e.preventDefault();
    if (dt.files && dt.files.length) { readFiles(2, dt.files); return; }
    var text = dt.getData("text/plain"), type = "text/plain";
    if (!text) { text = dt.getData("text/html"); type = "text/html"; }
    deliver(0, new TextEncoder().encode(text || ""), "", type, "");
  });
  window.addEventListener("dragover", function(e) {
    if (e.dataTransfer) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; }
  });
  window.addEventListener("drop", function(e) {
    if (!e.dataTransfer) return;
    e.preventDefault();
    if (e.dataTransfer.files && e.dataTransfer.files.length) { readFiles(1, e.dataTransfer.files); return; }
    var text = e.dataTransfer.getData("text/plain");
    if (text) deliver(1, new TextEncoder().encode(text), "", "text/plain", "");
  });
  var input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  input.accept = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";
  input.id = "lectern-file-input";
  input.style.display = "none";
  input.addEventListener("change", function() {
    if (input.files && input.files.length) readFiles(2, input.files);
    input.value = "";
  });
  document.body.appendChild(input);
});

EM_JS(void, JsOpenFilePicker, (), {
  var input = document.getElementById("lectern-file-input");
  if (input) input.click();
});

// [SECTION] IndexedDB: the reader's own articles ---------------------------------------------------

// One database, "lectern", with one object store "articles" of {key, bytes (ArrayBuffer), saved}.
// Every failure (private mode, storage switched off, quota exceeded) reaches the caller as a
// message; the app keeps the article for this visit whatever storage says.
EM_JS(void, JsIdb, (int op, int id, const char* key, const char* bytes, int size), {
  var k = key ? UTF8ToString(key) : "";
  var data = op === 1 ? HEAPU8.slice(bytes, bytes + size).buffer : null;
  function done(error) { Module["_lectern_store_done"](op, id, allocateUTF8(error || "")); }
  function why(e) { return String((e && (e.name === "QuotaExceededError" ? "the browser's storage is full" : e.message || e.name)) || e); }
  var req;
  try {
    if (!window.indexedDB) { done("this browser keeps no local database (IndexedDB is unavailable)"); return; }
    req = indexedDB.open("lectern", 1);
  } catch (e) { done(why(e)); return; }
  req.onupgradeneeded = function() { req.result.createObjectStore("articles", { keyPath: "key" }); };
  req.onblocked = function() { done("the local database is in use by another tab"); };
  req.onerror = function() { done(why(req.error)); };
  req.onsuccess = function() {
    var db = req.result, tx;
    try {
      tx = db.transaction("articles", op === 0 ? "readonly" : "readwrite");
    } catch (e) { db.close(); done(why(e)); return; }
    var store = tx.objectStore("articles");
    if (op === 0) {
      var all = store.getAll();
      all.onsuccess = function() {
        all.result.forEach(function(item) {
          if (!item || typeof item.key !== "string" || !(item.bytes instanceof ArrayBuffer)) return;
          var b = new Uint8Array(item.bytes), p = _malloc(Math.max(1, b.length));
          HEAPU8.set(b, p);
          Module["_lectern_stored_item"](allocateUTF8(item.key), p, b.length);
        });
      };
    } else if (op === 1) {
      store.put({ key: k, bytes: data, saved: Date.now() });
    } else {
      store.delete(k);
    }
    tx.oncomplete = function() { db.close(); done(""); };
    tx.onabort = tx.onerror = function() { db.close(); done(why(tx.error)); };
  };
});

EM_JS(void, JsDownload, (const char* name, const char* type, const char* bytes, int size), {
  var blob = new Blob([HEAPU8.slice(bytes, bytes + size)], { type: UTF8ToString(type) });
  var url = URL.createObjectURL(blob);
  var a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name);
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

// [SECTION] The accessible copy ------------------------------------------------------------------

// A visually hidden copy of the article, its entities and its quotes (clipped to a pixel, not
// display:none, which would hide it from screen readers too). Built with textContent only: text
// from an article never becomes markup. A long article's paragraphs are added in batches across
// tasks, so a 20 MB text does not stall the page.
EM_JS(void, JsSetAccessibleArticle, (const char* json), {
  var c = JSON.parse(UTF8ToString(json));
  var root = document.getElementById("lectern-a11y");
  if (!root) {
    root = document.createElement("div");
    root.id = "lectern-a11y";
    root.style.cssText = "position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;" +
                         "clip:rect(0 0 0 0);clip-path:inset(50%);white-space:normal;contain:strict;";
    // Before the canvas: Tab from the page's start reaches the article, the entities, the
    // quotes, then the canvas (inside it, Tab is ImGui's keyboard navigation).
    var canvas = document.getElementById("canvas");
    document.body.insertBefore(root, canvas || null);
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  root.lecternEl = el;
  var gen = (root.lecternGen || 0) + 1;
  root.lecternGen = gen;
  root.textContent = "";
  var main = el("main", "", { "aria-label": "Article", tabindex: "0", id: "lectern-a11y-article" });
  var article = el("article");
  article.appendChild(el("h1", c.title));
  main.appendChild(article);
  root.appendChild(main);
  root.appendChild(el("section", "", { "aria-label": "Entity map", tabindex: "0", id: "lectern-a11y-entities" }));
  root.appendChild(el("section", "", { "aria-label": "Quote explorer", tabindex: "0", id: "lectern-a11y-quotes" }));
  root.appendChild(el("div", "", { id: "lectern-a11y-status", role: "status", "aria-live": "polite" }));
  // Paragraphs built in batches across tasks and attached once (the app sends at most about a
  // megabyte of them); the copy's box is contain:strict, so its layout never touches the page's.
  // (content-visibility:auto would skip its layout too, but Chromium then leaves the skipped
  // paragraphs out of the accessibility tree.)
  var at = 0;
  var body = el("div");  // filled while detached, attached once: one layout, not one per batch
  function more() {
    if (root.lecternGen !== gen) return;
    var end = Math.min(c.paragraphs.length, at + 2000);
    for (; at < end; ++at) body.appendChild(el("p", c.paragraphs[at]));
    if (at < c.paragraphs.length) { setTimeout(more, 0); return; }
    if (c.more > 0) body.appendChild(el("p", "The article goes on for " + c.more + " more paragraphs, which this " +
                                               "copy leaves out for its length: the reader view shows them all, " +
                                               "and Export writes them with everything found in them."));
    article.appendChild(body);
  }
  more();
});

EM_JS(void, JsSetAccessibleAnalysis, (const char* json), {
  var root = document.getElementById("lectern-a11y");
  if (!root) return;
  var c = JSON.parse(UTF8ToString(json));
  var el = root.lecternEl;
  function pick(kind, i) { Module["_lectern_accessible_select"](kind, i); }
  var ents = document.getElementById("lectern-a11y-entities");
  ents.textContent = "";
  ents.appendChild(el("h2", "People, places and organisations"));
  if (c.analysing) ents.appendChild(el("p", "The article is still being analysed."));
  var ul = el("ul");
  c.entities.forEach(function(e, i) {
    var li = el("li", e.name + " \u2014 " + e.type + (e.role ? ", " + e.role : "") + ", " + e.mentions +
                (e.mentions === 1 ? " mention" : " mentions"));
    li.addEventListener("click", function() { pick(0, i); });
    ul.appendChild(li);
  });
  ents.appendChild(ul);
  var qs = document.getElementById("lectern-a11y-quotes");
  qs.textContent = "";
  qs.appendChild(el("h2", "Quotes"));
  var ol = el("ol");
  c.quotes.forEach(function(q, i) {
    var li = el("li");
    li.appendChild(el("blockquote", q.text));
    li.appendChild(el("p", "\u2014 " + (q.speaker || "unattributed") + " (" + q.kind + ")"));
    li.addEventListener("click", function() { pick(1, i); });
    ol.appendChild(li);
  });
  qs.appendChild(ol);
  if (c.moreQuotes > 0) qs.appendChild(el("p", c.moreQuotes + " more quotes are in the Quote explorer and in Export."));
});

EM_JS(void, JsSetAccessibleSelection, (int entity, int quote, const char* announce), {
  var root = document.getElementById("lectern-a11y");
  if (!root) return;
  function mark(listSel, index) {
    var items = root.querySelectorAll(listSel);
    for (var i = 0; i < items.length; ++i) {
      if (i === index) items[i].setAttribute("aria-current", "true");
      else items[i].removeAttribute("aria-current");
    }
  }
  mark("#lectern-a11y-entities li", entity);
  mark("#lectern-a11y-quotes li", quote);
  var status = document.getElementById("lectern-a11y-status");
  if (status) status.textContent = UTF8ToString(announce);
});
// clang-format on

std::string TakeJsString(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

void ImGuiSetClipboard(ImGuiContext*, const char* text) { SetClipboardText(text ? text : ""); }
const char* ImGuiGetClipboard(ImGuiContext*) { return g.clipboard.c_str(); }

}  // namespace

// [SECTION] Public API -----------------------------------------------------------------------------

void RequestFrames(double seconds) { Wake(std::max(seconds, 0.05)); }
const std::vector<TouchPoint>& Touches() { return g.touches; }
long FramesRendered() { return g.frames; }
double NowSeconds() { return Now(); }

std::string UrlHash() { return TakeJsString(JsUrlHash()); }
std::string PageUrl() { return TakeJsString(JsPageUrl()); }
void ReplaceUrlHash(std::string_view hash) { JsReplaceUrlHash(std::string(hash).c_str()); }

void SetClipboardText(std::string_view text) {
  g.clipboard.assign(text);
  JsSetClipboard(g.clipboard.c_str());
}

bool CanShare() { return JsCanShare() != 0; }
void Share(std::string_view title, std::string_view text, std::string_view url) {
  JsShare(std::string(title).c_str(), std::string(text).c_str(), std::string(url).c_str());
}

std::string LoadSetting(std::string_view key) {
  return TakeJsString(JsLoadSetting(std::string(key).c_str()));
}
bool SaveSetting(std::string_view key, std::string_view value) {
  return JsSaveSetting(std::string(key).c_str(), std::string(value).c_str()) != 0;
}

void FetchAsset(std::string_view name, AssetDone done) {
  const int id = g.next_fetch++;
  g.fetches[id] = std::move(done);
  JsFetchAsset(id, std::string(name).c_str());
}

void OpenFilePicker() { JsOpenFilePicker(); }

void LoadStoredArticles(StoredArticlesDone done) {
  g.stored_list = std::move(done);
  g.stored_items.clear();
  JsIdb(0, 0, nullptr, nullptr, 0);
}
void StoreArticle(std::string_view key, std::string_view bytes, StoreDone done) {
  const int id = g.next_store++;
  g.stores[id] = std::move(done);
  const std::string k(key);
  JsIdb(1, id, k.c_str(), bytes.data(), int(bytes.size()));
}
void DeleteStoredArticle(std::string_view key, StoreDone done) {
  const int id = g.next_store++;
  g.stores[id] = std::move(done);
  const std::string k(key);
  JsIdb(2, id, k.c_str(), nullptr, 0);
}

void DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes) {
  JsDownload(std::string(file_name).c_str(), std::string(mime_type).c_str(), bytes.data(), int(bytes.size()));
}

void SetAccessibleArticle(std::string_view article_json) { JsSetAccessibleArticle(std::string(article_json).c_str()); }
void SetAccessibleAnalysis(std::string_view analysis_json) { JsSetAccessibleAnalysis(std::string(analysis_json).c_str()); }
void SetAccessibleSelection(int entity, int quote, std::string_view announce) {
  JsSetAccessibleSelection(entity, quote, std::string(announce).c_str());
}

void SetPageTitle(std::string_view title) { JsSetPageTitle(std::string(title).c_str()); }
void NotifyReady() { JsNotifyReady(); }
void ReportError(std::string_view message) { JsReportError(std::string(message).c_str()); }

// [SECTION] Run ----------------------------------------------------------------------------------

int Run(const char* title, App app) {
  g.app = std::move(app);
  g.start = emscripten_get_now();
  JsMark("lectern:main");

  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    ReportError(std::string("SDL could not start: ") + SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  // The canvas is sized by CSS (100% of the page); SDL follows it and sets the backing store to
  // CSS size × devicePixelRatio (SDL_WINDOW_ALLOW_HIGHDPI), also when the ratio changes (zoom).
  g.window = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!g.window) {
    ReportError(std::string("Could not create the window: ") + SDL_GetError());
    return 1;
  }
  g.gl = SDL_GL_CreateContext(g.window);
  if (!g.gl) {
    ReportError("This browser could not create a WebGL 2 context. Lectern needs WebGL 2.");
    return 1;
  }
  SDL_GL_MakeCurrent(g.window, g.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                // no filesystem to keep imgui.ini in: the app persists
  io.LogFilename = nullptr;                // its own layout through SaveSetting (localStorage)
  io.ConfigInputTextCursorBlink = false;   // a blinking caret would keep an idle page rendering
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(g.window, g.gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // SDL's clipboard is process-local under Emscripten; ImGui's copy goes to the real one.
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_SetClipboardTextFn = ImGuiSetClipboard;
  pio.Platform_GetClipboardTextFn = ImGuiGetClipboard;
  JsMark("lectern:gl");

  if (g.app.init) g.app.init();
  g.initialised = true;
  JsMark("lectern:init");

  SDL_AddEventWatch(OnSdlEvent, nullptr);
  JsInstallPageHooks();
  JsInstallInputHooks();
  Wake(1.0);
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}

}  // namespace platform

// [SECTION] Exports for the page ------------------------------------------------------------------

extern "C" {

// window.lecternState(): the app's state as JSON. The string stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* lectern_state_json() {
  platform::g.state = platform::g.app.state_json ? platform::g.app.state_json() : "{}";
  return platform::g.state.c_str();
}

// window.lecternFrameTimes(): {"cpu": [ms...], "interval": [ms...]} of the frames rendered since
// the last call (up to 2048), for benchmarks; the call starts a new measurement.
EMSCRIPTEN_KEEPALIVE const char* lectern_frame_times_json() {
  std::string& out = platform::g.state;
  out = "{\"cpu\":[";
  char buf[32];
  for (size_t i = 0; i < platform::g.frame_ms.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", platform::g.frame_ms[i]);
    out += buf;
  }
  out += "],\"interval\":[";
  for (size_t i = 0; i < platform::g.interval_ms.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", platform::g.interval_ms[i]);
    out += buf;
  }
  out += "]}";
  platform::g.frame_ms.clear();
  platform::g.interval_ms.clear();
  platform::g.frame_stat_next = 0;
  return out.c_str();
}

// JsFetchAsset's answer: the bytes (malloc'd here, freed here) or an error message.
EMSCRIPTEN_KEEPALIVE void lectern_asset_fetched(int id, char* bytes, int size, char* error) {
  auto it = platform::g.fetches.find(id);
  const bool arrived = bytes != nullptr;
  std::string data = arrived ? std::string(bytes, size_t(size)) : std::string();
  std::string message = error ? error : "";
  std::free(bytes);
  std::free(error);
  if (it == platform::g.fetches.end()) return;
  platform::AssetDone done = std::move(it->second);
  platform::g.fetches.erase(it);
  if (!arrived && message.empty()) message = "no data";
  done(std::move(data), std::move(message));
  platform::Wake(platform::kSettleSeconds);
}

// A paste, a drop or a picked file (JsInstallInputHooks): source 0 paste, 1 drop, 2 picker.
EMSCRIPTEN_KEEPALIVE void lectern_text_received(int source, char* bytes, int size, char* name, char* type, char* error) {
  platform::IncomingText in;
  in.source = source == 1 ? platform::IncomingText::Source::Drop
              : source == 2 ? platform::IncomingText::Source::Picker : platform::IncomingText::Source::Paste;
  in.bytes.assign(bytes, size_t(size));
  in.name = name;
  in.type = type;
  in.error = error;
  std::free(bytes);
  std::free(name);
  std::free(type);
  std::free(error);
  if (platform::g.app.text_received) platform::g.app.text_received(std::move(in));
  platform::Wake(platform::kSettleSeconds);
}

// LoadStoredArticles: one call per stored article, then lectern_store_done(0, ...).
EMSCRIPTEN_KEEPALIVE void lectern_stored_item(char* key, char* bytes, int size) {
  platform::g.stored_items.push_back({key, std::string(bytes, size_t(size))});
  std::free(key);
  std::free(bytes);
}

EMSCRIPTEN_KEEPALIVE void lectern_store_done(int op, int id, char* error) {
  std::string message = error ? error : "";
  std::free(error);
  if (op == 0) {
    platform::StoredArticlesDone done = std::move(platform::g.stored_list);
    platform::g.stored_list = nullptr;
    std::vector<platform::StoredArticle> items = std::move(platform::g.stored_items);
    platform::g.stored_items.clear();
    if (done) done(std::move(items), std::move(message));
  } else {
    auto it = platform::g.stores.find(id);
    if (it != platform::g.stores.end()) {
      platform::StoreDone done = std::move(it->second);
      platform::g.stores.erase(it);
      if (done) done(std::move(message));
    }
  }
  platform::Wake(platform::kSettleSeconds);
}

// A click (or a screen reader's activation) on the accessible copy: kind 0 entity, 1 quote.
EMSCRIPTEN_KEEPALIVE void lectern_accessible_select(int kind, int index) {
  if (platform::g.app.accessible_select) platform::g.app.accessible_select(kind, index);
  platform::Wake(platform::kSettleSeconds);
}

EMSCRIPTEN_KEEPALIVE void lectern_wake() { platform::Wake(platform::kSettleSeconds); }

EMSCRIPTEN_KEEPALIVE void lectern_hash_changed() {
  if (platform::g.app.hash_changed) platform::g.app.hash_changed(platform::UrlHash());
  platform::Wake(platform::kSettleSeconds);
}
}
