// quote_explorer_window.cpp — the Quote explorer window (placeholder).
#include "quote_explorer_window.h"

#include "app.h"

#include <imgui.h>

bool DrawQuoteExplorerContents(QuoteExplorerView&, AppState&) {
  ImGui::TextDisabled("The quote explorer is being built.");
  return false;
}
