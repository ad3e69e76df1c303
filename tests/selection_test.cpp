// Tests for selection.h: the link model shared by the three windows.
#include "selection.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {

// Two people, one place; a quote by the first person, one by nobody known.
Analysis MakeAnalysis() {
  Analysis a;
  Entity p1;
  p1.id = "ana-silva";
  p1.mentions = {{Span{10, 14}}, {Span{50, 54}}, {Span{90, 94}}};
  Entity p2;
  p2.id = "ben-okoro";
  p2.mentions = {{Span{20, 24}}};
  Entity pl;
  pl.id = "lisbon";
  pl.type = EntityType::Place;
  pl.mentions = {{Span{30, 36}}};
  a.entities = {p1, p2, pl};
  Quote q1;
  q1.id = "q1";
  q1.extent = Span{40, 60};
  q1.speaker_entity = 0;
  Quote q2;
  q2.id = "q2";
  q2.extent = Span{70, 80};
  a.quotes = {q1, q2};
  Relation co;
  co.source = 0;
  co.target = 1;
  co.weight = 2;
  Relation typed;
  typed.source = 2;
  typed.target = 0;
  typed.kind = RelationKind::LocatedIn;
  typed.weight = 1;
  a.relations = {co, typed};
  return a;
}

}  // namespace

TEST_CASE("selecting an entity bumps the serial once and clears an unrelated quote") {
  Analysis a = MakeAnalysis();
  Selection s;
  CHECK(SelectQuote(s, a, 1, SelectOrigin::Quotes));
  CHECK(s.quote == 1);
  CHECK(s.entity == -1);  // q2's speaker is not an entity
  const auto serial = s.serial;
  CHECK(SelectEntity(s, a, 1, SelectOrigin::Map));
  CHECK(s.serial == serial + 1);
  CHECK(s.quote == -1);
  CHECK_FALSE(SelectEntity(s, a, 1, SelectOrigin::Article));  // no change, no bump
  CHECK(s.serial == serial + 1);
  CHECK(s.origin == SelectOrigin::Article);
}

TEST_CASE("selecting a quote selects its speaker / selecting the speaker keeps the quote") {
  Analysis a = MakeAnalysis();
  Selection s;
  CHECK(SelectQuote(s, a, 0, SelectOrigin::Quotes));
  CHECK(s.entity == 0);
  CHECK(SelectionSpan(s, a) == Span{40, 60});
  CHECK_FALSE(SelectEntity(s, a, 0, SelectOrigin::Map));
  CHECK(s.quote == 0);
  CHECK(SelectQuote(s, a, -1, SelectOrigin::Quotes));
  CHECK(s.quote == -1);
  CHECK(s.entity == 0);
  CHECK(SelectionSpan(s, a) == Span{10, 14});
}

TEST_CASE("out-of-range ids clear instead of crashing (stale links, filtered lists)") {
  Analysis a = MakeAnalysis();
  Selection s;
  SelectEntity(s, a, 2, SelectOrigin::Link);
  CHECK(SelectEntity(s, a, 99, SelectOrigin::Link));
  CHECK(s.entity == -1);
  CHECK_FALSE(SelectQuote(s, a, -5, SelectOrigin::Link));
  CHECK_FALSE(SelectQuote(s, a, 7, SelectOrigin::Link));
  CHECK(SelectionSpan(s, a).empty());
  Selection t;
  CHECK(NextMention(t, a, 0).empty());
}

TEST_CASE("NextMention starts after the view's top and wraps around") {
  Analysis a = MakeAnalysis();
  Selection s;
  SelectEntity(s, a, 0, SelectOrigin::Map);
  CHECK(NextMention(s, a, 45) == Span{50, 54});
  CHECK(NextMention(s, a, 45) == Span{90, 94});
  CHECK(NextMention(s, a, 45) == Span{10, 14});  // wrapped
  CHECK(SelectionSpan(s, a) == Span{10, 14});
  SelectEntity(s, a, 1, SelectOrigin::Map);  // a new entity starts over
  CHECK(s.mention == -1);
  CHECK(NextMention(s, a, 1000) == Span{20, 24});
}

TEST_CASE("ClearSelection bumps only when something was selected") {
  Analysis a = MakeAnalysis();
  Selection s;
  ClearSelection(s);
  CHECK(s.serial == 0);
  SelectEntity(s, a, 0, SelectOrigin::Map);
  ClearSelection(s);
  CHECK(s.serial == 2);
  CHECK(s.entity == -1);
}

TEST_CASE("related entities: stated relations rank above co-occurrence") {
  Analysis a = MakeAnalysis();
  CHECK(RelatedEntities(a, 0) == std::vector<int>{2, 1});
  CHECK(RelatedEntities(a, 1) == std::vector<int>{0});
  CHECK(RelatedEntities(a, 5).empty());
}

TEST_CASE("SelectMention picks an exact mention / the selection span follows it") {
  Analysis a = MakeAnalysis();
  Selection s;
  CHECK(SelectMention(s, a, 0, 2, SelectOrigin::Map));
  CHECK(s.entity == 0);
  CHECK(s.mention == 2);
  CHECK(SelectionSpan(s, a) == Span{90, 94});
  const auto serial = s.serial;
  CHECK(SelectMention(s, a, 0, 1, SelectOrigin::Map));  // same entity, other mention
  CHECK(s.serial == serial + 1);
  CHECK_FALSE(SelectMention(s, a, 0, 1, SelectOrigin::Map));
  CHECK(SelectMention(s, a, 1, 7, SelectOrigin::Map));  // bad index: the entity alone
  CHECK(s.entity == 1);
  CHECK(s.mention == -1);
}
