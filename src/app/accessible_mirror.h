// accessible_mirror.h — the article, its entities and its quotes as real page text, for screen
// readers, the browser's find and translate, and keyboard focus: the canvas alone is a picture.
//
//   SyncAccessibleMirror(app);   // every frame; sends only what changed
//
// The page keeps a visually hidden copy (platform::SetAccessibleArticle/Analysis): a heading and the
// paragraphs of the open article, a list of the people, places and organisations, an ordered
// list of the quotes with their speakers, and a live region that announces the selection. The
// text is sent when another article opens, the entities and quotes when its analysis is done; a
// change of selection sends only which entity and quote are selected and the sentence to announce.
#pragma once

#include <string>

struct AppState;

void SyncAccessibleMirror(AppState& app);

// The reader activated an item of the copy (kind 0: entity, 1: quote): selected as if clicked.
void SelectFromMirror(AppState& app, int kind, int index);

// The JSON the page builds the mirror from: the article, {"title", "paragraphs": [...]}, and
// what was found in it, {"analysing", "entities": [{"name", "type", "role", "mentions"}],
// "quotes": [{"speaker", "kind", "text"}]}.
std::string AccessibleArticleJson(const AppState& app);
std::string AccessibleAnalysisJson(const AppState& app);
