// text_search.cpp — folded, whitespace-tolerant find (see text_search.h).
#include "text_search.h"

#include <string>

namespace lectern {

std::string_view FoldForSearch(char32_t cp) {
  static const char kLower[] = "abcdefghijklmnopqrstuvwxyz";
  static const char kDigits[] = "0123456789";
  if (cp >= 'A' && cp <= 'Z') return std::string_view(kLower + (cp - 'A'), 1);
  if (cp >= 'a' && cp <= 'z') return std::string_view(kLower + (cp - 'a'), 1);
  if (cp >= '0' && cp <= '9') return std::string_view(kDigits + (cp - '0'), 1);
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': case 0xA0: case 0x2009:
    case 0x202F:
      return " ";
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: case 0xAB: case 0xBB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    default: break;
  }
  if (const char* f = FoldLatin(cp)) return f;
  return {};
}

namespace {

// The folded form of a range and, for each folded byte, the source span it came from.
struct Folded {
  std::string text;
  std::vector<Span> source;  // one per byte of `text`
};

void AppendFolded(Folded& out, std::string_view s, uint32_t begin, uint32_t end) {
  bool last_space = !out.text.empty() && out.text.back() == ' ';
  for (uint32_t i = begin; i < end;) {
    char32_t cp;
    const uint32_t n = DecodeUtf8(s, i, &cp);
    std::string_view f = FoldForSearch(cp);
    if (f == " ") {
      if (!last_space) {
        out.text += ' ';
        out.source.push_back({i, i + n});
      } else {
        out.source.back().end = i + n;  // a run of whitespace is one space
      }
      last_space = true;
    } else {
      last_space = false;
      if (f.empty()) {
        // No ASCII fold: keep the original bytes (lowercase is not attempted beyond Latin).
        out.text.append(s.substr(i, n));
        for (uint32_t k = 0; k < n; ++k) out.source.push_back({i, i + n});
      } else {
        out.text.append(f);
        for (size_t k = 0; k < f.size(); ++k) out.source.push_back({i, i + n});
      }
    }
    i += n;
  }
}

}  // namespace

std::vector<Span> FindAll(std::string_view text, const std::vector<Span>& ranges,
                          std::string_view query, size_t limit) {
  std::vector<Span> hits;
  Folded q;
  AppendFolded(q, query, 0, uint32_t(query.size()));
  // Leading and trailing spaces in the query are ignored.
  size_t qb = q.text.find_first_not_of(' '), qe = q.text.find_last_not_of(' ');
  if (qb == std::string::npos) return hits;
  const std::string needle = q.text.substr(qb, qe - qb + 1);
  for (Span r : ranges) {
    if (r.end > text.size() || r.empty()) continue;
    Folded f;
    AppendFolded(f, text, r.begin, r.end);
    for (size_t at = f.text.find(needle); at != std::string::npos;
         at = f.text.find(needle, at + needle.size())) {
      hits.push_back({f.source[at].begin, f.source[at + needle.size() - 1].end});
      if (hits.size() >= limit) return hits;
    }
  }
  return hits;
}

}  // namespace lectern
