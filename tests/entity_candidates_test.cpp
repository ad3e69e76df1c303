// Tests for entity_candidates.h: what the rules propose, before clustering, on invented sentences.
#include "entity_candidates.h"

#include "recognizer_fixture.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

struct Found {
  Indexed t;
  CandidateSet set;
  explicit Found(const std::string& text) : t(text), set(FindCandidates(t.cx, t.places)) {}
  // The candidate whose text is exactly `text`, or null.
  const Candidate* Get(const std::string& text) const {
    for (const Candidate& c : set.cands)
      if (t.Text(c.span) == text) return &c;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("a dateline: the city is a place whatever its size, the agency in brackets an organisation") {
  Found f("Headline\n\nVELMORA, Arcadia (Reuters) \xE2\x80\x94 Prices rose on Monday.");
  const Candidate* city = f.Get("VELMORA");
  REQUIRE(city);
  CHECK(city->type == EntityType::Place);
  CHECK(city->strength == kStrong);
  CHECK(city->name == "Velmora");
  const Candidate* agency = f.Get("Reuters");
  REQUIRE(agency);
  CHECK(agency->type == EntityType::Org);
}

TEST_CASE("a title before a name: the person, the demonym a place, and a role waiting for its person") {
  Found f("Headline\n\nThe talks ended when Chilean Trade Minister Tomasa Ibarra left.");
  const Candidate* p = f.Get("Tomasa Ibarra");
  REQUIRE(p);
  CHECK(p->type == EntityType::Person);
  CHECK(p->strength == kStrong);
  const Candidate* chile = f.Get("Chilean");
  REQUIRE(chile);
  CHECK(chile->type == EntityType::Place);
  CHECK(chile->form == Mention::Form::Demonym);
  REQUIRE(f.set.roles.size() == 1);
  CHECK(f.set.roles[0].role == "Trade Minister");
  CHECK(&f.set.cands[size_t(f.set.roles[0].person)] == p);
}

TEST_CASE("a long name defines its acronym in brackets, linked to it") {
  Found f("Headline\n\nThe Velmoran Fisheries Authority (VFA) said on Monday that stocks fell.");
  const Candidate* lng = f.Get("Velmoran Fisheries Authority");
  const Candidate* acr = f.Get("VFA");
  REQUIRE(lng);
  REQUIRE(acr);
  CHECK(lng->type == EntityType::Org);
  CHECK(acr->acronym);
  CHECK(&f.set.cands[size_t(acr->link)] == lng);
}

TEST_CASE("a place inside a hyphenated modifier, and a modifier's name alone is only a weak guess") {
  Found f("Headline\n\nThe Vienna-based group and a Torvane-backed fund met.");
  const Candidate* vienna = f.Get("Vienna");
  REQUIRE(vienna);
  CHECK(vienna->type == EntityType::Place);
  const Candidate* torvane = f.Get("Torvane");
  REQUIRE(torvane);
  CHECK(torvane->strength == kWeak);
}

TEST_CASE("an occupation opening a sentence is the role, not part of the name") {
  Found f("Headline\n\nAnalyst Jonas Varga said prices would rise.");
  CHECK_FALSE(f.Get("Analyst Jonas Varga"));
  const Candidate* p = f.Get("Jonas Varga");
  REQUIRE(p);
  CHECK(p->type == EntityType::Person);
  REQUIRE(f.set.roles.size() == 1);
  CHECK(f.set.roles[0].role == "Analyst");
}

TEST_CASE("organisation head words, place head words, and the words around a bare name") {
  Found f("Headline\n\nThe Velmora Shipping Company and the Kessel Sea were named. "
          "Refiner Ostrel said so, and officials at Pascor agreed.");
  const Candidate* co = f.Get("Velmora Shipping Company");
  REQUIRE(co);
  CHECK(co->type == EntityType::Org);
  const Candidate* sea = f.Get("Kessel Sea");
  REQUIRE(sea);
  CHECK(sea->type == EntityType::Place);
  const Candidate* ostrel = f.Get("Ostrel");
  REQUIRE(ostrel);
  CHECK(ostrel->type == EntityType::Org);
  const Candidate* pascor = f.Get("Pascor");
  REQUIRE(pascor);
  CHECK(pascor->type == EntityType::Org);
}

TEST_CASE("every token inside a candidate is claimed, and only those") {
  Found f("Headline\n\nMinister Ana Ruiz met reporters in Lima.");
  for (uint32_t i = 0; i < f.t.ix.size(); ++i) {
    bool inside = false;
    for (const Candidate& c : f.set.cands) inside = inside || (i >= c.tb && i < c.te);
    CAPTURE(std::string(f.t.ix.Text(i)));
    if (inside) CHECK(f.set.claimed[i] == 1);
  }
  CHECK(f.set.claimed[f.t.Tok("reporters")] == 0);
}
