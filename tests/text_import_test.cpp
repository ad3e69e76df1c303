// Tests for text_import.h: every rule of what a reader brings in — refusals (empty, binary
// formats by their magic numbers, NUL bytes), encodings (BOM, UTF-16/32, Windows-1252, invalid
// UTF-8 kept), line ends, plain text (kept, one paragraph per line, hard-wrapped, no headline),
// Markdown (each mark) and HTML (by name, type and shape) — and 20 MB inputs of every shape,
// measured by allocations (work done), never by a clock.
#include "text_import.h"

#include "allocation_counter.h"
#include "document.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

bool HasNote(const ImportResult& r, const std::string& part) {
  for (const std::string& n : r.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

bool ErrorHas(const ImportResult& r, const std::string& part) { return r.error.find(part) != std::string::npos; }

std::string B(const char* s, size_t n) { return std::string(s, n); }  // bytes with NULs in them

struct Article {
  std::string headline;
  std::vector<std::string> paragraphs;
};

// What LoadDocument makes of the importer's text.
Article Load(const ImportResult& r) {
  LoadResult l = LoadDocument(r.text, "x");
  Article a;
  a.headline = std::string(l.doc.Headline());
  for (Span p : l.doc.paragraphs) a.paragraphs.emplace_back(l.doc.Text(p));
  return a;
}

std::string Utf16(const std::string& ascii, bool big_endian, bool bom) {
  std::string out;
  if (bom) out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

}  // namespace

// [SECTION] Refusals -----------------------------------------------------------------------------

TEST_CASE("import: empty and whitespace-only input is refused as empty") {
  for (const std::string& empty : {std::string(), std::string("  \n\t \r\n "), std::string("\xEF\xBB\xBF \n\n"),
                                   std::string("\xC2\xA0\n\xC2\xA0"), Utf16("  \n ", false, true)}) {
    const ImportResult r = ImportArticle(empty, "");
    CHECK(!r.ok());
    CHECK(ErrorHas(r, "empty"));
    CHECK(r.text.empty());
  }
}

TEST_CASE("import: images, documents, archives and programs are named by their magic numbers") {
  struct Case { std::string bytes; const char* kind; };
  const Case cases[] = {
      {B("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG image"},
      {B("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "JPEG image"},
      {"GIF89a\x01\x02", "GIF image"},
      {B("RIFF\x24\0\0\0WEBPVP8 ", 16), "WebP image"},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF document"},
      {B("PK\x03\x04\x14\0\0\0\0\0", 10) + "[Content_Types].xml", "ZIP archive"},
      {B("PK\x03\x04\x14\0\0\0\0\0", 10) + "word/document.xml", "Word document"},
      {B("PK\x03\x04\x14\0\0\0\0\0", 10) + "mimetypeapplication/epub+zip", "ePub book"},
      {B("\x1F\x8B\x08\0\0\0\0\0", 8), "gzip archive"},
      {B("\x7F" "ELF\x02\x01\x01\0", 8), "program"},
      {B("\0asm\x01\0\0\0", 8), "WebAssembly"},
      {"{\\rtf1\\ansi Hello}", "RTF document"},
      {B("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "Office document"},
      {B("MZ\x90\0\x03\0\0\0", 8), "Windows program"},  // a weak signature, named because of the NULs
  };
  for (const Case& c : cases) {
    CAPTURE(c.kind);
    const ImportResult r = ImportArticle(c.bytes, "file.bin");
    CHECK(!r.ok());
    CHECK(ErrorHas(r, c.kind));
    CHECK(ErrorHas(r, "not an article"));
    CHECK(ErrorHas(r, "binary"));
  }
  // A name that promises text does not make an image one.
  CHECK(ErrorHas(ImportArticle(cases[0].bytes, "story.txt"), "PNG image"));
}

TEST_CASE("import: NUL bytes and control characters are binary data, weak signatures in text are not") {
  ImportResult r = ImportArticle(B("abc\0\0\x01\x02zzz\0", 11), "blob");
  CHECK(ErrorHas(r, "binary"));
  CHECK(ErrorHas(r, "NUL"));
  r = ImportArticle(std::string(200, '\x01') + "text", "");
  CHECK(ErrorHas(r, "binary"));
  // Text that merely starts like a weak signature reads as text.
  for (const char* text : {"MZANSI Magic Airs a New Show\n\nIt begins tonight.\n", "BMW Recalls Cars\n\nMany.\n",
                           "ID3 Tags Explained\n\nThey hold a song's title.\n"}) {
    r = ImportArticle(text, "");
    CHECK_MESSAGE(r.ok(), text);
    CHECK(r.text == text);
  }
}

TEST_CASE("import: more than an article may hold is refused") {
  const ImportResult r = ImportArticle(std::string(kMaxDocumentBytes + 1, 'a'), "huge.txt");
  CHECK(ErrorHas(r, "larger than"));
}

// [SECTION] Encodings ----------------------------------------------------------------------------

TEST_CASE("import: a UTF-8 BOM is dropped and CRLF or CR line ends become LF, verbatim") {
  ImportResult r = ImportArticle("\xEF\xBB\xBFHead\r\n\r\nFirst.\r\n\r\nSecond.\r\n", "");
  REQUIRE(r.ok());
  CHECK(r.text == "Head\n\nFirst.\n\nSecond.\n");
  CHECK(r.notes.empty());
  CHECK(r.verbatim);  // LoadDocument of the input gives the same article, offsets into the input
  r = ImportArticle("Head\r\rBody.\r", "");
  CHECK(r.text == "Head\n\nBody.\n");
  CHECK(r.verbatim);
  // U+2029 and U+2028 from a word processor's clipboard are paragraph and line breaks.
  r = ImportArticle("Head\xE2\x80\xA9One.\xE2\x80\xA9Two,\xE2\x80\xA8still two.", "");
  const Article a = Load(r);
  CHECK(a.headline == "Head");
  CHECK(a.paragraphs == std::vector<std::string>{"One.", "Two,\nstill two."});
  CHECK(!r.verbatim);
}

TEST_CASE("import: UTF-16 and UTF-32 become UTF-8, with a note") {
  const std::string text = "Cafe News\n\nText of the story.\n";
  for (bool big : {false, true}) {
    for (bool bom : {true, false}) {
      CAPTURE(big);
      CAPTURE(bom);
      const ImportResult r = ImportArticle(Utf16(text, big, bom), "");
      REQUIRE(r.ok());
      CHECK(r.text == text);
      CHECK(HasNote(r, "converted from UTF-16"));
      CHECK(!r.verbatim);
    }
  }
  // Non-ASCII and a surrogate pair: "é" (U+00E9) and "😀" (U+1F600).
  const ImportResult r = ImportArticle(B("\xFF\xFE" "A\0\xE9\0\n\0\n\0\x3D\xD8\x00\xDE", 14), "");
  REQUIRE(r.ok());
  CHECK(r.text == "A\xC3\xA9\n\n\xF0\x9F\x98\x80");
  // A lone surrogate is shown as U+FFFD and counted.
  const ImportResult lone = ImportArticle(B("\xFF\xFE" "A\0\n\0\n\0\x00\xD8" "B\0", 12), "");
  CHECK(lone.text == "A\n\n\xEF\xBF\xBD" "B");
  CHECK(HasNote(lone, "1 broken character"));
  // UTF-32 little-endian with its BOM.
  const ImportResult u32 = ImportArticle(B("\xFF\xFE\0\0" "H\0\0\0\n\0\0\0\n\0\0\0" "b\0\0\0", 20), "");
  CHECK(u32.text == "H\n\nb");
  CHECK(HasNote(u32, "UTF-32"));
}

TEST_CASE("import: text that is not UTF-8 but reads as Windows-1252 is converted, with a note") {
  const ImportResult r = ImportArticle("Caf\xE9 Owners \x93Protest\x94 in M\xFCnchen\n\nJos\xE9 said \x80" "5 \x96 "
                                       "\xE0 la carte.\n", "");
  REQUIRE(r.ok());
  CHECK(r.text == "Caf\xC3\xA9 Owners \xE2\x80\x9CProtest\xE2\x80\x9D in M\xC3\xBCnchen\n\nJos\xC3\xA9 said "
                  "\xE2\x82\xAC" "5 \xE2\x80\x93 \xC3\xA0 la carte.\n");
  CHECK(HasNote(r, "read as Windows-1252 (not UTF-8)"));
  CHECK(FindInvalidUtf8(r.text).empty());
  CHECK(!r.verbatim);
}

TEST_CASE("import: other invalid UTF-8 is kept byte for byte, with a count") {
  // Stray bytes that are not letters inside words: not Windows-1252 text.
  ImportResult r = ImportArticle("Head\n\nBad \xC3\x28 here and \xFF there, \xBF\xBF\xA4.\n", "");
  REQUIRE(r.ok());
  CHECK(r.text == "Head\n\nBad \xC3\x28 here and \xFF there, \xBF\xBF\xA4.\n");
  CHECK(HasNote(r, "5 invalid UTF-8 bytes kept"));
  CHECK(LoadDocument(r.text, "x").doc.invalid_utf8.size() == 5);
  CHECK(r.verbatim);
  // Valid UTF-8 with one damaged byte: converting would garble the rest, so it is kept.
  r = ImportArticle("Caf\xC3\xA9 News\n\nNa\xEFve and caf\xC3\xA9.\n", "");
  CHECK(r.text == "Caf\xC3\xA9 News\n\nNa\xEFve and caf\xC3\xA9.\n");
  CHECK(HasNote(r, "1 invalid UTF-8 byte kept"));
  // Bytes Windows-1252 leaves undefined (0x81) are never read as it.
  r = ImportArticle("Caf\xE9\x81 News\n\nText.\n", "");
  CHECK(HasNote(r, "invalid UTF-8 bytes kept"));
}

// [SECTION] Plain text ---------------------------------------------------------------------------

TEST_CASE("import: plain text with blank-line paragraphs is kept as it is") {
  const std::string text = "Headline\n\nFirst paragraph,\nwrapped.\n\nSecond.\n";
  const ImportResult r = ImportArticle(text, "story.txt");
  REQUIRE(r.ok());
  CHECK(r.format == "text");
  CHECK(r.text == text);
  CHECK(r.notes.empty());
  CHECK(r.verbatim);
}

TEST_CASE("import: text copied from a page, a paragraph on each line, gets one paragraph per line") {
  const ImportResult r =
      ImportArticle("Headline of the Story\r\nThe first paragraph ends here.\r\n  The second one, too.\r\n"
                    "A third, which is longer than the others and runs on for a while before it stops.\r\n", "");
  REQUIRE(r.ok());
  const Article a = Load(r);
  CHECK(a.headline == "Headline of the Story");
  CHECK(a.paragraphs == std::vector<std::string>{"The first paragraph ends here.", "The second one, too.",
                                                "A third, which is longer than the others and runs on for a while "
                                                "before it stops."});
  CHECK(HasNote(r, "each line is read as a paragraph"));
  CHECK(!r.verbatim);
}

TEST_CASE("import: hard-wrapped text with no blank lines stays one paragraph") {
  const std::string text = "Headline\nThe council met on Monday to discuss the\nbudget, which has grown by a\n"
                           "third since last year, and to\nvote on the new plan.\n";
  const ImportResult r = ImportArticle(text, "");
  CHECK(r.text == text);
  CHECK(Load(r).paragraphs.size() == 1);
  CHECK(!HasNote(r, "each line"));
}

TEST_CASE("import: a first line that reads as a paragraph is still the headline, with a note") {
  const std::string line = "The council met on Monday to discuss the budget, which has grown by a third since "
                           "last year, and voted to keep the libraries open on Sundays.";
  ImportResult r = ImportArticle(line, "");
  REQUIRE(r.ok());
  CHECK(r.text == line);
  CHECK(HasNote(r, "no headline: the first line is used"));
  CHECK(Load(r).headline == line);
  // A headline-like first line gets no note.
  r = ImportArticle("Council Keeps Libraries Open\n\n" + line, "");
  CHECK(!HasNote(r, "no headline"));
}

// [SECTION] Markdown -----------------------------------------------------------------------------

TEST_CASE("import: Markdown is reduced to article text, mark by mark") {
  const char* md =
      "<!-- draft: do not publish -->\n"
      "# The *Real* Headline\n"
      "\n"
      "Some **bold** and __strong__ text with a [link](https://example.org/a_(b)) and `code`,\n"
      "a hard-wrapped line and a [reference link][ref] and a [shortcut].\n"
      "\n"
      "![an image](a.png) ![another][ref]\n"
      "\n"
      "- first item\n"
      "* second item\n"
      "  continued\n"
      "1. third item\n"
      "- [x] a done task\n"
      "\n"
      "> a quoted line\n"
      "> that wraps\n"
      "\n"
      "## A subhead ##\n"
      "\n"
      "[ref]: https://example.org \"Title\"\n"
      "[shortcut]: https://example.org/s\n"
      "\n"
      "```cpp\n"
      "int x = a*b*c;\n"
      "\n"
      "return x;\n"
      "```\n"
      "<!-- a comment\n"
      "over lines -->\n"
      "snake_case stays, \\*escaped\\* stays, 5 * 3 stays, a <b>tag</b> goes, <https://x.org/> stays.\n"
      "\n"
      "---\n"
      "\n"
      "Setext paragraph heading\n"
      "------------------------\n"
      "\n"
      "| a | b |\n"
      "|---|:-:|\n"
      "| 1 | 2 |\n";
  const ImportResult r = ImportArticle(md, "story.md");
  REQUIRE(r.ok());
  CHECK(r.format == "markdown");
  CHECK(HasNote(r, "Markdown"));
  const Article a = Load(r);
  CHECK(a.headline == "The Real Headline");
  const std::vector<std::string> want = {
      "Some bold and strong text with a link and code, a hard-wrapped line and a reference link and a shortcut.",
      "first item",
      "second item continued",
      "third item",
      "a done task",
      "a quoted line that wraps",
      "A subhead",
      "int x = a*b*c;",
      "return x;",
      "snake_case stays, *escaped* stays, 5 * 3 stays, a tag goes, https://x.org/ stays.",
      "Setext paragraph heading",
      "a \xC2\xB7 b",
      "1 \xC2\xB7 2",
  };
  CHECK(a.paragraphs == want);
  CHECK(r.text.find("example.org") == std::string::npos);  // no URL of a link, image or definition
  CHECK(r.text.find("draft") == std::string::npos);
  CHECK(r.text.find("comment") == std::string::npos);
}

TEST_CASE("import: Markdown by its shape, and what is not Markdown") {
  ImportResult r = ImportArticle("# Title\n\nText with **bold** words.\n", "");
  CHECK(r.format == "markdown");
  CHECK(r.text == "Title\n\nText with bold words.\n");
  r = ImportArticle("# Title\n\n- one\n- two\n", "text/plain");
  CHECK(r.format == "markdown");
  // A heading mark alone, or marks without the heading, are plain text.
  CHECK(ImportArticle("# Title\n\nPlain words only.\n", "").format == "text");
  CHECK(ImportArticle("Title\n\nText with **bold** and [a](b).\n", "").format == "text");
  CHECK(LooksLikeMarkdown("---\ntitle: x\n---\n# T\n\n**b**\n"));
  CHECK(!LooksLikeMarkdown("#hashtag\n\n**b**\n"));
}

TEST_CASE("import: Markdown without a heading, and with front matter") {
  ImportResult r = ImportArticle("Some *opening* words.\n\nMore.\n", "notes.markdown");
  CHECK(r.format == "markdown");
  CHECK(r.text == "Some opening words.\n\nMore.\n");
  CHECK(HasNote(r, "no heading: the first paragraph is used as the headline"));
  r = ImportArticle("---\ntitle: \"Front Title\"\ndate: 2024-01-01\n---\n\nBody **text**.\n", "text/markdown");
  CHECK(r.text == "Front Title\n\nBody text.\n");
  CHECK(!HasNote(r, "no heading"));
  bool no_heading = false;
  CHECK(MarkdownToArticle("Title\n=====\n\nBody.", &no_heading) == "Title\n\nBody.\n");
  CHECK(!no_heading);
  // Nothing but marks: refused.
  CHECK(ErrorHas(ImportArticle("![img](a.png)\n\n[x]: http://y\n", "a.md"), "no text"));
}

// [SECTION] HTML ---------------------------------------------------------------------------------

TEST_CASE("import: an HTML page by name, by type or by its shape") {
  const std::string page =
      "<!doctype html><html><head><title>Page Title</title></head><body><nav><a href=/>Home</a></nav><article>"
      "<p>A paragraph of the story, with a comma, and another, long enough to be counted.</p>"
      "<p>Another paragraph of the story, with more words, and commas, to be counted too.</p></article></body></html>";
  for (const char* hint : {"page.html", "PAGE.HTM", "text/html; charset=utf-8", "application/xhtml+xml", ""}) {
    CAPTURE(hint);
    const ImportResult r = ImportArticle(page, hint);
    REQUIRE(r.ok());
    CHECK(r.format == "html");
    CHECK(!r.verbatim);
    const Article a = Load(r);
    CHECK(a.headline == "Page Title");
    CHECK(a.paragraphs.size() == 2);
    CHECK(r.text.find("<p>") == std::string::npos);
  }
  const ImportResult empty =
      ImportArticle("<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>", "page.html");
  CHECK(ErrorHas(empty, "no article text found in this page"));
  CHECK(empty.format == "html");
}

// [SECTION] Size ---------------------------------------------------------------------------------

// Every shape at 2 MB and at 20 MB: the larger must allocate about ten times as often, never a
// hundred (work measured by allocations, as analysis_test.cpp does; no clock). The pathological
// one-line shapes would take hours if any stage searched ahead from each of their millions of
// openers, so that they finish at all is the test of the caches that prevent it.
TEST_CASE("import: 20 MB inputs of every shape, linear work") {
  struct Shape { const char* name; std::string unit; const char* hint; };
  const Shape shapes[] = {
      {"paragraphs", "A paragraph of a long text, repeated many times over.\n\n", ""},
      {"a paragraph per line", "A line copied from a web page, one paragraph on each line of it.\n", ""},
      {"markdown", "Some **bold** [link](u) `code` and\n- an item\n\n> quote\n\n", "big.md"},
      {"windows-1252", "Caf\xE9 \x93quoted\x94 text \x96 na\xEFve.\n\n", ""},
      {"kept invalid bytes", "\xC3\xA9 ok \xFF bad.\n\n", ""},
      {"unmatched [", "[[[[ [a] ", "x.md"},
      {"unmatched backticks", "`` ` ``` a", "x.md"},
      {"unmatched <", "<a <b <c d ", "x.md"},
      {"open links", "[a](b [c](d ![e](", "x.md"},
      {"emphasis runs", "*_~ **__~~ x", "x.md"},
      {"html", "<p>A paragraph of the page, with commas, and words enough to count.</p>\n", "big.html"},
  };
  for (const Shape& s : shapes) {
    const std::string name = s.name;
    CAPTURE(name);
    uint64_t work[2] = {0, 0};
    size_t sizes[2] = {2u << 20, 20u << 20};
    for (int k = 0; k < 2; ++k) {
      std::string big = "Headline\n\n";
      if (name == "a paragraph per line") big = "Headline\n";
      if (name == "html") big = "<!doctype html><html><body><article>";
      while (big.size() < sizes[k]) big += s.unit;
      const bool one_line = s.unit.find('\n') == std::string::npos;
      const size_t size = big.size();
      const uint64_t before = AllocationCount();
      const ImportResult r = ImportArticle(std::move(big), s.hint);
      work[k] = AllocationCount() - before;
      REQUIRE(r.ok());
      CHECK(r.text.size() > size / 4);
      if (one_line) CHECK(r.text.size() <= size + 2);
      if (name == "a paragraph per line") CHECK(HasNote(r, "each line"));
    }
    MESSAGE(name << ": " << work[0] << " then " << work[1] << " allocations");
    CHECK(double(work[1]) < 16.0 * double(work[0]) + 64);
  }
  // The plain paragraphs come back byte for byte.
  std::string big = "Headline\n\n";
  while (big.size() < (20u << 20)) big += "A paragraph of a long text, repeated many times over.\n\n";
  const std::string copy = big;
  const ImportResult r = ImportArticle(std::move(big), "big.txt");
  CHECK(r.text == copy);
  CHECK(r.verbatim);
}
