// quote_explorer_window.h — the Quote explorer window: who said what.
//
//   QuoteExplorerView view;                            // UI state only: sort, filters, search
//   bool animating = DrawQuoteExplorerContents(view, app);
//
// A table of every quote (speaker, kind, cue, text), sortable and filterable; a click selects
// the quote (and its speaker) in the shared selection, so the article scrolls to it.
#pragma once

#include <string>

struct AppState;

struct QuoteExplorerView {
  std::string search;
  int kind_filter = 0;        // 0 all, 1 direct, 2 reported
  int speaker_filter = -1;    // entity index, or -1 for all speakers
};

bool DrawQuoteExplorerContents(QuoteExplorerView& view, AppState& app);
