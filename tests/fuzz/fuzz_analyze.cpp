// fuzz_analyze.cpp — any bytes as an article file: LoadDocument, Analyze, the CLI's JSON.
//
// Invariants: nothing crashes, leaks or reads out of bounds (ASan, UBSan); every span the
// analysis returns lies inside the file and on its bytes; the JSON is valid UTF-8 whatever the
// file was; analysing twice gives the same JSON (the pipeline is pure).
#include "analysis.h"
#include "analysis_json.h"
#include "document.h"
#include "fuzz_check.h"
#include "gazetteer.h"

#include <cstdint>
#include <string>

namespace {

void CheckSpan(lectern::Span s, size_t size) {
  FUZZ_CHECK(s.begin <= s.end);
  FUZZ_CHECK(s.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Analysis is linear in the text; beyond a few pages an input only slows the search down.
  if (size > 32 * 1024) return 0;
  lectern::LoadResult r = lectern::LoadDocument(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  if (!r.ok()) {
    FUZZ_CHECK(!r.message.empty());  // a refused file always says why
    return 0;
  }
  const lectern::Document& doc = r.doc;
  FUZZ_CHECK(doc.bytes.size() == size);  // the bytes are kept exactly as read
  CheckSpan(doc.headline, size);
  for (lectern::Span p : doc.paragraphs) CheckSpan(p, size);

  const lectern::Analysis a = lectern::Analyze(doc, lectern::Gazetteer::Builtin());
  for (const lectern::Token& t : a.tokens) CheckSpan(t.span, size);
  for (const lectern::Sentence& s : a.sentences) {
    CheckSpan(s.span, size);
    FUZZ_CHECK(size_t(s.first_token) + s.token_count <= a.tokens.size());
  }
  for (const lectern::Entity& e : a.entities) {
    FUZZ_CHECK(!e.mentions.empty());
    for (const lectern::Mention& m : e.mentions) CheckSpan(m.span, size);
    FUZZ_CHECK(e.located_in >= -1 && e.located_in < int(a.entities.size()));
  }
  for (const lectern::Quote& q : a.quotes) {
    for (lectern::Span p : q.parts) CheckSpan(p, size);
    CheckSpan(q.extent, size);
    CheckSpan(q.cue, size);
    CheckSpan(q.speaker_span, size);
    FUZZ_CHECK(q.speaker_entity >= -1 && q.speaker_entity < int(a.entities.size()));
    FUZZ_CHECK(q.sentence < a.sentences.size() || a.sentences.empty());
  }
  for (const lectern::Relation& rel : a.relations) {
    FUZZ_CHECK(rel.source >= 0 && rel.source < int(a.entities.size()));
    FUZZ_CHECK(rel.target >= 0 && rel.target < int(a.entities.size()));
    for (lectern::Span s : rel.evidence) CheckSpan(s, size);
  }

  const std::string json = lectern::AnalysisToJson(doc, a);
  FUZZ_CHECK(lectern::FindInvalidUtf8(json, 1).empty());
  FUZZ_CHECK(json == lectern::AnalysisToJson(doc, lectern::Analyze(doc, lectern::Gazetteer::Builtin())));
  return 0;
}
