// text_layout.h — line breaking for the reading view, over spans of the article's bytes.
//
//   TextMeasure measure = [&](std::string_view s) { return font->CalcTextSizeA(...).x; };
//   std::vector<LayoutBlock> blocks = {{doc.headline, kHeadline}, {p0, kBody}, ...};
//   TextLayout layout = LayoutBlocks(doc.bytes, blocks, {.width = 640, ...}, measure_by_style);
//   for (const LayoutLine& l : VisibleLines(layout, scroll_y, view_h)) draw(l);
//   uint32_t offset = HitTest(layout, doc.bytes, x, y, measure);   // mouse -> byte offset
//
// The layout is pure data (no fonts, no drawing): the app builds it once per (width, text
// size, font) and caches it, and draws only the visible lines. Breaks are at spaces and after
// hyphens and dashes; a word wider than the line is split by code point. Soft line breaks
// (\n, \r) inside a paragraph are treated as spaces, as a browser does.
#pragma once

#include "document.h"

#include <functional>
#include <string_view>
#include <vector>

namespace lectern {

// Width of a run of text in the given style, in layout units (pixels).
using TextMeasure = std::function<float(int style, std::string_view text)>;

struct LayoutBlock {
  Span span;
  int style = 0;           // the app's style index (headline, body, ...), passed to TextMeasure
  float line_height = 0;   // distance between baselines of consecutive lines
  float space_before = 0;  // gap above the block
};

struct LayoutLine {
  Span span;               // bytes on this line (trailing spaces excluded)
  float y = 0;             // top of the line box
  float height = 0;
  float width = 0;         // measured width of `span`
  uint32_t block = 0;      // index into the blocks
};

struct TextLayout {
  float width = 0;             // the width it was laid out for
  float height = 0;            // total height
  std::vector<LayoutBlock> blocks;
  std::vector<LayoutLine> lines;
  std::vector<uint32_t> block_first_line;  // first line index of each block
};

// Layout in two steps, so a resize does not measure again: MeasureBlocks measures every word
// once per face and size (the slow part: one measure call per word); BreakLines breaks the
// measured words into lines for a width (a linear pass; ~1 ms per 100k words).
struct MeasuredWord {
  uint32_t begin = 0, end = 0;  // the word's bytes (a break may follow a hyphen or dash)
  float width = 0;              // measured width of the word
  float space_before = 0;       // width of the spaces before it, used when it continues a line
};
struct MeasuredText {
  std::vector<LayoutBlock> blocks;
  std::vector<MeasuredWord> words;
  std::vector<uint32_t> block_first_word;  // per block, and one past the last word at the end
};
MeasuredText MeasureBlocks(std::string_view text, const std::vector<LayoutBlock>& blocks,
                           const TextMeasure& measure);

// The same measuring in steps, for a text too long to measure in one frame (a 20 MB article
// has 3.5 million words): each step measures whole blocks until about `max_bytes` of text are
// done. The result, once Done, is exactly MeasureBlocks'.
//   MeasuredText m = BeginMeasure(text, blocks);
//   while (!MeasureStep(m, text, 1 << 20, measure)) draw_progress(MeasuredShare(m));
MeasuredText BeginMeasure(std::string_view text, const std::vector<LayoutBlock>& blocks);  // `text` may be empty yet
bool MeasureStep(MeasuredText& m, std::string_view text, size_t max_bytes, const TextMeasure& measure);
bool MeasureDone(const MeasuredText& m);   // every block measured
// Where the text the next step reads ends (a text built as it is measured needs this much).
uint32_t MeasureStepTextEnd(const MeasuredText& m, size_t max_bytes);
float MeasuredShare(const MeasuredText& m);  // 0..1, by blocks
// `measure` is used only to split a word wider than the line.
TextLayout BreakLines(const MeasuredText& measured, std::string_view text, float width,
                      const TextMeasure& measure);

// Both steps at once.
TextLayout LayoutBlocks(std::string_view text, const std::vector<LayoutBlock>& blocks, float width,
                        const TextMeasure& measure);

// Lines that intersect [y0, y1): a half-open index range [first, last).
struct LineRange { size_t first = 0, last = 0; };
LineRange VisibleLines(const TextLayout& layout, float y0, float y1);

// The line that holds byte `offset` (the last line whose start is <= offset). 0 if none.
size_t LineOfOffset(const TextLayout& layout, uint32_t offset);

// x position (from the line's left edge) of byte `offset` within line `line`.
float XOfOffset(const TextLayout& layout, std::string_view text, size_t line, uint32_t offset,
                const TextMeasure& measure);

// The byte offset nearest to point (x, y): a caret position between code points.
uint32_t HitTest(const TextLayout& layout, std::string_view text, float x, float y,
                 const TextMeasure& measure);

// Word boundaries around `offset` (letters, digits, apostrophes and inner hyphens), for
// double-click selection. Returns an empty span at offset when it is not inside a word.
Span WordAt(std::string_view text, uint32_t offset);

// The text of [begin, end) as a reader would copy it: soft line breaks become spaces, blocks
// (paragraphs) are separated by a blank line.
std::string CopyText(const TextLayout& layout, std::string_view text, Span range);

}  // namespace lectern
