// article_window.cpp — the Article window (see article_window.h).
//
// [SECTION] Geometry and layout cache
// [SECTION] Scrolling (wheel, keys, touch, fling, reveal)
// [SECTION] Selection and copy
// [SECTION] Find
// [SECTION] Drawing
// [SECTION] Reading position
#include "article_window.h"

#include "app.h"
#include "platform.h"
#include "selection.h"
#include "text_search.h"
#include "window_layout.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetWindowScrollbarID: is the reader dragging our scrollbar?
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using lectern::Span;

namespace {

constexpr int kBody = 0, kHeadline = 1;
constexpr float kLineHeight = 1.62f;       // body line height, in ems (Firefox Reader: 1.6)
constexpr float kHeadlineScale = 1.75f;
constexpr float kHeadlineLineHeight = 1.22f;
constexpr float kParagraphGap = 0.9f;      // ems between paragraphs
constexpr float kTopPad = 1.6f, kBottomPad = 4.0f;  // ems above the headline / below the end
// Measure: characters a line for narrow / standard / wide (typographers' 45–75, ideal ~66).
// The column width is set from the face's average advance over running English text.
constexpr float kMeasureChars[3] = {58.0f, 70.0f, 84.0f};
constexpr const char kMeasureSample[] =
    "When the ministers met on Monday, they agreed to work together on trade, energy and "
    "security, and said that the talks would continue in the spring.";
constexpr float kMetaScale = 0.8f;

struct Geometry {
  ImFont* body_font;
  ImFont* head_font;
  float size, head_size, line_h, head_line_h, meta_h;
  float column_w, column_x;
  float top_pad, bottom_pad;
};

Geometry ComputeGeometry(const AppState& app, float avail_w) {
  Geometry g;
  const Settings& s = app.settings;
  g.body_font = app.fonts.Body(s.serif);
  g.head_font = app.fonts.Headline(s.serif);
  g.size = s.text_size;
  g.head_size = std::round(s.text_size * kHeadlineScale);
  g.line_h = std::round(g.size * kLineHeight);
  g.head_line_h = std::round(g.head_size * kHeadlineLineHeight);
  g.meta_h = std::round(g.size * kMetaScale * 1.5f);
  const float margin = std::max(12.0f, std::min(avail_w * 0.06f, 48.0f));
  const float avg_advance = MeasureText(g.body_font, g.size, kMeasureSample) /
                            float(lectern::CountCodePoints(kMeasureSample));
  g.column_w = std::floor(std::min(avail_w - 2 * margin, avg_advance * kMeasureChars[std::clamp(s.width, 0, 2)]));
  g.column_w = std::max(g.column_w, 40.0f);
  g.column_x = std::floor((avail_w - g.column_w) * 0.5f);
  g.top_pad = g.size * kTopPad;
  g.bottom_pad = g.size * kBottomPad;
  return g;
}

lectern::TextMeasure MakeMeasure(const Geometry& g) {
  return [body = g.body_font, head = g.head_font, size = g.size, head_size = g.head_size](
             int style, std::string_view text) {
    return style == kHeadline ? MeasureText(head, head_size, text) : MeasureText(body, size, text);
  };
}

// [SECTION] Geometry and layout cache -------------------------------------------------------------

// The bytes as drawn: same length (so every offset still holds), soft breaks and tabs as
// spaces, and each invalid UTF-8 byte as DEL (0x7F). ImGui's decoder would swallow the bytes
// after an invalid lead byte; DEL is one byte, not in the font, so ImGui draws the font's
// fallback glyph for it, which is U+FFFD — exactly one replacement mark per bad byte. Built
// as far as the words measured so far (a 20 MB article over several frames).
void ExtendDisplayText(std::string& out, const lectern::Document& doc, size_t end) {
  end = std::min(end, doc.bytes.size());
  const size_t begin = out.size();
  if (end <= begin) return;
  out.append(doc.bytes, begin, end - begin);
  for (size_t i = begin; i < end; ++i) {
    const char c = out[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') out[i] = ' ';
  }
  const auto& bad = doc.invalid_utf8;
  for (auto it = std::lower_bound(bad.begin(), bad.end(), uint32_t(begin)); it != bad.end() && *it < end; ++it)
    out[*it] = '\x7F';
}

// Text measured per step, then the clock looked at: ~10 ms of a 20 MB article in the browser;
// about 30 ms of it a frame (no analysis runs in those frames).
constexpr size_t kMeasureStepBytes = 256u << 10;
constexpr double kMeasureSecondsPerFrame = 0.03;

// Lays the article out for the current geometry, measuring a long one over several frames.
// True while measuring is still under way.
bool EnsureLayout(ArticleView& v, const lectern::Document& doc, const AppState& app, const Geometry& g) {
  const std::string key = doc.id + doc.name;
  const bool same_doc = v.layout_doc == key;
  const bool same_face = same_doc && v.layout_size == g.size && v.layout_serif == app.settings.serif &&
                         v.layout_fonts == app.fonts.generation;
  if (same_face && v.layout_width == g.column_w && !v.is_measuring) return false;
  if (!same_face) {
    if (!same_doc) {
      v.display_text.clear();
      v.display_text.reserve(doc.bytes.size());
      v.layout = lectern::TextLayout{};  // the previous article's lines are not this one's
    }
    std::vector<lectern::LayoutBlock> blocks;
    blocks.push_back({doc.headline, kHeadline, g.head_line_h, 0});
    const float gap = std::round(g.size * kParagraphGap);
    for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
      // The first paragraph leaves room for the meta line ("431 words · 2 min read").
      const float before = i == 0 ? g.meta_h + 2 * gap : gap;
      blocks.push_back({doc.paragraphs[i], kBody, g.line_h, before});
    }
    v.measuring = lectern::BeginMeasure(v.display_text, blocks);
    v.is_measuring = true;
    v.layout_doc = key;
    v.layout_size = g.size;
    v.layout_serif = app.settings.serif;
    v.layout_fonts = app.fonts.generation;
  }
  if (v.is_measuring) {
    const double until = platform::NowSeconds() + kMeasureSecondsPerFrame;
    const auto measure = MakeMeasure(g);
    bool done = false;
    do {
      ExtendDisplayText(v.display_text, doc, lectern::MeasureStepTextEnd(v.measuring, kMeasureStepBytes));
      done = lectern::MeasureStep(v.measuring, v.display_text, kMeasureStepBytes, measure);
    } while (!done && platform::NowSeconds() < until);
    if (!done) {
      platform::RequestFrames(0.1);
      return true;
    }
    ExtendDisplayText(v.display_text, doc, doc.bytes.size());
    v.measured = std::move(v.measuring);
    v.measuring = lectern::MeasuredText{};
    v.is_measuring = false;
  }
  // Keep the reader's place across a re-layout (resize, text size): same paragraph, same share.
  const bool had_layout = !v.layout.lines.empty();
  const ReadingPosition keep = CurrentReadingPosition(v);
  v.layout = lectern::BreakLines(v.measured, v.display_text, g.column_w, MakeMeasure(g));
  v.layout_width = g.column_w;

  // Average characters on lines that are not the last of their paragraph (the first few
  // thousand lines are a fair sample, and spare a long article a pass over all its text).
  constexpr size_t kSampleLines = 4000;
  double chars = 0;
  int full = 0;
  for (size_t i = 0; i + 1 < v.layout.lines.size() && full < int(kSampleLines); ++i) {
    const auto& l = v.layout.lines[i];
    if (l.block == 0 || v.layout.lines[i + 1].block != l.block) continue;
    chars += double(lectern::CountCodePoints(std::string_view(v.display_text).substr(l.span.begin, l.span.size())));
    ++full;
  }
  v.chars_per_line = full ? float(chars / full) : 0.0f;
  if (had_layout) ScrollToReadingPosition(v, keep);
  return false;
}

float MaxScroll(const ArticleView& v, const Geometry& g) {
  return std::max(0.0f, g.top_pad + v.layout.height + g.bottom_pad - v.view_height);
}

// [SECTION] Scrolling -----------------------------------------------------------------------------

bool UpdateScroll(ArticleView& v, const Geometry& g, float dt, bool hovered, bool focused) {
  ImGuiIO& io = ImGui::GetIO();
  const float max_scroll = MaxScroll(v, g);
  const float page = std::max(v.view_height - 2 * g.line_h, g.line_h);

  if (hovered && io.MouseWheel != 0.0f && !io.KeyCtrl) {
    // One wheel notch (SDL reports 1.0 per 100 CSS px of deltaY) moves about three lines.
    v.scroll_target -= io.MouseWheel * g.line_h * 3.0f;
    v.fling_velocity = 0;
  }
  if (focused && !io.WantTextInput) {
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
    if (pressed(ImGuiKey_DownArrow)) v.scroll_target += g.line_h * 2;
    if (pressed(ImGuiKey_UpArrow)) v.scroll_target -= g.line_h * 2;
    if (pressed(ImGuiKey_PageDown) || (pressed(ImGuiKey_Space) && !io.KeyShift)) v.scroll_target += page;
    if (pressed(ImGuiKey_PageUp) || (pressed(ImGuiKey_Space) && io.KeyShift)) v.scroll_target -= page;
    if (pressed(ImGuiKey_Home)) v.scroll_target = 0;
    if (pressed(ImGuiKey_End)) v.scroll_target = max_scroll;
  }
  if (v.fling_velocity != 0.0f) {
    v.scroll_target += v.fling_velocity * dt;
    v.fling_velocity *= std::exp(-dt * 3.5f);
    if (std::fabs(v.fling_velocity) < 20.0f) v.fling_velocity = 0;
  }
  v.scroll_target = std::clamp(v.scroll_target, 0.0f, max_scroll);
  if (v.touch_dragging) {
    v.scroll = v.scroll_target;  // the finger moves the text directly
  } else {
    const float diff = v.scroll_target - v.scroll;
    if (std::fabs(diff) < 0.5f) {
      v.scroll = v.scroll_target;
    } else {
      v.scroll += diff * (1.0f - std::exp(-dt * 16.0f));
    }
  }
  v.scroll = std::clamp(v.scroll, 0.0f, max_scroll);
  return v.scroll != v.scroll_target || v.fling_velocity != 0.0f;
}

void ApplyReveal(ArticleView& v, const Geometry& g) {
  if (!v.reveal_pending || v.layout.lines.empty()) return;
  v.reveal_pending = false;
  const size_t line = lectern::LineOfOffset(v.layout, v.reveal.begin);
  const float y = g.top_pad + v.layout.lines[line].y;
  // Leave it a third of the way down the view, where the eye looks first.
  const float top = v.scroll, bottom = v.scroll + v.view_height;
  if (y < top + g.line_h || y + g.line_h > bottom - g.line_h) v.scroll_target = y - v.view_height * 0.3f;
  v.scroll_target = std::clamp(v.scroll_target, 0.0f, MaxScroll(v, g));
  v.fling_velocity = 0;
  v.reveal_flash = 1.4f;
}

// [SECTION] Selection and copy ---------------------------------------------------------------------

Span BlockAt(const lectern::TextLayout& layout, uint32_t offset) {
  for (const auto& b : layout.blocks)
    if (offset >= b.span.begin && offset <= b.span.end) return b.span;
  return Span{offset, offset};
}

void CopySelection(const ArticleView& v, const lectern::Document& doc) {
  if (!v.HasSelection()) return;
  platform::SetClipboardText(lectern::CopyText(v.layout, doc.bytes, Span{v.SelectionBegin(), v.SelectionEnd()}));
}

void SelectAll(ArticleView& v, const lectern::Document& doc) {
  v.anchor = doc.headline.begin;
  v.caret = doc.paragraphs.empty() ? doc.headline.end : doc.paragraphs.back().end;
}

// [SECTION] Find ----------------------------------------------------------------------------------

std::vector<Span> SearchRanges(const lectern::Document& doc) {
  std::vector<Span> r{doc.headline};
  r.insert(r.end(), doc.paragraphs.begin(), doc.paragraphs.end());
  return r;
}

void UpdateFindMatches(ArticleView& v, const lectern::Document& doc, const Geometry& g) {
  if (v.find_done_for == v.find_query) return;
  v.find_done_for = v.find_query;
  v.find_matches = lectern::FindAll(doc.bytes, SearchRanges(doc), v.find_query);
  v.find_current = -1;
  if (v.find_matches.empty()) return;
  // Start at the first match at or below the top of the view, as browsers do.
  size_t top_line = lectern::VisibleLines(v.layout, v.scroll - g.top_pad, v.scroll - g.top_pad + 1).first;
  uint32_t top_offset = top_line < v.layout.lines.size() ? v.layout.lines[top_line].span.begin : 0;
  v.find_current = 0;
  for (size_t i = 0; i < v.find_matches.size(); ++i) {
    if (v.find_matches[i].begin >= top_offset) {
      v.find_current = int(i);
      break;
    }
  }
  if (v.find_keep_scroll) {
    v.find_keep_scroll = false;  // a link's position wins over jumping to the first match
    return;
  }
  RevealSpan(v, v.find_matches[size_t(v.find_current)]);
}

void StepFind(ArticleView& v, int dir) {
  if (v.find_matches.empty()) return;
  const int n = int(v.find_matches.size());
  v.find_current = ((v.find_current < 0 ? 0 : v.find_current + dir) % n + n) % n;
  RevealSpan(v, v.find_matches[size_t(v.find_current)]);
}

void DrawFindBar(ArticleView& v, AppState& app) {
  ImGui::AlignTextToFramePadding();
  ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x * 0.45f));
  if (v.find_focus) {
    ImGui::SetKeyboardFocusHere();
    v.find_focus = false;
  }
  const bool enter = ImGui::InputTextWithHint("##find", "Find in article", &v.find_query,
                                              ImGuiInputTextFlags_EnterReturnsTrue |
                                                  ImGuiInputTextFlags_AutoSelectAll);
  RecordTarget(app, "find.input");
  if (enter) {
    StepFind(v, ImGui::GetIO().KeyShift ? -1 : +1);
    ImGui::SetKeyboardFocusHere(-1);  // keep typing / pressing Enter in the box
  }
  const bool box_active = ImGui::IsItemActive();
  if (box_active && ImGui::IsKeyPressed(ImGuiKey_Escape)) v.find_open = false;
  ImGui::SameLine();
  char count[48];
  if (v.find_query.empty()) {
    count[0] = 0;
  } else if (v.find_matches.empty()) {
    std::snprintf(count, sizeof count, "No matches");
  } else {
    std::snprintf(count, sizeof count, "%d of %d", v.find_current + 1, int(v.find_matches.size()));
  }
  ImGui::TextDisabled("%s", count);
  ImGui::SameLine();
  ImGui::BeginDisabled(v.find_matches.empty());
  if (ImGui::SmallButton("Previous")) StepFind(v, -1);
  RecordTarget(app, "find.previous");
  ImGui::SameLine();
  if (ImGui::SmallButton("Next")) StepFind(v, +1);
  RecordTarget(app, "find.next");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::SmallButton("Close")) v.find_open = false;
  RecordTarget(app, "find.close");
}

