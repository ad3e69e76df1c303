// text_import.cpp — pasted, dropped or picked bytes to article text (see text_import.h).
//
// [SECTION] Helpers
// [SECTION] Sniffing        — binary formats by their magic numbers, the name's hint
// [SECTION] Encodings       — UTF-16/32 and Windows-1252 to UTF-8, line ends
// [SECTION] Markdown inline — emphasis, code spans, links, images, tags, entities
// [SECTION] Markdown blocks — headings, lists, quotes, fences, definitions, front matter
// [SECTION] Plain text      — paragraphs by blank lines, or one per line
// [SECTION] Import
//
// Every stage is one pass over its input. Where a naive scan would search ahead from each of many
// openers (a '[' looking for its ']', a '`' run for its closing run), a failed search is
// remembered, so a line of a million unmatched '[' is still read once.
#include "text_import.h"

#include "document.h"
#include "html_article.h"
#include "text_util.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace lectern {

using namespace std::literals;

namespace {

// [SECTION] Helpers --------------------------------------------------------------------------------

constexpr size_t npos = std::string_view::npos;

bool StartsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// A byte of a word: ASCII letters and digits, and any non-ASCII byte (letters of other scripts).
bool IsWordByte(char c) { return IsAsciiLetter(c) || IsDigit(c) || uint8_t(c) >= 0x80; }
bool IsAsciiPunct(char c) { return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~'); }

// Trims spaces, tabs, CR and U+00A0 from both ends.
std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    else if (StartsWith(s, "\xC2\xA0")) s.remove_prefix(2);
    else break;
  }
  for (;;) {
    if (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
    else if (EndsWith(s, "\xC2\xA0")) s.remove_suffix(2);
    else break;
  }
  return s;
}

// Calls f(line) for each LF-separated line (no LF in it), the last one too if not empty.
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == npos) end = text.size();
    f(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

// [SECTION] Sniffing -------------------------------------------------------------------------------

struct Magic {
  std::string_view bytes;
  const char* what;
  bool strong;  // the signature alone tells; a weak one ("MZ", "BM") only names data already binary
};

constexpr Magic kMagic[] = {
    {"\x89PNG\r\n\x1A\n"sv, "a PNG image", true},
    {"\xFF\xD8\xFF"sv, "a JPEG image", true},
    {"GIF87a"sv, "a GIF image", true},
    {"GIF89a"sv, "a GIF image", true},
    {"II*\0"sv, "a TIFF image", true},
    {"MM\0*"sv, "a TIFF image", true},
    {"\0\0\1\0"sv, "an icon", true},
    {"8BPS"sv, "a Photoshop image", true},
    {"%PDF-"sv, "a PDF document", true},
    {"%!PS"sv, "a PostScript document", true},
    {"{\\rtf"sv, "an RTF document", true},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an old-format Office document", true},
    {"PK\3\4"sv, "a ZIP archive", true},
    {"PK\5\6"sv, "a ZIP archive", true},
    {"\x1F\x8B"sv, "a gzip archive", true},
    {"\xFD" "7zXZ\0"sv, "an xz archive", true},
    {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive", true},
    {"Rar!\x1A\x07"sv, "a RAR archive", true},
    {"BZh"sv, "a bzip2 archive", false},
    {"\x7F" "ELF"sv, "a program", true},
    {"\xCF\xFA\xED\xFE"sv, "a program", true},
    {"\xCE\xFA\xED\xFE"sv, "a program", true},
    {"\xCA\xFE\xBA\xBE"sv, "a program", true},
    {"MZ"sv, "a Windows program", false},
    {"\0asm"sv, "a WebAssembly module", true},
    {"SQLite format 3\0"sv, "a database", true},
    {"OggS"sv, "an audio file", true},
    {"fLaC"sv, "an audio file", true},
    {"ID3"sv, "an audio file", false},
    {"\x1A\x45\xDF\xA3"sv, "a video file", true},
    {"wOFF"sv, "a font", true},
    {"wOF2"sv, "a font", true},
    {"\0\1\0\0\0"sv, "a font", true},
    {"BM"sv, "a BMP image", false},
};

// What a known binary format is called ("a PNG image"), or nullptr. `weak` admits the signatures
// that plain text may start with ("MZ", "BM"), for data already known to be binary.
const char* BinaryKind(std::string_view b, bool weak) {
  if (b.size() >= 12 && StartsWith(b, "RIFF")) {
    const std::string_view form = b.substr(8, 4);
    return form == "WEBP" ? "a WebP image" : form == "WAVE" ? "an audio file" : "a video file";
  }
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    const std::string_view brand = b.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "mif1") return "a HEIC image";
    if (brand == "avif") return "an AVIF image";
    return brand == "M4A " ? "an audio file" : "a video file";
  }
  for (const Magic& m : kMagic) {
    if (!(m.strong || weak) || !StartsWith(b, m.bytes)) continue;
    if (m.bytes == "PK\3\4"sv) {
      // Office files, ePub and OpenDocument are ZIP archives; their first entries say which.
      const std::string_view head = b.substr(0, 1 << 16);
      if (head.find("word/") != npos) return "a Word document";
      if (head.find("xl/") != npos) return "an Excel spreadsheet";
      if (head.find("ppt/") != npos) return "a PowerPoint presentation";
      if (head.find("application/epub+zip") != npos) return "an ePub book";
      if (head.find("application/vnd.oasis.opendocument") != npos) return "an OpenDocument file";
    }
    return m.what;
  }
  return nullptr;
}

