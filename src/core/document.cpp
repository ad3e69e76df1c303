// document.cpp — the article file loader and the UTF-8 helpers (see document.h).
#include "document.h"

#include <algorithm>

namespace lectern {

// [SECTION] UTF-8 ---------------------------------------------------------------------------------

uint32_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t left = s.size() - pos;
  const unsigned char c = p[0];
  auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *cp = (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    char32_t v = (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
      *cp = v;
      return 3;
    }
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t v = (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                 (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (v >= 0x10000 && v <= 0x10FFFF) {
      *cp = v;
      return 4;
    }
  }
  *cp = 0xFFFD;
  return 1;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

std::vector<uint32_t> FindInvalidUtf8(std::string_view text, size_t limit) {
  std::vector<uint32_t> bad;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    uint32_t n = DecodeUtf8(text, i, &cp);
    if (cp == 0xFFFD && n == 1) {
      if (bad.size() >= limit) break;
      bad.push_back(uint32_t(i));
    }
    i += n;
  }
  return bad;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    const uint32_t n = DecodeUtf8(text, i, &cp);
    if (cp == 0xFFFD && n == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string ToValidLine(std::string_view text) {
  std::string out = ToValidUtf8(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') c = ' ';
  return out;
}

size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
  }
  return n;
}

uint32_t CountParagraphWords(const Document& doc) {
  uint32_t words = 0;
  for (Span p : doc.paragraphs) {
    bool in_word = false;
    for (char c : doc.Text(p)) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      words += !space && !in_word;
      in_word = !space;
    }
  }
  return words;
}

// [SECTION] Slugs ---------------------------------------------------------------------------------

const char* FoldLatin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    // Latin-1 Supplement and Latin Extended-A, indexed from U+00C0.
    static const char* const kTable[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",    // C0
        "d", "n", "o", "o", "o", "o", "o", 0,   "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",    // E0
        "d", "n", "o", "o", "o", "o", "o", 0,   "o", "u", "u", "u", "u", "y", "th", "y",   // F0
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",     // 100
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",     // 110
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",     // 120
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 130
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",     // 140
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 150
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",     // 160
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};    // 170
    return kTable[cp - 0xC0];
  }
  switch (cp) {
    case 0x218: case 0x219: return "s";  // Ș ș
    case 0x21A: case 0x21B: return "t";  // Ț ț
    default: return nullptr;
  }
}

std::string Slugify(std::string_view text, size_t max_len) {
  std::string out;
  out.reserve(text.size());
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const bool lower_or_digit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (lower_or_digit || (c >= 'A' && c <= 'Z')) {  // the common case, without decoding
      ++i;
      if (dash) out += '-';
      dash = false;
      out += lower_or_digit ? c : char(c - 'A' + 'a');
      continue;
    }
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    const char* folded = nullptr;
    if (cp == '\'' || cp == 0x2019) {
      continue;  // "Peru's" -> "perus", not "peru-s"
    } else {
      folded = FoldLatin(cp);
    }
    if (!folded) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += folded;
  }
  if (out.size() > max_len) {
    size_t cut = out.rfind('-', max_len);
    out.resize(cut != std::string::npos && cut > 0 ? cut : max_len);
  }
  return out.empty() ? "untitled" : out;
}

// [SECTION] Loader --------------------------------------------------------------------------------

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Trims ASCII spaces, tabs and line ends (and U+00A0) from both ends of a span.
Span Trim(std::string_view s, Span span) {
  auto is_trim = [&](uint32_t i) {
    char c = s[i];
    return IsSpace(c) || c == '\r' || c == '\n';
  };
  while (span.begin < span.end) {
    if (is_trim(span.begin)) {
      ++span.begin;
    } else if (span.end - span.begin >= 2 && uint8_t(s[span.begin]) == 0xC2 &&
               uint8_t(s[span.begin + 1]) == 0xA0) {
      span.begin += 2;
    } else {
      break;
    }
  }
  while (span.end > span.begin) {
    if (is_trim(span.end - 1)) {
      --span.end;
    } else if (span.end - span.begin >= 2 && uint8_t(s[span.end - 2]) == 0xC2 &&
               uint8_t(s[span.end - 1]) == 0xA0) {
      span.end -= 2;
    } else {
      break;
    }
  }
  return span;
}

// A file is "binary" when it holds NUL bytes or many control characters: it is not an article,
// whatever its bytes happen to decode to.
bool LooksBinary(std::string_view s) {
  size_t control = 0;
  const size_t probe = std::min<size_t>(s.size(), 1 << 16);
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  return control > probe / 100 + 2;
}

}  // namespace

LoadResult LoadDocument(std::string bytes, std::string name) {
  LoadResult r;
  Document& d = r.doc;
  d.name = std::move(name);
  d.bytes = std::move(bytes);
  const std::string_view s = d.bytes;

  if (s.size() > kMaxDocumentBytes) {
    r.error = LoadError::TooLarge;
    r.message = d.name + ": " + std::to_string(s.size() >> 20) + " MB is larger than the " +
                std::to_string(kMaxDocumentBytes >> 20) + " MB an article may have";
    return r;
  }
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) d.bom_size = 3;
  if (Trim(s, Span{d.bom_size, uint32_t(s.size())}).empty()) {
    r.error = LoadError::Empty;
    r.message = d.name + ": the file is empty";
    d.id = "untitled";
    return r;
  }
  if (LooksBinary(s)) {
    r.error = LoadError::Binary;
    r.message = d.name + ": this is not a text file (it contains binary data)";
    d.id = "untitled";
    return r;
  }

  // Split into lines (LF, CRLF or lone CR); blank lines (only spaces) end a paragraph.
  const uint32_t n = uint32_t(s.size());
  uint32_t pos = d.bom_size;
  bool have_headline = false;
  Span para{0, 0};
  bool in_para = false;
  auto flush = [&] {
    if (in_para) {
      Span t = Trim(s, para);
      if (!t.empty()) d.paragraphs.push_back(t);
    }
    in_para = false;
  };
  while (pos < n) {
    uint32_t end = pos;
    while (end < n && s[end] != '\n' && s[end] != '\r') ++end;
    uint32_t next = end;
    if (next < n && s[next] == '\r') ++next;
    if (next < n && s[next] == '\n' && (next == end || s[next - 1] == '\r')) ++next;
    if (next == end) ++next;  // defensive: always advance
    Span line = Trim(s, Span{pos, end});
    if (!have_headline) {
      if (!line.empty()) {
        d.headline = line;
        have_headline = true;
      }
    } else if (line.empty()) {
      flush();
    } else if (!in_para) {
      para = line;
      in_para = true;
    } else {
      para.end = line.end;  // soft line break inside a paragraph
    }
    pos = std::min(next, n);
  }
  flush();

  d.invalid_utf8 = FindInvalidUtf8(s);
  d.id = Slugify(d.Headline());
  if (!d.invalid_utf8.empty()) {
    r.message = d.name + ": " + std::to_string(d.invalid_utf8.size()) +
                " byte(s) are not valid UTF-8 (first at byte " +
                std::to_string(d.invalid_utf8.front()) + "); they are shown as \xEF\xBF\xBD";
  }
  if (d.paragraphs.empty()) {
    // A headline alone is still an article worth showing, but say so.
    if (!r.message.empty()) r.message += "; ";
    r.message += d.name + ": the article has a headline but no body text";
  }
  return r;
}

}  // namespace lectern
