// Tests for document.h: the article loader (headline / paragraph split, CRLF, BOM, empty,
// binary and malformed files) and the UTF-8 helpers.
#include "document.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace lectern;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (Span p : d.paragraphs) out.emplace_back(d.Text(p));
  return out;
}

}  // namespace

TEST_CASE("the seed article: headline, then one paragraph per blank-line-separated block") {
  // The expectations come from the file itself, split naively here, so the test holds for any
  // seed that follows the format (first line headline, blank lines between paragraphs).
  const std::string raw = ReadFile(LECTERN_SOURCE_DIR "/seeds/000_d1a45250eb781355.txt");
  const std::string headline = raw.substr(0, raw.find('\n'));
  std::vector<std::string> blocks;
  for (size_t at = raw.find('\n') + 1; at < raw.size();) {
    size_t end = raw.find("\n\n", at);
    if (end == std::string::npos) end = raw.size();
    std::string block = raw.substr(at, end - at);
    while (!block.empty() && (block.back() == '\n' || block.back() == ' ')) block.pop_back();
    while (!block.empty() && (block.front() == '\n' || block.front() == ' ')) block.erase(0, 1);
    if (!block.empty()) blocks.push_back(block);
    at = end + 2;
  }
  REQUIRE(blocks.size() >= 2);

  LoadResult r = LoadDocument(raw, "000_d1a45250eb781355.txt");
  REQUIRE(r.ok());
  CHECK(r.doc.Headline() == headline);
  CHECK(r.doc.id == Slugify(headline));
  REQUIRE(r.doc.paragraphs.size() == blocks.size());
  CHECK(r.doc.Text(r.doc.paragraphs.front()) == blocks.front());
  CHECK(r.doc.Text(r.doc.paragraphs.back()) == blocks.back());
  CHECK(r.doc.invalid_utf8.empty());
  CHECK(r.message.empty());
}

TEST_CASE("paragraphs: blank lines split, single newlines join, runs of blank lines count once") {
  LoadResult r = LoadDocument("Title\n\nOne a\none b\n\n\n\n  Two  \n \t \nThree", "t");
  REQUIRE(r.ok());
  CHECK(r.doc.Headline() == "Title");
  auto p = Paragraphs(r.doc);
  REQUIRE(p.size() == 3);
  CHECK(p[0] == "One a\none b");
  CHECK(p[1] == "Two");
  CHECK(p[2] == "Three");
}

TEST_CASE("CRLF and lone CR line ends / spans index the bytes as read") {
  std::string crlf = "Head line\r\n\r\nFirst para\r\nstill first\r\n\r\nSecond\r\n";
  LoadResult r = LoadDocument(crlf, "crlf");
  REQUIRE(r.ok());
  CHECK(r.doc.Headline() == "Head line");
  auto p = Paragraphs(r.doc);
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "First para\r\nstill first");
  CHECK(p[1] == "Second");
  CHECK(r.doc.paragraphs[1].begin == crlf.find("Second"));

  LoadResult cr = LoadDocument("H\r\rA\rB\r\rC", "cr");
  REQUIRE(cr.ok());
  CHECK(Paragraphs(cr.doc) == std::vector<std::string>{"A\rB", "C"});
}

TEST_CASE("a UTF-8 BOM is skipped but offsets still count it") {
  LoadResult r = LoadDocument("\xEF\xBB\xBFHeadline\n\nBody", "bom");
  REQUIRE(r.ok());
  CHECK(r.doc.bom_size == 3);
  CHECK(r.doc.Headline() == "Headline");
  CHECK(r.doc.headline.begin == 3);
  CHECK(r.doc.paragraphs.at(0).begin == 13);
}

TEST_CASE("leading blank lines before the headline, and no trailing newline") {
  LoadResult r = LoadDocument("\n\n  Headline  \n\nBody text", "x");
  REQUIRE(r.ok());
  CHECK(r.doc.Headline() == "Headline");
  CHECK(Paragraphs(r.doc) == std::vector<std::string>{"Body text"});
}

TEST_CASE("empty, whitespace-only, binary and oversized files are refused with a message") {
  LoadResult empty = LoadDocument("", "empty.txt");
  CHECK(empty.error == LoadError::Empty);
  CHECK(empty.message.find("empty.txt") != std::string::npos);

  CHECK(LoadDocument(" \n\r\n\t\n", "ws").error == LoadError::Empty);
  CHECK(LoadDocument("\xEF\xBB\xBF", "bom-only").error == LoadError::Empty);

  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\rIHDR", 8);
  LoadResult bin = LoadDocument(png, "image.png");
  CHECK(bin.error == LoadError::Binary);
  CHECK(bin.message.find("not a text file") != std::string::npos);

  std::string big(kMaxDocumentBytes + 1, 'a');
  CHECK(LoadDocument(std::move(big), "big").error == LoadError::TooLarge);
}

