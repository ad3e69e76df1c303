// platform.h — the one narrow interface between Lectern's app and the browser.
//
//   platform::App app;
//   app.init = [&] { LoadFonts(); };                  // after the GL context and ImGui exist
//   app.frame = [&](const platform::FrameInfo& f) { return DrawApp(state, f); };
//   app.state_json = [&] { return StateJson(state); }; // window.lecternState()
//   app.hash_changed = [&](std::string_view h) { ApplyLink(state, h); };
//   return platform::Run("Lectern", app);             // owns the main loop; never returns on web
//
// The platform owns the loop: it polls input, starts the ImGui frame, calls `frame`, renders,
// and — when nothing changes — stops rendering altogether (idle means idle: no frames, no CPU).
// Input, a resize, a hash change or RequestFrames() wakes it. Exactly one implementation is
// compiled per target (platform_web.cpp for Emscripten); `__EMSCRIPTEN__` appears nowhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

struct FrameInfo {
  double time = 0;          // seconds since start
  double delta = 0;         // seconds since the previous rendered frame
  float device_pixel_ratio = 1;
  int width = 0, height = 0;  // CSS pixels (ImGui's DisplaySize)
  long frame = 0;           // frames rendered since start, this one included
};

// Text from outside the app. A paste arrives when the reader presses Ctrl+V / Cmd+V (or uses the
// browser's Paste) anywhere on the page; a drop when files are dropped on the page; a pick after
// OpenFilePicker. One call per file. Nothing leaves the page.
struct IncomingText {
  enum class Source { Paste, Drop, Picker };
  Source source = Source::Paste;
  std::string bytes;           // as received (a paste: UTF-8 from the browser; a file: its bytes)
  std::string name;            // the file's name; "" for a paste
  std::string type;            // MIME type as the browser reports it ("" when unknown)
  std::string error;           // the browser could not read the file (bytes empty)
};

struct App {
  std::function<void()> init;                                  // fonts, style: once, before frame 1
  std::function<bool(const FrameInfo&)> frame;                 // draw; true = animating, keep going
  std::function<std::string()> state_json;                     // the page's lecternState()
  std::function<void(std::string_view hash)> hash_changed;     // the reader edited the URL hash
  std::function<void()> idle;                                  // called once when the loop sleeps
  std::function<void(IncomingText)> text_received;             // a paste, a dropped or picked file
  std::function<void(int kind, int index)> accessible_select;  // the accessible copy: 0 entity, 1 quote
};

// Runs the main loop. On the web it returns immediately after handing the loop to the browser.
int Run(const char* title, App app);

// Keep rendering for at least `seconds` more (an animation, a smooth scroll, a layout settling).
void RequestFrames(double seconds = 0);

// Fingers currently on the canvas, in CSS pixels, oldest first. ImGui sees only the first finger
// (as the mouse); two-finger gestures (pinch zoom on the entity map) read this.
struct TouchPoint {
  int64_t id;
  float x, y;
};
const std::vector<TouchPoint>& Touches();

long FramesRendered();
double NowSeconds();                          // seconds since start (a monotonic clock)

// [SECTION] Browser services ---------------------------------------------------------------------

std::string UrlHash();                        // without the leading '#', decoded as UTF-8 bytes
void ReplaceUrlHash(std::string_view hash);   // history.replaceState: no history entry, no event
std::string PageUrl();                        // the full current URL (for "Copy link")

// Clipboard writes need a recent user gesture in browsers; call this from the frame that handles
// the click or key press (the browser's transient activation lasts long enough for that frame).
void SetClipboardText(std::string_view text);
bool CanShare();                              // navigator.share exists (phones, some desktops)
void Share(std::string_view title, std::string_view text, std::string_view url);

std::string LoadSetting(std::string_view key);  // localStorage; "" when absent or unavailable
bool SaveSetting(std::string_view key, std::string_view value);  // false: storage full or refused

// Fetches one of the app's files that are not in the data bundle (they load when first needed:
// world.bin), by its plain name. `done` runs later, between frames, with the bytes and "" or
// with "" and why it failed (offline before the service worker had the file, a server error).
using AssetDone = std::function<void(std::string bytes, std::string error)>;
void FetchAsset(std::string_view name, AssetDone done);

// [SECTION] Articles the reader brings in ----------------------------------------------------------

// Shows the browser's file chooser. Browsers allow it only in response to a click or key press:
// call it from the frame that handles one (the transient activation outlasts that frame).
void OpenFilePicker();

// The reader's own articles, kept in the browser's IndexedDB (database "lectern", store
// "articles"): they outlive reloads and work offline until deleted. Every call is asynchronous;
// `done` runs later, between frames. `error` is "" on success, else why (storage full, refused,
// unavailable in this browser mode).
struct StoredArticle {
  std::string key;
  std::string bytes;
};
using StoredArticlesDone = std::function<void(std::vector<StoredArticle> articles, std::string error)>;
using StoreDone = std::function<void(std::string error)>;
void LoadStoredArticles(StoredArticlesDone done);
void StoreArticle(std::string_view key, std::string_view bytes, StoreDone done);
void DeleteStoredArticle(std::string_view key, StoreDone done);

// Offers `bytes` as a download named `file_name` (a Blob URL: nothing is uploaded).
void DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes);

// The page's accessible copy of what the canvas shows (visually hidden DOM text: headings,
// paragraphs, lists), for screen readers, find-in-page and translation, from accessible_mirror.h's
// JSON: the article, then what was found in it. The selection marks one entity and one quote
// (-1 none) as current and `announce` is read out by a polite live region.
void SetAccessibleArticle(std::string_view article_json);
void SetAccessibleAnalysis(std::string_view analysis_json);
void SetAccessibleSelection(int entity, int quote, std::string_view announce);

// [SECTION] Page -------------------------------------------------------------------------------------

// The page's title (the tab, the window list, bookmarks): the open article's headline.
void SetPageTitle(std::string_view title);

// Tells the page the app has drawn its first frame (the loading screen goes away).
void NotifyReady();
// A short message for the page to show outside the canvas (e.g. "a new version is ready").
void ReportError(std::string_view message);

}  // namespace platform
