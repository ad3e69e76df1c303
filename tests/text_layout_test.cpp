// Tests for text_layout.h with a fixed-pitch measure: every code point is 1 unit wide, so
// expected breaks can be read off the strings.
#include "text_layout.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

float Mono(int, std::string_view s) { return float(CountCodePoints(s)); }

TextLayout LayoutOne(std::string_view text, float width) {
  return LayoutBlocks(text, {{Span{0, uint32_t(text.size())}, 0, 10, 0}}, width, Mono);
}

std::vector<std::string> LineTexts(const TextLayout& l, std::string_view text) {
  std::vector<std::string> out;
  for (const LayoutLine& line : l.lines) out.emplace_back(text.substr(line.span.begin, line.span.size()));
  return out;
}

}  // namespace

TEST_CASE("greedy breaks at spaces / no line is wider than the measure") {
  std::string_view t = "the quick brown fox jumps over the lazy dog";
  TextLayout l = LayoutOne(t, 15);
  CHECK(LineTexts(l, t) == std::vector<std::string>{"the quick brown", "fox jumps over", "the lazy dog"});
  for (const LayoutLine& line : l.lines) CHECK(line.width <= 15);
  CHECK(l.height == doctest::Approx(30));
  CHECK(l.lines[1].y == doctest::Approx(10));
}

TEST_CASE("hyphens and dashes are break opportunities / long words split by code point") {
  std::string_view t = "a 20-Year deal";
  CHECK(LineTexts(LayoutOne(t, 6), t) == std::vector<std::string>{"a 20-", "Year", "deal"});
  std::string_view dash = "alpha\xE2\x80\x94omega";  // alpha—omega
  CHECK(LineTexts(LayoutOne(dash, 7), dash) ==
        std::vector<std::string>{"alpha\xE2\x80\x94", "omega"});
  std::string_view longw = "abcdefghij";
  CHECK(LineTexts(LayoutOne(longw, 4), longw) == std::vector<std::string>{"abcd", "efgh", "ij"});
  std::string_view accents = "ééééé";  // never cut inside a UTF-8 sequence
  CHECK(LineTexts(LayoutOne(accents, 2), accents) == std::vector<std::string>{"éé", "éé", "é"});
}

TEST_CASE("soft line breaks are spaces / blocks stack with their gaps") {
  std::string text = "Head\n\nOne\ntwo three\n\nFour";
  std::vector<LayoutBlock> blocks = {{Span{0, 4}, 1, 20, 0},
                                     {Span{6, 19}, 0, 10, 5},
                                     {Span{21, 25}, 0, 10, 5}};
  TextLayout l = LayoutBlocks(text, blocks, 100, Mono);
  REQUIRE(l.lines.size() == 3);
  CHECK(text.substr(l.lines[1].span.begin, l.lines[1].span.size()) == "One\ntwo three");
  CHECK(l.lines[1].y == doctest::Approx(25));
  CHECK(l.lines[2].y == doctest::Approx(40));
  CHECK(l.height == doctest::Approx(50));
  CHECK(l.block_first_line == std::vector<uint32_t>{0, 1, 2});
}

TEST_CASE("visible lines, line of offset, x of offset and hit testing agree") {
  std::string_view t = "the quick brown fox jumps over the lazy dog";
  TextLayout l = LayoutOne(t, 15);
  LineRange r = VisibleLines(l, 12, 19);
  CHECK(r.first == 1);
  CHECK(r.last == 2);
  r = VisibleLines(l, -5, 100);
  CHECK(r.first == 0);
  CHECK(r.last == 3);
  uint32_t fox = uint32_t(t.find("fox"));
  CHECK(LineOfOffset(l, fox) == 1);
  CHECK(LineOfOffset(l, fox + 5) == 1);
  CHECK(XOfOffset(l, t, 1, fox + 2, Mono) == doctest::Approx(2));
  CHECK(HitTest(l, t, 2.4f, 15, Mono) == fox + 2);
  CHECK(HitTest(l, t, 2.6f, 15, Mono) == fox + 3);
  CHECK(HitTest(l, t, -3, 15, Mono) == fox);
  CHECK(HitTest(l, t, 99, 15, Mono) == l.lines[1].span.end);
  CHECK(HitTest(l, t, 1, -50, Mono) == 1);     // above the text: first line
  CHECK(HitTest(l, t, 99, 500, Mono) == t.size());  // below: end of the last line
}

