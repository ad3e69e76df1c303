// text_util.cpp — character classes and folding (see text_util.h).
#include "text_util.h"

#include "document.h"

namespace lectern {

// [SECTION] Character classes ---------------------------------------------------------------------

bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

bool IsDashCp(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

bool IsApostropheCp(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp < 0x2000) return cp != 0x037E && cp != 0x0387;  // Greek question mark / ano teleia
  if (cp <= 0x2BFF) return false;                          // punctuation, symbols, arrows, boxes
  if (cp >= 0x3000 && cp <= 0x303F) return false;          // CJK punctuation
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;          // vertical / small forms
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;          // fullwidth punctuation
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;          // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;        // emoji and pictographs
  return cp <= 0x10FFFF;
}

bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return ToLowerCp(cp) != cp;
  if (cp >= 0x218 && cp <= 0x21B) return (cp & 1) == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return cp != 0x3A2;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

bool IsLowerCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return ToUpperCp(cp) != cp || cp == 0x138 || cp == 0x149;
  if (cp >= 0x218 && cp <= 0x21B) return (cp & 1) == 1;
  if (cp >= 0x3B1 && cp <= 0x3C9) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

char32_t ToLowerCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    // Extended-A alternates upper/lower, but the pairs shift parity at U+0139..U+0148 and
    // U+0179..U+017E.
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool upper = odd_upper ? (cp & 1) == 1 : (cp & 1) == 0;
    return upper ? cp + 1 : cp;
  }
  if (cp >= 0x218 && cp <= 0x21B) return cp | 1;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

char32_t ToUpperCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x131) return 'I';
    if (cp == 0x138 || cp == 0x149 || cp == 0x130 || cp == 0x17F) return cp;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool lower = odd_upper ? (cp & 1) == 0 : (cp & 1) == 1;
    return lower ? cp - 1 : cp;
  }
  if (cp >= 0x218 && cp <= 0x21B) return cp & ~char32_t(1);
  if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 32;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

// [SECTION] Folding -------------------------------------------------------------------------------
// Latin letters with diacritics fold through FoldLatin (document.h), the one table of them.

void AppendFoldKey(std::string& out, std::string_view text) {
  bool space = false;
  const size_t start = out.size();
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = out.size() > start;
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
      continue;
    }
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    if (IsSpaceCp(cp)) {
      space = out.size() > start;
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining accents fold away
    if (space) out += ' ';
    space = false;
    if (IsApostropheCp(cp) || cp == 0x2018) {
      out += '\'';
    } else if (IsDashCp(cp)) {
      out += '-';
    } else if (const char* f = FoldLatin(cp)) {
      out += f;
    } else {
      AppendUtf8(out, ToLowerCp(cp));
    }
  }
}

std::string FoldKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendFoldKey(out, text);
  return out;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}

char32_t Cp1252High(uint8_t byte) {
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  return byte >= 0x80 && byte < 0xA0 ? kHigh[byte - 0x80] : 0;
}

char32_t FirstCp(std::string_view text) {
  if (text.empty()) return 0xFFFD;
  char32_t cp;
  DecodeUtf8(text, 0, &cp);
  return cp;
}

bool IsAllCaps(std::string_view text, int min_letters) {
  int letters = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    if (!IsLetterCp(cp)) continue;
    if (IsLowerCp(cp)) return false;
    if (IsUpperCp(cp)) ++letters;
  }
  return letters >= min_letters;
}

std::string TitleCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool word_start = true;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    if (IsLetterCp(cp)) {
      AppendUtf8(out, word_start ? ToUpperCp(cp) : ToLowerCp(cp));
      word_start = false;
    } else {
      AppendUtf8(out, cp);
      word_start = !IsApostropheCp(cp);
    }
  }
  return out;
}

}  // namespace lectern