std::string BinaryError(const char* kind) {
  return std::string("this looks like ") + kind + ", not an article (it is binary data, not text)";
}

enum class Hint { None, Text, Markdown, Html };

Hint HintOf(std::string_view name_or_type) {
  std::string h = LowerAscii(Trim(name_or_type));
  const size_t semi = h.find(';');  // "text/html; charset=utf-8"
  if (semi != std::string::npos && h.find('/') < semi) h = std::string(Trim(std::string_view(h).substr(0, semi)));
  for (const char* ext : {".html", ".htm", ".xhtml", ".shtml"})
    if (EndsWith(h, ext)) return Hint::Html;
  if (h == "text/html" || h == "application/xhtml+xml") return Hint::Html;
  for (const char* ext : {".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
    if (EndsWith(h, ext)) return Hint::Markdown;
  if (h == "text/markdown" || h == "text/x-markdown") return Hint::Markdown;
  if (EndsWith(h, ".txt") || EndsWith(h, ".text") || h == "text/plain") return Hint::Text;
  return Hint::None;
}

// [SECTION] Encodings ------------------------------------------------------------------------------

// UTF-16 or UTF-32 to UTF-8; unpaired surrogates and out-of-range units become U+FFFD (counted).
std::string FromUtf16(std::string_view b, bool big_endian, size_t* bad) {
  std::string out;
  out.reserve(b.size() + b.size() / 2);
  auto unit = [&](size_t i) -> char32_t {
    const uint8_t x = uint8_t(b[i]), y = uint8_t(b[i + 1]);
    return big_endian ? char32_t(x << 8 | y) : char32_t(y << 8 | x);
  };
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < b.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xD800 && cp < 0xE000) {
      cp = 0xFFFD;
      ++*bad;
    }
    AppendUtf8(out, cp);
  }
  return out;
}

std::string FromUtf32(std::string_view b, bool big_endian, size_t* bad) {
  std::string out;
  out.reserve(b.size() / 2);
  for (size_t i = 0; i + 3 < b.size(); i += 4) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(b.data() + i);
    char32_t cp = big_endian ? char32_t(p[0]) << 24 | char32_t(p[1]) << 16 | char32_t(p[2]) << 8 | p[3]
                             : char32_t(p[3]) << 24 | char32_t(p[2]) << 16 | char32_t(p[1]) << 8 | p[0];
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
      cp = 0xFFFD;
      ++*bad;
    }
    AppendUtf8(out, cp);
  }
  return out;
}

// UTF-16 without a BOM: across the start, ASCII characters give a NUL in every other byte.
// Returns 'L' (little-endian), 'B' (big-endian) or 0.
char Utf16ByNuls(std::string_view b) {
  const size_t pairs = std::min<size_t>(b.size(), 4096) / 2;
  if (pairs < 2) return 0;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    even += b[2 * i] == '\0';
    odd += b[2 * i + 1] == '\0';
  }
  if (odd * 2 >= pairs && even * 16 <= pairs) return 'L';
  if (even * 2 >= pairs && odd * 16 <= pairs) return 'B';
  return 0;
}

// Windows-1252's 0x80–0x9F; 0 where the code page leaves a byte undefined. The rest of its upper
// half is Latin-1 (U+00A0–U+00FF).
bool Cp1252Letter(uint8_t c) {
  return (c >= 0xC0 && c != 0xD7 && c != 0xF7) || c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C ||
         c == 0x9E || c == 0x9F || c == 0x83 || c == 0xAA || c == 0xBA || c == 0xB5;
}

// Whether the byte at `i` (not valid UTF-8) reads as text would have it in Windows-1252: a letter
// next to another letter (é in "café"), "à" or "è" (words of their own), or common punctuation
// (quotes, dashes, €, £, «, °, NBSP). Rare signs (¤ ¦ ¨ ¬ ¯ ¸) and a lone letter are not typical.
bool TypicalCp1252(std::string_view s, size_t i) {
  const uint8_t c = uint8_t(s[i]);
  if (Cp1252Letter(c)) {
    if (c == 0xE0 || c == 0xE8) return true;
    const bool before = i > 0 && (IsAsciiLetter(s[i - 1]) || uint8_t(s[i - 1]) >= 0x80);
    const bool after = i + 1 < s.size() && (IsAsciiLetter(s[i + 1]) || uint8_t(s[i + 1]) >= 0x80);
    return before || after;
  }
  if (c < 0xA0) return Cp1252High(c) != 0 && c != 0x88 && c != 0x98;
  return c != 0xA4 && c != 0xA6 && c != 0xA8 && c != 0xAC && c != 0xAF && c != 0xB8;
}

