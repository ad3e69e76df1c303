// text_layout.cpp — greedy line breaking over spans (see text_layout.h).
#include "text_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lectern {

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

// True when a line may break right after the code point that ends at `pos` (exclusive):
// after a hyphen between two letters, after an en or em dash, after a slash.
bool BreakAfter(std::string_view s, uint32_t start, uint32_t pos, uint32_t end) {
  if (pos <= start || pos >= end) return false;
  const unsigned char c = static_cast<unsigned char>(s[pos - 1]);
  if (c == '-' || c == '/') {
    // Only inside a word: "20-Year" breaks after the hyphen; a leading "-5" and "--" do not.
    return pos - 1 > start && s[pos - 2] != '-' && s[pos] != '-' && !IsSpaceByte(s[pos]);
  }
  // U+2013 EN DASH, U+2014 EM DASH: E2 80 93 / E2 80 94
  if (pos >= start + 3 && static_cast<unsigned char>(s[pos - 3]) == 0xE2 &&
      static_cast<unsigned char>(s[pos - 2]) == 0x80 &&
      (c == 0x93 || c == 0x94)) {
    return !IsSpaceByte(s[pos]);
  }
  return false;
}

uint32_t NextCodePoint(std::string_view s, uint32_t pos) {
  char32_t cp;
  return pos + DecodeUtf8(s, pos, &cp);
}

struct LineBuilder {
  std::string_view text;
  const TextMeasure& measure;
  TextLayout& out;
  const LayoutBlock& block;
  uint32_t block_index;
  float width;
  float y;

  uint32_t line_begin = 0, line_end = 0;
  float line_width = 0;
  bool open = false;

  void Flush() {
    if (!open) return;
    out.lines.push_back({Span{line_begin, line_end}, y, block.line_height, line_width, block_index});
    y += block.line_height;
    open = false;
    line_width = 0;
  }

  // Places a word that does not fit on an empty line by splitting it at code points.
  void PlaceLongWord(uint32_t begin, uint32_t end) {
    uint32_t pos = begin;
    while (pos < end) {
      uint32_t cut = pos;
      float w = 0;
      while (cut < end) {
        uint32_t next = NextCodePoint(text, cut);
        float cw = measure(block.style, text.substr(pos, next - pos));
        if (cw > width && cut > pos) break;
        w = cw;
        cut = next;
      }
      line_begin = pos;
      line_end = cut;
      line_width = w;
      open = true;
      if (cut < end) Flush();
      pos = cut;
    }
  }

  void AddWord(const MeasuredWord& word) {
    if (open && line_width + word.space_before + word.width <= width) {
      line_width += word.space_before + word.width;
      line_end = word.end;
      return;
    }
    Flush();
    if (word.width > width) {
      PlaceLongWord(word.begin, word.end);
      return;
    }
    line_begin = word.begin;
    line_end = word.end;
    line_width = word.width;
    open = true;
  }
};

}  // namespace

MeasuredText BeginMeasure(std::string_view, const std::vector<LayoutBlock>& blocks) {
  MeasuredText m;
  m.blocks = blocks;
  // News prose runs about 6 bytes a word: reserving once spares a 20 MB text the copies (and
  // the fresh pages) of a vector doubling its way up to 3.5 million words.
  // Counted over the blocks, not `text`, which may be built as it is measured.
  size_t bytes = 0;
  for (const LayoutBlock& b : blocks) bytes += b.span.size();
  m.words.reserve(bytes / 5 + blocks.size());
  m.block_first_word.reserve(blocks.size() + 1);
  return m;
}

bool MeasureDone(const MeasuredText& m) { return m.block_first_word.size() == m.blocks.size() + 1; }

float MeasuredShare(const MeasuredText& m) {
  if (MeasureDone(m) || m.blocks.empty()) return 1.0f;
  return float(m.block_first_word.size()) / float(m.blocks.size());
}

namespace {

// The blocks a step measures: from the first not yet measured, whole blocks until `max_bytes`.
size_t StepLastBlock(const MeasuredText& m, size_t max_bytes) {
  size_t b = m.block_first_word.size(), bytes = 0;
  for (; b < m.blocks.size() && bytes < max_bytes; ++b) bytes += m.blocks[b].span.size() + 1;  // + 1: an empty block is work too
  return b;
}

}  // namespace

