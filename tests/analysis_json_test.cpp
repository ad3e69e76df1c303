// Tests for analysis_json.h: the CLI's JSON shape, ids and references, offsets that index the
// file, and escaping (control characters, quotes, backslashes, invalid bytes) — checked with a
// small strict JSON parser so that "it parses" is tested, not assumed.
#include "analysis_json.h"

#include "gazetteer.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace lectern;

namespace {

// A strict RFC 8259 syntax check (no values kept).
struct JsonCheck {
  const std::string& s;
  size_t i = 0;
  bool ok = true;
  void Ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  }
  bool Lit(const char* w) {
    size_t n = std::strlen(w);
    if (s.compare(i, n, w) != 0) return false;
    i += n;
    return true;
  }
  void Fail() { ok = false; }
  void String() {
    if (s[i] != '"') return Fail();
    ++i;
    while (i < s.size() && s[i] != '"') {
      unsigned char c = s[i];
      if (c < 0x20) return Fail();
      if (c == '\\') {
        ++i;
        if (i >= s.size()) return Fail();
        if (s[i] == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (i + k >= s.size() || !isxdigit(static_cast<unsigned char>(s[i + k]))) return Fail();
          i += 4;
        } else if (!std::strchr("\"\\/bfnrt", s[i])) {
          return Fail();
        }
      }
      ++i;
    }
    if (i >= s.size()) return Fail();
    ++i;
  }
  void Number() {
    size_t start = i;
    if (s[i] == '-') ++i;
    while (i < s.size() && (isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e' ||
                            s[i] == 'E' || s[i] == '+' || s[i] == '-'))
      ++i;
    if (i == start) Fail();
  }
  void Value() {
    Ws();
    if (i >= s.size()) return Fail();
    if (s[i] == '{') {
      ++i;
      Ws();
      if (s[i] == '}') {
        ++i;
        return;
      }
      for (;;) {
        Ws();
        String();
        Ws();
        if (!ok || s[i] != ':') return Fail();
        ++i;
        Value();
        Ws();
        if (!ok) return;
        if (s[i] == ',') {
          ++i;
          continue;
        }
        if (s[i] == '}') {
          ++i;
          return;
        }
        return Fail();
      }
    }
    if (s[i] == '[') {
      ++i;
      Ws();
      if (s[i] == ']') {
        ++i;
        return;
      }
      for (;;) {
        Value();
        Ws();
        if (!ok) return;
        if (s[i] == ',') {
          ++i;
          continue;
        }
        if (s[i] == ']') {
          ++i;
          return;
        }
        return Fail();
      }
    }
    if (s[i] == '"') return String();
    if (Lit("true") || Lit("false") || Lit("null")) return;
    Number();
  }
  bool Valid() {
    Value();
    Ws();
    return ok && i == s.size();
  }
};

bool ValidJson(const std::string& s) {
  JsonCheck c{s};
  return c.Valid();
}

std::string Json(const std::string& text, Document* out = nullptr) {
  LoadResult r = LoadDocument(text, "t.txt");
  Analysis a = Analyze(r.doc, Gazetteer::Builtin());
  std::string j = AnalysisToJson(r.doc, a);
  if (out) *out = r.doc;
  return j;
}

}  // namespace

TEST_CASE("the checker itself rejects broken JSON") {
  CHECK(ValidJson("{\"a\": [1, 2.5, \"x\\n\", null, true]}"));
  CHECK(!ValidJson("{\"a\": [1, 2,]}"));
  CHECK(!ValidJson("{\"a\": \"raw\ncontrol\"}"));
  CHECK(!ValidJson("{\"a\": \"\\q\"}"));
}

TEST_CASE("the CLI shape: title, stats, entities, quotes, relations with e-ids") {
  Document doc;
  std::string j = Json("Kenya and Uganda Sign Deal\n\nKenya and Uganda signed an agreement. "
                       "\xE2\x80\x9CIt is historic,\xE2\x80\x9D said Amina Wekesa, Kenya\xE2\x80\x99s trade minister.",
                       &doc);
  CHECK(ValidJson(j));
  for (const char* key : {"\"title\":", "\"stats\":", "\"paragraphs\":", "\"sentences\":", "\"words\":",
                          "\"entities\":", "\"quotes\":", "\"relations\":", "\"mentions\":", "\"salience\":",
                          "\"speaker_entity\":", "\"evidence\":", "\"slug\":", "\"kind\":\"direct\"",
                          "\"kind\":\"agreement_with\"", "\"id\":\"e1\"", "\"id\":\"q1\""})
    CHECK_MESSAGE(j.find(key) != std::string::npos, key);
  // Offsets index the file: the first mention's text is the bytes at [start, end).
  size_t at = j.find("\"mentions\":[{\"start\":");
  REQUIRE(at != std::string::npos);
  unsigned start = 0, end = 0;
  REQUIRE(std::sscanf(j.c_str() + at, "\"mentions\":[{\"start\":%u,\"end\":%u", &start, &end) == 2);
  const std::string text = "\"text\":\"" + std::string(doc.Text(Span{start, end})) + "\"";
  CHECK(j.find(text, at) != std::string::npos);
  // The speaker refers to an entity id that exists.
  size_t sp = j.find("\"speaker_entity\":\"e");
  REQUIRE(sp != std::string::npos);
  int id = std::atoi(j.c_str() + sp + std::strlen("\"speaker_entity\":\"e"));
  CHECK(j.find("\"id\":\"e" + std::to_string(id) + "\"") != std::string::npos);
}

TEST_CASE("escaping: quotes, backslashes, control characters, invalid bytes") {
  std::string j = Json("A \"quoted\" \\ headline\x01\x1f\n\nBody with \xFF bad byte and a tab\there.");
  CHECK(ValidJson(j));
  CHECK(j.find("\"title\":\"A \\\"quoted\\\" \\\\ headline\\u0001\\u001f\"") != std::string::npos);
  CHECK(j.find('\xFF') == std::string::npos);
  CHECK(j.find("\"level\":\"warning\"") != std::string::npos);
}

TEST_CASE("empty analyses still write every array") {
  std::string j = Json("Nothing\n\nnothing here at all");
  CHECK(ValidJson(j));
  CHECK(j.find("\"entities\":[]") != std::string::npos);
  CHECK(j.find("\"quotes\":[]") != std::string::npos);
  CHECK(EntityJsonId(0) == "e1");
}
