// analysis.h — what Lectern understands of an article: the contract between the analysis
// (src/core/*) and every view (the app's windows, the CLI's JSON).
//
//   const Gazetteer& world = Gazetteer::Builtin();
//   Analysis a = Analyze(doc, world);
//   for (const Entity& e : a.entities) for (Span m : e.mentions) highlight(m, e.type);
//
// Every result is a span into doc.bytes (byte offsets), so a view highlights and jumps without
// re-parsing. Indices into the vectors below are stable for the life of the Analysis; ids
// (Entity::id, Quote::id) are stable across runs on the same text and are what links and the
// page's state query use.
#pragma once

#include "document.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lectern {

struct Token {
  Span span;
  enum class Kind : uint8_t { Word, Number, Punct, Symbol } kind = Kind::Word;
  uint8_t flags = 0;                   // kCapitalised | kAllCaps | kSentenceStart ...
  static constexpr uint8_t kCapitalised = 1, kAllCaps = 2, kSentenceStart = 4, kParagraphStart = 8,
                           kHyphenated = 16;  // a word with an ASCII hyphen in it ("Kremlin-backed")
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;              // index into doc.paragraphs (the headline is paragraph ~0u)
  uint32_t first_token = 0, token_count = 0;
};

enum class EntityType : uint8_t { Person, Place, Org, Group };
const char* EntityTypeName(EntityType t);  // "PERSON", "PLACE", "ORG", "GROUP"

struct Mention {
  Span span;                           // the surface form in the text ("Chile’s" -> "Chile")
  enum class Form : uint8_t { Name, Surname, Title, Acronym, Demonym, Possessive, Pronoun } form =
      Form::Name;
};

struct Entity {
  std::string id;                      // slug of the canonical name: "ana-ruiz"
  std::string name;                    // canonical name: "Ana Ruiz"
  EntityType type = EntityType::Person;
  double salience = 0;                 // 0..1, how central to the story (sums to ~1 over entities)
  std::string role;                    // "President of Chile" where the text gives one
  std::vector<Mention> mentions;       // in text order; pronoun mentions (if any) are Form::Pronoun
  bool has_coordinates = false;
  double lat = 0, lon = 0;             // degrees, for places (and where known)
  std::string country_code;            // ISO 3166-1 alpha-2 where known (places; people's nation)
  int located_in = -1;                 // entity index of the place this belongs to, or -1
};

enum class QuoteKind : uint8_t { Direct, Indirect };

struct Quote {
  std::string id;                      // "q1", "q2" ... in text order
  QuoteKind kind = QuoteKind::Direct;
  std::vector<Span> parts;             // content, without the quote marks; a split quote has >1
  Span extent;                         // whole quotation including marks (direct) / clause
  Span cue;                            // the speech verb or phrase: "said", "according to"
  Span speaker_span;                   // where the speaker is named in the text, if anywhere
  int speaker_entity = -1;             // index into entities, or -1
  std::string speaker;                 // display name: entity name, or the phrase ("analysts")
  uint32_t sentence = 0;               // index of the sentence where the quote starts
  std::string Text(const Document& doc) const;  // parts joined with one space
};

enum class RelationKind : uint8_t { CoOccurrence, RoleOf, LocatedIn, VisitTo, AgreementWith, Other };
const char* RelationKindName(RelationKind k);   // "co_occurrence", "president_of" uses label ...

struct Relation {
  int source = -1, target = -1;        // entity indices
  RelationKind kind = RelationKind::CoOccurrence;
  std::string label;                   // "president of", "visited" ...; empty: RelationLabel's
  std::string kind_name;               // JSON kind: "president_of", "located_in", "visit_to" ...
  double weight = 0;                   // co-occurrence: number of sentences together
  std::vector<Span> evidence;          // sentences that support it
};
// What a reader sees for a relation: its label, or the kind's ("mentioned together").
std::string_view RelationLabel(const Relation& r);

struct Diagnostic {
  enum class Level : uint8_t { Info, Warning, Error } level = Level::Warning;
  Span span;
  std::string message;
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;        // sorted by salience, most salient first
  std::vector<Quote> quotes;           // in text order
  std::vector<Relation> relations;
  std::vector<Diagnostic> diagnostics;
  uint32_t word_count = 0;

  int FindEntity(std::string_view id) const;  // index or -1
  int FindQuote(std::string_view id) const;   // index or -1
};

class Gazetteer;  // gazetteer.h: countries, demonyms, capitals, cities (from data packages)

// Runs the whole pipeline. Pure: same input, same output. Never throws on any input.
Analysis Analyze(const Document& doc, const Gazetteer& world);

// The pipeline's last stage, for results put together from parts (analysis_job.h): scores
// salience, sorts the entities by it (rewriting every index that points at them) and assigns
// the ids ("ana-ruiz", "q1").
void FinishAnalysis(const Document& doc, Analysis& a);

}  // namespace lectern