TEST_CASE("headline only: loads, with a notice") {
  LoadResult r = LoadDocument("Just a headline\n", "h");
  CHECK(r.ok());
  CHECK(r.doc.paragraphs.empty());
  CHECK(r.message.find("no body text") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is reported, kept, and does not move offsets") {
  std::string text = "Head\n\nBad \xC3 byte and \xFF and overlong \xC0\xAF end";
  LoadResult r = LoadDocument(text, "bad.txt");
  REQUIRE(r.ok());
  CHECK(r.doc.bytes == text);
  REQUIRE(r.doc.invalid_utf8.size() == 4);
  CHECK(r.doc.invalid_utf8[0] == text.find('\xC3'));
  CHECK(r.doc.invalid_utf8[1] == text.find('\xFF'));
  CHECK(r.message.find("not valid UTF-8") != std::string::npos);
  CHECK(r.doc.paragraphs.size() == 1);
  CHECK(ToValidUtf8("Caf\xE9 Owners \xC3\xA9") == "Caf\xEF\xBF\xBD Owners \xC3\xA9");
}

TEST_CASE("DecodeUtf8 accepts every valid form and rejects surrogates, overlongs, >U+10FFFF") {
  char32_t cp;
  CHECK(DecodeUtf8("A", 0, &cp) == 1);
  CHECK(cp == U'A');
  CHECK(DecodeUtf8("\xC3\xA9", 0, &cp) == 2);
  CHECK(cp == U'é');
  CHECK(DecodeUtf8("\xE2\x80\x9C", 0, &cp) == 3);
  CHECK(cp == U'\u201C');
  CHECK(DecodeUtf8("\xF0\x9F\x98\x80", 0, &cp) == 4);
  CHECK(cp == U'\U0001F600');
  for (const char* bad : {"\xED\xA0\x80", "\xE0\x80\x80", "\xF4\x90\x80\x80", "\xC3", "\x80"}) {
    CAPTURE(bad);
    CHECK(DecodeUtf8(bad, 0, &cp) == 1);
    CHECK(cp == 0xFFFD);
  }
  std::string round;
  for (char32_t c : {U'a', U'ğ', U'\u2014', U'\U0001F600'}) AppendUtf8(round, c);
  CHECK(round == "a\xC4\x9F\xE2\x80\x94\xF0\x9F\x98\x80");
  CHECK(CountCodePoints(round) == 4);
}

TEST_CASE("Slugify: readable, ASCII, folded diacritics, bounded length") {
  CHECK(Slugify("Chile and Peru Sign 10-Year Water Accord") == "chile-and-peru-sign-10-year-water-accord");
  CHECK(Slugify("Yağmur Doğan Çelik") == "yagmur-dogan-celik");
  CHECK(Slugify("São Paulo’s “new” mayor") == "sao-paulos-new-mayor");
  CHECK(Slugify("  --  ") == "untitled");
  CHECK(Slugify("") == "untitled");
  std::string long_slug = Slugify(std::string(200, 'a') + " b", 64);
  CHECK(long_slug.size() <= 64);
  CHECK(Slugify("alpha beta gamma delta", 12) == "alpha-beta");
}

TEST_CASE("ToValidLine: one line of UI text, invalid bytes as U+FFFD") {
  CHECK(ToValidLine("a\nb\r\tc") == "a b  c");
  CHECK(ToValidLine("x\xFFy") == "x\xEF\xBF\xBDy");
  CHECK(ToValidLine("") == "");
}

TEST_CASE("the word count covers the paragraphs, not the headline, and any spacing") {
  LoadResult r = LoadDocument("A headline of six words here\n\nOne two\tthree\r\nfour  five.\n\n\n  six \xE2\x80\x94 seven\n", "w.txt");
  REQUIRE(r.ok());
  CHECK(r.doc.paragraphs.size() == 2);
  CHECK(CountParagraphWords(r.doc) == 8);  // the dash counts as a word, as a reader's counter does
  CHECK(CountParagraphWords(LoadDocument("Only a headline\n", "h.txt").doc) == 0);
}
