// fuzz_prepared.cpp — the build-time analysis the app reads for a packaged article
// (analysis_binary.h). The input is a text and a blob: two bytes of text length (little-endian),
// the text, then the blob, which is decoded against the text. The seed corpus
// (tests/fuzz/seeds/prepared) holds real pairs made by `lectern prepare`, so mutations reach
// past the header's hash check into the vectors.
//
// Invariants: nothing crashes or reads out of bounds (ASan); a refusal always says why and leaves
// the output untouched; what is accepted has every span inside the text and every index inside
// its vector, and encodes to a blob that decodes to the same analysis.
#include "analysis_binary.h"
#include "fuzz_check.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace {

void CheckInside(const lectern::Document& doc, const lectern::Analysis& a) {
  const uint32_t n = uint32_t(doc.bytes.size());
  const auto in = [n](lectern::Span s) { return s.begin <= s.end && s.end <= n; };
  const int entities = int(a.entities.size());
  for (const lectern::Token& t : a.tokens) FUZZ_CHECK(in(t.span));
  for (const lectern::Sentence& s : a.sentences) {
    FUZZ_CHECK(in(s.span));
    FUZZ_CHECK(uint64_t(s.first_token) + s.token_count <= a.tokens.size());
    FUZZ_CHECK(s.paragraph == ~0u || s.paragraph < doc.paragraphs.size());
  }
  for (const lectern::Entity& e : a.entities) {
    for (const lectern::Mention& m : e.mentions) FUZZ_CHECK(in(m.span));
    FUZZ_CHECK(e.located_in >= -1 && e.located_in < entities);
  }
  for (const lectern::Quote& q : a.quotes) {
    for (lectern::Span p : q.parts) FUZZ_CHECK(in(p));
    FUZZ_CHECK(in(q.extent) && in(q.cue) && in(q.speaker_span));
    FUZZ_CHECK(q.speaker_entity >= -1 && q.speaker_entity < entities);
    FUZZ_CHECK(q.sentence < a.sentences.size());
  }
  for (const lectern::Relation& r : a.relations) {
    FUZZ_CHECK(r.source >= 0 && r.source < entities && r.target >= 0 && r.target < entities);
    for (lectern::Span s : r.evidence) FUZZ_CHECK(in(s));
  }
  for (const lectern::Diagnostic& d : a.diagnostics) FUZZ_CHECK(in(d.span));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const size_t text_size = std::min(size - 2, size_t(data[0]) | size_t(data[1]) << 8);
  const char* p = reinterpret_cast<const char*>(data) + 2;
  const lectern::LoadResult loaded = lectern::LoadDocument(std::string(p, text_size), "fuzz.txt");
  const std::string_view blob(p + text_size, size - 2 - text_size);
  lectern::Analysis a;
  a.word_count = 4242;
  std::string error;
  if (!lectern::DecodeAnalysis(blob, loaded.doc, &a, &error)) {
    FUZZ_CHECK(!error.empty());
    FUZZ_CHECK(a.word_count == 4242 && a.tokens.empty());
    return 0;
  }
  CheckInside(loaded.doc, a);
  const std::string again = lectern::EncodeAnalysis(loaded.doc, a);
  lectern::Analysis b;
  FUZZ_CHECK(lectern::DecodeAnalysis(again, loaded.doc, &b, &error));
  FUZZ_CHECK(lectern::EncodeAnalysis(loaded.doc, b) == again);
  return 0;
}
