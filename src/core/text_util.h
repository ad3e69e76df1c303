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
#include <cstring>
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
// FNV-1a over the bytes, 64 bits, continuing from `h` (to hash several pieces as one): the
// article's fingerprint in a prepared analysis, a node's place in the graph, a tagger feature.
constexpr uint64_t kFnvBasis = 1469598103934665603ull;  // the basis every stored hash was made with
inline uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvBasis) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
// ASCII letters lowercased, every other byte kept: cheap keys for the English lexicon.
std::string LowerAscii(std::string_view text);
// What Windows-1252 means by a byte 0x80–0x9F (its upper half beyond is Latin-1, U+00A0–U+00FF);
// 0 for the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
char32_t Cp1252High(uint8_t byte);
// First code point of `text` (U+FFFD when empty or invalid).
char32_t FirstCp(std::string_view text);
// Every letter of `text` uppercase and at least `min_letters` letters ("NAIROBI", "U.S.").
bool IsAllCaps(std::string_view text, int min_letters = 2);
// "Nairobi" from "NAIROBI", "Buenos Aires" from "BUENOS AIRES": first letter of each word kept,
// the rest lowercased. For names only ever seen in capitals (datelines).
std::string TitleCase(std::string_view text);
// Calls f(word) for each word of a FoldKey (words one space apart), as views into `key`:
// "united states" -> "united", "states". A run of words i..j is then one view of `key` too.
template <class F>
void ForEachKeyWord(std::string_view key, F&& f) {
  for (size_t i = 0, start = 0; i <= key.size(); ++i)
    if (i == key.size() || key[i] == ' ') {
      if (i > start) f(key.substr(start, i - start));
      start = i + 1;
    }
}

// A quick hash for the short keys of the lexicon and gazetteer maps: eight bytes at a time
// (words are short, so most keys take one or two rounds), each round mixed by a multiply.
struct FastHash {
  size_t operator()(std::string_view s) const noexcept {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t(n) * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) h = Mix(h ^ Load64(p));
    if (n > 0) h = Mix(h ^ Load(p, n));
    return size_t(h);
  }
  // The n <= 8 bytes at p as one number, in fixed-size loads (a copy of n bytes into a word
  // would go byte by byte, and stall the load that reads the word back).
  static uint64_t Load(const char* p, size_t n) noexcept {
    if (n == 8) return Load64(p);
    if (n >= 4) return uint64_t(Load32(p)) | (uint64_t(Load32(p + n - 4)) << 32);
    const auto b = [&](size_t i) { return uint64_t(static_cast<unsigned char>(p[i])); };
    return (b(0) << 16) | (b(n >> 1) << 8) | b(n - 1);  // 1 to 3 bytes
  }
  static uint64_t Load64(const char* p) noexcept {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint32_t Load32(const char* p) noexcept {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static uint64_t Mix(uint64_t h) noexcept {
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
  }
};

}  // namespace lectern
