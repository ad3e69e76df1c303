// tokenizer.cpp — words, numbers, punctuation (see tokenizer.h).
#include "tokenizer.h"

#include "text_util.h"

#include <algorithm>

namespace lectern {

namespace {

bool IsDigitCp(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Hyphens that join words; en and em dashes separate them.
bool IsJoiningHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
bool IsWordApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

bool IsPunctCp(char32_t cp) {
  switch (cp) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '[':
    case ']': case '{': case '}': case '"': case '\'': case '-':
    case 0xAB: case 0xBB: case 0x2026: case 0x2039: case 0x203A:
      return true;
    default:
      return (cp >= 0x2010 && cp <= 0x2015) || (cp >= 0x2018 && cp <= 0x201F);
  }
}

struct Cursor {
  std::string_view s;
  uint32_t end;
  char32_t At(uint32_t pos, uint32_t* len) const {
    if (pos >= end) {
      *len = 0;
      return 0;
    }
    char32_t cp;
    *len = DecodeUtf8(s, pos, &cp);
    return cp;
  }
  char32_t Peek(uint32_t pos) const {
    uint32_t n;
    return At(pos, &n);
  }
};

// "’s" / "'s" at `pos` followed by a non-letter: a possessive (or "it's") clitic.
uint32_t PossessiveLength(const Cursor& c, uint32_t pos) {
  if (pos >= c.end) return 0;
  const unsigned char b = static_cast<unsigned char>(c.s[pos]);
  if (b != '\'' && b != 0xE2) return 0;  // neither ' nor the first byte of ’
  uint32_t n1;
  char32_t a = c.At(pos, &n1);
  if (!IsWordApostrophe(a)) return 0;
  uint32_t n2;
  char32_t s = c.At(pos + n1, &n2);
  if (s != 's' && s != 'S') return 0;
  if (IsLetterCp(c.Peek(pos + n1 + n2)) || IsDigitCp(c.Peek(pos + n1 + n2))) return 0;
  return n1 + n2;
}

// Scans a word from `pos` (a letter); returns the end offset.
uint32_t ScanWord(const Cursor& c, uint32_t pos) {
  uint32_t n;
  c.At(pos, &n);
  pos += n;
  while (pos < c.end) {
    const unsigned char b = static_cast<unsigned char>(c.s[pos]);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
      ++pos;  // the common case, without decoding
      continue;
    }
    char32_t cp = c.At(pos, &n);
    if (IsLetterCp(cp) || IsDigitCp(cp)) {
      pos += n;
      continue;
    }
    if (IsJoiningHyphen(cp) || IsWordApostrophe(cp)) {
      uint32_t n2;
      char32_t next = c.At(pos + n, &n2);
      if (!(IsLetterCp(next) || IsDigitCp(next))) break;
      if (IsWordApostrophe(cp) && PossessiveLength(c, pos)) break;
      pos += n;
      continue;
    }
    // "S&P", "AT&T", "P&G": capitals joined by an ampersand with no space are one name.
    if (cp == '&' && pos > 0 && c.s[pos - 1] >= 'A' && c.s[pos - 1] <= 'Z' && pos + 1 < c.end &&
        c.s[pos + 1] >= 'A' && c.s[pos + 1] <= 'Z') {
      ++pos;
      continue;
    }
    break;
  }
  return pos;
}

// "al-Khatib", "el-Sisi", "ash-Shara": a surname written with the Arabic article in lower case
// starts a name as a capital does. (Only before a capital: "al-" alone is no name.)
bool ArabicArticleName(std::string_view word) {
  if (word.size() < 4 || (word[0] != 'a' && word[0] != 'e') || (word[2] != '-' && word[3] != '-')) return false;
  for (std::string_view article : {"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-"})
    if (word.size() > article.size() + 1 && word.substr(0, article.size()) == article)
      return word[article.size()] >= 'A' && word[article.size()] <= 'Z';
  return false;
}

uint8_t FlagsFor(std::string_view word) {
  uint8_t f = 0;
  bool ascii = true, lower = false;
  int upper = 0;
  for (char ch : word) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c == '-') f |= Token::kHyphenated;
  }
  if (ascii) {  // the common case, without decoding
    if (word[0] >= 'A' && word[0] <= 'Z') f |= Token::kCapitalised;
    if (ArabicArticleName(word)) f |= Token::kCapitalised;  // "al-Khatib", "el-Sisi"
    if (!lower && upper >= 2) f |= Token::kAllCaps;
    return f;
  }
  if (word.find('-') != std::string_view::npos) f |= Token::kHyphenated;  // past the ASCII prefix too
  if (IsUpperCp(FirstCp(word))) f |= Token::kCapitalised;
  if (IsAllCaps(word, 2)) f |= Token::kAllCaps;
  return f;
}

}  // namespace

