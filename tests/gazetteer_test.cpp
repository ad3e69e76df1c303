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
      "R\tWestern Nowhere\t48\t6\tWestern Nowherean\n"
      "D\tUpland|Upland Province|Upl.\tXA\t11\t21\tProvince\n"
      "D\tno fields\n");
  CHECK(g.size() == 4);
  CHECK(g.division_count() == 1);
  REQUIRE(!g.FindName("upl.").empty());
  const auto& upland = g.place(g.FindName("upland province")[0].place);
  CHECK(upland.kind == Gazetteer::Kind::Division);
  CHECK(upland.name == "Upland");
  CHECK(upland.subregion == "Province");
  CHECK(upland.lat == doctest::Approx(11));
  REQUIRE(!g.FindName("arcadia").empty());
  CHECK(!g.FindName("republic of arcadia").empty());
  CHECK(g.place(g.FindDemonym("arcadian")).name == "Arcadia");
  const auto& nova = g.FindName("nova city");
  REQUIRE(!nova.empty());
  CHECK(g.place(nova[0].place).population == 120000);
  CHECK(g.FindCountry("XA") == 0);
  CHECK(Gazetteer::Parse("").size() == 0);
}

TEST_CASE("first-level divisions: states and provinces with their abbreviations, ranked after big cities") {
  const Gazetteer& g = Gazetteer::Builtin();
  CHECK(g.division_count() > 3000);
  const auto* mn = First(g, "Minnesota");
  REQUIRE(mn);
  CHECK(mn->kind == Gazetteer::Kind::Division);
  CHECK(mn->country_code == "US");
  CHECK(mn->lat == doctest::Approx(46).epsilon(0.05));
  REQUIRE(First(g, "Minn."));                // the abbreviation news style uses
  CHECK(First(g, "Minn.") == mn);
  CHECK(g.FindName("mn").empty());           // a postal code reads as a word: not a name
  REQUIRE(First(g, "Alberta"));
  CHECK(First(g, "Alberta")->country_code == "CA");
  // A city of a million or a capital comes before the division of its name; a division before a
  // smaller city ("Florida" the state, not the Uruguayan town).
  CHECK(First(g, "New York")->kind == Gazetteer::Kind::City);
  CHECK(First(g, "Washington")->kind == Gazetteer::Kind::City);
  REQUIRE(First(g, "Florida"));
  CHECK(First(g, "Florida")->kind == Gazetteer::Kind::Division);
  // A country keeps its name; a division named by a plain word or a personal name is left out.
  CHECK(First(g, "Georgia")->kind == Gazetteer::Kind::Country);
  for (const auto& h : g.FindName("southern")) CHECK(g.place(h.place).kind != Gazetteer::Kind::Division);
  // The named regions the divisions lie in, with a point.
  REQUIRE(First(g, "Midwest"));
  CHECK(First(g, "Midwest")->kind == Gazetteer::Kind::Region);
  CHECK(First(g, "Midwest")->lon < -80);
}