// Text saved in Windows-1252 (or Latin-1): no byte above 0x7F is part of a valid UTF-8 sequence
// (text with some valid UTF-8 in it is damaged UTF-8, and converting would garble the rest),
// every such byte is defined in the code page, and at least 4 in 5 are typical of text.
bool LooksCp1252(std::string_view s) {
  size_t high = 0, typical = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = uint8_t(s[i]);
    if (c < 0x80) continue;
    char32_t cp;
    if (DecodeUtf8(s, i, &cp) > 1) return false;
    if (c < 0xA0 && Cp1252High(c) == 0) return false;
    ++high;
    typical += TypicalCp1252(s, i);
  }
  return high > 0 && typical * 5 >= high * 4;
}

std::string FromCp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const uint8_t c = uint8_t(ch);
    if (c < 0x80) out.push_back(ch);
    else if (c < 0xA0) AppendUtf8(out, Cp1252High(c));
    else AppendUtf8(out, c);
  }
  return out;
}

// CRLF and CR to LF, U+2029 PARAGRAPH SEPARATOR to a blank line and U+2028 LINE SEPARATOR to LF
// (word processors put them on the clipboard), in place. Returns false when a separator was
// replaced: the text then splits differently from what LoadDocument would make of the input.
bool NormaliseLineEnds(std::string& s) {
  bool same_lines = true;
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r) {
    const char c = s[r];
    if (c == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else if (c == '\xE2' && r + 2 < s.size() && s[r + 1] == '\x80' && (s[r + 2] == '\xA8' || s[r + 2] == '\xA9')) {
      s[w++] = '\n';
      if (s[r + 2] == '\xA9') s[w++] = '\n';
      r += 2;
      same_lines = false;
    } else {
      s[w++] = c;
    }
  }
  s.resize(w);
  return same_lines;
}