void TokenizeSpan(std::string_view text, Span span, std::vector<Token>& out) {
  Cursor c{text, std::min<uint32_t>(span.end, uint32_t(text.size()))};
  uint32_t pos = span.begin;
  auto emit = [&](uint32_t b, uint32_t e, Token::Kind kind) {
    Token t;
    t.span = Span{b, e};
    t.kind = kind;
    if (kind == Token::Kind::Word) t.flags = FlagsFor(text.substr(b, e - b));
    out.push_back(t);
  };
  while (pos < c.end) {
    const unsigned char b0 = static_cast<unsigned char>(text[pos]);
    if (b0 == ' ' || b0 == '\n' || b0 == '\r' || b0 == '\t') {
      ++pos;
      continue;
    }
    if ((b0 >= 'a' && b0 <= 'z') || (b0 >= 'A' && b0 <= 'Z')) {
      // ASCII word start: no decoding, unless it may be a dotted abbreviation ("U.S.").
      if (!(pos + 1 < c.end && text[pos + 1] == '.')) {
        const uint32_t e = ScanWord(c, pos);
        emit(pos, e, Token::Kind::Word);
        pos = e;
        if (uint32_t p = PossessiveLength(c, pos)) {
          emit(pos, pos + p, Token::Kind::Punct);
          pos += p;
        }
        continue;
      }
    }
    uint32_t n;
    const char32_t cp = c.At(pos, &n);
    if (IsSpaceCp(cp)) {
      pos += n;
      continue;
    }
    if (IsLetterCp(cp)) {
      // Dotted abbreviations: "U.S.", "a.m." (two or more single letters each with a period).
      uint32_t j = pos;
      int letters = 0;
      while (j + 1 < c.end && IsAsciiLetter(text[j]) && text[j + 1] == '.') {
        j += 2;
        ++letters;
      }
      if (letters >= 2 && !IsLetterCp(c.Peek(j))) {
        emit(pos, j, Token::Kind::Word);
        pos = j;
        continue;
      }
      uint32_t e = ScanWord(c, pos);
      emit(pos, e, Token::Kind::Word);
      pos = e;
      if (uint32_t p = PossessiveLength(c, pos)) {
        emit(pos, pos + p, Token::Kind::Punct);
        pos += p;
      }
      continue;
    }
    if (IsDigitCp(cp)) {
      uint32_t e = pos + 1;
      while (e < c.end) {
        char ch = text[e];
        if (ch >= '0' && ch <= '9') {
          ++e;
        } else if ((ch == '.' || ch == ',') && e + 1 < c.end && text[e + 1] >= '0' &&
                   text[e + 1] <= '9') {
          e += 2;
        } else {
          break;
        }
      }
      // "2nd", "1990s", "20-year", "15-Year": the letters belong to the number.
      uint32_t m;
      char32_t next = c.At(e, &m);
      if (IsLetterCp(next) ||
          (IsJoiningHyphen(next) && (IsLetterCp(c.Peek(e + m)) || IsDigitCp(c.Peek(e + m))))) {
        e = ScanWord(c, e);
      }
      Token t;
      t.span = Span{pos, e};
      t.kind = Token::Kind::Number;
      out.push_back(t);
      pos = e;
      if (uint32_t p = PossessiveLength(c, pos)) {
        emit(pos, pos + p, Token::Kind::Punct);
        pos += p;
      }
      continue;
    }
    if (cp == '.' && pos + 2 < c.end && text[pos + 1] == '.' && text[pos + 2] == '.') {
      uint32_t e = pos + 3;
      while (e < c.end && text[e] == '.') ++e;
      emit(pos, e, Token::Kind::Punct);
      pos = e;
      continue;
    }
    emit(pos, pos + n, IsPunctCp(cp) ? Token::Kind::Punct : Token::Kind::Symbol);
    pos += n;
  }
}

std::vector<Token> Tokenize(const Document& doc) {
  std::vector<Token> out;
  // About a token per 5 bytes; counted over the spans read (a slice of a long article reads
  // only its own paragraphs of the whole article's bytes).
  size_t bytes = doc.headline.size();
  for (Span p : doc.paragraphs) bytes += p.size();
  out.reserve(bytes / 5 + 16);
  if (!doc.headline.empty()) TokenizeSpan(doc.bytes, doc.headline, out);
  for (Span p : doc.paragraphs) TokenizeSpan(doc.bytes, p, out);
  return out;
}

}  // namespace lectern
