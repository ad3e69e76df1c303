// Tests for sentence_splitter.h: abbreviations, initials, decimals, quotes that end sentences,
// ellipses, paragraphs and the headline.
#include "sentence_splitter.h"

#include "tokenizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

// Sentences of a one-paragraph article (the headline is dropped).
std::vector<std::string> Split(const std::string& body) {
  LoadResult r = LoadDocument("Headline\n\n" + body, "t");
  std::vector<Token> toks = Tokenize(r.doc);
  std::vector<Sentence> ss = SplitSentences(r.doc, toks);
  std::vector<std::string> out;
  for (const Sentence& s : ss)
    if (s.paragraph != ~0u) out.emplace_back(r.doc.Text(s.span));
  return out;
}

}  // namespace

TEST_CASE("titles and short forms do not end sentences") {
  CHECK(Split("Mr. Okoye met Dr. Lindqvist in St. Gallen. They talked.") ==
            std::vector<std::string>{"Mr. Okoye met Dr. Lindqvist in St. Gallen.", "They talked."});
  CHECK(Split("Gov. Ana Ruiz and Sen. Tom Hale spoke on Jan. 5 about it.").size() == 1);
  CHECK(Split("Trade with the U.S. fell. The ministry blamed tariffs.").size() == 2);
  CHECK(Split("U.S. officials said so. Nobody agreed.").size() == 2);
  CHECK(Split("He joined Vantor Inc. last year.").size() == 1);
  CHECK(Split("He joined Vantor Inc. The firm grew.").size() == 2);
}

TEST_CASE("initials and decimals") {
  CHECK(Split("John F. Meyer said growth was 2.1 percent. Others disagreed.") ==
            std::vector<std::string>{"John F. Meyer said growth was 2.1 percent.", "Others disagreed."});
  CHECK(Split("Daniel K. Mbeki, an analyst, said so.").size() == 1);
}

TEST_CASE("quotes that end sentences keep their closing mark") {
  auto s = Split("\xE2\x80\x9CWe will win,\xE2\x80\x9D she said. \xE2\x80\x9CNobody can stop us.\xE2\x80\x9D He added that it was over.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "\xE2\x80\x9CWe will win,\xE2\x80\x9D she said.");
  CHECK(s[1] == "\xE2\x80\x9CNobody can stop us.\xE2\x80\x9D");
  // A question inside a quote followed by lowercase continues the sentence.
  CHECK(Split("\xE2\x80\x9CWhy now?\xE2\x80\x9D she asked. Then she left.").size() == 2);
  CHECK(Split("\"Enough.\" The crowd cheered.").size() == 2);
}

TEST_CASE("ellipses end a sentence only before a capital") {
  CHECK(Split("He paused \xE2\x80\xA6 and went on.").size() == 1);
  CHECK(Split("It ended there... Then came the vote.").size() == 2);
}

TEST_CASE("paragraphs always end sentences / the headline is its own sentence") {
  LoadResult r = LoadDocument("Big News Today. Really\n\nOne two\n\nThree four.", "t");
  std::vector<Token> toks = Tokenize(r.doc);
  std::vector<Sentence> ss = SplitSentences(r.doc, toks);
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].paragraph == ~0u);
  CHECK(r.doc.Text(ss[0].span) == "Big News Today. Really");
  CHECK(ss[1].paragraph == 0);
  CHECK(ss[2].paragraph == 1);
  CHECK((toks[ss[1].first_token].flags & Token::kSentenceStart) != 0);
  CHECK((toks[ss[1].first_token].flags & Token::kParagraphStart) != 0);
}

TEST_CASE("a paragraph without punctuation is cut into bounded sentences") {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "word ";
  auto s = Split(body);
  CHECK(s.size() == (2000 + kMaxSentenceTokens - 1) / kMaxSentenceTokens);
}

TEST_CASE("'No.' abbreviates only before a number") {
  CHECK(Split("He said no. Ships still sail. It was No. 10 on the list.") ==
        std::vector<std::string>{"He said no.", "Ships still sail.", "It was No. 10 on the list."});
}
