// own_articles.cpp — see own_articles.h.
//
// [SECTION] Adding       — import, refuse with a reason, find a duplicate, keep in IndexedDB
// [SECTION] Kept         — reading them back at start, deleting
// [SECTION] Analysis     — long articles analysed in slices across frames
// [SECTION] Add box      — the Library's paste / type / open-a-file box
#include "own_articles.h"

#include "app.h"
#include "app_link.h"
#include "gazetteer.h"
#include "platform.h"
#include "text_import.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace {

constexpr size_t kMaxFieldPaste = 4096;  // a paste into a search box: more is surely an article

std::string SizeText(size_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1 << 20));
  else std::snprintf(buf, sizeof buf, "%.0f KB", std::max(1.0, double(bytes) / 1024));
  return buf;
}

void Keep(AppState& app, int index) {
  LibraryEntry& e = app.library[size_t(index)];
  e.store_key = e.loaded.doc.id;
  const std::string headline = lectern::ToValidLine(e.loaded.doc.Headline());
  platform::StoreArticle(e.store_key, e.loaded.doc.bytes, [&app, headline](std::string error) {
    if (error.empty()) return;
    AddNotice(app, "\xE2\x80\x9C" + headline + "\xE2\x80\x9D is open for this visit, but this browser would not keep it (" +
                       error + "): it will be gone after a reload. Export it to keep a copy.", 0);
  });
}

}  // namespace

// [SECTION] Adding ---------------------------------------------------------------------------------

namespace {

// Longer than this, an article comes in over several frames (StepIncoming): 1 MB takes about
// 60 ms to import, read and count in the browser; 20 MB takes about a second.
constexpr size_t kStepwiseBytes = 1u << 20;

std::string WhatCameIn(const IncomingArticle& in) {
  if (in.origin == OwnOrigin::Paste) return "The pasted text";
  if (in.origin == OwnOrigin::Link) return "The article in this link";
  return "\xE2\x80\x9C" + lectern::ToValidLine(in.name_or_type) + "\xE2\x80\x9D";
}

// One step of taking an article in. False when it is finished with (added, found already in the
// library, or refused with a notice); `*index` is then its library index, or -1.
bool TakeStep(AppState& app, IncomingArticle& in, int* index) {
  *index = -1;
  switch (in.step) {
    case IncomingArticle::Step::Import:
      in.imported = lectern::ImportArticle(std::move(in.bytes), in.name_or_type);
      in.bytes = std::string();
      if (!in.imported.ok()) {
        AddNotice(app, WhatCameIn(in) + " could not be opened: " + in.imported.error, 12);
        return false;
      }
      in.step = IncomingArticle::Step::Load;
      return true;
    case IncomingArticle::Step::Load: {
      LibraryEntry& e = in.entry;
      e.own = true;
      e.path = in.name_or_type;
      e.loaded = lectern::LoadDocument(std::move(in.imported.text), in.name_or_type);
      if (!e.loaded.ok()) {
        AddNotice(app, WhatCameIn(in) + " could not be opened: " + e.loaded.message, 12);
        return false;
      }
      in.step = IncomingArticle::Step::Add;
      return true;
    }
    case IncomingArticle::Step::Add: {
      LibraryEntry& e = in.entry;
      // The same text again opens the copy already in the library.
      for (size_t i = 0; i < app.library.size(); ++i) {
        if (app.library[i].loaded.doc.bytes != e.loaded.doc.bytes) continue;
        if (in.origin != OwnOrigin::Link) AddNotice(app, "This article is already in your library.", 4);
        *index = int(i);
        if (in.open) {
          app.show_library = false;
          OpenArticle(app, *index);
        }
        return false;
      }
      std::string note;
      for (const std::string& n : in.imported.notes) note += (note.empty() ? "" : "; ") + n;
      if (!e.loaded.message.empty()) note += (note.empty() ? "" : "; ") + e.loaded.message;
      e.import_note = note;
      // Ids stay unique so links are unambiguous: a second "untitled" is "untitled-2".
      const std::string base = e.loaded.doc.id;
      for (int n = 2; FindArticle(app, e.loaded.doc.id) >= 0; ++n) e.loaded.doc.id = base + "-" + std::to_string(n);
      SetReadingFigures(e);
      in.id = e.loaded.doc.id;
      app.library.push_back(std::move(e));
      const LibraryEntry& added = app.library.back();
      std::string message = "Added \xE2\x80\x9C" + lectern::ToValidLine(added.loaded.doc.Headline()) + "\xE2\x80\x9D (" +
                            std::to_string(added.words) + " words, " + SizeText(added.loaded.doc.bytes.size()) + ")";
      message += note.empty() ? "." : ": " + note + ".";
      AddNotice(app, message, note.empty() ? 5 : 12);
      *index = int(app.library.size()) - 1;
      if (in.open) {
        app.show_library = false;
        OpenArticle(app, *index);
      }
      in.step = IncomingArticle::Step::Keep;
      return true;
    }
    case IncomingArticle::Step::Keep:
      // Into IndexedDB (copying the text out of the heap): its own frame for a long article.
      *index = FindArticle(app, in.id);
      if (*index >= 0) Keep(app, *index);
      return false;
  }
  return false;
}

IncomingArticle Incoming(std::string bytes, std::string_view name_or_type, OwnOrigin origin, bool open) {
  IncomingArticle in;
  in.bytes = std::move(bytes);
  in.name_or_type = std::string(name_or_type);
  in.origin = origin;
  in.open = open;
  return in;
}

// Every step at once; the library index, or -1.
int TakeIn(AppState& app, IncomingArticle in) {
  int index = -1;
  while (TakeStep(app, in, &index)) {
  }
  return index;
}

// Adds the article and opens it in place of the Library (a long one over the next frames, and
// a refusal then comes as a notice too); false when it was refused (with a notice).
bool AddAndOpen(AppState& app, std::string bytes, std::string_view name_or_type, OwnOrigin origin) {
  RequestGazetteer(app);  // its analysis needs the place names: on their way while the text is read in
  if (bytes.size() > kStepwiseBytes) {
    AddNotice(app, "Opening " + SizeText(bytes.size()) + " of text\xE2\x80\xA6", 3);
    app.incoming.push_back(Incoming(std::move(bytes), name_or_type, origin, true));
    platform::RequestFrames(0.1);
    return true;
  }
  return TakeIn(app, Incoming(std::move(bytes), name_or_type, origin, true)) >= 0;
}

}  // namespace

