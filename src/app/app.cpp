// app.cpp — the application state, the library of packaged articles, and the frame function.
//
// [SECTION] Library         — loading every packaged article file
// [SECTION] Settings        — theme, face, size, measure; kept in localStorage
// [SECTION] Frame           — menu bar, windows, notices
// [SECTION] State query     — window.lecternState() for tests and integrations
#include "app.h"

#include "accessible_mirror.h"
#include "analysis_binary.h"
#include "analysis_json.h"
#include "analysis_markdown.h"
#include "app_link.h"
#include "own_articles.h"
#include "gazetteer.h"
#include "json_writer.h"
#include "platform.h"
#include "stored_settings.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace fs = std::filesystem;

// [SECTION] Library --------------------------------------------------------------------------------

const std::vector<char32_t>& MissingGlyphsOf(const AppState& app, const LibraryEntry& e) {
  if (!e.missing_glyphs_done) {  // one pass over the text (20 ms for 20 MB), not one per frame or query
    e.missing_glyphs = MissingGlyphs(app.fonts, e.loaded.doc.bytes, 16);
    e.missing_glyphs_done = true;
  }
  return e.missing_glyphs;
}

void SetReadingFigures(LibraryEntry& e) {
  e.words = lectern::CountParagraphWords(e.loaded.doc);
  e.minutes = std::max(1, int(std::lround(e.words / 230.0)));
}

void AddNotice(AppState& app, std::string text, double seconds) {
  app.notices.push_back({std::move(text), seconds > 0 ? app.now + seconds : 0.0});
  platform::RequestFrames(0.2);
}

void RecordTarget(AppState& app, std::string name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  app.targets.push_back({std::move(name), a.x, a.y, b.x - a.x, b.y - a.y});
}

namespace {

std::string ReadFileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The build-time analysis of a packaged article (lectern prepare), when there is one made of
// this very text; otherwise the app analyses the text when it is opened, as for any other.
void TakePreparedAnalysis(LibraryEntry& e, const fs::path& prepared) {
  std::error_code ec;
  if (!fs::is_regular_file(prepared, ec)) return;
  auto a = std::make_unique<lectern::Analysis>();
  std::string why;
  if (!lectern::DecodeAnalysis(ReadFileBytes(prepared), e.loaded.doc, a.get(), &why)) {
    std::fprintf(stderr, "lectern: %s: %s; analysing the text instead\n", prepared.string().c_str(), why.c_str());
    return;
  }
  e.analysis = std::move(a);
  e.prepared = true;
}

}  // namespace

void RequestGazetteer(AppState& app) {
  if (app.gazetteer_state == AppState::Asset::Loading || app.gazetteer_state == AppState::Asset::Ready) return;
  app.gazetteer_state = AppState::Asset::Loading;
  app.gazetteer_error.clear();
  // The app state outlives every fetch: the page has one app, for as long as it is open.
  platform::FetchAsset("gazetteer.txt", [&app](std::string bytes, std::string error) {
    if (error.empty()) {
      app.gazetteer = lectern::Gazetteer::Parse(bytes);
      if (app.gazetteer.size() == 0) error = "the file has no places in it";
    }
    app.gazetteer_state = error.empty() ? AppState::Asset::Ready : AppState::Asset::Failed;
    if (!error.empty()) {
      app.gazetteer = lectern::Gazetteer{};
      app.gazetteer_error = "The place names could not be loaded (" + error + ").";
      AddNotice(app, app.gazetteer_error + " The article reads as usual; its people, places and quotes "
                                           "are found once they load.", 12);
    }
    platform::RequestFrames(0.3);
  });
}

void LoadLibrary(AppState& app, const char* dir, const char* prepared_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec && files.empty()) {
    AddNotice(app, std::string("The packaged articles could not be read (") + ec.message() + ").", 0);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    LibraryEntry e;
    e.path = path.string();
    e.loaded = lectern::LoadDocument(ReadFileBytes(path), path.filename().string());
    if (!e.loaded.message.empty()) AddNotice(app, e.loaded.message, 12);
    if (!e.loaded.ok()) continue;  // refused files are reported, not listed as articles
    SetReadingFigures(e);
    TakePreparedAnalysis(e, fs::path(prepared_dir) / (path.filename().string() + ".analysis"));
    app.library.push_back(std::move(e));
  }
  // Two files may share a headline: keep ids unique so links stay unambiguous.
  for (size_t i = 0; i < app.library.size(); ++i) {
    int n = 1;
    for (size_t j = 0; j < i; ++j)
      if (app.library[j].loaded.doc.id == app.library[i].loaded.doc.id) ++n;
    if (n > 1) app.library[i].loaded.doc.id += "-" + std::to_string(n);
  }
  if (app.library.empty()) AddNotice(app, "No articles are packaged with this build.", 0);
}

