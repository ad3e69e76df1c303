// text_index.h — the tokenised article with per-token lookups that every stage shares: lowercase
// and folded text, lexicon classes and the sentence each token belongs to. Built once per
// analysis; internal to the core (the public result is Analysis).
//
//   TextIndex ix = BuildTextIndex(doc);
//   if (ix.Cap(i) && (ix.cls[i] & kOrgHead)) ...
#pragma once

#include "analysis.h"
#include "lexicon.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct TextIndex {
  const Document* doc = nullptr;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string lower_buf;               // the tokens' bytes in ASCII lowercase (heap, never moved)
  std::vector<std::string_view> lower; // LowerAscii(text) per token (views into lower_buf)
  std::vector<std::string> fold;       // FoldKey(text) where it differs from `lower` (else empty)
  std::vector<uint32_t> cls;           // WordClasses(lower) per token
  std::vector<uint32_t> sentence_of;   // sentence index per token
  std::vector<uint8_t> lower_word;     // per token: a word starting with a lowercase letter
  std::vector<const SpeechVerb*> verb; // per token: the speech verb it spells, if lowercase

  uint32_t size() const { return uint32_t(tokens.size()); }
  std::string_view Text(uint32_t i) const {
    return std::string_view(doc->bytes).substr(tokens[i].span.begin, tokens[i].span.size());
  }
  std::string_view Text(Span s) const { return std::string_view(doc->bytes).substr(s.begin, s.size()); }
  bool IsWord(uint32_t i) const { return tokens[i].kind == Token::Kind::Word; }
  bool Cap(uint32_t i) const { return IsWord(i) && (tokens[i].flags & Token::kCapitalised); }
  bool AllCaps(uint32_t i) const { return IsWord(i) && (tokens[i].flags & Token::kAllCaps); }
  bool SentenceStart(uint32_t i) const { return tokens[i].flags & Token::kSentenceStart; }
  bool Is(uint32_t i, std::string_view s) const { return i < size() && Text(i) == s; }
  // Bounds-checked lookups (an index one past a sentence or the text is common in rules).
  std::string_view L(uint32_t i) const { return i < lower.size() ? lower[i] : std::string_view(); }
  uint32_t C(uint32_t i) const { return i < cls.size() ? cls[i] : 0u; }
  // FoldKey of the token's text: names and gazetteer keys ("Łódź" -> "lodz").
  std::string_view F(uint32_t i) const { return fold[i].empty() ? lower[i] : std::string_view(fold[i]); }
  bool LowerIs(uint32_t i, std::string_view s) const { return i < size() && lower[i] == s; }
  bool LowerIn(uint32_t i, std::initializer_list<std::string_view> ws) const {
    if (i >= size()) return false;
    const std::string_view w = lower[i];
    for (std::string_view x : ws)
      if (w == x) return true;
    return false;
  }
  // A word that starts with a lowercase letter (a common word, not a name).
  bool LowerWord(uint32_t i) const { return i < size() && lower_word[i]; }
  // No space between tokens a and b (b == a + 1).
  bool Adjacent(uint32_t a, uint32_t b) const { return tokens[a].span.end == tokens[b].span.begin; }
  uint32_t SentenceBegin(uint32_t s) const { return sentences[s].first_token; }
  uint32_t SentenceEnd(uint32_t s) const { return sentences[s].first_token + sentences[s].token_count; }
  bool InHeadline(uint32_t i) const { return sentences[sentence_of[i]].paragraph == ~0u; }
  Span Range(uint32_t b, uint32_t e) const { return Span{tokens[b].span.begin, tokens[e - 1].span.end}; }

  // Punctuation helpers (curly and straight forms).
  bool IsOpenQuote(uint32_t i) const;    // “ or a straight " that opens
  bool IsCloseQuote(uint32_t i) const;   // ” or a straight " that closes
  bool IsPossessive(uint32_t i) const;   // ’s / 's
  bool IsDash(uint32_t i) const;         // — – - as a separate token
};

TextIndex BuildTextIndex(const Document& doc);

}  // namespace lectern