// [SECTION] Drawing -------------------------------------------------------------------------------

// Fills the part of `range` that lies on `line` (x relative to the column, y of the line box).
void FillRangeOnLine(ImDrawList* dl, const ArticleView& v, size_t li, Span range, ImVec2 origin,
                     const Geometry& g, ImU32 col, float rounding = 3.0f) {
  const auto& l = v.layout.lines[li];
  if (range.end <= l.span.begin || range.begin >= l.span.end) {
    // A selection that runs through this line's trailing space still reads as continuous.
    if (!(range.begin <= l.span.end && range.end > l.span.end)) return;
  }
  const auto measure = MakeMeasure(g);
  const float x0 = lectern::XOfOffset(v.layout, v.display_text, li, std::max(range.begin, l.span.begin), measure);
  float x1 = lectern::XOfOffset(v.layout, v.display_text, li, std::min(range.end, l.span.end), measure);
  if (range.end > l.span.end) x1 += MeasureText(g.body_font, g.size, " ") * 0.5f;
  if (x1 <= x0) return;
  const float pad = (l.height - (l.block == 0 ? g.head_size : g.size)) * 0.2f;
  dl->AddRectFilled(ImVec2(origin.x + x0 - 1, origin.y + l.y + pad),
                    ImVec2(origin.x + x1 + 1, origin.y + l.y + l.height - pad), col, rounding);
}

