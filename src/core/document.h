// document.h — an article as read from a file: the original bytes and spans into them.
//
//   LoadResult r = LoadDocument(bytes, "000_d1a45250eb781355.txt");
//   if (!r.ok()) { report(r.error); }
//   for (Span p : r.doc.paragraphs) show(r.doc.Text(p));
//
// File format: line 1 is the headline; blank lines separate paragraphs; single newlines inside a
// paragraph are soft (they join as spaces when set). CRLF and CR line ends and a UTF-8 BOM are
// accepted. The bytes are kept exactly as read, so every span is a byte offset into the file and
// a link or a JSON offset can point at it. Invalid UTF-8 is not rewritten: it is listed in
// `invalid_utf8` (the view draws U+FFFD there) so nothing is lost and offsets stay valid.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Span {
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
};

struct Document {
  std::string name;                   // file name it came from (for messages)
  std::string id;                     // stable, readable id: slug of the headline
  std::string bytes;                  // the file exactly as read
  Span headline;                      // trimmed first line
  std::vector<Span> paragraphs;       // trimmed, non-empty; may contain soft line breaks
  std::vector<uint32_t> invalid_utf8; // offsets of bytes that do not start a valid sequence
  uint32_t bom_size = 0;              // 3 when the file starts with a UTF-8 BOM

  std::string_view Text(Span s) const { return std::string_view(bytes).substr(s.begin, s.size()); }
  std::string_view Headline() const { return Text(headline); }
};

enum class LoadError { None, Empty, Binary, TooLarge, NoText };

struct LoadResult {
  Document doc;
  LoadError error = LoadError::None;
  std::string message;                // human-readable; also set for warnings (e.g. invalid UTF-8)
  bool ok() const { return error == LoadError::None; }
};

constexpr size_t kMaxDocumentBytes = 64u << 20;  // spans are 32-bit; refuse anything near that

// Splits bytes into headline and paragraphs. Never throws; on error `doc` is still filled as far
// as it could be and `message` says why the file cannot be shown.
LoadResult LoadDocument(std::string bytes, std::string name);

// "Chile and Peru Sign 10-Year Deal" -> "chile-and-peru-sign-10-year-deal". ASCII letters and
// digits are kept, Latin letters with diacritics are folded (é -> e), everything else becomes a
// single '-'; at most `max_len` bytes, cut at a '-'. Empty input gives "untitled".
std::string Slugify(std::string_view text, size_t max_len = 64);

// Folds a Latin letter with a diacritic (U+00C0–U+017F, Ș, Ț) to its lowercase ASCII base
// letter(s): "é" -> "e", "ß" -> "ss", "Ł" -> "l". nullptr for anything else (ASCII included).
const char* FoldLatin(char32_t cp);

// [SECTION] UTF-8 helpers shared by the core ---------------------------------------------------

// Decodes one code point at `pos`; returns its length in bytes (1 for an invalid byte, with
// `*cp` set to U+FFFD). `pos` must be < text.size().
uint32_t DecodeUtf8(std::string_view text, size_t pos, char32_t* cp);
// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(std::string& out, char32_t cp);
// Offsets of every byte that does not begin a valid UTF-8 sequence (overlongs, surrogates and
// code points above U+10FFFF are invalid), at most `limit` of them.
std::vector<uint32_t> FindInvalidUtf8(std::string_view text, size_t limit = 1u << 20);
// `text` with every invalid byte replaced by U+FFFD (for UI strings; offsets change).
std::string ToValidUtf8(std::string_view text);
// The same, with line breaks and tabs as spaces: text for one line of UI (a table cell, a label).
std::string ToValidLine(std::string_view text);
// Number of code points in `text` (each invalid byte counts as one).
size_t CountCodePoints(std::string_view text);
// Words of the article's paragraphs (runs of anything but spaces, tabs and line breaks), for
// its length and reading time; the headline is not counted.
uint32_t CountParagraphWords(const Document& doc);

}  // namespace lectern
