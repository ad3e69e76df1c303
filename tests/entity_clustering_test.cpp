// Tests for entity_clustering.h: candidates gathered into entities, on invented sentences.
#include "entity_clustering.h"

#include "entity_candidates.h"
#include "recognizer_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

struct Clustered {
  Indexed t;
  CandidateSet set;
  Clusters clusters;
  explicit Clustered(const std::string& text)
      : t(text), set(FindCandidates(t.cx, t.places)), clusters(Cluster(t, set)) {}
  static Clusters Cluster(const Indexed& t, CandidateSet& set) {
    t.places.ChooseCities(set.cands);
    return ClusterCandidates(t.cx, set);
  }
  // The entity of the candidate whose text is `text` (-1: none, or the candidate was dropped).
  int EntityOf(const std::string& text, int nth = 0) const {
    for (const Candidate& c : set.cands)
      if (t.Text(c.span) == text && nth-- == 0) return c.entity;
    return -2;
  }
};

}  // namespace

TEST_CASE("a surname and a title with the surname join the full name") {
  Clustered c("Headline\n\nMirela Dragan spoke first. Dragan said more, and Minister Dragan left.");
  const int full = c.EntityOf("Mirela Dragan");
  REQUIRE(full >= 0);
  CHECK(c.EntityOf("Dragan", 1) == full);
  CHECK(c.clusters.ents[size_t(full)].type == EntityType::Person);
  CHECK(c.clusters.ents[size_t(full)].name == "Mirela Dragan");
}

TEST_CASE("an acronym joins the organisation whose initials it spells") {
  Clustered c("Headline\n\nThe Velmora Water Authority raised prices. Critics said VWA acted too fast.");
  const int org = c.EntityOf("Velmora Water Authority");
  REQUIRE(org >= 0);
  CHECK(c.EntityOf("VWA") == org);
}

TEST_CASE("a weak single word needs the text to confirm it") {
  Clustered once("Headline\n\nThe plan suits Kovrin well.");
  CHECK(once.EntityOf("Kovrin") == -1);  // once, before a noun: a guess, dropped
  Clustered again("Headline\n\nThe plan suits Kovrin. Critics blame Kovrin.");
  CHECK(again.EntityOf("Kovrin") >= 0);
  CHECK(again.EntityOf("Kovrin", 1) == again.EntityOf("Kovrin"));
  Clustered twice("Headline\n\nThe Trebor plan was praised. Later the Trebor plan was dropped.");
  CHECK(twice.EntityOf("Trebor") < 0);  // only ever before a noun: a product or a brand
}

TEST_CASE("a place and its demonym are one entity, the gazetteer's place") {
  Clustered c("Headline\n\nKenyan officials said Kenya would act.");
  const int kenya = c.EntityOf("Kenya");
  REQUIRE(kenya >= 0);
  CHECK(c.EntityOf("Kenyan") == kenya);
  CHECK(c.clusters.ents[size_t(kenya)].place >= 0);
  CHECK(ShortName(c.t.cx, c.set.cands[c.clusters.ents[size_t(kenya)].cands[0]]).empty());
}

TEST_CASE("short names: a person's last name, a company's word before its legal form") {
  Clustered c("Headline\n\nLars Ekberg joined Trovex Holding AG in May.");
  const int lars = c.EntityOf("Lars Ekberg");
  REQUIRE(lars >= 0);
  CHECK(ShortName(c.t.cx, c.set.cands[c.clusters.ents[size_t(lars)].cands[0]]) == "ekberg");
  const int co = c.EntityOf("Trovex Holding AG");
  REQUIRE(co >= 0);
  CHECK(ShortName(c.t.cx, c.set.cands[c.clusters.ents[size_t(co)].cands[0]]) == "trovex");
}

TEST_CASE("KeyViews and CountWords") {
  CHECK(KeyViews("united states of america").size() == 4);
  CHECK(KeyViews("x").size() == 1);
  CHECK(CountWords("Anna K. Berg") == 3);
  CHECK(CountWords("U.N.") == 1);
}