std::string MetaLine(const LibraryEntry& e) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%u words \xC2\xB7 %d min read", e.words, e.minutes);
  return buf;
}

// [SECTION] Highlights ----------------------------------------------------------------------------

const char* TypeLabel(lectern::EntityType t) {
  switch (t) {
    case lectern::EntityType::Person: return "Person";
    case lectern::EntityType::Place: return "Place";
    case lectern::EntityType::Org: return "Organisation";
    case lectern::EntityType::Group: return "Group";
  }
  return "";
}

ImU32 WithAlpha(ImU32 c, int alpha) { return (c & 0x00FFFFFFu) | (ImU32(alpha) << 24); }

void EnsureMarks(ArticleView& v, const lectern::Analysis* a) {
  if (v.marks_for == a) return;
  v.marks_for = a;
  v.mention_marks.clear();
  v.quote_marks.clear();
  if (!a) return;
  for (size_t e = 0; e < a->entities.size(); ++e)
    for (const lectern::Mention& m : a->entities[e].mentions)
      if (m.form != lectern::Mention::Form::Pronoun && !m.span.empty()) v.mention_marks.push_back({m.span, int(e)});
  std::sort(v.mention_marks.begin(), v.mention_marks.end(),
            [](const MentionMark& x, const MentionMark& y) { return x.span.begin < y.span.begin; });
  for (size_t q = 0; q < a->quotes.size(); ++q)
    for (lectern::Span part : a->quotes[q].parts)
      if (!part.empty()) v.quote_marks.push_back({part, int(q), a->quotes[q].kind == lectern::QuoteKind::Direct});
  std::sort(v.quote_marks.begin(), v.quote_marks.end(),
            [](const QuoteMark& x, const QuoteMark& y) { return x.span.begin < y.span.begin; });
}

