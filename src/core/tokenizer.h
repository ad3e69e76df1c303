// tokenizer.h — splits the headline and paragraphs into word, number, punctuation and symbol
// tokens, each a byte span into doc.bytes.
//
//   std::vector<Token> tokens = Tokenize(doc);   // headline first, then each paragraph
//
// Rules (English news):
//   words       letters with inner hyphens and apostrophes: "Kowalczyk-Brandt", "O'Brien",
//               "don't"; the possessive "’s" / "'s" is its own token ("Kenya", "’s") and so is a
//               trailing plural-possessive apostrophe ("countries", "’")
//   dotted      single letters with periods form one token: "U.S.", "a.m."
//   numbers     digits with inner "." or "," before a digit: "2.1", "6,400", "1.2"; a hyphen
//               joins a following word: "20-year", "mid-February" is a word
//   punctuation one code point each (quotes “ ” ‘ ’ " ', dashes, brackets), except "..." which is
//               one token (an ellipsis)
//   invalid UTF-8 bytes become one-byte Symbol tokens; nothing is dropped or rewritten.
// Flags: kCapitalised (first letter uppercase), kAllCaps (2+ letters, none lowercase). Sentence
// and paragraph flags are set by SplitSentences.
#pragma once

#include "analysis.h"

#include <string_view>
#include <vector>

namespace lectern {

std::vector<Token> Tokenize(const Document& doc);
// Tokens of one span of `text` (appended to `out`).
void TokenizeSpan(std::string_view text, Span span, std::vector<Token>& out);

// Convenience for tests and the analysis: the text of a token.
inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.span.begin, t.span.size());
}

}  // namespace lectern