int FindArticle(const AppState& app, std::string_view id) {
  for (size_t i = 0; i < app.library.size(); ++i)
    if (app.library[i].loaded.doc.id == id) return int(i);
  return -1;
}

void OpenArticle(AppState& app, int index) {
  if (index < 0 || index >= int(app.library.size()) || index == app.open) return;
  LibraryEntry& e = app.library[size_t(index)];
  // Analysed once, when first opened (tens of milliseconds for a news article), then cached. A
  // long article (more than one slice), or any article while the place names are still on their
  // way, is analysed across frames by StepAnalysis.
  if (!e.analysis && !e.job) {
    e.job = std::make_unique<lectern::AnalysisJob>(e.loaded.doc);
    RequestGazetteer(app);
    if (e.job->Slices() == 1 && app.gazetteer_state == AppState::Asset::Ready) {
      e.job->Step(e.loaded.doc, app.gazetteer);
      e.analysis = std::make_unique<lectern::Analysis>(e.job->Take(e.loaded.doc));
      e.job.reset();
    }
  }
  app.open = index;
  app.article = ArticleView{};
  platform::SetPageTitle(lectern::ToValidLine(e.loaded.doc.Headline()) + " \xE2\x80\x94 Lectern");  // "<headline> — Lectern"
  // The selection's serial keeps counting, so every window notices the change of article.
  const uint64_t serial = app.selection.serial;
  app.selection = lectern::Selection{};
  app.selection.serial = serial + 1;
  platform::RequestFrames(0.2);
}

// [SECTION] Settings -------------------------------------------------------------------------------

namespace {

// The app's settings as the core's stored form (src/core/stored_settings.h).
lectern::StoredSettings ToStored(const Settings& s, const WindowSet& windows) {
  lectern::StoredSettings t;
  t.theme = ThemeName(s.theme);
  t.serif = s.serif;
  t.text_size = s.text_size;
  t.width = s.width;
  t.windows = OpenWindowsString(windows);
  for (int i = 0; i < 4; ++i) t.highlight[i] = s.highlight[i];
  t.highlight_quotes = s.highlight_quotes;
  return t;
}

}  // namespace

void StoreSetting(AppState& app, std::string_view key, std::string_view value) {
  if (platform::SaveSetting(key, value) || app.storage_refused) return;
  // Once per visit: every later change would fail the same way.
  app.storage_refused = true;
  AddNotice(app, "This browser's storage is full or switched off: your settings, pins and window "
                 "arrangement work for this visit but will not be kept.", 0);
}

void SaveSettings(AppState& app) { StoreSetting(app, "settings", lectern::FormatSettings(ToStored(app.settings, app.windows))); }

namespace {

// Whatever storage holds, the app starts: unreadable fields keep their defaults, with a notice.
void LoadSettings(AppState& app) {
  const lectern::SettingsParse r =
      lectern::ParseSettings(platform::LoadSetting("settings"), ToStored(app.settings, app.windows));
  if (!r.problem.empty()) AddNotice(app, "Your saved reading settings could not all be read (" + r.problem + "); the defaults are used instead.", 12);
  Settings& s = app.settings;
  s.theme = ThemeFromName(r.settings.theme.c_str(), s.theme);
  s.serif = r.settings.serif;
  s.text_size = r.settings.text_size;
  s.width = r.settings.width;
  ParseOpenWindows(app.windows, r.settings.windows);
  for (int i = 0; i < 4; ++i) s.highlight[i] = r.settings.highlight[i];
  s.highlight_quotes = r.settings.highlight_quotes;
}

constexpr float kTextSizes[] = {14, 16, 18, 20, 22, 24, 27, 30, 34, 40};

// Moves the text size one step along kTextSizes; false at either end.
bool StepTextSize(Settings& s, int dir) {
  const int n = int(sizeof kTextSizes / sizeof kTextSizes[0]);
  int i = 0;
  while (i < n - 1 && kTextSizes[i] < s.text_size - 0.5f) ++i;
  const int next = std::clamp(i + dir, 0, n - 1);
  if (kTextSizes[next] == s.text_size) return false;
  s.text_size = kTextSizes[next];
  return true;
}

void HandleGlobalShortcuts(AppState& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!(io.KeyCtrl || io.KeySuper) || io.WantTextInput) return;
  bool changed = false;
  if (ImGui::IsKeyPressed(ImGuiKey_Equal, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd, false))
    changed = StepTextSize(app.settings, +1);
  if (ImGui::IsKeyPressed(ImGuiKey_Minus, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract, false))
    changed = StepTextSize(app.settings, -1);
  if (ImGui::IsKeyPressed(ImGuiKey_0, false) && app.settings.text_size != 20.0f) {
    app.settings.text_size = 20.0f;
    changed = true;
  }
  if (changed) SaveSettings(app);
}

