// app.h — Lectern's one application state and its frame function.
//
//   AppState app;
//   LoadLibrary(app, "/seeds");          // every packaged article, loaded (not yet analysed)
//   OpenArticle(app, 0);                 // analyses on first open, then cached
//   bool animating = DrawApp(app, frame_info);
//
// AppState owns the documents, their analyses, the shared selection and the settings; each
// window keeps only its UI state (a *View struct) and reads the model every frame.
#pragma once

#include "analysis.h"
#include "analysis_job.h"
#include "article_window.h"
#include "document.h"
#include "entity_map_window.h"
#include "fonts.h"
#include "gazetteer.h"
#include "quote_explorer_window.h"
#include "selection.h"
#include "text_import.h"
#include "theme.h"
#include "window_layout.h"
#include "world_map.h"

#include <memory>
#include <string>
#include <vector>

namespace platform { struct FrameInfo; }

struct LibraryEntry {
  std::string path;                // where it was loaded from (the packaged seeds/)
  lectern::LoadResult loaded;      // the document, or why it could not be loaded
  uint32_t words = 0;
  int minutes = 0;                 // reading time at 230 words a minute, at least 1
  std::unique_ptr<lectern::Analysis> analysis;  // computed when the article is first opened
  std::unique_ptr<lectern::AnalysisJob> job;    // a long article's analysis, slice by slice
  bool prepared = false;           // its analysis came with the build (/prepared, analysis_binary.h)
  bool own = false;                // the reader's own (pasted, dropped, picked, linked) article
  std::string store_key;           // its IndexedDB key ("" when not kept)
  std::string import_note;         // what the importer did ("read as Windows-1252"), for the Library
  mutable std::string payload;     // own articles: the text as a link carries it (encoded once)
  mutable bool payload_done = false;
  mutable std::vector<char32_t> missing_glyphs;  // what its fonts cannot draw (found once)
  mutable bool missing_glyphs_done = false;
};

// An article of the reader's on its way in: a long one (a 20 MB file) takes one step a frame,
// so the page keeps drawing (own_articles.h).
enum class OwnOrigin { Paste, File, Link };
struct IncomingArticle {
  enum class Step { Import, Load, Add, Keep };
  Step step = Step::Import;
  std::string bytes;               // what came in, until imported
  std::string name_or_type;        // a file name, a MIME type or ""
  OwnOrigin origin = OwnOrigin::Paste;
  bool open = true;                // open it once added
  lectern::ImportResult imported;
  LibraryEntry entry;              // from the Load step on
  std::string id;                  // from the Add step on: the library entry to keep
};

struct Settings {
  Theme theme = Theme::Light;
  bool highlight[4] = {true, true, true, true};  // per EntityType: person, place, org, group
  bool highlight_quotes = true;
  bool serif = true;               // reading face: Noto Serif, or Noto Sans
  float text_size = 20.0f;         // body text size in CSS pixels
  int width = 1;                   // measure: 0 narrow, 1 standard, 2 wide
};

struct Notice {
  std::string text;
  double expires = 0;              // seconds (app time); 0 = until dismissed
};

// A named on-screen rectangle of the last frame, reported to the page so browser tests can click
// real widgets with real mouse events ("menu.reading", "article.find", "map.node.<id>").
struct UiTarget {
  std::string name;
  float x, y, w, h;                // CSS pixels
};

struct AppState {
  Fonts fonts;
  Settings settings;
  std::vector<LibraryEntry> library;
  int open = -1;                   // index into library of the open article, -1 none
  lectern::Selection selection;    // shared by all windows; reset when another article opens
  ArticleView article;             // per-window UI state
  EntityMapView map;
  QuoteExplorerView quotes;
  WindowSet windows;               // which windows are open, columns or tabs
  lectern::WorldMap world;         // country outlines for the map view (world.bin, fetched when first shown)
  enum class Asset { NotRequested, Loading, Ready, Failed };
  Asset world_state = Asset::NotRequested;
  std::string world_error;         // why the outlines could not be loaded, if they could not
  // Place names for analysing a text here (gazetteer.txt, fetched the first time an article
  // without a build-time analysis opens: the packaged ones need none of it).
  lectern::Gazetteer gazetteer;
  Asset gazetteer_state = Asset::NotRequested;
  std::string gazetteer_error;     // why it could not be loaded, if it could not
  bool show_library = false;
  std::vector<Notice> notices;
  bool storage_refused = false;    // the browser refused a write: noticed once, not per change
  double now = 0;                  // seconds since start (from the platform, per frame)
  bool first_frame_reported = false;
  std::vector<UiTarget> targets;   // rebuilt every frame
  std::string url_written;         // the hash last written to the URL
  double url_written_at = 0;
  std::string last_link;           // the link last copied (state query, tests)
  std::string add_text;            // the Library's "Add an article" box
  bool add_box_active = false;     // that box has the keyboard (a paste there is a new article)
  bool own_loaded = false;         // the kept articles have been read from IndexedDB
  std::string own_storage_error;   // why they could not be, if they could not
  std::string pending_link;        // a link to apply once the open article's analysis is done
  int pending_link_notices = 0;    // notices that link has given already
  std::string link_waiting_for_library;  // a link to an own article, until those are read
  const void* mirror_document = nullptr;  // what the page's accessible copy shows (accessible_mirror.h)
  const void* mirror_analysis = nullptr;
  uint64_t mirror_serial = ~0ull;        // the selection it announces
  std::string last_export;         // the last export's file name (state query, tests)
  std::vector<IncomingArticle> incoming;  // long articles being taken in, first one first

  const LibraryEntry* Open() const { return open >= 0 ? &library[size_t(open)] : nullptr; }
  const lectern::Document* OpenDocument() const { return open >= 0 ? &library[size_t(open)].loaded.doc : nullptr; }
  const lectern::Analysis* OpenAnalysis() const { return open >= 0 ? library[size_t(open)].analysis.get() : nullptr; }
};

// Every article file of `dir`, each with its build-time analysis from `prepared_dir`
// (<file>.analysis) where there is one that fits its text.
void LoadLibrary(AppState& app, const char* dir, const char* prepared_dir = "/prepared");
// Fetches gazetteer.txt unless it is loading or loaded; a failed fetch is tried again on the
// next call.
void RequestGazetteer(AppState& app);
void SetReadingFigures(LibraryEntry& e);  // words and reading time
// What the entry's text has that its fonts cannot draw (MissingGlyphs, found once per entry).
const std::vector<char32_t>& MissingGlyphsOf(const AppState& app, const LibraryEntry& e);
void OpenArticle(AppState& app, int index);
int FindArticle(const AppState& app, std::string_view id);  // by document id; -1 if none
void AddNotice(AppState& app, std::string text, double seconds = 8.0);
void RecordTarget(AppState& app, std::string name);  // the last ImGui item's rectangle

void InitApp(AppState& app);     // after ImGui exists: fonts, theme, saved settings
bool DrawApp(AppState& app, const platform::FrameInfo& frame);
std::string StateJson(const AppState& app);
void SaveSettings(AppState& app);
// platform::SaveSetting, with one notice per visit when the browser refuses (full or disabled).
void StoreSetting(AppState& app, std::string_view key, std::string_view value);