// Marks that may overlap [begin, end): binary search on the start, then a short walk back for
// marks that start earlier and reach in (mentions and quote parts are short relative to lines,
// so the walk is bounded by `reach`).
template <typename Mark, typename Fn>
void ForMarksIn(const std::vector<Mark>& marks, lectern::Span range, uint32_t reach, Fn&& fn) {
  auto it = std::lower_bound(marks.begin(), marks.end(), range.begin > reach ? range.begin - reach : 0,
                             [](const Mark& m, uint32_t at) { return m.span.begin < at; });
  for (; it != marks.end() && it->span.begin < range.end; ++it)
    if (it->span.end > range.begin) fn(*it);
}

// The legend: a chip per entity type present (toggles its highlight), quotes, and "All".
void DrawLegend(AppState& app, const lectern::Analysis& a) {
  const Palette& pal = GetPalette(app.settings.theme);
  Settings& s = app.settings;
  int count[4] = {0, 0, 0, 0};
  for (const auto& e : a.entities) ++count[int(e.type)];
  bool changed = false;
  bool first = true;
  auto chip = [&](const char* label, const char* key, ImU32 color, bool* on) {
    const float h = ImGui::GetFrameHeight() * 0.82f;
    const ImVec2 text = ImGui::CalcTextSize(label);
    const ImVec2 size(text.x + h + 10, h);
    SameLineIfFits(size.x, first ? 14 : 6);
    first = false;
    ImGui::PushID(key);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##chip", size)) {
      *on = !*on;
      changed = true;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), WithAlpha(color, *on ? (hovered ? 60 : 38) : (hovered ? 24 : 0)), h * 0.5f);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), WithAlpha(color, *on ? 200 : 90), h * 0.5f);
    dl->AddCircleFilled(ImVec2(p.x + h * 0.5f + 2, p.y + h * 0.5f), h * 0.22f, WithAlpha(color, *on ? 255 : 90));
    dl->AddText(ImVec2(p.x + h + 4, p.y + (h - text.y) * 0.5f), *on ? pal.text : pal.muted, label);
    ImGui::SetItemTooltip(*on ? "Hide these highlights" : "Show these highlights");
    RecordTarget(app, std::string("legend.") + key);
    ImGui::PopID();
  };
  static const char* kKeys[4] = {"person", "place", "org", "group"};
  static const char* kLabels[4] = {"People", "Places", "Organisations", "Groups"};
  char label[64];
  for (int t = 0; t < 4; ++t) {
    if (!count[t]) continue;
    std::snprintf(label, sizeof label, "%s %d", kLabels[t], count[t]);
    chip(label, kKeys[t], TypeColor(pal, lectern::EntityType(t)), &s.highlight[t]);
  }
  if (!a.quotes.empty()) {
    std::snprintf(label, sizeof label, "Quotes %d", int(a.quotes.size()));
    chip(label, "quotes", pal.quote_direct, &s.highlight_quotes);
  }
  bool all = s.highlight_quotes;
  for (bool h : s.highlight) all = all && h;
  bool none = !s.highlight_quotes;
  for (bool h : s.highlight) none = none && !h;
  const char* all_label = all ? "Hide all" : "Show all";
  SameLineIfFits(ImGui::CalcTextSize(all_label).x + ImGui::GetStyle().FramePadding.x * 2, 10);
  if (ImGui::SmallButton(all_label)) {
    for (bool& h : s.highlight) h = !all;
    s.highlight_quotes = !all;
    changed = true;
  }
  RecordTarget(app, "legend.all");
  (void)none;
  if (changed) SaveSettings(app);
}

