// sentence_splitter.cpp — sentence boundaries (see sentence_splitter.h).
#include "sentence_splitter.h"

#include "lexicon.h"
#include "text_util.h"
#include "tokenizer.h"

namespace lectern {

namespace {

bool IsCloser(std::string_view t) {
  return t == "\xE2\x80\x9D" /* ” */ || t == "\xE2\x80\x99" /* ’ */ || t == ")" || t == "]" ||
         t == "\xC2\xBB" /* » */;
}
bool IsAmbiguousQuote(std::string_view t) { return t == "\"" || t == "'"; }
bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "\xE2\x80\xA6" /* … */ ||
         (t.size() >= 3 && t[0] == '.' && t[1] == '.' && t[2] == '.');
}

struct Splitter {
  const Document& doc;
  std::vector<Token>& tokens;
  std::string_view text() const { return doc.bytes; }
  std::string_view Text(uint32_t i) const { return TokenText(doc.bytes, tokens[i]); }
  bool Adjacent(uint32_t a, uint32_t b) const { return tokens[a].span.end == tokens[b].span.begin; }

  // Does the token at `i` begin like a new sentence: a capital, a digit or an opening mark?
  bool LooksLikeStart(uint32_t i) const {
    const Token& t = tokens[i];
    std::string_view s = Text(i);
    if (t.kind == Token::Kind::Number) return true;
    if (t.kind == Token::Kind::Word) return IsUpperCp(FirstCp(s)) || !IsLowerCp(FirstCp(s));
    return s == "\xE2\x80\x9C" /* “ */ || s == "\"" || s == "\xE2\x80\x98" || s == "(" ||
           s == "[" || s == "\xC2\xAB" || s == "'" || IsDashCp(FirstCp(s));
  }
  bool IsStarterWord(uint32_t i) const {
    if (tokens[i].kind == Token::Kind::Number) return false;  // "Jan. 5", "No. 10"
    if (tokens[i].kind != Token::Kind::Word) return LooksLikeStart(i);
    return (WordClasses(LowerAscii(Text(i))) & kStarter) != 0;
  }

  // May the terminal token at `i`, followed (after closers) by the token at `next`, end a
  // sentence?
  bool EndsSentence(uint32_t i, uint32_t next, uint32_t seg_begin) const {
    std::string_view t = Text(i);
    if (!LooksLikeStart(next)) return false;
    if (tokens[i].kind == Token::Kind::Word) {  // a dotted abbreviation ending in "."
      return IsStarterWord(next);
    }
    if (t != ".") return true;  // ! ? … end a sentence before a capital
    if (i == seg_begin || !Adjacent(i - 1, i)) return true;
    const Token& prev = tokens[i - 1];
    if (prev.kind != Token::Kind::Word) return true;
    std::string low = LowerAscii(Text(i - 1));
    const uint32_t cls = WordClasses(low);
    // "No. 10", "Op. 27" abbreviate only before a number: "He said no. Ships ..." ends.
    if (low == "no" || low == "nos" || low == "op") return tokens[next].kind != Token::Kind::Number;
    if (cls & kAbbrevTitle) return false;
    // A single capital letter is an initial ("John F. Meyer").
    if (CountCodePoints(Text(i - 1)) == 1 && IsUpperCp(FirstCp(Text(i - 1))))
      return IsStarterWord(next);
    if (cls & kAbbrevOther) return IsStarterWord(next);
    return true;
  }

  void Run(std::vector<Sentence>& out) {
    // Segments: the headline, then each paragraph, in token order.
    std::vector<std::pair<Span, uint32_t>> segments;
    if (!doc.headline.empty()) segments.push_back({doc.headline, ~0u});
    for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) segments.push_back({doc.paragraphs[p], p});
    uint32_t i = 0;
    const uint32_t n = uint32_t(tokens.size());
    for (const auto& seg : segments) {
      const uint32_t seg_begin = i;
      while (i < n && tokens[i].span.begin < seg.first.end) ++i;
      const uint32_t seg_end = i;
      if (seg_begin == seg_end) continue;
      tokens[seg_begin].flags |= Token::kParagraphStart;
      uint32_t start = seg_begin;
      auto flush = [&](uint32_t end) {
        if (end <= start) return;
        Sentence s;
        s.span = Span{tokens[start].span.begin, tokens[end - 1].span.end};
        s.paragraph = seg.second;
        s.first_token = start;
        s.token_count = end - start;
        tokens[start].flags |= Token::kSentenceStart;
        out.push_back(s);
        start = end;
      };
      const bool headline = seg.second == ~0u;
      for (uint32_t k = seg_begin; k < seg_end && !headline; ++k) {
        if (k - start >= kMaxSentenceTokens) flush(k);
        if (!IsTerminal(Text(k)) &&
            !(tokens[k].kind == Token::Kind::Word && Text(k).size() > 1 && Text(k).back() == '.'))
          continue;
        uint32_t j = k + 1;
        while (j < seg_end && (IsCloser(Text(j)) || (IsAmbiguousQuote(Text(j)) && Adjacent(j - 1, j) &&
                                                    (j + 1 == seg_end || !Adjacent(j, j + 1)))))
          ++j;
        if (j >= seg_end) break;
        if (EndsSentence(k, j, seg_begin)) {
          flush(j);
          k = j - 1;
        }
      }
      flush(seg_end);
    }
  }
};

}  // namespace

std::vector<Sentence> SplitSentences(const Document& doc, std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  Splitter sp{doc, tokens};
  sp.Run(out);
  return out;
}

}  // namespace lectern