uint32_t MeasureStepTextEnd(const MeasuredText& m, size_t max_bytes) {
  uint32_t end = 0;
  for (size_t b = m.block_first_word.size(), last = StepLastBlock(m, max_bytes); b < last; ++b)
    end = std::max(end, m.blocks[b].span.end);
  return end;
}

bool MeasureStep(MeasuredText& m, std::string_view text, size_t max_bytes, const TextMeasure& measure) {
  const size_t last = StepLastBlock(m, max_bytes);
  while (m.block_first_word.size() < last) {
    const LayoutBlock& block = m.blocks[m.block_first_word.size()];
    m.block_first_word.push_back(uint32_t(m.words.size()));
    const float space_w = measure(block.style, " ");
    const uint32_t end = std::min<uint32_t>(block.span.end, uint32_t(text.size()));
    uint32_t pos = block.span.begin;
    float pending_space = 0;
    while (pos < end) {
      // Skip spaces, remembering how much room they take if the line continues.
      uint32_t spaces = 0;
      while (pos < end && IsSpaceByte(text[pos])) ++pos, ++spaces;
      if (spaces) pending_space = space_w * float(spaces);
      if (pos >= end) break;
      // A word runs to the next space or break opportunity.
      uint32_t word_end = pos;
      while (word_end < end && !IsSpaceByte(text[word_end])) {
        word_end = NextCodePoint(text, word_end);
        if (BreakAfter(text, pos, word_end, end)) break;
      }
      m.words.push_back({pos, word_end, measure(block.style, text.substr(pos, word_end - pos)), pending_space});
      pending_space = 0;
      pos = word_end;
    }
  }
  if (m.block_first_word.size() < m.blocks.size()) return false;
  if (!MeasureDone(m)) m.block_first_word.push_back(uint32_t(m.words.size()));
  return true;
}

MeasuredText MeasureBlocks(std::string_view text, const std::vector<LayoutBlock>& blocks,
                           const TextMeasure& measure) {
  MeasuredText m = BeginMeasure(text, blocks);
  MeasureStep(m, text, SIZE_MAX, measure);
  return m;
}

TextLayout BreakLines(const MeasuredText& m, std::string_view text, float width, const TextMeasure& measure) {
  TextLayout out;
  out.width = width;
  out.blocks = m.blocks;
  out.lines.reserve(m.words.size() / 8 + m.blocks.size());  // news runs ~10 words a line
  out.block_first_line.reserve(m.blocks.size());
  width = std::max(width, 1.0f);
  float y = 0;
  for (uint32_t b = 0; b < m.blocks.size(); ++b) {
    const LayoutBlock& block = m.blocks[b];
    y += block.space_before;
    out.block_first_line.push_back(uint32_t(out.lines.size()));
    LineBuilder lb{text, measure, out, block, b, width, y};
    for (uint32_t w = m.block_first_word[b]; w < m.block_first_word[b + 1]; ++w) lb.AddWord(m.words[w]);
    if (!lb.open && out.block_first_line.back() == out.lines.size()) {
      // A block with no words still takes one line, so the reader sees the gap.
      lb.line_begin = lb.line_end = block.span.begin;
      lb.open = true;
    }
    lb.Flush();
    y = lb.y;
  }
  out.height = y;
  return out;
}

TextLayout LayoutBlocks(std::string_view text, const std::vector<LayoutBlock>& blocks, float width,
                        const TextMeasure& measure) {
  return BreakLines(MeasureBlocks(text, blocks, measure), text, width, measure);
}

LineRange VisibleLines(const TextLayout& layout, float y0, float y1) {
  const auto& lines = layout.lines;
  auto first = std::partition_point(lines.begin(), lines.end(),
                                    [&](const LayoutLine& l) { return l.y + l.height <= y0; });
  auto last = std::partition_point(first, lines.end(), [&](const LayoutLine& l) { return l.y < y1; });
  return {size_t(first - lines.begin()), size_t(last - lines.begin())};
}

