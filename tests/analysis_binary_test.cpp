// Tests for analysis_binary.h: a decoded analysis gives exactly the encoded one's JSON (the
// seed, the devset, a long article analysed in slices), and a blob that is truncated, corrupted,
// of another text or of another format version is refused with a reason, never decoded into
// spans or indices outside the text.
#include "analysis_binary.h"

#include "analysis_job.h"
#include "analysis_json.h"
#include "gazetteer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace lectern;

namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::filesystem::path> Articles(const char* dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(LECTERN_SOURCE_DIR) + "/" + dir))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Everything an analysis says, for comparing two: the JSON, and what JSON leaves out.
std::string Everything(const Document& doc, const Analysis& a) {
  std::string s = AnalysisToJson(doc, a);
  for (const Token& t : a.tokens) s += std::to_string(t.span.begin) + "," + std::to_string(t.span.end) + "," +
                                       std::to_string(int(t.kind)) + "," + std::to_string(t.flags) + ";";
  for (const Sentence& x : a.sentences) s += std::to_string(x.paragraph) + "," + std::to_string(x.first_token) + ";";
  for (const Diagnostic& d : a.diagnostics) s += d.message + ";";
  return s;
}

}  // namespace

TEST_CASE("the seed and every devset, held-out and real-text article decode to exactly what was encoded") {
  std::vector<std::filesystem::path> files = Articles("seeds");
  for (const char* dir : {"tests/devset", "tests/heldout", "tests/realtext"})
    for (const auto& p : Articles(dir)) files.push_back(p);
  REQUIRE(files.size() > 40);
  for (const auto& path : files) {
    CAPTURE(path.string());
    LoadResult r = LoadDocument(Slurp(path), path.filename().string());
    REQUIRE(r.ok());
    const Analysis a = Analyze(r.doc, Gazetteer::Builtin());
    REQUIRE(!a.entities.empty());
    const std::string blob = EncodeAnalysis(r.doc, a);
    Analysis back;
    std::string why;
    REQUIRE_MESSAGE(DecodeAnalysis(blob, r.doc, &back, &why), why);
    CHECK(Everything(r.doc, back) == Everything(r.doc, a));
    CHECK(EncodeAnalysis(r.doc, back) == blob);
  }
}

TEST_CASE("a long article analysed in slices round-trips too") {
  std::string text = "Ruiz Visits Lisbon\n\n";
  for (int i = 0; i < 400; ++i)
    text += "President Ana Ruiz of Chile met Luis Montenegro in Lisbon on day " + std::to_string(i) +
            ". \xE2\x80\x9CWe are close,\xE2\x80\x9D Ruiz said.\n\n";
  LoadResult r = LoadDocument(text, "long.txt");
  AnalysisJob job(r.doc, 8u << 10);
  REQUIRE(job.Slices() > 3);
  while (!job.Done()) job.Step(r.doc, Gazetteer::Builtin());
  const Analysis a = job.Take(r.doc);
  Analysis back;
  std::string why;
  REQUIRE_MESSAGE(DecodeAnalysis(EncodeAnalysis(r.doc, a), r.doc, &back, &why), why);
  CHECK(Everything(r.doc, back) == Everything(r.doc, a));
  CHECK(back.quotes.size() >= 400);
}

TEST_CASE("a blob of another text, another version or no analysis at all is refused with a reason") {
  LoadResult r = LoadDocument("Ana Ruiz Visits Lisbon\n\nPresident Ana Ruiz of Chile arrived in Lisbon.", "a.txt");
  LoadResult other = LoadDocument("Ana Ruiz Visits Lisbon\n\nPresident Ana Ruiz of Chile arrived in Lisbom.", "a.txt");
  const std::string blob = EncodeAnalysis(r.doc, Analyze(r.doc, Gazetteer::Builtin()));
  Analysis out;
  out.word_count = 12345;  // untouched on refusal
  std::string why;
  CHECK_FALSE(DecodeAnalysis(blob, other.doc, &out, &why));
  CHECK(why.find("another text") != std::string::npos);
  CHECK_FALSE(DecodeAnalysis("", r.doc, &out, &why));
  CHECK(why.find("not an analysis file") != std::string::npos);
  CHECK_FALSE(DecodeAnalysis("{\"entities\": []}", r.doc, &out, &why));
  std::string newer = blob;
  newer[8] = 2;  // the format version
  CHECK_FALSE(DecodeAnalysis(newer, r.doc, &out, &why));
  CHECK(why.find("format version 2") != std::string::npos);
  CHECK_FALSE(DecodeAnalysis(blob + "x", r.doc, &out, &why));
  CHECK(why.find("after its end") != std::string::npos);
  CHECK(out.word_count == 12345);
}

TEST_CASE("every truncation and every single-byte corruption is refused or stays inside the text") {
  const std::filesystem::path first = Articles("tests/devset").front();
  LoadResult r = LoadDocument(Slurp(first), first.filename().string());
  const std::string blob = EncodeAnalysis(r.doc, Analyze(r.doc, Gazetteer::Builtin()));
  const uint32_t n = uint32_t(r.doc.bytes.size());
  size_t refused = 0, decoded = 0;
  const auto check_inside = [&](const Analysis& a) {
    const auto in = [&](Span s) { return s.begin <= s.end && s.end <= n; };
    for (const Token& t : a.tokens) REQUIRE(in(t.span));
    for (const Sentence& s : a.sentences) REQUIRE(s.first_token + s.token_count <= a.tokens.size());
    for (const Entity& e : a.entities) {
      for (const Mention& m : e.mentions) REQUIRE(in(m.span));
      REQUIRE(e.located_in < int(a.entities.size()));
    }
    for (const Quote& q : a.quotes) {
      REQUIRE(q.sentence < a.sentences.size());
      REQUIRE(q.speaker_entity < int(a.entities.size()));
      for (Span p : q.parts) REQUIRE(in(p));
    }
    for (const Relation& rel : a.relations)
      REQUIRE((rel.source >= 0 && rel.target >= 0 && rel.source < int(a.entities.size()) && rel.target < int(a.entities.size())));
  };
  for (size_t len = 0; len < blob.size(); ++len) {
    Analysis a;
    std::string why;
    REQUIRE_FALSE(DecodeAnalysis(std::string_view(blob).substr(0, len), r.doc, &a, &why));
    REQUIRE(!why.empty());
  }
  for (size_t i = 0; i < blob.size(); i += 7) {
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      std::string bad = blob;
      bad[i] = char(uint8_t(bad[i]) ^ flip);
      Analysis a;
      std::string why;
      if (DecodeAnalysis(bad, r.doc, &a, &why)) {
        ++decoded;
        check_inside(a);
      } else {
        ++refused;
        REQUIRE(!why.empty());
      }
    }
  }
  CHECK(refused > 0);
  MESSAGE(refused << " corruptions refused, " << decoded << " decoded inside the text");
}
