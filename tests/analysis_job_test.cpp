// Tests for analysis_job.h: one slice is exactly Analyze; many slices join into one analysis
// whose spans, indices and ids hold together.
#include "analysis_job.h"
#include "analysis_json.h"
#include "gazetteer.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace lectern;

namespace {

std::string LongArticle(int paragraphs) {
  std::string text = "Ana Ruiz Visits Lisbon\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    text += "President Ana Ruiz of Chile met Prime Minister Luis Montenegro in Lisbon on day " + std::to_string(i) +
            ". \xE2\x80\x9CWe are close to an agreement,\xE2\x80\x9D Ruiz said. The Portuguese Ministry of Finance "
            "said the talks would go on.\n\n";
  }
  return text;
}

Analysis RunJob(Document& doc, size_t slice_bytes, size_t* slices) {
  AnalysisJob job(doc, slice_bytes);
  *slices = job.Slices();
  size_t steps = 0;
  while (!job.Done()) {
    const float before = job.Progress();
    job.Step(doc, Gazetteer::Builtin());
    CHECK(job.Progress() >= before);
    ++steps;
  }
  CHECK(steps == *slices);
  CHECK(job.Progress() == 1.0f);
  return job.Take(doc);
}

}  // namespace

TEST_CASE("an article of one slice is analysed exactly as Analyze does") {
  LoadResult r = LoadDocument(LongArticle(4), "short.txt");
  REQUIRE(r.ok());
  size_t slices = 0;
  const std::string bytes = r.doc.bytes;
  Analysis a = RunJob(r.doc, AnalysisJob::kSliceBytes, &slices);
  CHECK(slices == 1);
  CHECK(r.doc.bytes == bytes);
  CHECK(AnalysisToJson(r.doc, a) == AnalysisToJson(r.doc, Analyze(r.doc, Gazetteer::Builtin())));
}

TEST_CASE("a long article is analysed in slices that join into one consistent analysis") {
  LoadResult r = LoadDocument(LongArticle(300), "long.txt");
  REQUIRE(r.ok());
  const std::string bytes = r.doc.bytes;
  size_t slices = 0;
  Analysis a = RunJob(r.doc, 4096, &slices);
  CHECK(slices > 10);
  CHECK(r.doc.bytes == bytes);  // the bytes went into each slice and came back
  const Analysis whole = Analyze(r.doc, Gazetteer::Builtin());
  CHECK(a.tokens.size() == whole.tokens.size());
  CHECK(a.sentences.size() == whole.sentences.size());
  CHECK(a.word_count == whole.word_count);
  CHECK(a.quotes.size() == whole.quotes.size());
  // Tokens and sentences in text order; sentences point at their own tokens and paragraphs.
  for (size_t i = 1; i < a.tokens.size(); ++i) REQUIRE(a.tokens[i - 1].span.end <= a.tokens[i].span.begin);
  for (const Sentence& s : a.sentences) {
    REQUIRE(s.first_token + s.token_count <= a.tokens.size());
    if (s.token_count) CHECK(s.span.Contains(a.tokens[s.first_token].span.begin));
    if (s.paragraph != ~0u) {
      REQUIRE(s.paragraph < r.doc.paragraphs.size());
      CHECK(r.doc.paragraphs[s.paragraph].Contains(s.span.begin));
    }
  }
  // One entity per referent across the slices, with every mention, ids unique.
  std::set<std::string> ids;
  int ruiz = -1;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(ids.insert(a.entities[i].id).second);
    if (a.entities[i].name == "Ana Ruiz") ruiz = int(i);
  }
  REQUIRE(ruiz >= 0);
  CHECK(ruiz == 0);  // the most salient, as in the whole-text analysis
  CHECK(a.entities[size_t(ruiz)].type == EntityType::Person);
  CHECK(a.entities[size_t(ruiz)].mentions.size() >= 600);
  for (size_t i = 1; i < a.entities[size_t(ruiz)].mentions.size(); ++i)
    CHECK(a.entities[size_t(ruiz)].mentions[i - 1].span.begin < a.entities[size_t(ruiz)].mentions[i].span.begin);
  // Quotes renumbered in text order, each speaker an index into the joined entities.
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    CHECK(a.quotes[i].id == "q" + std::to_string(i + 1));
    REQUIRE(a.quotes[i].speaker_entity < int(a.entities.size()));
    REQUIRE(a.quotes[i].sentence < a.sentences.size());
    CHECK(a.sentences[a.quotes[i].sentence].span.Overlaps(a.quotes[i].extent));
  }
  int direct = 0;
  for (const Quote& q : a.quotes) {
    if (q.kind != QuoteKind::Direct) continue;
    ++direct;
    CHECK(q.speaker_entity == ruiz);
  }
  CHECK(direct == 300);
  for (const Relation& rel : a.relations) {
    REQUIRE(rel.source >= 0);
    REQUIRE(rel.target >= 0);
    CHECK(rel.source < int(a.entities.size()));
    CHECK(rel.target < int(a.entities.size()));
  }
}

TEST_CASE("a job over a headline alone or an empty article finishes in one step") {
  Document doc;
  doc.bytes = "Just a headline";
  doc.headline = {0, uint32_t(doc.bytes.size())};
  size_t slices = 0;
  Analysis a = RunJob(doc, 64, &slices);
  CHECK(slices == 1);
  Document empty;
  a = RunJob(empty, 64, &slices);
  CHECK(slices == 1);
  CHECK(a.entities.empty());
}