// Binary data LoadDocument would refuse too: many control characters near the start.
bool ManyControls(std::string_view s) {
  size_t control = 0;
  const size_t probe = std::min<size_t>(s.size(), 1 << 16);
  for (size_t i = 0; i < probe; ++i) {
    const uint8_t c = uint8_t(s[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  return control > probe / 100 + 2;
}

// [SECTION] Markdown inline ------------------------------------------------------------------------

// Stands for a '[' that turned out to open a link: removed when the line is done, so a link's
// text never has to be moved while the line is read.
constexpr char kDropped = '\x01';

// Reduces one line of Markdown's inline marks to text, appending to `out`. `labels` (sorted,
// lower case) are the reference definitions, so "[label]" alone is a link too.
class InlineReader {
 public:
  InlineReader(std::string_view s, const std::vector<std::string>& labels) : s_(s), labels_(labels) {}

  void AppendTo(std::string& out) {
    const size_t base = out.size();
    for (size_t i = 0; i < s_.size();) i = Step(out, i);
    // The '[' of every link found: gone.
    if (out.find(kDropped, base) != std::string::npos)
      out.erase(std::remove(out.begin() + std::ptrdiff_t(base), out.end(), kDropped), out.end());
  }

 private:
  struct Opener { size_t out_pos; bool image; };

  size_t Step(std::string& out, size_t i) {
    const char c = s_[i];
    switch (c) {
      case '\\':
        if (i + 1 < s_.size() && IsAsciiPunct(s_[i + 1])) {
          out.push_back(s_[i + 1]);
          return i + 2;
        }
        if (i + 1 < s_.size()) out.push_back(c);  // a trailing '\' is a hard line break
        return i + 1;
      case '`': return CodeSpan(out, i);
      case '!':
        if (i + 1 < s_.size() && s_[i + 1] == '[') {
          openers_.push_back({out.size(), true});
          out += "![";
          return i + 2;
        }
        out.push_back(c);
        return i + 1;
      case '[':
        if (i + 1 < s_.size() && s_[i + 1] == '^') {  // a footnote reference: [^1]
          const size_t close = s_.substr(i, 40).find(']');
          if (close != npos && s_.substr(i, close).find(' ') == npos) return i + close + 1;
        }
        openers_.push_back({out.size(), false});
        out.push_back('[');
        return i + 1;
      case ']': return CloseBracket(out, i);
      case '<': return AngleBracket(out, i);
      case '&': {
        const size_t n = DecodeCharacterReference(s_, i, out);  // Markdown takes HTML's references
        if (n) return i + n;
        out.push_back(c);
        return i + 1;
      }
      case '*': case '_': case '~': return Emphasis(out, i);
      default:
        out.push_back(c);
        return i + 1;
    }
  }

  // `code` as its text, verbatim; an unmatched run of backticks is kept.
  size_t CodeSpan(std::string& out, size_t i) {
    size_t k = 0;
    while (i + k < s_.size() && s_[i + k] == '`') ++k;
    if (k < kMaxTicks && i < no_ticks_from_[k]) {
      size_t from = i + k;
      for (;;) {
        const size_t j = s_.find('`', from);
        if (j == npos) break;
        size_t m = 0;
        while (j + m < s_.size() && s_[j + m] == '`') ++m;
        if (m == k) {
          std::string_view code = s_.substr(i + k, j - i - k);
          if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && Trim(code).size() > 0)
            code = code.substr(1, code.size() - 2);
          out.append(code);
          return j + k;
        }
        from = j + m;
      }
      no_ticks_from_[k] = i;  // no closing run of k after here: none after any later opener either
    }
    out.append(s_.substr(i, k));
    return i + k;
  }

  // The ')' that closes a link's "(url "title")" starting at `from`, or npos.
  size_t CloseParen(size_t from) {
    if (from >= no_paren_from_) return npos;
    int depth = 0;
    for (size_t j = from; j < s_.size(); ++j) {
      if (s_[j] == '\\') ++j;
      else if (s_[j] == '(') ++depth;
      else if (s_[j] == ')' && depth-- == 0) return j;
    }
    no_paren_from_ = from;
    return npos;
  }

  size_t CloseBracket(std::string& out, size_t i) {
    if (openers_.empty()) {
      out.push_back(']');
      return i + 1;
    }
    const Opener o = openers_.back();
    openers_.pop_back();
    size_t next = npos;  // where reading goes on once this is a link
    if (i + 1 < s_.size() && s_[i + 1] == '(') {  // [text](url "title")
      const size_t close = CloseParen(i + 2);
      if (close != npos) next = close + 1;
    } else if (i + 1 < s_.size() && s_[i + 1] == '[') {  // [text][label], [text][]
      const size_t close = i + 2 < no_bracket_from_ ? s_.find(']', i + 2) : npos;
      if (close == npos) no_bracket_from_ = std::min(no_bracket_from_, i + 2);
      else next = close + 1;
    } else {  // [label], where a definition names it
      const size_t text_at = o.out_pos + (o.image ? 2 : 1);
      const std::string label = LowerAscii(std::string_view(out).substr(text_at));
      if (std::binary_search(labels_.begin(), labels_.end(), label)) next = i + 1;
    }
    if (next == npos) {
      out.push_back(']');
      return i + 1;
    }
    if (o.image) out.resize(o.out_pos);  // images are dropped, alt text and all
    else out[o.out_pos] = kDropped;
    return next;
  }

  // <https://…> and <a@b.org> keep their text; an HTML tag is dropped; anything else is a '<'.
  size_t AngleBracket(std::string& out, size_t i) {
    size_t j = i + 1;
    while (j < s_.size() && s_[j] != '>' && s_[j] != '<') ++j;
    if (j >= s_.size() || s_[j] != '>' || j == i + 1) {
      out.push_back('<');
      return i + 1;
    }
    const std::string_view inner = s_.substr(i + 1, j - i - 1);
    const bool spaced = inner.find(' ') != npos || inner.find('\t') != npos;
    size_t scheme = 0;
    while (scheme < inner.size() && (IsAsciiLetter(inner[scheme]) || IsDigit(inner[scheme]) || inner[scheme] == '+' ||
                                     inner[scheme] == '.' || inner[scheme] == '-'))
      ++scheme;
    if (!spaced && scheme >= 2 && scheme < inner.size() && inner[scheme] == ':' && IsAsciiLetter(inner[0])) {
      out.append(inner);  // an autolink
      return j + 1;
    }
    if (!spaced && inner.find('@') != npos && inner.find('@') > 0) {
      out.append(inner);  // an e-mail autolink
      return j + 1;
    }
    const std::string_view name = inner.substr(inner[0] == '/' ? 1 : 0);
    if (!name.empty() && IsAsciiLetter(name[0])) {
      const std::string lower = LowerAscii(name.substr(0, 3));
      if (lower == "br" || lower == "br/" || lower == "br ") out.push_back(' ');
      return j + 1;  // a tag
    }
    out.push_back('<');
    return i + 1;
  }

  // *, **, _, __ and ~~ are removed where they can open or close emphasis: next to a non-space on
  // one side. "_" inside a word (snake_case) and a lone "~" (~5 km) stay, as does " * ".
  size_t Emphasis(std::string& out, size_t i) {
    const char c = s_[i];
    size_t run = 0;
    while (i + run < s_.size() && s_[i + run] == c) ++run;
    const bool before_space = i == 0 || IsBlank(s_[i - 1]);
    const bool after_space = i + run >= s_.size() || IsBlank(s_[i + run]);
    bool mark = !(before_space && after_space);
    if (c == '_') mark = mark && !(i > 0 && IsWordByte(s_[i - 1]) && i + run < s_.size() && IsWordByte(s_[i + run]));
    if (c == '~') mark = mark && run == 2;
    if (!mark) out.append(s_.substr(i, run));
    return i + run;
  }

  static constexpr size_t kMaxTicks = 32;
  std::string_view s_;
  const std::vector<std::string>& labels_;
  std::vector<Opener> openers_;
  size_t no_paren_from_ = npos, no_bracket_from_ = npos;
  size_t no_ticks_from_[kMaxTicks] = {npos, npos, npos, npos, npos, npos, npos, npos, npos, npos, npos,
                                      npos, npos, npos, npos, npos, npos, npos, npos, npos, npos, npos,
                                      npos, npos, npos, npos, npos, npos, npos, npos, npos, npos};
};

// [SECTION] Markdown blocks ------------------------------------------------------------------------

// "[label]: url" (or "[^1]: footnote text"): the label and what follows the colon.
bool RefDefinition(std::string_view t, std::string_view* label, std::string_view* rest) {
  if (t.size() < 4 || t[0] != '[') return false;
  const size_t close = t.find(']');
  if (close == npos || close < 2 || close + 1 >= t.size() || t[close + 1] != ':') return false;
  *label = t.substr(1, close - 1);
  *rest = Trim(t.substr(close + 2));
  return label->find('[') == npos;
}

// A fence opener or closer: 3+ backticks or tildes; returns the run's length, or 0.
size_t FenceRun(std::string_view t, char* fence_char) {
  if (t.size() < 3 || (t[0] != '`' && t[0] != '~')) return 0;
  size_t n = 0;
  while (n < t.size() && t[n] == t[0]) ++n;
  if (n < 3) return 0;
  if (t[0] == '`' && t.substr(n).find('`') != npos) return 0;  // inline code, not a fence
  *fence_char = t[0];
  return n;
}

// Only `c` (at least `min` of them) and spaces.
bool RuleOf(std::string_view t, char c, size_t min) {
  size_t n = 0;
  for (char x : t) {
    if (x == c) ++n;
    else if (x != ' ' && x != '\t') return false;
  }
  return n >= min;
}

// A list item's marker ("- ", "* ", "+ ", "1. ", "2) "): its length with the space, else 0;
// `*number` is the ordered item's number (-1 for bullets).
size_t ListMarker(std::string_view t, long* number) {
  *number = -1;
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t')) return 2;
  size_t d = 0;
  long v = 0;
  while (d < t.size() && d < 9 && IsDigit(t[d])) v = v * 10 + (t[d++] - '0');
  if (d == 0 || d + 1 >= t.size() || (t[d] != '.' && t[d] != ')') || (t[d + 1] != ' ' && t[d + 1] != '\t')) return 0;
  *number = v;
  return d + 2;
}

// Front matter ("---", "key: value" lines, "---" at the very start): its length, and its
// "title:" if any. A rule followed by prose is not front matter.
size_t FrontMatter(std::string_view md, std::string* title) {
  if (!StartsWith(md, "---\n")) return 0;
  size_t pos = md.find('\n') + 1;
  while (pos < md.size()) {
    size_t end = md.find('\n', pos);
    if (end == npos) end = md.size();
    const std::string_view line = Trim(md.substr(pos, end - pos));
    if (line == "---" || line == "...") return std::min(end + 1, md.size());
    const bool yaml = line.empty() || line.find(':') != npos || line[0] == '-' || line[0] == '#' ||
                      md[pos] == ' ' || md[pos] == '\t';
    if (!yaml) break;
    if (StartsWith(line, "title:") && title->empty()) {
      std::string_view t = Trim(line.substr(6));
      if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'') && t.back() == t.front()) t = t.substr(1, t.size() - 2);
      *title = std::string(t);
    }
    pos = end + 1;
  }
  title->clear();
  return 0;  // no closing line: not front matter
}

