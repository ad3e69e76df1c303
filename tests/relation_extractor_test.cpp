// Tests for relation_extractor.h through Analyze(): roles from titles and appositions, located
// in, visits, agreements, co-occurrence weights — each with the sentences that support it.
#include "analysis.h"
#include "gazetteer.h"
#include "relation_extractor.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

struct Run {
  Document doc;
  Analysis a;
  explicit Run(const std::string& body) {
    LoadResult r = LoadDocument("Headline\n\n" + body, "test.txt");
    doc = std::move(r.doc);
    a = Analyze(doc, Gazetteer::Builtin());
  }
  const Relation* Find(const std::string& src, const std::string& kind, const std::string& dst) const {
    for (const Relation& r : a.relations)
      if (a.entities[r.source].name == src && a.entities[r.target].name == dst && r.kind_name == kind)
        return &r;
    return nullptr;
  }
  // Every piece of evidence is one of the analysis's sentences.
  bool EvidenceIsSentences(const Relation& r) const {
    for (Span e : r.evidence) {
      bool ok = false;
      for (const Sentence& s : a.sentences) ok = ok || s.span == e;
      if (!ok) return false;
    }
    return !r.evidence.empty();
  }
};

}  // namespace

TEST_CASE("role kinds are slugs of the role's head") {
  CHECK(RoleKindName("President") == "president_of");
  CHECK(RoleKindName("chief executive") == "chief_executive_of");
  CHECK(RoleKindName("Minister of Trade and Industry") == "minister_of");
  CHECK(RoleKindName("senior vice-president for marketing") == "senior_vice_president_of");
}

TEST_CASE("roles from titles and appositions") {
  Run r("Chilean President Camila Rojas met investors. Vantora\xE2\x80\x99s chief executive, "
        "Jonas Berg, joined them. Mei Tanaka, a senior analyst at Hartwell Partners in Leeds, "
        "said the mood was good.");
  const Relation* p = r.Find("Camila Rojas", "president_of", "Chile");
  REQUIRE(p);
  CHECK(p->kind == RelationKind::RoleOf);
  CHECK(r.EvidenceIsSentences(*p));
  CHECK(r.a.entities[r.a.FindEntity("camila-rojas")].role == "President of Chile");
  const Relation* c = r.Find("Jonas Berg", "chief_executive_of", "Vantora");
  REQUIRE(c);
  CHECK(r.a.entities[r.a.FindEntity("jonas-berg")].role == "chief executive of Vantora");
  CHECK(r.Find("Mei Tanaka", "senior_analyst_of", "Hartwell Partners"));
  const Relation* l = r.Find("Hartwell Partners", "located_in", "Leeds");
  REQUIRE(l);
  CHECK(r.EvidenceIsSentences(*l));
}

TEST_CASE("located in from names, visits, agreements") {
  Run r("Students at the University of Quorra protested. Rojas\xE2\x80\x99s visit to Lima ended "
        "early. The agreement between Peru and Bolivia was signed later. Argentina signed a deal "
        "with Uruguay.");
  CHECK(r.Find("University of Quorra", "located_in", "Quorra") == nullptr);  // no such place entity
  CHECK(r.Find("Peru", "agreement_with", "Bolivia"));
  CHECK(r.Find("Argentina", "agreement_with", "Uruguay"));
  Run v("Chilean President Camila Rojas flew north. Rojas\xE2\x80\x99s visit to Lima ended early. "
        "The University of Lima hosted her.");
  CHECK(v.Find("Camila Rojas", "visit_to", "Lima"));
  CHECK(v.Find("University of Lima", "located_in", "Lima"));
}

TEST_CASE("co-occurrence counts sentences and lists them as evidence") {
  Run r("Ghana and Togo closed the border. Trade between Ghana and Togo fell. Benin was calm.");
  const Relation* co = nullptr;
  for (const Relation& x : r.a.relations)
    if (x.kind == RelationKind::CoOccurrence &&
        ((r.a.entities[x.source].name == "Ghana" && r.a.entities[x.target].name == "Togo") ||
         (r.a.entities[x.source].name == "Togo" && r.a.entities[x.target].name == "Ghana")))
      co = &x;
  REQUIRE(co);
  CHECK(co->weight == 2);
  CHECK(co->evidence.size() == 2);
  CHECK(r.EvidenceIsSentences(*co));
  for (const Relation& x : r.a.relations) {
    CHECK(x.source != x.target);
    CHECK(x.source >= 0);
    CHECK(size_t(x.target) < r.a.entities.size());
  }
}
