// own_articles.h — articles the reader brings in: pasted, dropped, picked, or carried by a link.
//
//   hooks.text_received = [](platform::IncomingText t) { ReceiveText(app, std::move(t)); };
//   LoadOwnArticles(app, [] { ApplyLink(app, platform::UrlHash()); });   // at start
//   StepIncoming(app);                        // every frame: a long article comes in step by step
//   StepAnalysis(app);                        // every frame: a long article is analysed in slices
//
// What comes in goes through the core's importer (text_import.h: plain text, Markdown, HTML,
// other encodings, refusals with a reason), then into the Library beside the packaged articles,
// then into IndexedDB (platform::StoreArticle) so it is there after a reload and offline, until the
// reader deletes it. Storage that is full or refused costs nothing but the keeping: the article
// stays open for this visit, with a notice. Nothing is uploaded.
#pragma once

#include <functional>
#include <string>
#include <string_view>

struct AppState;
enum class OwnOrigin;  // app.h
namespace platform { struct IncomingText; }

// A paste outside a text field, a dropped file, a picked file. A paste into a text field (the
// find box, the search boxes) types into that field instead.
void ReceiveText(AppState& app, platform::IncomingText in);

// Imports `bytes` and adds the article to the library (or finds it there already) and keeps it in
// IndexedDB. Returns its library index, or -1 with a notice saying why nothing was added.
int AddOwnArticle(AppState& app, std::string bytes, std::string_view name_or_type, OwnOrigin origin);

// Takes the next step with an article that came in too long to take in during one frame
// (import, read, add and open, keep: one a frame). True while any is on its way.
bool StepIncoming(AppState& app);

void DeleteOwnArticle(AppState& app, int index);

// Reads the kept articles (asynchronously) into the library, then calls `then`.
void LoadOwnArticles(AppState& app, std::function<void()> then);

// The Library's "Add an article" box: paste or type, or open a file.
void DrawAddArticle(AppState& app);

// Runs the open article's analysis for a slice of this frame when it is long; true while running.
bool StepAnalysis(AppState& app);
