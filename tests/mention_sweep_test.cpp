// Tests for mention_sweep.h: every surface form of every entity found over the whole text.
#include "mention_sweep.h"

#include "entity_candidates.h"
#include "entity_clustering.h"
#include "recognizer_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace lectern;

namespace {

struct Swept {
  Indexed t;
  CandidateSet set;
  Clusters clusters;
  explicit Swept(const std::string& text) : t(text), set(FindCandidates(t.cx, t.places)) {
    t.places.ChooseCities(set.cands);
    clusters = ClusterCandidates(t.cx, set);
    SweepMentions(t.cx, set, clusters);
  }
  // Swept mention texts of the entity with this name.
  std::vector<std::string> Mentions(const std::string& name) const {
    std::vector<std::string> out;
    for (const EntityBuild& e : clusters.ents)
      if (e.name == name)
        for (const Mention& m : e.mentions) out.push_back(t.Text(m.span));
    return out;
  }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("the headline's uses of a name the body gives are swept as mentions") {
  Swept s("Dragan Opens Kestrel Talks\n\nMirela Dragan opened talks with Kestrel Holdings Ltd. on Monday.");
  const uint32_t headline_dragan = s.t.Tok("Dragan", 0);
  CHECK(s.t.ix.InHeadline(headline_dragan));
  const Strings m = s.Mentions("Mirela Dragan");
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "Dragan");
  CHECK(s.set.claimed[headline_dragan] == 2);
  const Strings k = s.Mentions("Kestrel Holdings Ltd.");
  CHECK(k == Strings{"Kestrel"});  // the company by its own word
}

TEST_CASE("a word inside a longer name is not taken out of it") {
  Swept s("Headline\n\nMirela Dragan opened the Nairobi Stock Exchange session. Later, Dragan spoke in Nairobi.");
  for (const EntityBuild& e : s.clusters.ents)
    for (const Mention& mm : e.mentions)
      CHECK(s.t.Text(mm.span) != "Nairobi Stock");
  // The token "Nairobi" inside the exchange's name is claimed by it, not by the city.
  const uint32_t inside = s.t.Tok("Nairobi", 0);
  CHECK(s.set.claimed[inside] != 0);
}

TEST_CASE("an acronym is not the word it spells") {
  Swept s("Headline\n\nThe National Institute for Care Excellence (NICE) ruled. Nice was calm, and NICE spoke.");
  for (const EntityBuild& e : s.clusters.ents) {
    if (e.name != "Nice") continue;
    for (const Mention& m : e.mentions) CHECK(s.t.Text(m.span) != "NICE");
  }
}

TEST_CASE("guesses that found no entity give their tokens back") {
  Swept s("Headline\n\nThe plan suits Kovrin well.");
  CHECK(s.set.claimed[s.t.Tok("Kovrin")] == 0);
}
