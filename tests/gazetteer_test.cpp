// Tests for gazetteer.h: the generated world data (countries, alternative names, demonyms,
// regions, cities with coordinates) and the parser of its format.
#include "gazetteer.h"

#include "text_util.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

const Gazetteer::Place* First(const Gazetteer& g, const char* name) {
  const auto& hits = g.FindName(FoldKey(name));
  return hits.empty() ? nullptr : &g.place(hits[0].place);
}

}  // namespace

TEST_CASE("countries: common, official and alternative names, codes, coordinates") {
  const Gazetteer& g = Gazetteer::Builtin();
  const auto* hu = First(g, "Hungary");
  REQUIRE(hu);
  CHECK(hu->kind == Gazetteer::Kind::Country);
  CHECK(hu->country_code == "HU");
  CHECK(hu->capital == "Budapest");
  CHECK(hu->lat == doctest::Approx(47).epsilon(0.05));
  REQUIRE(First(g, "Slovak Republic"));  // official name of Slovakia
  CHECK(First(g, "Slovak Republic")->country_code == "SK");
  REQUIRE(First(g, "Turkey"));          // short form of "Republic of Turkey"
  CHECK(First(g, "Turkey")->country_code == "TR");
  REQUIRE(First(g, "Korea"));           // the Republic's short name, not the DPRK's
  CHECK(First(g, "Korea")->country_code == "KR");
  REQUIRE(First(g, "Britain"));
  CHECK(First(g, "Britain")->country_code == "GB");
  // Codes are flagged so that only capitals match them ("UK", not "uk").
  const auto& uk = g.FindName("uk");
  REQUIRE(!uk.empty());
  CHECK(uk[0].code);
  CHECK(g.FindName("it").empty());      // an ISO code that is a word is no name
  CHECK(g.FindCountry("PT") >= 0);
  CHECK(g.place(g.FindCountry("KE")).name == "Kenya");
}

TEST_CASE("demonyms and region adjectives") {
  const Gazetteer& g = Gazetteer::Builtin();
  REQUIRE(g.FindDemonym("hungarian") >= 0);
  CHECK(g.place(g.FindDemonym("hungarian")).name == "Hungary");
  CHECK(g.place(g.FindDemonym("ghanaian")).country_code == "GH");
  CHECK(g.place(g.FindDemonym("north korean")).country_code == "KP");
  // Shared demonyms go to the independent, larger country.
  CHECK(g.place(g.FindDemonym("dominican")).country_code == "DO");
  REQUIRE(g.FindDemonym("asian") >= 0);
  CHECK(g.place(g.FindDemonym("asian")).kind == Gazetteer::Kind::Region);
  const auto* ce = First(g, "Eastern Asia");
  REQUIRE(ce);
  CHECK(ce->kind == Gazetteer::Kind::Region);
}

TEST_CASE("cities: diacritics folded, capitals first, short forms") {
  const Gazetteer& g = Gazetteer::Builtin();
  CHECK(g.city_count() > 10000);
  const auto* sp = First(g, "Sao Paulo");
  REQUIRE(sp);
  CHECK(sp->name == "S\xC3\xA3o Paulo");
  CHECK(sp->country_code == "BR");
  const auto* gd = First(g, "Gda\xC5\x84sk");
  REQUIRE(gd);
  CHECK(gd->lat == doctest::Approx(54.35).epsilon(0.01));
  const auto* wa = First(g, "Washington");
  REQUIRE(wa);
  CHECK(wa->country_code == "US");
  CHECK((wa->flags & Gazetteer::kCapital) != 0);
  CHECK(First(g, "New York"));
  CHECK(g.IsNamePrefix("new"));
  CHECK(g.IsNamePrefix("addis"));
  // Ambiguous city names carry the flags the analysis asks context for.
  const auto* nice = First(g, "Nice");
  REQUIRE(nice);
  CHECK((nice->flags & Gazetteer::kCommonWord) != 0);
}

TEST_CASE("Parse reads the generated format and skips malformed lines") {
  Gazetteer g = Gazetteer::Parse(
      "#lectern-gazetteer 1\n"
      "C\tXA\t10\t20\t1000\t1\tNowhere\tWestern Nowhere\tArcadia|Republic of Arcadia\tArcadian\tNova\n"
      "garbage line\n"
      "T\tNova|Nova City\tXA\t10.5\t20.5\t120\tC\n"
      "T\tonly\tthree\n"
      "R\tWestern Nowhere\t48\t6\tWestern Nowherean\n");
  CHECK(g.size() == 3);
  REQUIRE(!g.FindName("arcadia").empty());
  CHECK(!g.FindName("republic of arcadia").empty());
  CHECK(g.place(g.FindDemonym("arcadian")).name == "Arcadia");
  const auto& nova = g.FindName("nova city");
  REQUIRE(!nova.empty());
  CHECK(g.place(nova[0].place).population == 120000);
  CHECK(g.FindCountry("XA") == 0);
  CHECK(Gazetteer::Parse("").size() == 0);
}