// "● Ana Ruiz · mention 2 of 5  ‹ ›  ×" when an entity is selected.
void DrawSelectionBar(ArticleView& v, AppState& app, const lectern::Analysis& a) {
  const int e = app.selection.entity;
  if (e < 0 || e >= int(a.entities.size())) {
    // The row is always there, so selecting something never moves the text under the pointer.
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(a.entities.empty() ? "No people, places or organisations were found."
                                           : "Click a highlighted name to follow it through the story.");
    return;
  }
  const lectern::Entity& ent = a.entities[size_t(e)];
  const Palette& pal = GetPalette(app.settings.theme);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 5, p.y + ImGui::GetFrameHeight() * 0.5f), 4.5f,
                                              TypeColor(pal, ent.type));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(app.fonts.sans_bold, 0.0f);
  ImGui::TextUnformatted(lectern::ToValidUtf8(ent.name).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  const int n = int(ent.mentions.size());
  if (app.selection.mention >= 0) {
    ImGui::TextDisabled("mention %d of %d", app.selection.mention + 1, n);
  } else {
    ImGui::TextDisabled("%d mention%s", n, n == 1 ? "" : "s");
  }
  (void)h;
  ImGui::SameLine();
  auto go = [&](int dir) {
    if (n == 0) return;
    const int cur = app.selection.mention < 0 ? (dir > 0 ? -1 : 0) : app.selection.mention;
    app.selection.mention = ((cur + dir) % n + n) % n;
    RevealSpan(v, ent.mentions[size_t(app.selection.mention)].span);
  };
  if (ImGui::SmallButton("\xE2\x80\xB9")) go(-1);  // ‹
  ImGui::SetItemTooltip("Previous mention");
  RecordTarget(app, "article.mention.previous");
  ImGui::SameLine(0, 2);
  if (ImGui::SmallButton("\xE2\x80\xBA")) go(+1);  // ›
  ImGui::SetItemTooltip("Next mention");
  RecordTarget(app, "article.mention.next");
  ImGui::SameLine();
  if (ImGui::SmallButton("\xC3\x97")) lectern::ClearSelection(app.selection);
  ImGui::SetItemTooltip("Clear the selection");
  RecordTarget(app, "article.selection.clear");
}

void DrawEntityTooltip(const AppState& app, const lectern::Analysis& a, int e) {
  const lectern::Entity& ent = a.entities[size_t(e)];
  const Palette& pal = GetPalette(app.settings.theme);
  ImGui::BeginTooltip();
  ImGui::PushFont(app.fonts.sans_bold, 0.0f);
  ImGui::TextUnformatted(lectern::ToValidUtf8(ent.name).c_str());
  ImGui::PopFont();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(TypeColor(pal, ent.type)), "%s", TypeLabel(ent.type));
  if (!ent.role.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("\xC2\xB7 %s", lectern::ToValidUtf8(ent.role).c_str());
  }
  const int n = int(ent.mentions.size());
  ImGui::TextDisabled("%d mention%s in this article", n, n == 1 ? "" : "s");
  ImGui::EndTooltip();
}

}  // namespace

// [SECTION] Reading position ----------------------------------------------------------------------

ReadingPosition CurrentReadingPosition(const ArticleView& v) {
  ReadingPosition pos;
  if (v.layout.lines.empty()) return pos;
  // Layout y of the top of the view (the headline starts at top padding, about 1.6 em).
  const float y = v.scroll - v.layout_size * kTopPad;
  for (size_t b = v.layout.blocks.size(); b-- > 0;) {
    const auto first = v.layout.block_first_line[b];
    if (first >= v.layout.lines.size()) continue;
    const float top = v.layout.lines[first].y;
    if (y >= top || b == 0) {
      const size_t next = b + 1 < v.layout.blocks.size() ? v.layout.block_first_line[b + 1] : v.layout.lines.size();
      const float bottom = v.layout.lines[next - 1].y + v.layout.lines[next - 1].height;
      pos.paragraph = int(b) - 1;
      pos.fraction = bottom > top ? std::clamp((y - top) / (bottom - top), 0.0f, 1.0f) : 0.0f;
      return pos;
    }
  }
  return pos;
}

void ScrollToReadingPosition(ArticleView& v, ReadingPosition pos) {
  if (v.layout.lines.empty()) return;
  const size_t b = size_t(std::clamp(pos.paragraph + 1, 0, int(v.layout.blocks.size()) - 1));
  const auto first = v.layout.block_first_line[b];
  const size_t next = b + 1 < v.layout.blocks.size() ? v.layout.block_first_line[b + 1] : v.layout.lines.size();
  const float top = v.layout.lines[first].y;
  const float bottom = v.layout.lines[next - 1].y + v.layout.lines[next - 1].height;
  v.scroll = v.scroll_target = b == 0 && pos.fraction <= 0 ? 0.0f
                                                           : v.layout_size * kTopPad + top + pos.fraction * (bottom - top);
  v.fling_velocity = 0;
}

void RevealSpan(ArticleView& v, Span span) {
  v.reveal = span;
  v.reveal_pending = true;
}

