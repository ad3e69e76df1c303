// quote_explorer_window.cpp — the Quote explorer window (see quote_explorer_window.h).
//
// [SECTION] Filters   — search, kind, speaker (with counts)
// [SECTION] Table     — sortable; fixed-height rows drawn through a list clipper
// [SECTION] Details   — the selected quote in full, copy with citation, show in article
#include "quote_explorer_window.h"

#include "app.h"
#include "app_link.h"
#include "platform.h"
#include "quote_query.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace {

const char* KindLabel(lectern::QuoteKind k) { return k == lectern::QuoteKind::Direct ? "Direct" : "Reported"; }

// `text` in at most two lines of the current table cell, the second cut with an ellipsis.
void TwoLineText(const std::string& text) {
  const float w = ImGui::GetContentRegionAvail().x;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const char* p = text.c_str();
  const char* end = p + text.size();
  const char* line1 = font->CalcWordWrapPosition(size, p, end, w);
  ImGui::TextUnformatted(p, line1);
  const char* rest = line1;
  while (rest < end && *rest == ' ') ++rest;
  if (rest < end) {
    const float ell = ImGui::CalcTextSize("\xE2\x80\xA6").x;
    const char* line2 = font->CalcWordWrapPosition(size, rest, end, w - ell);
    std::string second(rest, line2);
    if (line2 < end) second += "\xE2\x80\xA6";
    ImGui::TextUnformatted(second.c_str());
  }
}

void ShowQuote(AppState& app, int q) {
  const lectern::Analysis* a = app.OpenAnalysis();
  if (!a) return;
  lectern::SelectQuote(app.selection, *a, q, lectern::SelectOrigin::Quotes);
  // The article follows the selection; make sure it is on screen.
  if (app.windows.tabs_mode) ShowWindow(app, WindowId::Article);
  RevealSpan(app.article, a->quotes[size_t(q)].extent);
}

}  // namespace

std::string QuoteCitation(const AppState& app, int quote) {
  const lectern::Analysis* a = app.OpenAnalysis();
  const lectern::Document* doc = app.OpenDocument();
  if (!a || !doc || quote < 0 || quote >= int(a->quotes.size())) return {};
  const lectern::Quote& q = a->quotes[size_t(quote)];
  std::string out = "\xE2\x80\x9C" + lectern::ToValidLine(q.Text(*doc)) + "\xE2\x80\x9D \xE2\x80\x94 " +
                    lectern::ToValidLine(lectern::SpeakerName(*a, q)) + ", in \xE2\x80\x9C" +
                    lectern::ToValidLine(std::string(doc->Headline())) + "\xE2\x80\x9D";
  const std::string link = ShareableLink(app, LinkScope::Quote);
  if (!link.empty()) out += " " + link;
  return out;
}

