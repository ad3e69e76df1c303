// Tests for quote_query.h: the Quote explorer's filters, sort and speaker counts.
#include "quote_query.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

struct Fixture {
  Document doc;
  Analysis a;
};

// Builds a document and quotes by hand (no analysis run): spans are found by text.
Fixture Make() {
  Fixture f;
  f.doc.bytes = "H\n\nAna said: \"Gas is cheap.\" Ben warned that prices rose. "
                "\"Café prices too,\" Ana added. Officials said it was fine.";
  auto span = [&](std::string_view s) {
    const auto at = uint32_t(f.doc.bytes.find(s));
    return Span{at, at + uint32_t(s.size())};
  };
  Entity ana;
  ana.name = "Ana Reis";
  Entity ben;
  ben.name = "Ben Marlow";
  f.a.entities = {ana, ben};
  auto quote = [&](const char* text, QuoteKind kind, const char* cue, int speaker, const char* phrase) {
    Quote q;
    q.parts = {span(text)};
    q.extent = q.parts[0];
    q.kind = kind;
    q.cue = span(cue);
    q.speaker_entity = speaker;
    q.speaker = phrase;
    return q;
  };
  f.a.quotes = {quote("Gas is cheap.", QuoteKind::Direct, "said", 0, ""),
                quote("prices rose", QuoteKind::Indirect, "warned", 1, ""),
                quote("Café prices too,", QuoteKind::Direct, "added", 0, ""),
                quote("it was fine", QuoteKind::Indirect, "said it", -1, "Officials")};
  return f;
}

}  // namespace

TEST_CASE("no filter: every quote in text order") {
  Fixture f = Make();
  CHECK(RunQuoteQuery(f.a, f.doc, {}) == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("kind, speaker and folded text search filter") {
  Fixture f = Make();
  QuoteQuery q;
  q.kind = QuoteQuery::Kind::Direct;
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{0, 2});
  q.kind = QuoteQuery::Kind::Indirect;
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{1, 3});
  q = {};
  q.speaker = "Ana Reis";
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{0, 2});
  q = {};
  q.search = "cafe";
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{2});
  q.search = "PRICES";
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{1, 2});
  q.search = "marlow";  // the speaker's name matches too
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{1});
  q.search = "   ";
  CHECK(RunQuoteQuery(f.a, f.doc, q).size() == 4);
}

TEST_CASE("sorting by speaker is stable and reversible") {
  Fixture f = Make();
  QuoteQuery q;
  q.sort = QuoteQuery::Sort::Speaker;
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{0, 2, 1, 3});  // Ana, Ana, Ben, Officials
  q.descending = true;
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{3, 1, 0, 2});
  q = {};
  q.sort = QuoteQuery::Sort::Kind;
  CHECK(RunQuoteQuery(f.a, f.doc, q) == std::vector<int>{0, 2, 1, 3});
}

TEST_CASE("speaker counts: most quotes first / unnamed phrases and unattributed quotes listed") {
  Fixture f = Make();
  f.a.quotes.push_back(f.a.quotes[3]);
  f.a.quotes.back().speaker.clear();
  auto counts = CountSpeakers(f.a);
  REQUIRE(counts.size() == 4);
  CHECK(counts[0].speaker == "Ana Reis");
  CHECK(counts[0].count == 2);
  CHECK(counts[0].entity == 0);
  CHECK(counts[1].speaker == "Ben Marlow");
  CHECK(counts[2].speaker == "Officials");
  CHECK(counts[3].speaker == "Unattributed");
  CHECK(SpeakerName(f.a, f.a.quotes[3]) == "Officials");
}
