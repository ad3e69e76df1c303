// quote_explorer_window.h — the Quote explorer window: who said what.
//
//   QuoteExplorerView view;                            // UI state only: sort, filters, search
//   bool animating = DrawQuoteExplorerContents(view, app);
//
// A table of every quote (speaker, kind, cue, text), sortable, filtered by speaker (with counts),
// by kind and by text; a click selects the quote and its speaker in the shared selection, so the
// article scrolls to it and the map selects the speaker. The selected quote's full text sits
// under the table with "Copy with citation" and "Show in article".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "quote_query.h"

struct AppState;

struct QuoteExplorerView {
  std::string search;
  int kind_filter = 0;           // 0 all, 1 direct, 2 reported
  std::string speaker_filter;    // speaker display name, "" for all
  lectern::QuoteQuery::Sort sort = lectern::QuoteQuery::Sort::TextOrder;  // from the table's header
  bool sort_descending = false;
  uint64_t seen_serial = 0;      // selection serial the table last scrolled for
  std::vector<int> rows;         // visible quote indices, in display order (derived per frame)
};

bool DrawQuoteExplorerContents(QuoteExplorerView& view, AppState& app);

// "“…” — Speaker, in “Headline” (Lectern)": the quote as a reader would cite it.
std::string QuoteCitation(const AppState& app, int quote);