// Removes HTML comments from a line; `in_comment` carries an open one to the next line.
std::string_view StripComments(std::string_view line, bool* in_comment, std::string* scratch) {
  if (!*in_comment && line.find("<!--") == npos) return line;
  scratch->clear();
  size_t pos = 0;
  while (pos < line.size()) {
    if (*in_comment) {
      const size_t end = line.find("-->", pos);
      if (end == npos) return *scratch;
      pos = end + 3;
      *in_comment = false;
    } else {
      const size_t start = line.find("<!--", pos);
      scratch->append(line.substr(pos, start == npos ? npos : start - pos));
      if (start == npos) break;
      pos = start + 4;
      *in_comment = true;
    }
  }
  return *scratch;
}

class MarkdownReader {
 public:
  explicit MarkdownReader(std::string_view md) : md_(md) {}

  std::string Run(bool* no_heading) {
    const size_t body_at = FrontMatter(md_, &headline_);
    got_heading_ = !headline_.empty();
    const std::string_view body = md_.substr(body_at);
    ForEachLine(body, [&](std::string_view line) { CollectLabel(line); });
    std::sort(labels_.begin(), labels_.end());
    labels_.erase(std::unique(labels_.begin(), labels_.end()), labels_.end());
    ForEachLine(body, [&](std::string_view line) { Line(line); });
    Flush();
    if (no_heading) *no_heading = !got_heading_;
    if (!got_heading_ && !body_.empty()) {
      // No heading: the first paragraph is the headline.
      headline_ = body_.substr(0, first_end_);
      std::replace(headline_.begin(), headline_.end(), '\n', ' ');
      body_.erase(0, std::min(body_.size(), first_end_ + 2));
    }
    if (headline_.empty() && body_.empty()) return std::string();
    std::string out = std::move(headline_);
    if (!body_.empty()) {
      out += "\n\n";
      out += body_;
    }
    out += '\n';
    return out;
  }

