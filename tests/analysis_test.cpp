// Tests for analysis.h as a whole: Analyze() never throws or crashes, whatever the bytes, and
// its results keep their invariants (spans inside the text, valid indices, stable ids).
#include "analysis.h"
#include "gazetteer.h"

#include "allocation_counter.h"
#include "../src/cli/pathological_shapes.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace lectern;

namespace {

// Every span inside the text, every index valid, ids unique.
void CheckInvariants(const Document& doc, const Analysis& a) {
  const uint32_t n = uint32_t(doc.bytes.size());
  for (const Token& t : a.tokens) CHECK(t.span.end <= n);
  for (const Sentence& s : a.sentences) CHECK(s.first_token + s.token_count <= a.tokens.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    CHECK(!e.id.empty());
    CHECK(a.FindEntity(e.id) == int(i));
    CHECK(!e.mentions.empty());
    for (const Mention& m : e.mentions) {
      CHECK(m.span.begin < m.span.end);
      CHECK(m.span.end <= n);
    }
    CHECK(e.located_in < int(a.entities.size()));
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    CHECK(q.id == "q" + std::to_string(i + 1));
    CHECK(q.extent.end <= n);
    CHECK(!q.parts.empty());
    for (Span p : q.parts) CHECK(p.end <= n);
    CHECK(q.speaker_entity < int(a.entities.size()));
    if (i) CHECK(a.quotes[i - 1].extent.begin <= q.extent.begin);
  }
  for (const Relation& r : a.relations) {
    CHECK(r.source >= 0);
    CHECK(r.target >= 0);
    CHECK(r.source < int(a.entities.size()));
    CHECK(r.target < int(a.entities.size()));
    for (Span e : r.evidence) CHECK(e.end <= n);
  }
}

}  // namespace

// Found by tools/fuzz (fuzz_analyze, minimised): a capitalised determiner as the last token of
// the text left a name run empty at one past the end, and the recogniser asked which sentence
// that token was in (a read past the index; the ASan build of this test catches it).
TEST_CASE("a name run that ends the text at a stripped determiner") {
  for (const char* text : {"e\nThe", "e\nThe The", "The", "x.\nThe"}) {
    CAPTURE(text);
    LoadResult r = LoadDocument(text, "regression");
    REQUIRE(r.ok());
    const Analysis a = Analyze(r.doc, Gazetteer::Builtin());
    CheckInvariants(r.doc, a);
    CHECK(a.entities.empty());
  }
}

TEST_CASE("random bytes through LoadDocument and Analyze") {
  std::mt19937 rng(20261128);
  const std::string alphabet = std::string("abcXYZ .,;:!?\"'()-\n\n") + "\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x99\xC3\xA9";
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const size_t len = rng() % 3000;
    for (size_t i = 0; i < len; ++i) {
      if (round % 2) bytes += char(rng() % 256);                   // anything at all
      else bytes += alphabet[rng() % alphabet.size()];              // text-like, split UTF-8 included
    }
    LoadResult r = LoadDocument(bytes, "fuzz");
    Analysis a = Analyze(r.doc, Gazetteer::Builtin());
    CheckInvariants(r.doc, a);
  }
}

TEST_CASE("shuffled words of real news keep every invariant") {
  std::mt19937 rng(7);
  const char* words[] = {"President", "Ana", "Silva", "said", "that", "\xE2\x80\x9C", "\xE2\x80\x9D", ",", ".",
                         "the", "Ministry", "of", "Health", "(", "MoH", ")", "in", "Nairobi", "she", "told",
                         "reporters", "according", "to", "Dr.", "U.S.", "Kenya\xE2\x80\x99s", "\"", "and",
                         "warned", "officials", "NAIROBI", "\xE2\x80\x94", "\n\n"};
  for (int round = 0; round < 200; ++round) {
    std::string text = "Headline Here\n\n";
    for (int i = 0; i < 400; ++i) {
      text += words[rng() % (sizeof words / sizeof words[0])];
      text += ' ';
    }
    LoadResult r = LoadDocument(text, "shuffle");
    Analysis a = Analyze(r.doc, Gazetteer::Builtin());
    CheckInvariants(r.doc, a);
  }
}

// Work grows in proportion to the text: each shape at twice the length costs at most 2.6 times
// the allocations (linear gives about 2, quadratic 4). A count, not a clock: the same on a
// loaded machine and under AddressSanitizer. `lectern bench --shapes` times the same shapes.
TEST_CASE("pathological shapes: a huge paragraph, no punctuation, all capitals, thousands of names, work linear in length") {
  const std::vector<PathologicalShape> small = PathologicalShapes(0.25), large = PathologicalShapes(0.5);
  REQUIRE(small.size() == large.size());
  for (size_t i = 0; i < small.size(); ++i) {
    const std::string name = small[i].name;
    CAPTURE(name);
    uint64_t work[2];
    for (int k = 0; k < 2; ++k) {
      const PathologicalShape& shape = k ? large[i] : small[i];
      LoadResult r = LoadDocument(shape.text, "shape");
      const uint64_t before = AllocationCount();
      Analysis a = Analyze(r.doc, Gazetteer::Builtin());
      work[k] = AllocationCount() - before;
      CheckInvariants(r.doc, a);
    }
    MESSAGE(name << ": " << work[0] << " then " << work[1] << " allocations");
    CHECK(work[0] > 0);
    CHECK(double(work[1]) < 2.6 * double(work[0]));
  }
  // The full-size shapes still analyse whole.
  for (const PathologicalShape& shape : PathologicalShapes(1.0)) {
    LoadResult r = LoadDocument(shape.text, "shape");
    CheckInvariants(r.doc, Analyze(r.doc, Gazetteer::Builtin()));
  }
}

TEST_CASE("documents that failed to load analyse to nothing, without a crash") {
  for (const std::string& bytes : {std::string(), std::string("   \n\n  "), std::string(3, '\0')}) {
    LoadResult r = LoadDocument(bytes, "x");
    Analysis a = Analyze(r.doc, Gazetteer::Builtin());
    CheckInvariants(r.doc, a);
  }
  Document empty;
  Analysis a = Analyze(empty, Gazetteer::Builtin());
  CHECK(a.entities.empty());
  CHECK(a.quotes.empty());
}

TEST_CASE("same input, same output") {
  LoadResult r = LoadDocument("Oslo Talks\n\nNorway\xE2\x80\x99s Foreign Minister Kari Dahl said that talks in Oslo "
                              "would resume. \xE2\x80\x9CWe are ready,\xE2\x80\x9D she said.", "x");
  Analysis a = Analyze(r.doc, Gazetteer::Builtin());
  Analysis b = Analyze(r.doc, Gazetteer::Builtin());
  REQUIRE(a.entities.size() == b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) CHECK(a.entities[i].id == b.entities[i].id);
  REQUIRE(a.quotes.size() == b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) CHECK(a.quotes[i].speaker == b.quotes[i].speaker);
  CHECK(a.quotes.size() == 2);
}
