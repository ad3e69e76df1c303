// analysis.cpp — the pipeline behind Analyze() (see analysis.h): tokens and sentences, entities,
// quotes, relations; then salience, ordering and ids.
//
// [SECTION] Names of enums, lookups
// [SECTION] Salience and ordering
// [SECTION] Analyze
#include "analysis.h"

#include "entity_recognizer.h"
#include "gazetteer.h"
#include "quote_extractor.h"
#include "relation_extractor.h"
#include "text_index.h"

#include <algorithm>
#include <exception>
#include <numeric>
#include <unordered_map>

namespace lectern {

// [SECTION] Names of enums, lookups ---------------------------------------------------------------

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::Person: return "PERSON";
    case EntityType::Place: return "PLACE";
    case EntityType::Org: return "ORG";
    case EntityType::Group: return "GROUP";
  }
  return "ORG";
}

std::string_view RelationLabel(const Relation& r) {
  if (!r.label.empty()) return r.label;
  switch (r.kind) {
    case RelationKind::CoOccurrence: return "mentioned together";
    case RelationKind::LocatedIn: return "located in";
    case RelationKind::VisitTo: return "visit to";
    case RelationKind::AgreementWith: return "agreement with";
    case RelationKind::RoleOf:
    case RelationKind::Other: break;
  }
  return r.kind_name.empty() ? std::string_view(RelationKindName(r.kind)) : std::string_view(r.kind_name);
}

const char* RelationKindName(RelationKind k) {
  switch (k) {
    case RelationKind::CoOccurrence: return "co_occurrence";
    case RelationKind::RoleOf: return "role_of";
    case RelationKind::LocatedIn: return "located_in";
    case RelationKind::VisitTo: return "visit_to";
    case RelationKind::AgreementWith: return "agreement_with";
    case RelationKind::Other: return "other";
  }
  return "other";
}

std::string Quote::Text(const Document& doc) const {
  std::string out;
  for (Span p : parts) {
    if (p.end > doc.bytes.size() || p.empty()) continue;
    if (!out.empty()) out += ' ';
    out.append(doc.bytes, p.begin, p.size());
  }
  return out;
}

int Analysis::FindEntity(std::string_view id) const {
  for (size_t i = 0; i < entities.size(); ++i)
    if (entities[i].id == id) return int(i);
  return -1;
}

int Analysis::FindQuote(std::string_view id) const {
  for (size_t i = 0; i < quotes.size(); ++i)
    if (quotes[i].id == id) return int(i);
  return -1;
}

namespace {

// [SECTION] Salience and ordering -----------------------------------------------------------------

// How central each entity is: its mentions, weighted by where they are (headline 3, then from 2
// at the top of the story down to 1 at the end; a demonym counts half), plus 2 for each quote it
// is the source of; normalised to sum to 1.
void ScoreSalience(const Document& doc, Analysis& a) {
  const double total = double(std::max<size_t>(1, doc.bytes.size()));
  std::vector<double> score(a.entities.size(), 0.0);
  for (size_t e = 0; e < a.entities.size(); ++e) {
    for (const Mention& m : a.entities[e].mentions) {
      double w = m.span.begin < doc.headline.end ? 3.0 : 1.0 + (1.0 - m.span.begin / total);
      if (m.form == Mention::Form::Demonym) w *= 0.5;
      if (m.form == Mention::Form::Pronoun) w *= 0.5;
      score[e] += w;
    }
  }
  for (const Quote& q : a.quotes)
    if (q.speaker_entity >= 0 && size_t(q.speaker_entity) < score.size()) score[q.speaker_entity] += 2.0;
  const double sum = std::accumulate(score.begin(), score.end(), 0.0);
  for (size_t e = 0; e < a.entities.size(); ++e) a.entities[e].salience = sum > 0 ? score[e] / sum : 0;
}

// Sorts entities by salience (ties: first mention) and rewrites every index that points at them.
void SortEntities(Analysis& a) {
  const size_t n = a.entities.size();
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    const Entity& ex = a.entities[x];
    const Entity& ey = a.entities[y];
    if (ex.salience != ey.salience) return ex.salience > ey.salience;
    const uint32_t fx = ex.mentions.empty() ? ~0u : ex.mentions[0].span.begin;
    const uint32_t fy = ey.mentions.empty() ? ~0u : ey.mentions[0].span.begin;
    return fx < fy;
  });
  std::vector<int> where(n);
  std::vector<Entity> sorted;
  sorted.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    where[order[i]] = int(i);
    sorted.push_back(std::move(a.entities[order[i]]));
  }
  a.entities = std::move(sorted);
  auto fix = [&](int& idx) {
    if (idx >= 0 && size_t(idx) < n) idx = where[idx];
  };
  for (Entity& e : a.entities) fix(e.located_in);
  for (Quote& q : a.quotes) fix(q.speaker_entity);
  for (Relation& r : a.relations) {
    fix(r.source);
    fix(r.target);
  }
}

void AssignIds(Analysis& a) {
  std::unordered_map<std::string, int> used;
  for (Entity& e : a.entities) {
    std::string slug = Slugify(e.name);
    int& count = used[slug];
    e.id = count == 0 ? std::move(slug) : slug + "-" + std::to_string(count + 1);
    ++count;
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) a.quotes[i].id = "q" + std::to_string(i + 1);
}

}  // namespace

void FinishAnalysis(const Document& doc, Analysis& a) {
  ScoreSalience(doc, a);
  SortEntities(a);
  AssignIds(a);
}

// [SECTION] Analyze -------------------------------------------------------------------------------

Analysis Analyze(const Document& doc, const Gazetteer& world) {
  Analysis a;
  try {
    TextIndex ix = BuildTextIndex(doc);
    for (const Token& t : ix.tokens)
      if (t.kind == Token::Kind::Word || t.kind == Token::Kind::Number) ++a.word_count;
    EntityResult er = RecognizeEntities(ix, world);
    QuoteResult qr = ExtractQuotes(ix, er);
    a.quotes = std::move(qr.quotes);
    a.relations = ExtractRelations(ix, er, a.quotes);
    a.entities = std::move(er.entities);
    FinishAnalysis(doc, a);
    a.tokens = std::move(ix.tokens);
    a.sentences = std::move(ix.sentences);
  } catch (const std::exception& ex) {
    a = Analysis{};
    a.diagnostics.push_back(Diagnostic{Diagnostic::Level::Error, Span{}, std::string("analysis failed: ") + ex.what()});
  }
  for (uint32_t off : doc.invalid_utf8) {
    if (a.diagnostics.size() >= 16) break;
    a.diagnostics.push_back(Diagnostic{Diagnostic::Level::Warning, Span{off, off + 1}, "invalid UTF-8 byte"});
  }
  return a;
}

}  // namespace lectern