 private:
  enum class Kind { None, Text, Item, Code };

  void CollectLabel(std::string_view line) {
    std::string_view label, rest;
    if (StartsWith(line, "    ") || StartsWith(line, "\t")) return;  // indented: code
    const std::string_view t = Trim(line);
    if (RefDefinition(t, &label, &rest) && label[0] != '^') labels_.push_back(LowerAscii(label));
  }

  void Flush() {
    std::string_view p = Trim(para_);
    if (!p.empty()) {
      if (!body_.empty()) body_ += "\n\n";
      body_.append(p);
      if (first_end_ == npos) first_end_ = body_.size();
    }
    para_.clear();
    kind_ = Kind::None;
  }

  void Inline(std::string_view text) { InlineReader(text, labels_).AppendTo(para_); }

  void Heading(std::string_view text) {
    Flush();
    Inline(text);
    if (!got_heading_ && !Trim(para_).empty()) {
      headline_ = std::string(Trim(para_));
      got_heading_ = true;
      para_.clear();
      return;
    }
    Flush();
  }

  void Line(std::string_view raw) {
    if (fence_len_) return CodeLine(raw);
    const bool had_comment = in_comment_ || raw.find("<!--") != npos;
    const std::string_view line = StripComments(raw, &in_comment_, &scratch_);
    std::string_view t = Trim(line);
    if (t.empty()) {
      if (had_comment) return;  // a comment is neither text nor a paragraph break
      quoted_ = false;
      return Flush();
    }
    size_t indent = 0;
    for (size_t k = 0; k < line.size() && (line[k] == ' ' || line[k] == '\t'); ++k) indent += line[k] == '\t' ? 4 : 1;
    if (indent >= 4 && (kind_ == Kind::None || kind_ == Kind::Code)) {  // an indented code block
      if (!para_.empty()) para_ += '\n';
      para_.append(t);
      kind_ = Kind::Code;
      return;
    }
    if (kind_ == Kind::Code) Flush();
    if (size_t n = FenceRun(t, &fence_char_)) {
      Flush();
      fence_len_ = n;
      return;
    }
    // Block quotes: the markers go; a quote is its own paragraph.
    bool quoted = false;
    while (!t.empty() && t[0] == '>') {
      t = Trim(t.substr(1));
      quoted = true;
    }
    if (quoted != quoted_) Flush();
    quoted_ = quoted;
    if (t.empty()) return Flush();
    if (quoted && FenceRun(t, &fence_char_)) return;  // fences inside quotes: their text stays

    if (t[0] == '#') {
      size_t h = 0;
      while (h < t.size() && t[h] == '#') ++h;
      if (h <= 6 && (h == t.size() || t[h] == ' ' || t[h] == '\t')) {
        std::string_view text = Trim(t.substr(h));
        size_t close = text.size();
        while (close > 0 && text[close - 1] == '#') --close;
        if (close == 0 || text[close - 1] == ' ' || text[close - 1] == '\t') text = Trim(text.substr(0, close));
        return Heading(text);
      }
    }
    if (kind_ == Kind::Text && !quoted && (RuleOf(t, '=', 1) || RuleOf(t, '-', 2)) &&
        t.find_first_of(" \t") == npos) {
      // A setext underline: the paragraph above is a heading.
      std::string text = std::move(para_);
      para_.clear();
      kind_ = Kind::None;
      if (!got_heading_ && !Trim(text).empty()) {
        headline_ = std::string(Trim(text));
        got_heading_ = true;
      } else {
        para_ = std::move(text);
        Flush();
      }
      return;
    }
    if (RuleOf(t, '-', 3) || RuleOf(t, '*', 3) || RuleOf(t, '_', 3)) return Flush();  // a rule
    std::string_view label, rest;
    if (t[0] == '[' && RefDefinition(t, &label, &rest)) {
      Flush();
      if (label[0] == '^') {  // a footnote: its text is a paragraph
        Inline(rest);
        kind_ = Kind::Text;
      }
      return;
    }
    if (t[0] == '|') return TableRow(t);
    long number = -1;
    if (size_t m = ListMarker(t, &number)) {
      // An ordered item other than 1 cannot interrupt a paragraph ("… in\n2019. Then …").
      if (number < 0 || number == 1 || kind_ != Kind::Text) {
        Flush();
        std::string_view item = Trim(t.substr(m));
        for (std::string_view box : {"[ ] "sv, "[x] "sv, "[X] "sv})
          if (StartsWith(item, box)) item = Trim(item.substr(box.size()));
        Inline(item);
        kind_ = Kind::Item;
        return;
      }
    } else if (t.size() == 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+')) {
      return Flush();  // an empty item
    }
    // Text: a wrapped line joins the paragraph.
    if (!para_.empty() && !IsBlank(para_.back())) para_ += ' ';
    Inline(t);
    if (kind_ == Kind::None) kind_ = Kind::Text;
  }