void DrawReadingControls(AppState& app) {
  Settings& s = app.settings;
  bool changed = false;
  ImGui::SeparatorText("Text");
  if (ImGui::Button(" A\xE2\x88\x92 ")) changed |= StepTextSize(s, -1);  // A−
  RecordTarget(app, "reading.smaller");
  ImGui::SetItemTooltip("Smaller text (Ctrl+\xE2\x88\x92)");
  ImGui::SameLine();
  ImGui::Text("%.0f px", s.text_size);
  ImGui::SameLine();
  if (ImGui::Button(" A+ ")) changed |= StepTextSize(s, +1);
  RecordTarget(app, "reading.larger");
  ImGui::SetItemTooltip("Larger text (Ctrl++)");
  if (ImGui::RadioButton("Serif", s.serif)) s.serif = true, changed = true;
  RecordTarget(app, "reading.serif");
  ImGui::SameLine();
  if (ImGui::RadioButton("Sans", !s.serif)) s.serif = false, changed = true;
  RecordTarget(app, "reading.sans");
  ImGui::SeparatorText("Width");
  const char* widths[] = {"Narrow", "Standard", "Wide"};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::RadioButton(widths[i], s.width == i)) s.width = i, changed = true;
    RecordTarget(app, std::string("reading.width.") + widths[i]);
  }
  ImGui::SeparatorText("Theme");
  for (Theme t : {Theme::Light, Theme::Sepia, Theme::Dark}) {
    if (t != Theme::Light) ImGui::SameLine();
    const char* label = t == Theme::Light ? "Light" : t == Theme::Sepia ? "Sepia" : "Dark";
    if (ImGui::RadioButton(label, s.theme == t)) {
      s.theme = t;
      ApplyTheme(t);
      changed = true;
    }
    RecordTarget(app, std::string("reading.theme.") + ThemeName(t));
  }
  if (changed) SaveSettings(app);
}

}  // namespace

void InitApp(AppState& app) {
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigWindowsMoveFromTitleBarOnly = true;  // dragging in the text selects, never moves
  const std::string missing = LoadFonts(app.fonts, "/assets/fonts");
  if (!missing.empty()) AddNotice(app, missing, 0);
  LoadSettings(app);
  LoadWindowArrangement(app);
  ApplyTheme(app.settings.theme);
  ImGui::GetStyle().FontSizeBase = 15.0f;
}

// [SECTION] Frame ----------------------------------------------------------------------------------

