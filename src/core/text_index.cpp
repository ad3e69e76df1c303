// text_index.cpp — builds the shared token index (see text_index.h).
#include "text_index.h"

#include "sentence_splitter.h"
#include "text_util.h"
#include "tokenizer.h"

#include <algorithm>

namespace lectern {

bool TextIndex::IsOpenQuote(uint32_t i) const {
  if (i >= size() || tokens[i].kind != Token::Kind::Punct) return false;
  std::string_view t = Text(i);
  if (t == "\xE2\x80\x9C") return true;  // “
  if (t != "\"") return false;
  // A straight quote opens when nothing is glued to its left or a word is glued to its right.
  const bool left_space = i == 0 || !Adjacent(i - 1, i) || Text(i - 1) == "(" || IsDash(i - 1);
  const bool right_glued = i + 1 < size() && Adjacent(i, i + 1);
  return left_space && right_glued;
}

bool TextIndex::IsCloseQuote(uint32_t i) const {
  if (i >= size() || tokens[i].kind != Token::Kind::Punct) return false;
  std::string_view t = Text(i);
  if (t == "\xE2\x80\x9D") return true;  // ”
  if (t != "\"") return false;
  return !IsOpenQuote(i);
}

bool TextIndex::IsPossessive(uint32_t i) const {
  if (i >= size() || tokens[i].kind != Token::Kind::Punct) return false;
  std::string_view t = Text(i);
  return t == "\xE2\x80\x99s" || t == "'s" || t == "\xE2\x80\x99S" || t == "'S";
}

bool TextIndex::IsDash(uint32_t i) const {
  if (i >= size() || tokens[i].kind != Token::Kind::Punct) return false;
  return IsDashCp(FirstCp(Text(i)));
}

TextIndex BuildTextIndex(const Document& doc) {
  TextIndex ix;
  ix.doc = &doc;
  ix.tokens = Tokenize(doc);
  ix.sentences = SplitSentences(doc, ix.tokens);
  const uint32_t n = ix.size();
  ix.lower.resize(n);
  ix.fold.resize(n);
  ix.cls.resize(n);
  ix.sentence_of.resize(n);
  ix.lower_word.assign(n, 0);
  ix.verb.assign(n, nullptr);
  // One buffer for all lowercase texts: the bytes from the first token to the last in ASCII
  // lowercase (one slice of a long article covers only its own part), so a token's lowercase
  // text sits at its own offset less `base`. Reserved up front (and never in the small-string
  // buffer) so the views stay valid, also when the index is moved.
  uint32_t base = n ? ix.tokens.front().span.begin : 0, end = base;
  for (const Token& t : ix.tokens) base = std::min(base, t.span.begin), end = std::max(end, t.span.end);
  ix.lower_buf.reserve(std::max<size_t>(end - base, 64));
  ix.lower_buf.assign(doc.bytes, base, end - base);
  for (char& c : ix.lower_buf)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  for (uint32_t i = 0; i < n; ++i)
    ix.lower[i] = std::string_view(ix.lower_buf).substr(ix.tokens[i].span.begin - base, ix.tokens[i].span.size());
  for (uint32_t i = 0; i < n; ++i) {
    std::string_view t = ix.Text(i);
    // Only text with non-ASCII bytes folds differently from its ASCII lowercase.
    bool ascii = true;
    for (char c : t) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii) ix.fold[i] = FoldKey(t);
    if (ix.tokens[i].kind != Token::Kind::Word) continue;
    const WordInfo w = LookupWord(ix.lower[i]);
    ix.cls[i] = w.classes;
    if (IsLowerCp(FirstCp(t))) {
      ix.lower_word[i] = 1;
      ix.verb[i] = w.verb;
    }
  }
  for (uint32_t s = 0; s < ix.sentences.size(); ++s) {
    const Sentence& se = ix.sentences[s];
    for (uint32_t k = 0; k < se.token_count; ++k) ix.sentence_of[se.first_token + k] = s;
  }
  return ix;
}

}  // namespace lectern
