// recognizer_fixture.h — an article indexed for the entity recogniser's stages, for the stage
// tests (name_context_test, gazetteer_matching_test, entity_candidates_test, ...).
//
//   Indexed t("Headline\n\nPresident Ana Ruiz spoke in Lima.");
//   CandidateSet found = FindCandidates(t.cx, t.places);
//   t.Tok("Lima")                       // index of the first token with that text
#pragma once

#include "document.h"
#include "gazetteer.h"
#include "gazetteer_matching.h"
#include "name_context.h"
#include "text_index.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace lectern {

struct Indexed {
  std::unique_ptr<Document> doc;  // the index points into it: it stays put
  TextIndex ix;
  NameContext cx;
  PlaceMatcher places;

  explicit Indexed(const std::string& text, const Gazetteer& world = Gazetteer::Builtin())
      : doc(Load(text)), ix(BuildTextIndex(*doc)), cx(ix, world), places(cx) {}

  // Index of the `nth` token (0-based) whose text is `text`; fails the test if there is none.
  uint32_t Tok(std::string_view text, int nth = 0) const {
    for (uint32_t i = 0; i < ix.size(); ++i)
      if (ix.Text(i) == text && nth-- == 0) return i;
    FAIL("no token " << std::string(text));
    return 0;
  }
  std::string Text(Span s) const { return std::string(ix.Text(s)); }

 private:
  static std::unique_ptr<Document> Load(const std::string& text) {
    LoadResult r = LoadDocument(text, "test.txt");
    REQUIRE(r.ok());
    return std::make_unique<Document>(std::move(r.doc));
  }
};

}  // namespace lectern