namespace {

void DrawLibrary(AppState& app) {
  int remove = -1;
  if (ImGui::BeginTable("##library", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Headline", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Reading time", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < app.library.size(); ++i) {
      const LibraryEntry& e = app.library[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(int(i));
      const std::string headline = lectern::ToValidUtf8(e.loaded.doc.Headline());
      if (ImGui::Selectable(headline.c_str(), app.open == int(i), ImGuiSelectableFlags_AllowOverlap)) {
        OpenArticle(app, int(i));
        app.show_library = false;
      }
      RecordTarget(app, "library." + e.loaded.doc.id);
      if (!e.import_note.empty()) ImGui::SetItemTooltip("%s", e.import_note.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%u", e.words);
      ImGui::TableNextColumn();
      ImGui::Text("%d min", e.minutes);
      ImGui::TableNextColumn();
      if (e.own) {
        if (ImGui::SmallButton("Delete")) remove = int(i);
        ImGui::SetItemTooltip("Remove this article from the library and from this browser");
        RecordTarget(app, "library.delete." + e.loaded.doc.id);
      } else {
        ImGui::TextDisabled("built in");
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) DeleteOwnArticle(app, remove);
  DrawAddArticle(app);
}

// Export: what was found in the open article, as the CLI's JSON or as Markdown, downloaded or
// copied. The file is named after the article's id.
void Export(AppState& app, bool markdown, bool to_clipboard) {
  const LibraryEntry* e = app.Open();
  const lectern::Analysis* a = app.OpenAnalysis();
  if (!e || !a) return;
  const std::string out = markdown ? lectern::AnalysisToMarkdown(e->loaded.doc, *a) : lectern::AnalysisToJson(e->loaded.doc, *a);
  const std::string name = e->loaded.doc.id + (markdown ? ".md" : ".json");
  app.last_export = to_clipboard ? "clipboard:" + name : name;
  if (to_clipboard) {
    platform::SetClipboardText(out);
    AddNotice(app, std::string(markdown ? "Markdown" : "JSON") + " of this article copied.", 3);
  } else {
    platform::DownloadFile(name, markdown ? "text/markdown;charset=utf-8" : "application/json", out);
  }
}

void DrawExportMenu(AppState& app) {
  const bool ready = app.OpenAnalysis() != nullptr;
  if (ImGui::MenuItem("Download Markdown", nullptr, false, ready)) Export(app, true, false);
  RecordTarget(app, "export.markdown");
  ImGui::SetItemTooltip("People, places, organisations and every quote with its speaker, as a .md file");
  if (ImGui::MenuItem("Download JSON", nullptr, false, ready)) Export(app, false, false);
  RecordTarget(app, "export.json");
  ImGui::SetItemTooltip("Everything found, with byte offsets into the text (the format of `lectern analyze --json`)");
  ImGui::Separator();
  if (ImGui::MenuItem("Copy Markdown", nullptr, false, ready)) Export(app, true, true);
  RecordTarget(app, "export.markdown.copy");
  if (ImGui::MenuItem("Copy JSON", nullptr, false, ready)) Export(app, false, true);
  RecordTarget(app, "export.json.copy");
}

void DrawMenuBar(AppState& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::PushFont(app.fonts.sans_bold, 0.0f);
  ImGui::TextUnformatted("Lectern");
  ImGui::PopFont();
  const bool library = ImGui::BeginMenu("Library");
  RecordTarget(app, "menu.library");
  if (library) {
    DrawLibrary(app);
    ImGui::EndMenu();
  }
  const bool reading = ImGui::BeginMenu("Reading");
  RecordTarget(app, "menu.reading");
  if (reading) {
    DrawReadingControls(app);
    ImGui::EndMenu();
  }
  const bool share = ImGui::BeginMenu("Share");
  RecordTarget(app, "menu.share");
  if (share) {
    if (ImGui::MenuItem("Copy link to this view")) CopyLink(app, LinkScope::View, false);
    RecordTarget(app, "share.view");
    const lectern::Analysis* a = app.OpenAnalysis();
    const bool has_quote = a && app.selection.quote >= 0, has_entity = a && app.selection.entity >= 0;
    if (ImGui::MenuItem("Copy link to the selected quote", nullptr, false, has_quote)) CopyLink(app, LinkScope::Quote, false);
    RecordTarget(app, "share.quote");
    if (ImGui::MenuItem("Copy link to the selected entity", nullptr, false, has_entity)) CopyLink(app, LinkScope::Entity, false);
    RecordTarget(app, "share.entity");
    if (platform::CanShare()) {
      ImGui::Separator();
      if (ImGui::MenuItem("Share\xE2\x80\xA6")) CopyLink(app, has_quote ? LinkScope::Quote : LinkScope::View, true);
      RecordTarget(app, "share.system");
    }
    ImGui::EndMenu();
  }
  const bool exporting = ImGui::BeginMenu("Export");
  RecordTarget(app, "menu.export");
  if (exporting) {
    DrawExportMenu(app);
    ImGui::EndMenu();
  }
  const bool windows = ImGui::BeginMenu("Windows");
  RecordTarget(app, "menu.windows");
  if (windows) {
    DrawWindowsMenu(app);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// A long article is being analysed: how far it has got (the text is already readable).
void DrawAnalysisProgress(AppState& app) {
  const LibraryEntry* e = app.Open();
  if (!e || !e->job) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 12, vp->WorkPos.y + 12), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(300, 0));
  ImGui::Begin("##analysing", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  if (app.gazetteer_state == AppState::Asset::Failed) {
    ImGui::TextWrapped("%s", app.gazetteer_error.c_str());
    if (ImGui::Button("Try again")) RequestGazetteer(app);
    RecordTarget(app, "analysis.retry");
  } else if (app.gazetteer_state != AppState::Asset::Ready) {
    ImGui::Text("Loading place names\xE2\x80\xA6");
    ImGui::ProgressBar(0.0f, ImVec2(-1, 0));
  } else {
    ImGui::Text("Analysing %u words\xE2\x80\xA6", e->words);
    ImGui::ProgressBar(e->job->Progress(), ImVec2(-1, 0));
  }
  ImGui::End();
}

void DrawNotices(AppState& app) {
  app.notices.erase(std::remove_if(app.notices.begin(), app.notices.end(),
                                   [&](const Notice& n) { return n.expires > 0 && n.expires < app.now; }),
                    app.notices.end());
  if (app.notices.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(560.0f, vp->WorkSize.x - 24);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + vp->WorkSize.y - 12),
                          ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("##notices", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  for (size_t i = 0; i < app.notices.size(); ++i) {
    ImGui::PushID(int(i));
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(right - 30);
    ImGui::TextWrapped("%s", app.notices[i].text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(right - 22);
    if (ImGui::SmallButton("\xC3\x97")) {  // ×
      app.notices.erase(app.notices.begin() + long(i));
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace

// The faces' extension files, when the open article has a letter the packaged faces lack
// (fonts.h): fetched once, merged between frames; the article is measured again.
void RequestMoreGlyphs(AppState& app) {
  const LibraryEntry* e = app.Open();
  if (!e || app.fonts.more != Fonts::More::NotRequested) return;
  if (MissingGlyphsOf(app, *e).empty()) return;
  app.fonts.more = Fonts::More::Loading;
  app.fonts.more_pending = int(std::size(kMoreGlyphsFiles));
  for (const MoreGlyphsFile& file : kMoreGlyphsFiles) {
    platform::FetchAsset(file.name, [&app, &file](std::string bytes, std::string error) {
      Fonts& f = app.fonts;
      if (!error.empty()) error = std::string(file.name) + ": " + error;  // not fetched
      else MergeMoreGlyphs(f, file, bytes, &error);                        // or not a font
      if (f.more_error.empty()) f.more_error = error;
      if (--f.more_pending > 0) return;
      f.more = f.more_error.empty() ? Fonts::More::Ready : Fonts::More::Failed;
      for (const LibraryEntry& l : app.library) l.missing_glyphs_done = false;  // found again with the new letters
      if (!f.more_error.empty())
        AddNotice(app, "Some letters of this article are drawn as boxes: the fonts that have them could not be loaded (" +
                           f.more_error + ").", 12);
      platform::RequestFrames(0.3);
    });
  }
}

bool DrawApp(AppState& app, const platform::FrameInfo& frame) {
  app.now = frame.time;
  app.targets.clear();
  bool animating = false;
  HandleGlobalShortcuts(app);
  // One long step a frame: taking an article in, or measuring its words for the lines (the
  // article window, later this frame: the reader sees the text first), or else a slice of the
  // open article's analysis.
  if (StepIncoming(app)) animating = true;
  else if (!app.article.is_measuring) animating |= StepAnalysis(app);
  RequestMoreGlyphs(app);
  app.add_box_active = false;  // DrawAddArticle sets it while its box has the keyboard
  DrawMenuBar(app);
  DrawAnalysisProgress(app);

  animating |= DrawWindows(app);

  if (app.show_library) {
    ImGui::SetNextWindowSize(ImVec2(640, 360), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Library", &app.show_library)) DrawLibrary(app);
    ImGui::End();
  }
  DrawNotices(app);
  if (!app.notices.empty()) {
    // Keep ticking only so a timed notice can disappear on time.
    for (const Notice& n : app.notices)
      if (n.expires > 0) platform::RequestFrames(std::max(0.05, n.expires - app.now));
  }
  SyncUrl(app, animating);
  SyncAccessibleMirror(app);
  if (!app.first_frame_reported && frame.frame >= 2) {
    app.first_frame_reported = true;
    platform::NotifyReady();
  }
  return animating;
}

// [SECTION] State query ----------------------------------------------------------------------------

std::string StateJson(const AppState& app) {
  lectern::JsonWriter w;
  const LibraryEntry* e = app.Open();
  const ImGuiIO& io = ImGui::GetIO();
  w.BeginObject();
  w.Key("article");
  if (e) w.String(e->loaded.doc.id); else w.Null();
  w.Key("title");
  if (e) w.String(e->loaded.doc.Headline()); else w.Null();
  w.Key("paragraphs");
  w.Int(e ? int64_t(e->loaded.doc.paragraphs.size()) : 0);
  w.Key("words");
  w.Int(e ? e->words : 0);
  w.Key("moreGlyphs");  // the faces' extension files (fonts.h): "not requested", "loading", "ready", "failed"
  w.String(app.fonts.more == Fonts::More::Ready ? "ready" : app.fonts.more == Fonts::More::Loading ? "loading"
           : app.fonts.more == Fonts::More::Failed ? "failed" : "not requested");
  w.Key("missingGlyphs");  // what the open article has that its fonts cannot draw: "U+0416"
  w.BeginArray();
  if (e) {
    for (char32_t cp : MissingGlyphsOf(app, *e)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
      w.String(buf);
    }
  }
  w.EndArray();
  w.Key("library");
  w.BeginArray();
  for (const LibraryEntry& l : app.library) {
    w.BeginObject();
    w.Key("id");
    w.String(l.loaded.doc.id);
    w.Key("title");
    w.String(l.loaded.doc.Headline());
    w.Key("words");
    w.Int(l.words);
    w.Key("minutes");
    w.Int(l.minutes);
    w.Key("own");
    w.Bool(l.own);
    w.Key("kept");
    w.Bool(!l.store_key.empty());
    w.EndObject();
  }
  w.EndArray();
  w.Key("frames");
  w.Int(platform::FramesRendered());
  w.Key("scroll");
  w.Number(std::round(app.article.scroll * 10) / 10);
  w.Key("scrollTarget");
  w.Number(std::round(app.article.scroll_target * 10) / 10);
  w.Key("scrollMax");
  w.Number(std::round(std::max(0.0f, app.article.layout.height - app.article.view_height) * 10) / 10);
  const ReadingPosition pos = CurrentReadingPosition(app.article);
  w.Key("paragraph");
  w.Int(pos.paragraph);
  w.Key("lines");
  w.Int(int64_t(app.article.layout.lines.size()));
  w.Key("measuring");  // a long article's words are still being measured for its lines
  w.Bool(app.article.is_measuring);
  w.Key("charsPerLine");
  w.Number(std::round(app.article.chars_per_line * 10) / 10);
  w.Key("textSize");
  w.Number(app.settings.text_size);
  w.Key("theme");
  w.String(ThemeName(app.settings.theme));
  w.Key("serif");
  w.Bool(app.settings.serif);
  w.Key("display");
  w.BeginObject();
  w.Key("width");
  w.Number(io.DisplaySize.x);
  w.Key("height");
  w.Number(io.DisplaySize.y);
  w.Key("scale");
  w.Number(io.DisplayFramebufferScale.x);
  w.Key("fontDensity");  // the pixel density glyphs are rasterised at (crisp HiDPI text)
  w.Number(ImGui::GetIO().Fonts->Fonts.empty() ? 0 : ImGui::GetFont()->CurrentRasterizerDensity);
  w.EndObject();
  w.Key("targets");
  w.BeginObject();
  for (const UiTarget& t : app.targets) {
    w.Key(t.name);
    w.BeginArray();
    w.Number(std::round(t.x));
    w.Number(std::round(t.y));
    w.Number(std::round(t.w));
    w.Number(std::round(t.h));
    w.EndArray();
  }
  w.EndObject();
  w.Key("selection");
  w.String(app.article.HasSelection() ? lectern::CopyText(app.article.layout, app.OpenDocument()->bytes,
                                                          {app.article.SelectionBegin(), app.article.SelectionEnd()})
                                      : std::string());
  w.Key("find");
  w.BeginObject();
  w.Key("query");
  w.String(app.article.find_open ? app.article.find_query : std::string());
  w.Key("matches");
  w.Int(int64_t(app.article.find_matches.size()));
  w.Key("current");
  w.Int(app.article.find_current + 1);
  w.EndObject();
  w.Key("notices");
  w.BeginArray();
  for (const Notice& n : app.notices) w.String(n.text);
  w.EndArray();
  w.Key("layout");
  w.String(app.windows.tabs_mode ? "tabs" : "columns");
  w.Key("windows");
  w.BeginArray();
  for (int i = 0; i < kWindowCount; ++i) {
    // In tabs mode only the visible tab is on screen.
    const bool shown = app.windows.tabs_mode ? int(app.windows.tab) == i : app.windows.open[i];
    if (shown) w.String(WindowKey(WindowId(i)));
  }
  w.EndArray();
  const lectern::Analysis* an = app.OpenAnalysis();
  w.Key("entity");
  if (an && app.selection.entity >= 0) w.String(an->entities[size_t(app.selection.entity)].id); else w.Null();
  w.Key("quote");
  if (an && app.selection.quote >= 0) w.String(an->quotes[size_t(app.selection.quote)].id); else w.Null();
  w.Key("entities");
  w.Int(an ? int64_t(an->entities.size()) : 0);
  w.Key("mention");
  w.Int(app.selection.mention);
  w.Key("selectionSpan");
  const lectern::Span sel_span = an ? lectern::SelectionSpan(app.selection, *an) : lectern::Span{};
  if (sel_span.empty()) {
    w.Null();
  } else {
    w.BeginArray();
    w.Int(sel_span.begin);
    w.Int(sel_span.end);
    w.EndArray();
  }
  w.Key("visible");
  w.BeginArray();
  w.Int(app.article.visible.begin);
  w.Int(app.article.visible.end);
  w.EndArray();
  w.Key("highlights");
  w.BeginObject();
  static const char* kTypeKeys[4] = {"person", "place", "org", "group"};
  for (int t = 0; t < 4; ++t) {
    w.Key(kTypeKeys[t]);
    w.Bool(app.settings.highlight[t]);
  }
  w.Key("quotes");
  w.Bool(app.settings.highlight_quotes);
  w.EndObject();
  w.Key("view");
  w.String(app.map.show_map ? "map" : "graph");
  w.Key("worldMap");  // the outlines: "not requested", "loading", "ready", "failed"
  w.String(app.world_state == AppState::Asset::Ready ? "ready" : app.world_state == AppState::Asset::Loading ? "loading"
           : app.world_state == AppState::Asset::Failed ? "failed" : "not requested");
  w.Key("gazetteer");  // the place names for analysing here: "not requested", "loading", "ready", "failed"
  w.String(app.gazetteer_state == AppState::Asset::Ready ? "ready" : app.gazetteer_state == AppState::Asset::Loading ? "loading"
           : app.gazetteer_state == AppState::Asset::Failed ? "failed" : "not requested");
  w.Key("prepared");  // the open article's analysis came with the build
  w.Bool(e && e->prepared);
  w.Key("mapZoom");  // entity map, map view: 1 = the whole world fits
  w.Number(std::round(MapZoomLevel(app.map) * 1000) / 1000);
  double lat = 0, lon = 0, zoom = 0;
  w.Key("mapView");  // where the reader moved the map (as links carry it), or null
  if (ReaderMapView(app.map, &lat, &lon, &zoom)) {
    w.BeginArray();
    w.Number(std::round(lat * 100) / 100);
    w.Number(std::round(lon * 100) / 100);
    w.Number(std::round(zoom * 100) / 100);
    w.EndArray();
  } else {
    w.Null();
  }
  w.Key("layoutSettled");  // entity map, graph view: the force layout has come to rest
  w.Bool(app.map.layout.settled);
  w.Key("link");
  w.String(ShareableLink(app, LinkScope::View));
  w.Key("lastLink");
  w.String(app.last_link);
  w.Key("quotes");
  w.Int(an ? int64_t(an->quotes.size()) : 0);
  w.Key("analysing");  // a long article's analysis: progress 0..1, or null when none runs
  if (e && e->job) w.Number(std::round(e->job->Progress() * 1000) / 1000); else w.Null();
  w.Key("incoming");  // long articles of the reader's still being taken in (a step a frame)
  w.Int(int64_t(app.incoming.size()));
  w.Key("ownLoaded");  // the reader's kept articles have been read back from IndexedDB
  w.Bool(app.own_loaded);
  w.Key("lastExport");
  w.String(app.last_export);
  w.EndObject();
  return w.Take();
}
