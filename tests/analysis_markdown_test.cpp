// Tests for analysis_markdown.h: the sections and their order, counts, citations that point at
// the quoted words, escaping (nothing from the article becomes markup) and determinism.
#include "analysis_markdown.h"

#include "gazetteer.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace lectern;

namespace {

struct Analysed {
  Document doc;
  Analysis a;
  std::string md;
};

Analysed Run(const std::string& text) {
  Analysed r;
  LoadResult l = LoadDocument(text, "t.txt");
  r.doc = std::move(l.doc);
  r.a = Analyze(r.doc, Gazetteer::Builtin());
  r.md = AnalysisToMarkdown(r.doc, r.a);
  return r;
}

std::string Section(const std::string& md, const std::string& title) {
  const size_t at = md.find("\n## " + title + "\n");
  if (at == std::string::npos) return std::string();
  const size_t end = md.find("\n## ", at + 1);
  return md.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

const char* kArticle =
    "Chile and Peru Sign a *Water* Accord\n\n"
    "President Ana Ruiz of Chile met Peru's president in Lima on Monday.\n\n"
    "\xE2\x80\x9CIt is a good day for both [countries],\xE2\x80\x9D Ruiz said.\n";

}  // namespace

TEST_CASE("markdown export: the headline, the figures, then every section in order") {
  const Analysed r = Run(kArticle);
  CHECK(r.md.rfind("# Chile and Peru Sign a \\*Water\\* Accord\n\n", 0) == 0);
  CHECK(r.md.find(std::to_string(r.a.word_count) + " words \xC2\xB7 1 min read\n") != std::string::npos);
  size_t last = 0;
  for (const char* title : {"People", "Places", "Organisations", "Quotes"}) {
    CAPTURE(title);
    const size_t at = r.md.find(std::string("\n## ") + title + "\n");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(Section(r.md, "Organisations").find("None found.") != std::string::npos);
  CHECK(AnalysisToMarkdown(r.doc, r.a) == r.md);  // deterministic
}

TEST_CASE("markdown export: each entity with its role and mention count, places with where they are") {
  const Analysed r = Run(kArticle);
  REQUIRE(!r.a.entities.empty());
  for (const Entity& e : r.a.entities) {
    CAPTURE(e.name);
    const char* title = e.type == EntityType::Person ? "People" : e.type == EntityType::Place ? "Places"
                      : e.type == EntityType::Org    ? "Organisations" : "Groups";
    const std::string section = Section(r.md, title);
    const size_t at = section.find("- **" + EscapeMarkdown(e.name) + "**");
    REQUIRE(at != std::string::npos);
    const std::string line = section.substr(at, section.find('\n', at) - at);
    const size_t n = e.mentions.size();
    CHECK(line.find(" \xC2\xB7 " + std::to_string(n) + (n == 1 ? " mention" : " mentions")) != std::string::npos);
    if (!e.role.empty()) CHECK(line.find(" \xE2\x80\x94 " + EscapeMarkdown(e.role)) != std::string::npos);
    if (e.type == EntityType::Place && e.has_coordinates) {
      char coords[64];
      std::snprintf(coords, sizeof coords, "%.4f, %.4f", e.lat, e.lon);
      CHECK(line.find(coords) != std::string::npos);
    }
    if (e.type == EntityType::Place && !e.country_code.empty()) CHECK(line.find(e.country_code) != std::string::npos);
  }
  const int ruiz = r.a.FindEntity("ana-ruiz");
  REQUIRE(ruiz >= 0);
  CHECK(Section(r.md, "People").find("- **Ana Ruiz**") != std::string::npos);
  CHECK(Section(r.md, "Places").find("- **Lima**") != std::string::npos);
}

TEST_CASE("markdown export: every quote as a block quote, with its speaker, kind and citation") {
  const Analysed r = Run(kArticle);
  REQUIRE(r.a.quotes.size() == 1);
  const Quote& q = r.a.quotes[0];
  const std::string quotes = Section(r.md, "Quotes");
  // The text, its brackets escaped, as a block quote.
  CHECK(quotes.find("\n> It is a good day for both \\[countries\\],\n") != std::string::npos);
  CHECK(quotes.find("\xE2\x80\x94 **Ana Ruiz**, direct \xC2\xB7 \xC2\xB6 2, bytes ") != std::string::npos);
  // The citation's bytes are the quoted words in the file.
  unsigned begin = 0, end = 0;
  const size_t at = quotes.find("bytes ");
  REQUIRE(at != std::string::npos);
  REQUIRE(std::sscanf(quotes.c_str() + at, "bytes %u\xE2\x80\x93%u", &begin, &end) == 2);
  CHECK(begin == q.parts.front().begin);
  CHECK(end == q.parts.back().end);
  CHECK(r.doc.Text(Span{begin, end}) == q.Text(r.doc));
}

TEST_CASE("markdown export: a real article, reported and unattributed quotes, stated relations only") {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/seeds/000_d1a45250eb781355.txt", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const Analysed r = Run(ss.str());
  REQUIRE(!r.a.quotes.empty());
  const std::string quotes = Section(r.md, "Quotes");
  size_t cited = 0;
  for (size_t at = quotes.find("\n> "); at != std::string::npos; at = quotes.find("\n> ", at + 1)) ++cited;
  CHECK(cited == r.a.quotes.size());
  bool reported = false, unattributed = false;
  for (const Quote& q : r.a.quotes) {
    reported |= q.kind == QuoteKind::Indirect;
    unattributed |= q.speaker_entity < 0 && q.speaker.empty();
    const std::string bytes = "bytes " + std::to_string(q.parts.front().begin) + "\xE2\x80\x93" +
                              std::to_string(q.parts.back().end) + "\n";
    CHECK(quotes.find(bytes) != std::string::npos);
  }
  if (reported) CHECK(quotes.find(", reported \xC2\xB7 ") != std::string::npos);
  if (unattributed) CHECK(quotes.find("\xE2\x80\x94 *unattributed*, ") != std::string::npos);
  // Relations: the stated ones, none of the co-occurrence pairs.
  size_t stated = 0;
  for (const Relation& rel : r.a.relations) stated += rel.kind != RelationKind::CoOccurrence;
  const std::string relations = Section(r.md, "Relations");
  if (stated == 0) {
    CHECK(relations.empty());
  } else {
    size_t items = 0;
    for (size_t at = relations.find("\n- "); at != std::string::npos; at = relations.find("\n- ", at + 1)) ++items;
    CHECK(items >= 1);
    CHECK(items <= stated);
    CHECK(relations.find("mentioned together") == std::string::npos);
  }
}

TEST_CASE("markdown export: an article with nothing found still has its sections") {
  const Analysed r = Run("nothing\n\nnothing here at all");
  CHECK(r.md.rfind("# nothing\n", 0) == 0);
  for (const char* title : {"People", "Places", "Organisations", "Quotes"})
    CHECK(Section(r.md, title).find("None found.") != std::string::npos);
  CHECK(r.md.find("## Groups") == std::string::npos);
  CHECK(r.md.find("## Relations") == std::string::npos);
}

TEST_CASE("markdown escaping: nothing from the article becomes markup") {
  CHECK(EscapeMarkdown("a*b_c[d]<e>#f|g`h\\i~j&k") == "a\\*b\\_c\\[d\\]\\<e\\>\\#f\\|g\\`h\\\\i\\~j\\&k");
  CHECK(EscapeMarkdown("- not a list") == "\\- not a list");
  CHECK(EscapeMarkdown("+ nor this") == "\\+ nor this");
  CHECK(EscapeMarkdown("=====") == "\\=====");
  CHECK(EscapeMarkdown("2019. A year") == "2019\\. A year");
  CHECK(EscapeMarkdown("3) items") == "3\\) items");
  CHECK(EscapeMarkdown("1.5 million") == "1.5 million");
  CHECK(EscapeMarkdown("# heading") == "\\# heading");
  CHECK(EscapeMarkdown("  two\nlines\tand a tab  ") == "two lines and a tab");
  CHECK(EscapeMarkdown("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  // A headline and a quote full of marks come out as text.
  const Analysed r = Run("#1 *Team* <b>Wins</b> [Cup](x)\n\n\xE2\x80\x9C" "2019. It was **great** | _truly_,"
                         "\xE2\x80\x9D said Ana Ruiz.\n");
  CHECK(r.md.rfind("# \\#1 \\*Team\\* \\<b\\>Wins\\</b\\> \\[Cup\\](x)\n", 0) == 0);
  if (!r.a.quotes.empty())
    CHECK(r.md.find("\n> 2019\\. It was \\*\\*great\\*\\* \\| \\_truly\\_,\n") != std::string::npos);
}
