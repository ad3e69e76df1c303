// lexicon.h — the small English word lists the analysis reasons with: function words, titles and
// honorifics, organisation and place head words, speech verbs, pronouns, months and days.
//
//   uint32_t c = WordClasses("minister");          // kTitle
//   if (c & kOrgHead) ...                           // "Ministry", "Party", "University"
//   const SpeechVerb* v = FindSpeechVerb("warned"); // {CueClass::That, lemma "warn"}
//
// Keys are lowercase (LowerAscii of the token). These are closed-class words and generic nouns:
// no names of people, organisations or places live here (those come from the text's own shape
// and context, and from the generated gazetteer).
#pragma once

#include <cstdint>
#include <string_view>

namespace lectern {

enum WordClass : uint32_t {
  kStop = 1u << 0,          // function words that never begin a name: the, in, however, both
  kPronoun = 1u << 1,       // he she they it (and object / possessive forms)
  kTitle = 1u << 2,         // a title head before a name: president, minister, dr, senator
  kTitleMod = 1u << 3,      // words inside a title phrase: prime, vice, deputy, foreign
  kHonorific = 1u << 4,     // dr mr mrs ms prof sir ...: a person follows, always
  kOrgHead = 1u << 5,       // Ministry Party University Commission Exchange Group Agency ...
  kPlaceHead = 1u << 6,     // Sea River Province Island ... as the last word of a name
  kPlacePrefix = 1u << 7,   // Lake Mount Cape ... as the first word of a name
  kMonth = 1u << 8,
  kDay = 1u << 9,
  kNonEntity = 1u << 10,    // capitalised but not a name: God, Internet, Christmas, Muslim
  kHumanRole = 1u << 11,    // spokesperson analyst official director ... (a person noun)
  kOrgNoun = 1u << 12,      // company refiner party group bank ... (an organisation noun)
  kPlaceNoun = 1u << 13,    // province district city town region ... (a place noun)
  kAux = 1u << 14,          // has have is was will would ... and frequent adverbs
  kCollective = 1u << 15,   // plural speaker heads: analysts campaigners agencies officials
  kConnector = 1u << 16,    // of for on and the & : may join the words of a long name
  kLocPrep = 1u << 17,      // in near outside across: a place follows
  kStarter = 1u << 18,      // words that typically begin a sentence (after an abbreviation)
  kAbbrevTitle = 1u << 19,  // mr dr gov sen gen ...: a "." after them never ends a sentence
  kAbbrevOther = 1u << 20,  // inc corp jan ...: a "." after them ends one only before a starter
  kTimeWord = 1u << 21,     // today yesterday tonight weekend ...
  kNameParticle = 1u << 22, // de da van von bin al el la le du dos das di del ibn
  kDirection = 1u << 23,    // north south western central ...: part of region names
  kOrgAfter = 1u << 24,     // lowercase nouns after a name that make it an organisation
  kGovNoun = 1u << 25,      // government authorities administration: a country's voice
  kVisitWord = 1u << 26,    // visit trip visited arrived travelled flew
  kDealWord = 1u << 27,     // agreement deal pact accord treaty contract partnership
  kLegalForm = 1u << 28,    // plc inc corp ltd llc ag gmbh ...: a company's legal form ends its name
  kEventHead = 1u << 29,    // Index Awards Cup Summit War ... ending a name: an index, event or prize, no entity
};

uint32_t WordClasses(std::string_view lower);

enum class Gender : uint8_t { Unknown, Male, Female };
Gender HonorificGender(std::string_view lower);   // mr -> Male, mrs/ms -> Female, ...
Gender PronounGender(std::string_view lower);     // he/him/his -> Male, she/her -> Female
bool IsPluralPronoun(std::string_view lower);     // they them their
bool IsNeuterPronoun(std::string_view lower);     // it its

// How a speech verb takes its reported content (PARC's "cue").
enum class CueClass : uint8_t {
  None,
  Say,       // say/said: a bare clause or "that" clause ("said the price was competitive")
  Tell,      // tell/told: an object, then "that" ("told reporters that ...")
  That,      // warn deny insist emphasise suggest argue note add claim ...: needs "that"
  Urge,      // urge/urged: "urged X to ..."
  Embedded,  // called described dubbed: only a cue for a short direct quote ("called it “…”")
};

struct SpeechVerb {
  CueClass cls;
  bool participle;     // "stating", "telling": the subject is the main clause's
  const char* lemma;   // "say", "tell", ...
};
const SpeechVerb* FindSpeechVerb(std::string_view lower);
// Nouns that report speech when followed by "that": allegations, claims, warnings ...
bool IsNounCue(std::string_view lower);

// Classes and speech verb of a word in one lookup (the per-token hot path).
struct WordInfo {
  uint32_t classes = 0;
  const SpeechVerb* verb = nullptr;
};
WordInfo LookupWord(std::string_view lower);

}  // namespace lectern