bool DrawQuoteExplorerContents(QuoteExplorerView& v, AppState& app) {
  const lectern::Analysis* a = app.OpenAnalysis();
  const lectern::Document* doc = app.OpenDocument();
  if (!a || !doc) {
    ImGui::TextDisabled(doc ? "Analysing the article\xE2\x80\xA6" : "No article is open.");
    return false;
  }
  const Palette& pal = GetPalette(app.settings.theme);
  if (a->quotes.empty()) {
    ImGui::TextWrapped("No quotes were found in this article.");
    return false;
  }

  // [SECTION] Filters -----------------------------------------------------------------------------
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##quote-search", "Search quotes, speakers, cues", &v.search);
  RecordTarget(app, "quotes.search");
  const char* kinds[] = {"All", "Direct", "Reported"};
  for (int k = 0; k < 3; ++k) {
    if (k) ImGui::SameLine(0, 2);
    const bool on = v.kind_filter == k;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    if (ImGui::Button(kinds[k])) v.kind_filter = k;
    if (on) ImGui::PopStyleColor();
    RecordTarget(app, std::string("quotes.kind.") + (k == 0 ? "all" : k == 1 ? "direct" : "reported"));
  }
  ImGui::SameLine();
  const auto speakers = lectern::CountSpeakers(*a);
  char preview[160];
  if (v.speaker_filter.empty()) {
    std::snprintf(preview, sizeof preview, "All speakers (%d)", int(speakers.size()));
  } else {
    int n = 0;
    for (const auto& s : speakers)
      if (s.speaker == v.speaker_filter) n = s.count;
    std::snprintf(preview, sizeof preview, "%s (%d)", lectern::ToValidLine(v.speaker_filter).c_str(), n);
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##speaker", preview, ImGuiComboFlags_HeightLarge)) {
    char label[200];
    std::snprintf(label, sizeof label, "All speakers (%d quotes)", int(a->quotes.size()));
    if (ImGui::Selectable(label, v.speaker_filter.empty())) v.speaker_filter.clear();
    for (size_t i = 0; i < speakers.size(); ++i) {
      const auto& s = speakers[i];
      std::snprintf(label, sizeof label, "%s (%d)##%zu", lectern::ToValidLine(s.speaker).c_str(), s.count, i);
      if (s.entity >= 0) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(p.x + 5, p.y + ImGui::GetTextLineHeight() * 0.5f), 4.0f,
                            TypeColor(pal, a->entities[size_t(s.entity)].type));
      }
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
      if (ImGui::Selectable(label, v.speaker_filter == s.speaker)) v.speaker_filter = s.speaker;
      RecordTarget(app, "quotes.speaker." + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  RecordTarget(app, "quotes.speaker");

  // [SECTION] Table -------------------------------------------------------------------------------
  lectern::QuoteQuery query;
  query.search = v.search;
  query.kind = lectern::QuoteQuery::Kind(v.kind_filter);
  query.speaker = v.speaker_filter;
  const float details_h = app.selection.quote >= 0 ? ImGui::GetTextLineHeightWithSpacing() * 7.5f : 0.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_SortTristate;
  const ImVec2 table_size(0, std::max(80.0f, ImGui::GetContentRegionAvail().y - details_h));
  const float table_width = ImGui::GetContentRegionAvail().x;
  // A narrow window keeps speaker, kind and quote; the cue is in the details below. Each shape
  // is its own table (its own column widths); a column's user id is the sort it stands for.
  using Sort = lectern::QuoteQuery::Sort;
  const bool show_cue = table_width >= 460.0f;
  if (ImGui::BeginTable(show_cue ? "##quotes-wide" : "##quotes", show_cue ? 4 : 3, flags, table_size)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Speaker", ImGuiTableColumnFlags_WidthStretch, 0.36f, ImGuiID(Sort::Speaker));
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 0.0f, ImGuiID(Sort::Kind));
    if (show_cue) ImGui::TableSetupColumn("Cue", ImGuiTableColumnFlags_WidthFixed, 0.0f, ImGuiID(Sort::Cue));
    ImGui::TableSetupColumn("Quote", ImGuiTableColumnFlags_WidthStretch, 0.64f, ImGuiID(Sort::Text));
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      v.sort = specs->SpecsCount > 0 ? Sort(specs->Specs[0].ColumnUserID) : Sort::TextOrder;
      v.sort_descending = specs->SpecsCount > 0 && specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      specs->SpecsDirty = false;
    }
    query.sort = v.sort;
    query.descending = v.sort_descending;
    v.rows = lectern::RunQuoteQuery(*a, *doc, query);

    // When the selection changed elsewhere, bring its row into view.
    int scroll_to_row = -1;
    if (v.seen_serial != app.selection.serial) {
      v.seen_serial = app.selection.serial;
      if (app.selection.origin != lectern::SelectOrigin::Quotes && app.selection.quote >= 0) {
        auto it = std::find(v.rows.begin(), v.rows.end(), app.selection.quote);
        if (it != v.rows.end()) scroll_to_row = int(it - v.rows.begin());
      }
    }
    // Two lines a row: enough for most of a quote, and rows of one height for the clipper.
    const float line_h = ImGui::GetTextLineHeight();
    const float row_h = line_h * 2 + ImGui::GetStyle().CellPadding.y * 2 + 2;
    if (scroll_to_row >= 0) ImGui::SetScrollY(std::max(0.0f, scroll_to_row * row_h - row_h * 2));

    ImGuiListClipper clipper;
    clipper.Begin(int(v.rows.size()), row_h);
    if (scroll_to_row >= 0) clipper.IncludeItemByIndex(scroll_to_row);
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const int qi = v.rows[size_t(r)];
        const lectern::Quote& q = a->quotes[size_t(qi)];
        ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
        ImGui::TableNextColumn();
        ImGui::PushID(qi);
        const bool selected = app.selection.quote == qi;
        const std::string speaker = lectern::ToValidLine(lectern::SpeakerName(*a, q));
        if (q.speaker_entity >= 0) {
          ImGui::PushStyleColor(ImGuiCol_Text, TypeColor(pal, a->entities[size_t(q.speaker_entity)].type));
        } else {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        }
        const ImVec2 cell = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, line_h * 2)))
          ShowQuote(app, qi);
        app.targets.push_back({"quotes.row." + q.id, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                               ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
        const std::string text = lectern::ToValidLine(q.Text(*doc));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && !ImGui::GetIO().MouseDown[0]) {
          ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, ImGui::GetMainViewport()->WorkSize.x - 20), 0));
          ImGui::BeginTooltip();
          ImGui::TextWrapped("%s", text.c_str());
          ImGui::EndTooltip();
        }
        ImGui::SetCursorScreenPos(cell);  // the speaker's name over the row's selectable
        TwoLineText(speaker);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(q.kind == lectern::QuoteKind::Direct ? pal.quote_direct
                                                                                              : pal.quote_indirect),
                           "%s", KindLabel(q.kind));
        if (show_cue) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(lectern::ToValidLine(std::string(doc->Text(q.cue))).c_str());
        }
        ImGui::TableNextColumn();
        TwoLineText(text);
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  if (v.rows.empty()) ImGui::TextDisabled("No quote matches these filters.");

  // [SECTION] Details -------------------------------------------------------------------------------
  const int sq = app.selection.quote;
  if (sq >= 0 && sq < int(a->quotes.size())) {
    const lectern::Quote& q = a->quotes[size_t(sq)];
    ImGui::Separator();
    ImGui::BeginChild("##quote-details", ImVec2(0, 0), ImGuiChildFlags_None);
    ImGui::PushFont(app.fonts.sans_bold, 0.0f);
    ImGui::TextUnformatted(lectern::ToValidLine(lectern::SpeakerName(*a, q)).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s \xC2\xB7 %s", KindLabel(q.kind), lectern::ToValidLine(std::string(doc->Text(q.cue))).c_str());
    ImGui::PushFont(app.fonts.Body(app.settings.serif), 0.0f);
    const std::string text = lectern::ToValidLine(q.Text(*doc));
    if (q.kind == lectern::QuoteKind::Direct) {
      ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", text.c_str());
    } else {
      ImGui::TextWrapped("%s", text.c_str());
    }
    ImGui::PopFont();
    if (ImGui::SmallButton("Show in article")) ShowQuote(app, sq);
    RecordTarget(app, "quotes.show");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy with citation")) {
      platform::SetClipboardText(QuoteCitation(app, sq));
      AddNotice(app, "Quote copied with its citation.", 3);
    }
    RecordTarget(app, "quotes.copy");
    ImGui::EndChild();
  }
  return false;
}