size_t LineOfOffset(const TextLayout& layout, uint32_t offset) {
  const auto& lines = layout.lines;
  if (lines.empty()) return 0;
  auto it = std::partition_point(lines.begin(), lines.end(),
                                 [&](const LayoutLine& l) { return l.span.begin <= offset; });
  return it == lines.begin() ? 0 : size_t(it - lines.begin()) - 1;
}

float XOfOffset(const TextLayout& layout, std::string_view text, size_t line, uint32_t offset,
                const TextMeasure& measure) {
  if (line >= layout.lines.size()) return 0;
  const LayoutLine& l = layout.lines[line];
  if (offset <= l.span.begin) return 0;
  if (offset >= l.span.end) return l.width;
  const int style = layout.blocks[l.block].style;
  return measure(style, text.substr(l.span.begin, offset - l.span.begin));
}

uint32_t HitTest(const TextLayout& layout, std::string_view text, float x, float y,
                 const TextMeasure& measure) {
  const auto& lines = layout.lines;
  if (lines.empty()) return 0;
  size_t li;
  if (y < lines.front().y) {
    li = 0;
  } else {
    auto it = std::partition_point(lines.begin(), lines.end(),
                                   [&](const LayoutLine& l) { return l.y + l.height <= y; });
    li = it == lines.end() ? lines.size() - 1 : size_t(it - lines.begin());
  }
  const LayoutLine& l = lines[li];
  if (x <= 0) return l.span.begin;
  if (x >= l.width) return l.span.end;
  const int style = layout.blocks[l.block].style;
  // Walk code points; the caret goes to whichever side of the glyph is nearer.
  float prev_x = 0;
  for (uint32_t pos = l.span.begin; pos < l.span.end;) {
    uint32_t next = NextCodePoint(text, pos);
    float nx = measure(style, text.substr(l.span.begin, next - l.span.begin));
    if (x < nx) return (x - prev_x < nx - x) ? pos : next;
    prev_x = nx;
    pos = next;
  }
  return l.span.end;
}

namespace {

bool IsWordByte(std::string_view s, uint32_t pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c >= 0x80) {
    // Letters beyond ASCII: treat every non-ASCII code point as part of a word except the
    // general punctuation block (U+2000–U+206F: dashes, curly quotes, ellipsis) and NBSP.
    uint32_t lead = pos;
    while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
    char32_t cp;
    DecodeUtf8(s, lead, &cp);
    if (cp == 0x2019) return true;  // right single quote inside a word: "Peru’s"
    return !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xA0 && cp != 0xAB && cp != 0xBB;
  }
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '_';
}

}  // namespace

Span WordAt(std::string_view text, uint32_t offset) {
  if (offset >= text.size() || !IsWordByte(text, offset)) return Span{offset, offset};
  uint32_t b = offset, e = offset;
  auto word_or_inner_hyphen = [&](uint32_t p) {
    if (IsWordByte(text, p)) return true;
    return text[p] == '-' && p > 0 && p + 1 < text.size() && IsWordByte(text, p - 1) &&
           IsWordByte(text, p + 1);
  };
  while (b > 0 && word_or_inner_hyphen(b - 1)) --b;
  while (e < text.size() && word_or_inner_hyphen(e)) ++e;
  // Do not start or end on a continuation byte, nor end on an apostrophe ("nations’").
  while (b < e && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  while (e > b && (text[e - 1] == '\'' ||
                   (e >= b + 3 && text.substr(e - 3, 3) == "\xE2\x80\x99")))
    e -= text[e - 1] == '\'' ? 1 : 3;
  return Span{b, e};
}

std::string CopyText(const TextLayout& layout, std::string_view text, Span range) {
  std::string out;
  bool first = true;
  for (const LayoutBlock& block : layout.blocks) {
    const uint32_t b = std::max(block.span.begin, range.begin);
    const uint32_t e = std::min(block.span.end, range.end);
    if (b >= e) continue;
    if (!first) out += "\n\n";
    first = false;
    for (uint32_t i = b; i < e; ++i) {
      const char c = text[i];
      if (c == '\r' && i + 1 < e && text[i + 1] == '\n') continue;
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
  }
  return out;
}

}  // namespace lectern
