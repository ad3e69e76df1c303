// Tests for gazetteer_matching.h: place names in the text against a small hand-made gazetteer
// (invented places), so each rule is seen on its own.
#include "recognizer_fixture.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

// Two invented countries; a capital; a big city; a small town named like a word; a same-name
// town in each country.
const Gazetteer& World() {
  static const Gazetteer g = Gazetteer::Parse(
      "#lectern-gazetteer 1\n"
      "C\tXA\t10\t20\t90000\t1\tNowhere\tWestern Nowhere\tArcadia|Republic of Arcadia\tArcadian\tNova\n"
      "C\tXB\t12\t24\t50000\t1\tNowhere\tWestern Nowhere\tBorland and Tessa\tBorlandese\tPort Vale\n"
      "C\tXC\t14\t28\t30000\t1\tNowhere\tWestern Nowhere\tNorth Vantia\tNorth Vantian\tKel\n"
      "T\tNova\tXA\t10.5\t20.5\t900\tC\n"
      "T\tPort Vale\tXB\t12.5\t24.5\t300\tC\n"
      "T\tGrandmere\tXA\t11\t21\t2500\t\n"
      "T\tMarlow\tXA\t11.2\t21.2\t40\t\n"
      "T\tHarbour\tXA\t11.4\t21.4\t35\tW\n"
      "T\tSelden\tXA\t11.6\t21.6\t45\t\n"
      "T\tSelden\tXB\t12.6\t24.6\t60\t\n");
  return g;
}

uint32_t Match(const Indexed& t, uint32_t b, const std::vector<Gazetteer::NameHit>** hits) {
  return t.places.MatchGazetteer(b, t.cx.SEnd(b), hits);
}

}  // namespace

TEST_CASE("the longest name wins: a country of three words, a two-word city") {
  Indexed t("Headline\n\nTalks between Borland and Tessa and Port Vale officials went on.", World());
  const std::vector<Gazetteer::NameHit>* hits = nullptr;
  const uint32_t b = t.Tok("Borland");
  CHECK(Match(t, b, &hits) == b + 3);
  REQUIRE(hits);
  CHECK(World().place((*hits)[0].place).country_code == "XB");
  const uint32_t pv = t.Tok("Port");
  CHECK(Match(t, pv, &hits) == pv + 2);
  CHECK(Match(t, t.Tok("Talks"), &hits) == t.Tok("Talks"));  // no place
}

TEST_CASE("a two-word demonym, and a people's plural") {
  Indexed t("Headline\n\nNorth Vantian troops met Arcadians.", World());
  int place = -1;
  const uint32_t n = t.Tok("North");
  CHECK(t.places.MatchDemonym(n, t.cx.SEnd(n), &place) == n + 2);
  CHECK(World().place(uint32_t(place)).country_code == "XC");
  const uint32_t a = t.Tok("Arcadians");
  CHECK(t.places.MatchDemonym(a, a + 1, &place) == a + 1);
  CHECK(World().place(uint32_t(place)).name == "Arcadia");
}

TEST_CASE("a town needs context: a locative preposition, or its country named in the story") {
  const std::vector<Candidate> none;
  auto strength = [&](const Indexed& t, const char* word) {
    const std::vector<Gazetteer::NameHit>* hits = nullptr;
    const uint32_t b = t.Tok(word);
    const uint32_t e = Match(t, b, &hits);
    REQUIRE(e > b);
    std::vector<uint32_t> usable;
    return t.places.PlaceStrength(b, e, *hits, false, none, &usable);
  };
  Indexed bare("Headline\n\nThe report said Marlow agreed.", World());
  CHECK(strength(bare, "Marlow") < 0);  // a surname as likely as a town
  Indexed in("Headline\n\nThe report said flooding hit homes in Marlow.", World());
  CHECK(strength(in, "Marlow") >= kGood);
  Indexed named("Headline\n\nThe report said Marlow agreed, Arcadian officials said.", World());
  CHECK(strength(named, "Marlow") >= kGood);
  Indexed word("Headline\n\nThe Harbour plan was dropped.", World());
  CHECK(strength(word, "Harbour") < 0);  // a town named like a word needs a preposition
  Indexed capital("Headline\n\nOfficials in Nova said so. Nova agreed.", World());
  CHECK(strength(capital, "Nova") >= kGood);
}

TEST_CASE("a place the story names with a place noun is one place wherever it recurs") {
  Indexed t("Headline\n\nFloods hit Marsh Selden province on Monday. Marsh Selden needs aid.", World());
  const uint32_t first = t.Tok("Marsh", 0), second = t.Tok("Marsh", 1);
  CHECK(t.places.LocalPlaceAt(first, t.cx.SEnd(first)) == first + 2);
  CHECK(t.places.LocalPlaceAt(second, t.cx.SEnd(second)) == second + 2);
  CHECK(t.places.LocalPlaceAt(t.Tok("Floods"), t.cx.SEnd(first)) == t.Tok("Floods"));
}

TEST_CASE("the countries a story names, and same-name towns resolved to them") {
  Indexed t("Headline\n\nBorlandese officials visited Selden.", World());
  CHECK(t.places.CountryNamed("XB"));
  CHECK_FALSE(t.places.CountryNamed("XA"));
  std::vector<Candidate> cands(2);
  const uint32_t s = t.Tok("Selden");
  const auto& hits = World().FindName("selden");
  REQUIRE(hits.size() == 2);
  cands[0].hits = {hits[0].place, hits[1].place};  // XA's first: it is listed first
  cands[0].tb = s;
  cands[0].te = s + 1;
  cands[1].hits = {World().FindCountry("XB") >= 0 ? uint32_t(World().FindCountry("XB")) : 0u};
  cands[1].strength = kGood;
  t.places.ChooseCities(cands);
  REQUIRE(cands[0].place >= 0);
  CHECK(World().place(uint32_t(cands[0].place)).country_code == "XB");
}

TEST_CASE("Bank Indonesia: a name ending in a country's name") {
  Indexed t("Headline\n\nThe Bank of North Vantia and Bank Arcadia met.", World());
  const uint32_t bank = t.Tok("Bank", 1);
  CHECK(t.places.EndsWithCountry(bank + 1, bank + 2));
  CHECK_FALSE(t.places.EndsWithCountry(t.Tok("met"), t.Tok("met") + 1));
  CHECK(t.places.SizeablePlace(t.ix.Range(t.Tok("North"), t.Tok("North") + 2)));
}