TEST_CASE("WordAt selects words, names with hyphens and possessives without the apostrophe") {
  std::string_view t = "Hadley-Kowalczyk said Peru\xE2\x80\x99s plan, (twice).";
  CHECK(t.substr(WordAt(t, 2).begin, WordAt(t, 2).size()) == "Hadley-Kowalczyk");
  uint32_t peru = uint32_t(t.find("Peru"));
  Span w = WordAt(t, peru + 1);
  CHECK(t.substr(w.begin, w.size()) == "Peru\xE2\x80\x99s");
  uint32_t comma = uint32_t(t.find(','));
  CHECK(WordAt(t, comma).empty());
  Span twice = WordAt(t, uint32_t(t.find("twice")) + 4);
  CHECK(t.substr(twice.begin, twice.size()) == "twice");
}

TEST_CASE("CopyText joins soft breaks with spaces and paragraphs with a blank line") {
  std::string text = "Head\n\nOne\ntwo\n\nThree";
  std::vector<LayoutBlock> blocks = {{Span{0, 4}, 1, 20, 0}, {Span{6, 13}, 0, 10, 0}, {Span{15, 20}, 0, 10, 0}};
  TextLayout l = LayoutBlocks(text, blocks, 100, Mono);
  CHECK(CopyText(l, text, Span{2, 17}) == "ad\n\nOne two\n\nTh");
  CHECK(CopyText(l, text, Span{7, 9}) == "ne");
  CHECK(CopyText(l, text, Span{4, 6}).empty());
}

TEST_CASE("a resize re-breaks measured words without measuring again") {
  std::string_view t = "the quick brown fox jumps over the lazy dog again and again";
  int calls = 0;
  TextMeasure counting = [&](int s, std::string_view x) {
    ++calls;
    return Mono(s, x);
  };
  std::vector<LayoutBlock> blocks = {{Span{0, uint32_t(t.size())}, 0, 10, 0}};
  MeasuredText m = MeasureBlocks(t, blocks, counting);
  const int after_measure = calls;
  CHECK(after_measure > 0);
  for (float w : {8.0f, 15.0f, 23.0f, 60.0f}) {
    TextLayout a = BreakLines(m, t, w, counting);
    TextLayout b = LayoutBlocks(t, blocks, w, Mono);
    CHECK(LineTexts(a, t) == LineTexts(b, t));
  }
  CHECK(calls == after_measure);  // no word is wider than 8, so nothing was measured again
}

TEST_CASE("measuring in steps gives what one MeasureBlocks gives, a few blocks a step") {
  std::string text;
  std::vector<LayoutBlock> blocks;
  for (int i = 0; i < 40; ++i) {
    const uint32_t begin = uint32_t(text.size());
    text += "Paragraph " + std::to_string(i) + " has words, a well-known dash\xE2\x80\x94" "and more";
    blocks.push_back({Span{begin, uint32_t(text.size())}, i % 2, 10, 2});
    if (i % 7 == 3) blocks.push_back({Span{uint32_t(text.size()), uint32_t(text.size())}, 0, 10, 0});  // empty
    text += "\n\n";
  }
  const MeasuredText whole = MeasureBlocks(text, blocks, Mono);
  MeasuredText m = BeginMeasure(text, blocks);
  int steps = 0;
  float share = 0;
  while (true) {
    // What a step reads lies within the text it says it needs: the rest may not exist yet.
    const uint32_t need = MeasureStepTextEnd(m, 100);
    CHECK(need > 0);
    if (MeasureStep(m, std::string_view(text).substr(0, need), 100, Mono)) break;
    ++steps;
    CHECK(MeasuredShare(m) > share);  // every step gets further
    share = MeasuredShare(m);
    CHECK(!MeasureDone(m));
    REQUIRE(steps < 100);
  }
  CHECK(steps >= 10);  // 40 blocks of ~55 bytes, ~2 per 100-byte step
  CHECK(MeasureDone(m));
  CHECK(MeasuredShare(m) == 1.0f);
  CHECK(MeasureStep(m, text, 100, Mono));  // a finished measure stays finished
  REQUIRE(m.words.size() == whole.words.size());
  for (size_t i = 0; i < whole.words.size(); ++i) {
    CHECK(m.words[i].begin == whole.words[i].begin);
    CHECK(m.words[i].width == whole.words[i].width);
    CHECK(m.words[i].space_before == whole.words[i].space_before);
  }
  CHECK(m.block_first_word == whole.block_first_word);
  CHECK(LineTexts(BreakLines(m, text, 60, Mono), text) == LineTexts(BreakLines(whole, text, 60, Mono), text));
}

TEST_CASE("an article with no blocks measures in one step") {
  MeasuredText m = BeginMeasure("", {});
  CHECK(MeasureStep(m, "", 1, Mono));
  CHECK(MeasureDone(m));
  CHECK(m.block_first_word.size() == 1);
}
