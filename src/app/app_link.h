// app_link.h — the app's side of shareable links: what the current view is as a LinkState
// (link_state.h holds the grammar), applying a link to the app, keeping the URL up to date.
//
//   ApplyLink(app, platform::UrlHash());        // at start and on every hashchange
//   SyncUrl(app);                               // every frame; replaceState when it changed
//   std::string url = ShareableLink(app, LinkScope::Quote);
#pragma once

#include "link_state.h"

#include <string>
#include <string_view>

struct AppState;

enum class LinkScope {
  View,     // everything: article, selection, reading position, search, map view
  Quote,    // the article and the selected quote
  Entity,   // the article and the selected entity
};

lectern::LinkState CurrentLinkState(const AppState& app, LinkScope scope);

// The full URL for the scope ("" when no article is open, or when the reader's own article is too
// long for a link: an own article travels in the link, t=, see article_link.h).
std::string ShareableLink(const AppState& app, LinkScope scope);

// Opens what the link names. Anything unknown or malformed falls back to the nearest sensible
// view (another article's link → the first article; an unknown entity → no selection) with a
// short notice. Never fails.
void ApplyLink(AppState& app, std::string_view fragment);
// The link's selection, position, search and map view, for the open article once its analysis is
// done (a long article's link waits for it in AppState::pending_link).
void ApplyLinkToOpenArticle(AppState& app, std::string_view fragment);

// Writes the current view into the URL (history.replaceState: no history entries), at most a
// few times a second while the view moves, and once more when it settles.
void SyncUrl(AppState& app, bool animating);

// Copies a link for the scope to the clipboard (and offers the Web Share sheet where the
// browser has one, when `share` is true).
void CopyLink(AppState& app, LinkScope scope, bool share);