bool DrawArticleContents(ArticleView& v, AppState& app) {
  ImGuiIO& io = ImGui::GetIO();
  const LibraryEntry* entry = app.Open();
  if (!entry) {
    ImGui::TextDisabled("No article is open.");
    return false;
  }
  if (!entry->loaded.ok()) {
    ImGui::TextWrapped("This article cannot be shown: %s", entry->loaded.message.c_str());
    return false;
  }
  const lectern::Document& doc = entry->loaded.doc;
  const lectern::Analysis* a = app.OpenAnalysis();
  const Palette& pal = GetPalette(app.settings.theme);
  const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
  EnsureMarks(v, a);

  // [SECTION] Toolbar: find / copy, the legend, the selected entity ---------------------------------
  if (focused && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_F, false)) {
    v.find_open = true;
    v.find_focus = true;
  }
  if (v.find_open) {
    DrawFindBar(v, app);
  } else {
    if (ImGui::SmallButton("Find")) {
      v.find_open = true;
      v.find_focus = true;
    }
    ImGui::SetItemTooltip("Find in the article (Ctrl+F)");
    RecordTarget(app, "article.find");
    if (v.HasSelection()) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Copy")) CopySelection(v, doc);
      ImGui::SetItemTooltip("Copy the selected text (Ctrl+C)");
      RecordTarget(app, "article.copy");
    }
    if (a) DrawLegend(app, *a);  // on the Find button's line, as far as it fits
  }
  if (a) DrawSelectionBar(v, app, *a);

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.page));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::SetNextWindowScroll(ImVec2(0, v.scroll));
  ImGui::BeginChild("##article_text", avail, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar |
                        ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar();
  bool animating = false;

  // The reader may be dragging the scrollbar (or clicked its track): adopt its position. Only
  // then: ImGui may also clamp the scroll on its own (e.g. the frame a hidden tab reappears,
  // before the content height is known again), which must not lose where we are going.
  const ImGuiID scrollbar = ImGui::GetWindowScrollbarID(ImGui::GetCurrentWindow(), ImGuiAxis_Y);
  if (ImGui::GetActiveID() == scrollbar && std::fabs(ImGui::GetScrollY() - v.scroll) > 0.5f) {
    v.scroll = v.scroll_target = ImGui::GetScrollY();
    v.fling_velocity = 0;
  }
  const float text_w = ImGui::GetContentRegionAvail().x;
  v.view_height = ImGui::GetWindowHeight();
  const Geometry g = ComputeGeometry(app, text_w);
  animating |= EnsureLayout(v, doc, app, g);
  v.column_x = g.column_x;
  if (v.has_pending_position && !v.is_measuring) {
    v.has_pending_position = false;
    ScrollToReadingPosition(v, v.pending_position);
    v.scroll = v.scroll_target = std::clamp(v.scroll_target, 0.0f, MaxScroll(v, g));
  }
  if (v.find_open) UpdateFindMatches(v, doc, g);
  if (!v.find_open && !v.find_matches.empty()) {
    v.find_matches.clear();
    v.find_done_for.clear();
    v.find_current = -1;
  }
  // Follow the shared selection when it changed elsewhere: show the quote, or the entity's next
  // mention below the top of the view.
  if (v.seen_serial != app.selection.serial) {
    v.seen_serial = app.selection.serial;
    if (a && app.selection.origin != lectern::SelectOrigin::Article) {
      if (app.selection.quote >= 0) {
        RevealSpan(v, a->quotes[size_t(app.selection.quote)].extent);
      } else if (app.selection.entity >= 0 && app.selection.mention >= 0) {
        RevealSpan(v, lectern::SelectionSpan(app.selection, *a));  // an exact mention was picked
      } else if (app.selection.entity >= 0) {
        const size_t top = lectern::VisibleLines(v.layout, v.scroll - g.top_pad, v.scroll - g.top_pad + 1).first;
        const uint32_t after = top < v.layout.lines.size() ? v.layout.lines[top].span.begin : 0;
        const lectern::Span m = lectern::NextMention(app.selection, *a, after);
        if (!m.empty()) RevealSpan(v, m);
      }
    }
  }
  ApplyReveal(v, g);

  const bool hovered = ImGui::IsWindowHovered();
  const float dt = std::min(io.DeltaTime, 0.1f);
  const ImVec2 win_pos = ImGui::GetWindowPos();
  const float win_w = ImGui::GetWindowWidth();
  app.targets.push_back({"article.text", win_pos.x, win_pos.y, win_w, v.view_height});
  app.targets.push_back({"article.column", win_pos.x + g.column_x, win_pos.y, g.column_w, v.view_height});
  // Text origin on screen for layout coordinates (x: column, y: layout 0 = below top padding).
  const ImVec2 origin(win_pos.x + g.column_x, win_pos.y + g.top_pad - v.scroll);
  const auto measure = MakeMeasure(g);

  // The overview strip beside the scrollbar: where the selected entity and find matches occur.
  const float strip_w = 6.0f;
  const float strip_x = win_pos.x + win_w - ImGui::GetStyle().ScrollbarSize - strip_w - 4.0f;
  const bool strip_active = !v.find_matches.empty() || (a && (app.selection.entity >= 0 || app.selection.quote >= 0));
  const bool over_strip = strip_active && hovered && io.MousePos.x >= strip_x - 2 && io.MousePos.x <= strip_x + strip_w + 2;

  // [SECTION] Mouse: select text, pick entities, drag-scroll by touch -------------------------------
  const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
  const int hovered_before = v.hovered_entity;  // from last frame's drawing pass
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && over_strip) {
    const float total = g.top_pad + v.layout.height + g.bottom_pad;
    v.scroll_target = (io.MousePos.y - win_pos.y) / std::max(1.0f, v.view_height) * total - v.view_height * 0.5f;
  } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    const uint32_t at = lectern::HitTest(v.layout, v.display_text, io.MousePos.x - origin.x,
                                         io.MousePos.y - origin.y, measure);
    v.pressed_entity = hovered_before;
    if (touch) {
      v.touch_dragging = true;
      v.fling_velocity = 0;
    } else if (io.MouseClickedCount[0] == 2) {
      lectern::Span w = lectern::WordAt(doc.bytes, at);
      v.anchor = w.begin;
      v.caret = w.end;
    } else if (io.MouseClickedCount[0] >= 3) {
      lectern::Span p = BlockAt(v.layout, at);
      v.anchor = p.begin;
      v.caret = p.end;
    } else {
      if (!io.KeyShift) v.anchor = at;
      v.caret = at;
      v.selecting = true;
    }
  }
  // A click (or tap) that neither dragged nor selected text picks the entity under it.
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && v.pressed_entity >= 0 && a) {
    const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    const bool dragged = drag.x * drag.x + drag.y * drag.y > 36.0f;
    if (!dragged && !v.HasSelection() && hovered_before == v.pressed_entity) {
      lectern::SelectEntity(app.selection, *a, v.pressed_entity, lectern::SelectOrigin::Article);
      v.seen_serial = app.selection.serial;
    }
    v.pressed_entity = -1;
  }
  if (v.touch_dragging) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      v.scroll_target -= io.MouseDelta.y;
      if (dt > 0) v.fling_velocity = 0.7f * v.fling_velocity + 0.3f * (-io.MouseDelta.y / dt);
    } else {
      v.touch_dragging = false;
      if (std::fabs(v.fling_velocity) < 150.0f) v.fling_velocity = 0;
    }
  } else {
    // The release frame counts too: a fast drag can deliver its last move with the release.
    if (v.selecting && (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left))) {
      v.caret = lectern::HitTest(v.layout, v.display_text, io.MousePos.x - origin.x, io.MousePos.y - origin.y, measure);
      // Dragging past the top or bottom edge scrolls, faster the further out.
      const float top = win_pos.y, bottom = win_pos.y + v.view_height;
      if (io.MousePos.y < top) v.scroll_target -= (top - io.MousePos.y) * 8.0f * dt + 1.0f;
      if (io.MousePos.y > bottom) v.scroll_target += (io.MousePos.y - bottom) * 8.0f * dt + 1.0f;
      animating |= io.MousePos.y < top || io.MousePos.y > bottom;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) v.selecting = false;
  }
  if (hovered && !touch) {
    ImGui::SetMouseCursor(over_strip ? ImGuiMouseCursor_Hand
                          : hovered_before >= 0 ? ImGuiMouseCursor_Hand
                                                : ImGuiMouseCursor_TextInput);
  }

  // Keyboard: copy, select all, leave.
  if (focused && !io.WantTextInput) {
    const bool mod = io.KeyCtrl || io.KeySuper;
    if (mod && ImGui::IsKeyPressed(ImGuiKey_C, false)) CopySelection(v, doc);
    if (mod && ImGui::IsKeyPressed(ImGuiKey_A, false)) SelectAll(v, doc);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
      if (v.find_open) {
        v.find_open = false;
      } else if (v.HasSelection()) {
        v.anchor = v.caret;
      } else {
        lectern::ClearSelection(app.selection);
      }
    }
    if (v.find_open && ImGui::IsKeyPressed(ImGuiKey_F3, false)) StepFind(v, io.KeyShift ? -1 : 1);
  }

  animating |= UpdateScroll(v, g, dt, hovered && !over_strip, focused && !io.WantTextInput);
  ImGui::SetCursorPosY(g.top_pad + v.layout.height + g.bottom_pad);
  ImGui::Dummy(ImVec2(1, 0));  // gives the child its scrollable height

  // [SECTION] Draw the visible lines ----------------------------------------------------------------
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (v.layout.lines.empty() && v.is_measuring) {
    // A long article's first frames: its words are being measured for the lines.
    char buf[64];
    std::snprintf(buf, sizeof buf, "Setting the text\xE2\x80\xA6 %d%%", int(lectern::MeasuredShare(v.measuring) * 100));
    dl->AddText(ImVec2(origin.x, origin.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), buf);
  }
  const float y0 = v.scroll - g.top_pad, y1 = y0 + v.view_height;
  const lectern::LineRange vis = lectern::VisibleLines(v.layout, y0, y1);
  const lectern::Span sel{v.SelectionBegin(), v.SelectionEnd()};
  const float flash = std::clamp(v.reveal_flash / 1.4f, 0.0f, 1.0f);
  const int selected_entity = app.selection.entity;
  const int selected_quote = app.selection.quote;
  const Settings& st = app.settings;
  constexpr uint32_t kReach = 4096;  // longest mark we expect to start before a line and reach in
  v.hovered_entity = -1;
  v.visible = vis.first < vis.last ? lectern::Span{v.layout.lines[vis.first].span.begin, v.layout.lines[vis.last - 1].span.end}
                                   : lectern::Span{};
  for (size_t li = vis.first; li < vis.last; ++li) {
    const auto& l = v.layout.lines[li];
    const float ly = origin.y + l.y;
    const float pad = (l.height - (l.block == 0 ? g.head_size : g.size)) * 0.2f;
    // Quotes: a bar in the left margin (solid for direct speech, dashed for reported), and the
    // selected quote filled.
    if (a && (st.highlight_quotes || selected_quote >= 0)) {
      ForMarksIn(v.quote_marks, l.span, kReach, [&](const QuoteMark& q) {
        const bool is_sel = q.quote == selected_quote;
        if (is_sel) FillRangeOnLine(dl, v, li, q.span, origin, g, WithAlpha(pal.focus, 34), 2.0f);
        if (!st.highlight_quotes && !is_sel) return;
        const ImU32 c = q.direct ? pal.quote_direct : pal.quote_indirect;
        const float bx = origin.x - std::max(10.0f, g.size * 0.7f);
        const float top = ly + pad, bottom = ly + l.height - pad;
        if (q.direct) {
          dl->AddRectFilled(ImVec2(bx, top), ImVec2(bx + 3, bottom), WithAlpha(c, is_sel ? 255 : 170), 1.5f);
        } else {
          for (float yy = top; yy < bottom; yy += 6) dl->AddRectFilled(ImVec2(bx, yy), ImVec2(bx + 3, std::min(yy + 3, bottom)), WithAlpha(c, is_sel ? 255 : 160));
        }
      });
    }
    // Entity mentions: a soft background and an underline in the type's colour; the selected
    // entity's mentions stronger. Their rectangles double as the hover/click targets.
    if (a) {
      ForMarksIn(v.mention_marks, l.span, 512, [&](const MentionMark& m) {
        const lectern::EntityType t = a->entities[size_t(m.entity)].type;
        const bool is_sel = m.entity == selected_entity;
        if (!st.highlight[int(t)] && !is_sel) return;
        const float x0 = lectern::XOfOffset(v.layout, v.display_text, li, std::max(m.span.begin, l.span.begin), measure);
        const float x1 = lectern::XOfOffset(v.layout, v.display_text, li, std::min(m.span.end, l.span.end), measure);
        const ImVec2 p0(origin.x + x0 - 1, ly + pad), p1(origin.x + x1 + 1, ly + l.height - pad);
        const bool under_mouse = hovered && !over_strip && io.MousePos.x >= p0.x && io.MousePos.x < p1.x &&
                                 io.MousePos.y >= p0.y && io.MousePos.y < p1.y;
        if (under_mouse) v.hovered_entity = m.entity;
        // The first visible mention of each entity is a click target for tests.
        const std::string target = "article.mention." + a->entities[size_t(m.entity)].id;
        if (std::none_of(app.targets.begin(), app.targets.end(), [&](const UiTarget& t) { return t.name == target; }))
          app.targets.push_back({target, p0.x, p0.y, p1.x - p0.x, p1.y - p0.y});
        const ImU32 c = TypeColor(pal, t);
        const bool hot = under_mouse || m.entity == hovered_before;
        dl->AddRectFilled(p0, p1, is_sel ? WithAlpha(c, 70) : hot ? WithAlpha(c, 52) : TypeBackground(pal, t), 3.0f);
        dl->AddLine(ImVec2(p0.x + 1, p1.y - 1), ImVec2(p1.x - 1, p1.y - 1), WithAlpha(c, is_sel ? 255 : 170),
                    is_sel ? 2.5f : 1.5f);
      });
    }
    for (size_t m = 0; m < v.find_matches.size(); ++m) {
      const lectern::Span f = v.find_matches[m];
      if (f.end <= l.span.begin || f.begin >= l.span.end) continue;
      FillRangeOnLine(dl, v, li, f, origin, g, int(m) == v.find_current ? pal.find_current : pal.find);
    }
    if (flash > 0 && v.reveal.Overlaps(l.span))
      FillRangeOnLine(dl, v, li, v.reveal, origin, g, WithAlpha(pal.focus, int(flash * 110)));
    if (!sel.empty()) FillRangeOnLine(dl, v, li, sel, origin, g, pal.selection, 0.0f);

    if (l.block == 1 && li == v.layout.block_first_line[1])  // the first body line, for tests
      app.targets.push_back({"article.body.first", origin.x, ly, l.width, l.height});
    const bool head = l.block == 0;
    ImFont* font = head ? g.head_font : g.body_font;
    const float size = head ? g.head_size : g.size;
    const float baseline_pad = std::floor((l.height - size) * 0.5f);
    const char* begin = v.display_text.data() + l.span.begin;
    dl->AddText(font, size, ImVec2(origin.x, ly + baseline_pad), head ? pal.heading : pal.text, begin,
                begin + l.span.size());
  }
  // The meta line under the headline.
  if (!doc.paragraphs.empty() && v.layout.block_first_line.size() > 1) {
    const auto& first_body = v.layout.lines[v.layout.block_first_line[1]];
    const float meta_y = origin.y + first_body.y - v.layout.blocks[1].space_before + std::round(g.size * kParagraphGap);
    const std::string meta = MetaLine(*entry);
    dl->AddText(app.fonts.sans, std::round(g.size * kMetaScale), ImVec2(origin.x, meta_y), pal.muted, meta.c_str());
    const float rule_y = meta_y + g.meta_h + std::round(g.size * kParagraphGap * 0.5f);
    dl->AddLine(ImVec2(origin.x, rule_y), ImVec2(origin.x + std::min(g.column_w, g.size * 4), rule_y), pal.rule, 2.0f);
  }

  // The overview strip: the whole article's height mapped onto the view's height. Shown only
  // when there is something to mark (a selected entity or quote, find matches).
  if (strip_active) {
    const float total = std::max(1.0f, g.top_pad + v.layout.height + g.bottom_pad);
    const float scale = v.view_height / total;
    const float sy = win_pos.y;
    dl->PushClipRect(ImVec2(strip_x - 1, sy), ImVec2(strip_x + strip_w + 1, sy + v.view_height), false);
    dl->AddRectFilled(ImVec2(strip_x, sy + v.scroll * scale), ImVec2(strip_x + strip_w, sy + (v.scroll + v.view_height) * scale),
                      WithAlpha(pal.rule, over_strip ? 150 : 70), 2.0f);
    auto tick = [&](lectern::Span span, ImU32 c, float h) {
      const size_t li = lectern::LineOfOffset(v.layout, span.begin);
      if (li >= v.layout.lines.size()) return;
      const float y = sy + (g.top_pad + v.layout.lines[li].y + v.layout.lines[li].height * 0.5f) * scale;
      dl->AddRectFilled(ImVec2(strip_x, y - h * 0.5f), ImVec2(strip_x + strip_w, y + h * 0.5f), c);
    };
    for (size_t m = 0; m < v.find_matches.size(); ++m)
      tick(v.find_matches[m], int(m) == v.find_current ? pal.find_current : WithAlpha(pal.find_current, 150), 2.0f);
    if (a && selected_entity >= 0) {
      const lectern::Entity& ent = a->entities[size_t(selected_entity)];
      for (const lectern::Mention& m : ent.mentions)
        if (m.form != lectern::Mention::Form::Pronoun) tick(m.span, TypeColor(pal, ent.type), 3.0f);
    }
    if (a && selected_quote >= 0) tick(a->quotes[size_t(selected_quote)].extent, pal.focus, 4.0f);
    dl->PopClipRect();
    app.targets.push_back({"article.overview", strip_x, sy, strip_w, v.view_height});
    if (over_strip) ImGui::SetTooltip("Where the selection and matches are. Click to go there.");
  }

  if (a && v.hovered_entity >= 0 && !v.selecting && !v.touch_dragging) DrawEntityTooltip(app, *a, v.hovered_entity);
  if (v.hovered_entity != hovered_before) animating = true;  // redraw the hover highlight
  if (v.reveal_flash > 0) {
    v.reveal_flash -= dt;
    animating = true;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return animating || v.selecting;
}
