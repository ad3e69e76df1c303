// analysis_markdown.cpp — the Analysis as Markdown (see analysis_markdown.h).
//
// [SECTION] Escaping
// [SECTION] Citations — which paragraph an offset is in
// [SECTION] Sections  — entities, quotes, relations
#include "analysis_markdown.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace lectern {

// [SECTION] Escaping -------------------------------------------------------------------------------

std::string EscapeMarkdown(std::string_view text) {
  const std::string line = ToValidLine(text);
  size_t begin = 0, end = line.size();
  while (begin < end && line[begin] == ' ') ++begin;
  while (end > begin && line[end - 1] == ' ') --end;
  std::string out;
  out.reserve(end - begin + 8);
  // At the start of a line, "- x", "+ x", "=" and "2019. x" would be a list or a heading.
  size_t digits = begin;
  while (digits < end && line[digits] >= '0' && line[digits] <= '9') ++digits;
  const bool ordinal = digits > begin && digits < end && (line[digits] == '.' || line[digits] == ')') &&
                       (digits + 1 == end || line[digits + 1] == ' ');
  const size_t ordinal_mark = ordinal ? digits : end;
  if (begin < end && (line[begin] == '-' || line[begin] == '+' || line[begin] == '=')) out.push_back('\\');
  for (size_t i = begin; i < end; ++i) {
    const char c = line[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#': case '|':
      case '~': case '&':
        out.push_back('\\');
        break;
      default:
        if (i == ordinal_mark) out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

namespace {

// [SECTION] Citations ------------------------------------------------------------------------------

// "¶ 4" for the body's 4th paragraph (counted from 1), "headline" for the headline.
std::string ParagraphCitation(const Document& doc, uint32_t offset) {
  if (doc.headline.Contains(offset) || (doc.paragraphs.empty() || offset < doc.paragraphs.front().begin))
    return "headline";
  auto after = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), offset,
                                [](uint32_t o, const Span& p) { return o < p.begin; });
  return "\xC2\xB6 " + std::to_string(after - doc.paragraphs.begin());
}

std::string Bytes(Span s) {
  return "bytes " + std::to_string(s.begin) + "\xE2\x80\x93" + std::to_string(s.end);
}

// The quoted words: from the first part's start to the last part's end (the extent without its
// marks), or the extent where there are no parts.
Span QuotedSpan(const Quote& q) {
  if (q.parts.empty()) return q.extent;
  return Span{q.parts.front().begin, q.parts.back().end};
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// [SECTION] Sections -------------------------------------------------------------------------------

bool ValidEntity(const Analysis& a, int i) { return i >= 0 && size_t(i) < a.entities.size(); }

void EntitySection(std::string& out, const Analysis& a, EntityType type, const char* title, bool always) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < a.entities.size(); ++i)
    if (a.entities[i].type == type) rows.push_back(i);
  if (rows.empty() && !always) return;
  std::stable_sort(rows.begin(), rows.end(),
                   [&](size_t x, size_t y) { return a.entities[x].salience > a.entities[y].salience; });
  out += "\n## ";
  out += title;
  out += "\n\n";
  if (rows.empty()) out += "None found.\n";
  for (size_t i : rows) {
    const Entity& e = a.entities[i];
    out += "- **" + EscapeMarkdown(e.name) + "**";
    if (!e.role.empty()) out += " \xE2\x80\x94 " + EscapeMarkdown(e.role);
    out += " \xC2\xB7 " + Plural(e.mentions.size(), "mention", "mentions");
    if (type == EntityType::Place) {
      if (!e.country_code.empty()) out += " \xC2\xB7 " + EscapeMarkdown(e.country_code);
      if (e.has_coordinates) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " \xC2\xB7 %.4f, %.4f", e.lat, e.lon);
        out += buf;
      }
      if (ValidEntity(a, e.located_in) && size_t(e.located_in) != i)
        out += " \xC2\xB7 in " + EscapeMarkdown(a.entities[size_t(e.located_in)].name);
    }
    out += '\n';
  }
}

void QuoteSection(std::string& out, const Document& doc, const Analysis& a) {
  out += "\n## Quotes\n";
  if (a.quotes.empty()) out += "\nNone found.\n";
  for (const Quote& q : a.quotes) {
    std::string speaker;
    if (ValidEntity(a, q.speaker_entity)) speaker = "**" + EscapeMarkdown(a.entities[size_t(q.speaker_entity)].name) + "**";
    else if (!EscapeMarkdown(q.speaker).empty()) speaker = "**" + EscapeMarkdown(q.speaker) + "**";
    else speaker = "*unattributed*";
    const Span cited = QuotedSpan(q);
    std::string text = EscapeMarkdown(q.Text(doc));
    if (text.empty()) text = "\xE2\x80\xA6";
    out += "\n> " + text + "\n\n";
    out += "\xE2\x80\x94 " + speaker + (q.kind == QuoteKind::Direct ? ", direct" : ", reported") + " \xC2\xB7 " +
           ParagraphCitation(doc, cited.begin) + ", " + Bytes(cited) + "\n";
  }
}

// Stated relations only ("president of", "visited"): co-occurrence is not something the text says.
void RelationSection(std::string& out, const Document& doc, const Analysis& a) {
  std::vector<std::tuple<int, int, std::string>> seen;
  bool any = false;
  for (const Relation& r : a.relations) {
    if (r.kind == RelationKind::CoOccurrence || !ValidEntity(a, r.source) || !ValidEntity(a, r.target)) continue;
    std::tuple<int, int, std::string> key{r.source, r.target, std::string(RelationLabel(r))};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    if (!any) out += "\n## Relations\n\n";
    any = true;
    out += "- **" + EscapeMarkdown(a.entities[size_t(r.source)].name) + "** " + EscapeMarkdown(RelationLabel(r)) +
           " **" + EscapeMarkdown(a.entities[size_t(r.target)].name) + "**";
    if (!r.evidence.empty()) out += " (" + ParagraphCitation(doc, r.evidence.front().begin) + ")";
    out += '\n';
  }
}

}  // namespace

std::string AnalysisToMarkdown(const Document& doc, const Analysis& a) {
  std::string headline = EscapeMarkdown(doc.Headline());
  std::string out = "# " + (headline.empty() ? std::string("Untitled") : headline) + "\n\n";
  const int minutes = std::max(1, int(std::lround(a.word_count / 230.0)));  // as the Library shows it
  out += Plural(a.word_count, "word", "words") + " \xC2\xB7 " + std::to_string(minutes) + " min read\n";
  EntitySection(out, a, EntityType::Person, "People", true);
  EntitySection(out, a, EntityType::Place, "Places", true);
  EntitySection(out, a, EntityType::Org, "Organisations", true);
  EntitySection(out, a, EntityType::Group, "Groups", false);
  QuoteSection(out, doc, a);
  RelationSection(out, doc, a);
  return out;
}

}  // namespace lectern