  void CodeLine(std::string_view raw) {
    std::string_view t = Trim(raw);
    char c = 0;
    if (FenceRun(t, &c) >= fence_len_ && c == fence_char_ && RuleOf(t, c, fence_len_)) {
      Flush();
      fence_len_ = 0;
      return;
    }
    if (t.empty()) return Flush();  // a blank line inside code splits it into paragraphs
    while (!raw.empty() && IsBlank(raw.back())) raw.remove_suffix(1);
    if (!para_.empty()) para_ += '\n';
    para_.append(raw);
    kind_ = Kind::Code;
  }

  // A table row is a paragraph, its cells joined by " · "; the |---|:--| line is dropped.
  void TableRow(std::string_view t) {
    if (t.find('-') != npos && t.find_first_not_of("|-: \t") == npos) return;
    Flush();
    if (!t.empty() && t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) t.remove_suffix(1);
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
      if (i < t.size() && t[i] == '\\') {
        ++i;
        continue;
      }
      if (i < t.size() && t[i] != '|') continue;
      const std::string_view cell = Trim(t.substr(start, i - start));
      if (!cell.empty()) {
        if (!para_.empty()) para_ += " \xC2\xB7 ";
        Inline(cell);
      }
      start = i + 1;
    }
    kind_ = Kind::Text;
    Flush();
  }

  std::string_view md_;
  std::vector<std::string> labels_;    // reference definitions' labels, lower case, sorted
  std::string headline_;
  bool got_heading_ = false;
  std::string body_;                   // the paragraphs so far, blank lines between
  size_t first_end_ = npos;            // where the first paragraph ends in body_
  std::string para_;                   // the paragraph being read
  Kind kind_ = Kind::None;
  bool quoted_ = false;                // the last line was in a block quote
  bool in_comment_ = false;            // inside <!-- … --> across lines
  size_t fence_len_ = 0;               // inside a fenced code block: its fence's length
  char fence_char_ = 0;
  std::string scratch_;
};

}  // namespace

std::string MarkdownToArticle(std::string_view markdown, bool* no_heading) {
  std::string normalised;
  if (markdown.find('\r') != npos) {
    normalised = std::string(markdown);
    NormaliseLineEnds(normalised);
    markdown = normalised;
  }
  return MarkdownReader(markdown).Run(no_heading);
}

bool LooksLikeMarkdown(std::string_view text) {
  std::string title;
  text = text.substr(FrontMatter(text, &title));
  const std::string_view window = text.substr(0, 1 << 20);  // the shape shows early
  size_t pos = 0;
  while (pos < window.size() && (IsBlank(window[pos]) || window[pos] == '\n')) ++pos;
  if (!StartsWith(window.substr(pos), "# ")) return false;
  const size_t first_end = window.find('\n', pos);
  if (first_end == npos) return false;
  const std::string_view rest = window.substr(first_end + 1);
  for (std::string_view mark : {"]("sv, "**"sv, "__"sv, "\n#"sv, "\n- "sv, "\n* "sv, "\n+ "sv, "\n> "sv, "\n1. "sv,
                                "```"sv, "~~~"sv, "\n["sv, "`"sv})
    if (rest.find(mark) != npos) return true;
  return StartsWith(rest, "#") || StartsWith(rest, "- ") || StartsWith(rest, "* ") || StartsWith(rest, "> ") ||
         StartsWith(rest, "[");
}

namespace {

// [SECTION] Plain text -----------------------------------------------------------------------------

// A line that reads as a paragraph, not a headline: long, or a long sentence.
bool ReadsAsParagraph(std::string_view line) {
  if (line.size() > 200) return true;
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = IsBlank(c);
    words += !space && !in_word;
    in_word = !space;
  }
  if (words > 25) return true;
  const char last = line.empty() ? ' ' : line.back();
  return words > 12 && (last == '.' || last == '!' || last == '?');
}

bool EndsSentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
  if (EndsWith(line, "\xE2\x80\x9D") || EndsWith(line, "\xE2\x80\x99")) line.remove_suffix(3);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// Text already in the article format is kept (true). Text with no blank line but a paragraph on
// each line (copied from a web page) gets a blank line after each; text hard-wrapped at a fixed
// width (short lines, most ending mid-sentence) is one paragraph, as LoadDocument reads it.
bool PlainToArticle(std::string& text, ImportResult& r) {
  size_t lines = 0, body_lines = 0, ends = 0, longest = 0;
  bool blank_between = false, pending_blank = false;
  std::string_view headline;
  ForEachLine(text, [&](std::string_view raw) {
    const std::string_view line = Trim(raw);
    if (line.empty()) {
      pending_blank = lines > 0;
      return;
    }
    if (pending_blank) blank_between = true;
    pending_blank = false;
    if (lines++ == 0) {
      headline = line;
      return;
    }
    ++body_lines;
    ends += EndsSentence(line);
    longest = std::max(longest, line.size());
  });
  if (ReadsAsParagraph(headline)) r.notes.push_back("no headline: the first line is used");
  const bool wrapped = longest <= 100 && ends * 2 < body_lines;
  if (blank_between || body_lines < 2 || wrapped) return true;
  std::string out;
  out.reserve(text.size() + lines);
  ForEachLine(text, [&](std::string_view raw) {
    const std::string_view line = Trim(raw);
    if (line.empty()) return;
    if (!out.empty()) out += "\n\n";
    out.append(line);
  });
  out += '\n';
  text = std::move(out);
  r.notes.push_back("each line is read as a paragraph (the text has no blank lines)");
  return false;
}