int AddOwnArticle(AppState& app, std::string bytes, std::string_view name_or_type, OwnOrigin origin) {
  return TakeIn(app, Incoming(std::move(bytes), name_or_type, origin, false));
}

bool StepIncoming(AppState& app) {
  if (app.incoming.empty()) return false;
  int index = -1;
  if (!TakeStep(app, app.incoming.front(), &index)) app.incoming.erase(app.incoming.begin());
  platform::RequestFrames(0.1);
  return true;
}

void ReceiveText(AppState& app, platform::IncomingText in) {
  if (!in.error.empty()) {
    AddNotice(app, "\xE2\x80\x9C" + lectern::ToValidLine(in.name) + "\xE2\x80\x9D could not be read: " + in.error, 12);
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (in.source == platform::IncomingText::Source::Paste && io.WantTextInput && !app.add_box_active) {
    // Typing into a search box: the paste goes there, as one line.
    if (in.bytes.size() <= kMaxFieldPaste) {
      ImGui::GetIO().AddInputCharactersUTF8(lectern::ToValidLine(in.bytes).c_str());
      return;
    }
  }
  const bool paste = in.source == platform::IncomingText::Source::Paste;
  const std::string name_or_type = paste ? in.type : in.name.empty() ? in.type : in.name;
  const bool into_box = paste && app.add_box_active;
  if (AddAndOpen(app, std::move(in.bytes), name_or_type, paste ? OwnOrigin::Paste : OwnOrigin::File) && into_box)
    app.add_text.clear();
}

// [SECTION] Kept -----------------------------------------------------------------------------------

void LoadOwnArticles(AppState& app, std::function<void()> then) {
  platform::LoadStoredArticles([&app, then](std::vector<platform::StoredArticle> items, std::string error) {
    app.own_loaded = true;
    app.own_storage_error = error;
    const size_t before = app.library.size();
    for (platform::StoredArticle& item : items) {
      LibraryEntry e;
      e.own = true;
      e.store_key = item.key;
      e.path = item.key;
      e.loaded = lectern::LoadDocument(std::move(item.bytes), item.key);
      if (!e.loaded.ok()) {
        AddNotice(app, "A kept article (" + lectern::ToValidLine(item.key) + ") could not be read back: " + e.loaded.message, 12);
        continue;
      }
      e.loaded.doc.id = item.key;  // links name it by the id it had when added
      if (FindArticle(app, e.loaded.doc.id) >= 0) e.loaded.doc.id += "-own";
      SetReadingFigures(e);
      app.library.push_back(std::move(e));
    }
    // Kept articles have no build-time analysis: the place names come now, not when one is
    // first opened (the service worker fetches the file after the first frame in any case).
    if (app.library.size() > before) RequestGazetteer(app);
    if (then) then();
  });
}

void DeleteOwnArticle(AppState& app, int index) {
  if (index < 0 || index >= int(app.library.size()) || !app.library[size_t(index)].own) return;
  const std::string key = app.library[size_t(index)].store_key;
  const std::string headline = lectern::ToValidLine(app.library[size_t(index)].loaded.doc.Headline());
  const bool was_open = app.open == index;
  app.library.erase(app.library.begin() + index);
  if (was_open) {
    app.open = -1;
    if (!app.library.empty()) OpenArticle(app, 0);
  } else if (app.open > index) {
    --app.open;
  }
  if (!key.empty()) {
    platform::DeleteStoredArticle(key, [&app, headline](std::string error) {
      if (!error.empty()) AddNotice(app, "\xE2\x80\x9C" + headline + "\xE2\x80\x9D could not be removed from this browser's storage (" + error + ").", 10);
    });
  }
  AddNotice(app, "Deleted \xE2\x80\x9C" + headline + "\xE2\x80\x9D.", 4);
}

// [SECTION] Analysis -------------------------------------------------------------------------------

bool StepAnalysis(AppState& app) {
  if (app.open < 0) return false;
  LibraryEntry& e = app.library[size_t(app.open)];
  if (!e.job) return false;
  if (app.gazetteer_state != AppState::Asset::Ready) {
    // Waits for the place names (their fetch wakes the loop); a failed fetch waits for the
    // reader's "Try again" (DrawAnalysisProgress).
    if (app.gazetteer_state == AppState::Asset::NotRequested) RequestGazetteer(app);
    return false;
  }
  // As many slices as fit in ~25 ms of this frame, at least one: the page keeps drawing (at
  // ~30 frames a second while a long article is read in).
  const double budget_end = platform::NowSeconds() + 0.025;
  do {
    e.job->Step(e.loaded.doc, app.gazetteer);
  } while (!e.job->Done() && platform::NowSeconds() < budget_end);
  if (!e.job->Done()) {
    platform::RequestFrames(0.1);
    return true;
  }
  e.analysis = std::make_unique<lectern::Analysis>(e.job->Take(e.loaded.doc));
  e.job.reset();
  if (!app.pending_link.empty()) {
    const std::string link = std::move(app.pending_link);
    app.pending_link.clear();
    ApplyLinkToOpenArticle(app, link);
  }
  platform::RequestFrames(0.3);
  return false;
}

// [SECTION] Add box --------------------------------------------------------------------------------

void DrawAddArticle(AppState& app) {
  ImGui::SeparatorText("Add an article");
  ImGui::TextWrapped("Paste a story here (Ctrl+V, or \xE2\x8C\x98V), drop a file anywhere on the page, or open one: "
                     "plain text, Markdown or a saved web page. It stays in this browser; nothing is uploaded.");
  const float w = std::max(320.0f, ImGui::GetContentRegionAvail().x);
  ImGui::InputTextMultiline("##add-article", &app.add_text, ImVec2(w, ImGui::GetTextLineHeight() * 5));
  app.add_box_active = ImGui::IsItemActive();
  RecordTarget(app, "library.add.text");
  ImGui::BeginDisabled(app.add_text.find_first_not_of(" \t\r\n") == std::string::npos);
  if (ImGui::Button("Open this text")) {
    if (AddAndOpen(app, app.add_text, "", OwnOrigin::Paste)) {
      app.add_text.clear();
      ImGui::CloseCurrentPopup();  // the Library menu, when the box is in it
    }
  }
  ImGui::EndDisabled();
  RecordTarget(app, "library.add.open");
  ImGui::SameLine();
  if (ImGui::Button("Open a file\xE2\x80\xA6")) {
    platform::OpenFilePicker();
    ImGui::CloseCurrentPopup();
  }
  RecordTarget(app, "library.add.file");
}
