// Tests for tokenizer.h: words, possessives, hyphens, dotted abbreviations, numbers, ellipses,
// non-ASCII capitals, invalid bytes — and every token is a span of the original bytes.
#include "tokenizer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace lectern;

namespace {

std::vector<std::string> Texts(const std::string& s, std::vector<Token>* out = nullptr) {
  std::vector<Token> toks;
  TokenizeSpan(s, Span{0, uint32_t(s.size())}, toks);
  std::vector<std::string> texts;
  for (const Token& t : toks) texts.emplace_back(TokenText(s, t));
  if (out) *out = toks;
  return texts;
}

}  // namespace

TEST_CASE("possessives are split off: the mention is the name alone") {
  CHECK(Texts("Kenya\xE2\x80\x99s president") ==
        std::vector<std::string>{"Kenya", "\xE2\x80\x99s", "president"});
  CHECK(Texts("Chile's bond") == std::vector<std::string>{"Chile", "'s", "bond"});
  // A plural possessive leaves its apostrophe as punctuation.
  CHECK(Texts("farmers\xE2\x80\x99 unions") ==
        std::vector<std::string>{"farmers", "\xE2\x80\x99", "unions"});
  // Inner apostrophes stay: names and contractions.
  CHECK(Texts("O'Neill don't") == std::vector<std::string>{"O'Neill", "don't"});
}

TEST_CASE("hyphenated and non-ASCII names are one capitalised word") {
  std::vector<Token> toks;
  auto t = Texts("Zofia Kowalczyk-Brandt visited \xC5\x81\xC3\xB3\x64\xC5\xBA and ERDO\xC4\x9E\x41N", &toks);
  REQUIRE(t.size() == 6);
  CHECK(t[1] == "Kowalczyk-Brandt");
  CHECK(t[3] == "\xC5\x81\xC3\xB3\x64\xC5\xBA");  // Łódź
  CHECK((toks[3].flags & Token::kCapitalised) != 0);
  CHECK((toks[5].flags & Token::kAllCaps) != 0);
  CHECK((toks[2].flags & Token::kCapitalised) == 0);
}

TEST_CASE("dotted abbreviations, numbers with decimals and thousands, ellipses") {
  CHECK(Texts("the U.S. economy") == std::vector<std::string>{"the", "U.S.", "economy"});
  CHECK(Texts("rose 2.1 percent to 6,400") ==
        std::vector<std::string>{"rose", "2.1", "percent", "to", "6,400"});
  CHECK(Texts("a 20-year deal") == std::vector<std::string>{"a", "20-year", "deal"});
  CHECK(Texts("wait... now") == std::vector<std::string>{"wait", "...", "now"});
  CHECK(Texts("wait\xE2\x80\xA6now") == std::vector<std::string>{"wait", "\xE2\x80\xA6", "now"});
  // An initial keeps its period separate (the splitter decides about it).
  CHECK(Texts("Daniel K. Mbeki") == std::vector<std::string>{"Daniel", "K", ".", "Mbeki"});
}

TEST_CASE("quotes and dashes are punctuation tokens") {
  std::vector<Token> toks;
  auto t = Texts("\xE2\x80\x9CNo,\xE2\x80\x9D she said \xE2\x80\x94 firmly.", &toks);
  REQUIRE(t.size() == 9);
  CHECK(t[0] == "\xE2\x80\x9C");
  CHECK(toks[0].kind == Token::Kind::Punct);
  CHECK(t[3] == "\xE2\x80\x9D");
  CHECK(t[6] == "\xE2\x80\x94");
  CHECK(toks[6].kind == Token::Kind::Punct);  // em dash
  CHECK(t[7] == "firmly");
}

TEST_CASE("invalid UTF-8 bytes become symbol tokens / spans always index the input") {
  const std::string s = "Bad \xFF\xFE byte and \xC3 end";
  std::vector<Token> toks;
  auto t = Texts(s, &toks);
  uint32_t last = 0;
  for (const Token& tok : toks) {
    CHECK(tok.span.begin >= last);
    CHECK(tok.span.end <= s.size());
    CHECK(tok.span.end > tok.span.begin);
    last = tok.span.end;
  }
  CHECK(std::find(t.begin(), t.end(), "\xFF") != t.end());
  CHECK(toks[2].kind == Token::Kind::Symbol);
}

TEST_CASE("Tokenize covers the headline then every paragraph") {
  LoadResult r = LoadDocument("Head Line\n\nFirst para.\n\nSecond one.", "t");
  REQUIRE(r.ok());
  std::vector<Token> toks = Tokenize(r.doc);
  REQUIRE(toks.size() == 8);
  CHECK(TokenText(r.doc.bytes, toks[0]) == "Head");
  CHECK(TokenText(r.doc.bytes, toks[7]) == ".");
}

TEST_CASE("capitals joined by an ampersand with no space are one word, with spaces three") {
  CHECK(Texts("AT&T and S&P rose") == std::vector<std::string>{"AT&T", "and", "S&P", "rose"});
  CHECK(Texts("Procter & Gamble") == std::vector<std::string>{"Procter", "&", "Gamble"});
  CHECK(Texts("rock&roll") == std::vector<std::string>{"rock", "&", "roll"});
}