// Nothing but spaces, tabs, line ends and U+00A0.
bool OnlyWhitespace(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsBlank(s[i]) || s[i] == '\n') continue;
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

// [SECTION] Import ---------------------------------------------------------------------------------

ImportResult ImportArticle(std::string bytes, std::string_view name_or_type) {
  ImportResult r;
  if (bytes.size() > kMaxDocumentBytes) {
    r.error = "it is larger than the " + std::to_string(kMaxDocumentBytes >> 20) + " MB an article may have";
    return r;
  }
  if (bytes.empty()) {
    r.error = "it is empty";
    return r;
  }
  if (const char* kind = BinaryKind(bytes, false)) {
    r.error = BinaryError(kind);
    return r;
  }

  // Encodings first, so every later step reads UTF-8.
  bool verbatim = true;
  size_t bad_units = 0;
  const char* converted = nullptr;
  if (StartsWith(bytes, "\xFF\xFE\0\0"sv) || StartsWith(bytes, "\0\0\xFE\xFF"sv)) {
    bytes = FromUtf32(std::string_view(bytes).substr(4), bytes[0] == '\0', &bad_units);
    converted = "converted from UTF-32";
  } else if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    bytes = FromUtf16(std::string_view(bytes).substr(2), bytes[0] == '\xFE', &bad_units);
    converted = "converted from UTF-16";
  } else if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.erase(0, 3);  // LoadDocument drops it too: still verbatim
  } else if (const char order = Utf16ByNuls(bytes)) {
    bytes = FromUtf16(bytes, order == 'B', &bad_units);
    converted = "converted from UTF-16 (it had no byte-order mark)";
  }
  if (converted) {
    verbatim = false;
    std::string note = converted;
    if (bad_units) note += "; " + std::to_string(bad_units) + " broken character(s) shown as \xEF\xBF\xBD";
    r.notes.push_back(std::move(note));
  }
  if (bytes.find('\0') != std::string::npos) {
    const char* kind = BinaryKind(bytes, true);
    r.error = kind ? BinaryError(kind) : "this is binary data (it holds NUL bytes), not text";
    return r;
  }
  if (OnlyWhitespace(bytes)) {
    r.error = "it is empty (nothing but spaces and line breaks)";
    return r;
  }
  if (ManyControls(bytes)) {
    r.error = "this is binary data (it holds many control characters), not text";
    return r;
  }
  bool cp1252 = false;
  if (!FindInvalidUtf8(bytes, 1).empty() && LooksCp1252(bytes)) {
    bytes = FromCp1252(bytes);
    r.notes.push_back("read as Windows-1252 (not UTF-8)");
    verbatim = false;
    cp1252 = true;
  }
  if (!NormaliseLineEnds(bytes)) verbatim = false;

  const Hint hint = HintOf(name_or_type);
  if (hint == Hint::Html || (hint != Hint::Markdown && LooksLikeHtml(bytes))) {
    r.format = "html";
    HtmlArticle a = ExtractHtmlArticle(bytes);
    if (a.paragraphs.empty()) {
      r.error = "no article text found in this page";
      return r;
    }
    r.notes.push_back("read as a web page (HTML): the article's text was kept");
    if (a.headline.empty()) r.notes.push_back("the page has no headline");
    for (std::string& n : a.notes) r.notes.push_back(std::move(n));
    r.text = ArticleText(a);
  } else if (hint == Hint::Markdown || LooksLikeMarkdown(bytes)) {
    r.format = "markdown";
    bool no_heading = false;
    r.text = MarkdownToArticle(bytes, &no_heading);
    if (OnlyWhitespace(r.text)) {
      r.error = "there is no text in it once its Markdown marks are removed";
      return r;
    }
    r.notes.push_back("read as Markdown: its formatting marks were removed");
    if (no_heading) r.notes.push_back("no heading: the first paragraph is used as the headline");
  } else {
    r.format = "text";
    if (!PlainToArticle(bytes, r)) verbatim = false;
    r.text = std::move(bytes);
    r.verbatim = verbatim;
  }
  if (!cp1252) {
    if (const size_t bad = FindInvalidUtf8(r.text, r.text.size()).size())
      r.notes.push_back(std::to_string(bad) + (bad == 1 ? " invalid UTF-8 byte" : " invalid UTF-8 bytes") +
                        " kept (shown as \xEF\xBF\xBD)");
  }
  return r;
}

}  // namespace lectern
