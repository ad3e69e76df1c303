// article_window.h — the Article window: the story set for reading.
//
//   ArticleView view;                       // UI state only: scroll, text selection, find
//   bool animating = DrawArticleWindow(view, ctx);  // every frame; true while it animates
//
// The window reads the open document (and, when there is one, its analysis) from the context
// every frame; what it caches (the line layout per width, size and face) is derived and
// rebuilt only when one of those changes.
#pragma once

#include "document.h"
#include "text_layout.h"

#include <cstdint>
#include <string>
#include <vector>

struct AppState;

// The paragraph that holds the top of the view and how far into it (0..1) the view has
// scrolled: a reading position that survives another window size or text size.
struct ReadingPosition {
  int paragraph = -1;   // -1: headline
  float fraction = 0;
};

// What the reader sees highlighted, built once per analysis and kept sorted by offset.
struct MentionMark {
  lectern::Span span;
  int entity = -1;
};
struct QuoteMark {
  lectern::Span span;                   // one part of a quote (a split quote has several)
  int quote = -1;
  bool direct = true;
};

struct ArticleView {
  // Scrolling: `scroll` is drawn, `scroll_target` is where it glides to.
  float scroll = 0, scroll_target = 0;
  float fling_velocity = 0;             // px/s after a touch flick, decays
  float view_height = 0;                // last visible height of the text area
  lectern::Span visible;                // bytes from the first to the last line drawn
  bool touch_dragging = false;

  // Layout cache, keyed by what it depends on: words are measured once per face and size,
  // lines are broken again only when the width changes.
  std::string layout_doc;
  float layout_width = -1, layout_size = -1;
  int layout_fonts = -1;                // Fonts::generation the words were measured with
  bool layout_serif = true;
  lectern::MeasuredText measured;
  lectern::TextLayout layout;
  std::string display_text;             // doc bytes with soft breaks and tabs as spaces
  // A new face or article is measured in steps, a few each frame (a 20 MB article takes about
  // a second): until it is done the previous layout, if any, stays on screen.
  lectern::MeasuredText measuring;
  bool is_measuring = false;
  float column_x = 0;                   // left edge of the text column (window-relative)
  float chars_per_line = 0;             // average over full lines (for the measure check)

  // Text selection: [min(anchor, caret), max(...)) in byte offsets; empty when equal.
  uint32_t anchor = 0, caret = 0;
  bool selecting = false;
  int click_count = 0;

  // Find in the article.
  bool find_open = false;
  bool find_focus = false;              // focus the search box on the next frame
  std::string find_query;
  std::string find_done_for;            // query the matches were computed for
  std::vector<lectern::Span> find_matches;
  int find_current = -1;

  // A request to bring a span into view (from a link, a find, a selection elsewhere).
  bool reveal_pending = false;
  lectern::Span reveal;
  float reveal_flash = 0;               // seconds left of the "here it is" flash
  bool has_pending_position = false;    // a link's reading position, applied after layout
  ReadingPosition pending_position;
  bool find_keep_scroll = false;        // a link's search term must not move its position
  uint64_t seen_serial = 0;             // the shared selection serial the view last followed

  // Highlights, derived from the analysis (rebuilt when the analysis changes).
  const void* marks_for = nullptr;
  std::vector<MentionMark> mention_marks;
  std::vector<QuoteMark> quote_marks;
  int hovered_entity = -1;              // under the mouse this frame
  int pressed_entity = -1;              // under the mouse when the button went down

  uint32_t SelectionBegin() const { return anchor < caret ? anchor : caret; }
  uint32_t SelectionEnd() const { return anchor < caret ? caret : anchor; }
  bool HasSelection() const { return anchor != caret; }
};

// Draws the window's contents into the current ImGui window. True while animating.
bool DrawArticleContents(ArticleView& view, AppState& app);

// The reading position at the top of the view, and the inverse (for links, re-layouts).
ReadingPosition CurrentReadingPosition(const ArticleView& view);
void ScrollToReadingPosition(ArticleView& view, ReadingPosition pos);

// Puts `span` in view (scrolling smoothly) and flashes it.
void RevealSpan(ArticleView& view, lectern::Span span);
