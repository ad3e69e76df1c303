// text_util.h — character classes and case folding for the analysis, over UTF-8 code points.
//
//   if (IsUpperCp(cp)) ...                       // 'A', 'Ś', 'Ö', 'Д'
//   std::string key = FoldKey("Łódź");           // "lodz": gazetteer / clustering key
//   std::string low = LowerAscii("Mr.");         // "mr.": lexicon key (non-ASCII bytes kept)
//
// Covers Latin (Basic, Latin-1, Extended-A, the Romanian comma letters), Greek and Cyrillic case
// pairs; any other code point above U+00FF that is not punctuation, a symbol or a space counts as
// a caseless letter, so names in other scripts still form words. Pure functions, no tables to set
// up, no locale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lectern {

bool IsSpaceCp(char32_t cp);        // ASCII white space, NBSP, U+2000..U+200B, U+202F, U+3000
bool IsLetterCp(char32_t cp);       // letters (and combining marks, which continue a word)
bool IsUpperCp(char32_t cp);
bool IsLowerCp(char32_t cp);
char32_t ToLowerCp(char32_t cp);
char32_t ToUpperCp(char32_t cp);
bool IsDashCp(char32_t cp);         // - U+2010..U+2015 U+2212
bool IsApostropheCp(char32_t cp);   // ' U+2019 U+02BC

// Lowercase, diacritics folded to ASCII where Latin ("Kraków" -> "krakow"),
// apostrophes to ', dashes to -, runs of spaces to one space, trimmed. Used to compare names.
std::string FoldKey(std::string_view text);
void AppendFoldKey(std::string& out, std::string_view text);
// ASCII letters lowercased, every other byte kept: cheap keys for the English lexicon.
std::string LowerAscii(std::string_view text);
// First code point of `text` (U+FFFD when empty or invalid).
char32_t FirstCp(std::string_view text);
// Every letter of `text` uppercase and at least `min_letters` letters ("NAIROBI", "U.S.").
bool IsAllCaps(std::string_view text, int min_letters = 2);
// "Nairobi" from "NAIROBI", "Buenos Aires" from "BUENOS AIRES": first letter of each word kept,
// the rest lowercased. For names only ever seen in capitals (datelines).
std::string TitleCase(std::string_view text);

// A quick hash for the short keys of the lexicon and gazetteer maps (FNV-1a, 64-bit).
struct FastHash {
  size_t operator()(std::string_view s) const noexcept {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return size_t(h ^ (h >> 32));
  }
};

}  // namespace lectern
