// name_context.h — the words around a token, as every stage of the entity recogniser reads them
// (entity_recognizer.h): where its sentence begins and ends, whether its capital says anything,
// the words before and after it, the shape of the word, and what the gazetteer knows of it.
// Internal to the recogniser; built once per article and shared, read-only, by the stages.
//
//   NameContext cx(ix, world);
//   if (cx.NameWord(i) && !cx.SentenceInitial(i) && cx.LocativeContext(i, found)) ...  // "in X"
//   for (const Gazetteer::NameHit& h : *cx.Word1(i).hits) ...     // the places this word names
//
// Every predicate takes token indices of the TextIndex and is safe one past a sentence or the
// text (the rules ask about the token after a name all the time).
#pragma once

#include "entity_candidates.h"
#include "gazetteer.h"
#include "text_index.h"
#include "text_util.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern {

constexpr uint32_t kNone = ~0u;  // "no such token"

// What the gazetteer knows of one token's folded text (NameContext::Word1).
struct OneWordCache {
  const std::vector<Gazetteer::NameHit>* hits = nullptr;  // places with this one-word name
  bool prefix = false;                                     // a longer name starts with it
  int demonym = -1;                                        // place whose people's word it is
};

class NameContext {
 public:
  NameContext(const TextIndex& ix, const Gazetteer& world)
      : ix_(ix), world_(world), word1_(ix.size()), word1_done_(ix.size(), 0) {}

  const TextIndex& ix() const { return ix_; }
  const Gazetteer& world() const { return world_; }

  // [SECTION] Sentences and capitals -------------------------------------------------------------

  // One past the text belongs to the last sentence (a run that ends the article asks what is
  // before and after it); an empty text has no sentence.
  uint32_t SentenceOf(uint32_t i) const {
    if (i < ix_.size()) return ix_.sentence_of[i];
    return ix_.size() ? ix_.sentence_of[ix_.size() - 1] : kNone;
  }
  uint32_t SBegin(uint32_t i) const {
    const uint32_t s = SentenceOf(i);
    return s == kNone ? 0 : ix_.SentenceBegin(s);
  }
  uint32_t SEnd(uint32_t i) const {
    const uint32_t s = SentenceOf(i);
    return s == kNone ? 0 : ix_.SentenceEnd(s);
  }
  bool NameWord(uint32_t i) const {
    return i < ix_.size() && ix_.IsWord(i) && (ix_.Cap(i) || ix_.AllCaps(i));
  }
  bool Lower(uint32_t i) const { return ix_.LowerWord(i); }
  bool IsInitial(uint32_t i) const {
    return ix_.IsWord(i) && ix_.Text(i).size() == 1 && ix_.Cap(i) && ix_.Is(i + 1, ".") &&
           ix_.Adjacent(i, i + 1);
  }
  // First word of its sentence, or first after an opening quote / dash / colon that starts a
  // clause: its capital says nothing.
  bool SentenceInitial(uint32_t i) const {
    if (i == SBegin(i)) return true;
    uint32_t p = i - 1;
    if (ix_.IsOpenQuote(p) || ix_.Is(p, "(") || ix_.Is(p, ":") || ix_.IsDash(p)) return true;
    if (ix_.Is(p, "\xE2\x80\x98") || ix_.Is(p, "'")) return true;
    return false;
  }
  // Previous token in the same sentence, or kNone.
  uint32_t Prev(uint32_t i) const { return (i > SBegin(i)) ? i - 1 : kNone; }
  // Previous token skipping one determiner ("the", "a", "an").
  uint32_t PrevSkipDet(uint32_t i) const {
    uint32_t p = Prev(i);
    if (p != kNone && (ix_.LowerIs(p, "the") || ix_.LowerIs(p, "a") || ix_.LowerIs(p, "an")))
      p = Prev(p);
    return p;
  }
  // The sentence is written in capitals (a headline style line): capitals say nothing.
  bool ShoutingSentence(uint32_t i) const {
    uint32_t b = SBegin(i), e = SEnd(i), caps = 0, words = 0;
    for (uint32_t k = b; k < e && k < b + 12; ++k)
      if (ix_.IsWord(k)) {
        ++words;
        if (ix_.AllCaps(k)) ++caps;
      }
    return words >= 3 && caps * 2 > words;
  }

  // [SECTION] The words around a name -----------------------------------------------------------
  // "analyst at X", "professor at the X": a person noun shortly before "at".
  bool RoleBeforeAt(uint32_t at) const {
    for (uint32_t k = 1; k <= 5 && at >= k + SBegin(at); ++k) {
      uint32_t p = at - k;
      if (ix_.Is(p, ",") || ix_.Is(p, ".")) break;
      if ((Lower(p) || SentenceInitial(p)) && (ix_.C(p) & kHumanRole)) return true;  // "Analysts at X"
    }
    return false;
  }
  // The token after a name (possibly the possessive), within the sentence.
  bool NextIs(uint32_t e, uint32_t c, bool allow_possessive = false) const {
    if (e >= SEnd(e - 1)) return false;
    uint32_t k = e;
    if (allow_possessive && ix_.IsPossessive(k)) ++k;
    return k < SEnd(e - 1) && Lower(k) && (ix_.C(k) & c);
  }
  // "X’s chief executive", "X’s regional director": an organisation owns a person noun.
  bool PossessiveRole(uint32_t e) const {
    if (e >= SEnd(e - 1) || !ix_.IsPossessive(e)) return false;
    for (uint32_t k = e + 1; k < SEnd(e - 1) && k < e + 5; ++k) {
      if (!Lower(k)) return false;
      if (ix_.C(k) & (kHumanRole | kCollective)) return true;
    }
    return false;
  }
  bool SpeechVerbAt(uint32_t k) const {
    return k < ix_.size() && ix_.verb[k] && ix_.verb[k]->cls != CueClass::Embedded;
  }
  // "in X", "near the X", "province of X", "the coastal district of X". `found`: the candidates
  // found so far ("in London and the West Midlands" looks at the last of them).
  bool LocativeContext(uint32_t b, const std::vector<Candidate>& found) const {
    uint32_t p = PrevSkipDet(b);
    // "In Catalonia, …": the preposition may open the sentence.
    if (p != kNone && p == SBegin(b) && ix_.Cap(p) && (ix_.C(p) & kLocPrep)) return true;
    if (p == kNone || !Lower(p)) return false;
    // "shares in Shell", "a stake in X": owning, not being somewhere.
    if (ix_.LowerIs(p, "in") && p > SBegin(b) &&
        ix_.LowerIn(p - 1, {"shares", "stake", "stakes", "investment", "investments", "interest",
                            "holding", "holdings", "confidence", "trust", "role", "job", "career"}))
      return false;
    // "in London and the West Midlands": the second of a pair of places.
    if ((ix_.LowerIs(p, "and") || ix_.LowerIs(p, "or")) && p > SBegin(b)) {
      for (int c = int(found.size()) - 1; c >= 0 && c + 4 >= int(found.size()); --c)
        if (found[c].te == p && found[c].type == EntityType::Place) return true;
    }
    if (ix_.C(p) & kLocPrep) return true;
    if (ix_.LowerIs(p, "at") && !RoleBeforeAt(p)) return true;
    if (ix_.LowerIs(p, "of")) {
      uint32_t q = Prev(p);
      if (q != kNone && Lower(q) && (ix_.C(q) & kPlaceNoun)) return true;
    }
    if (ix_.LowerIs(p, "to") || ix_.LowerIs(p, "from")) {
      uint32_t q = Prev(p);  // "visit to X", "trip to X", "flew from X"
      if (q != kNone && Lower(q) &&
          (ix_.L(q) == "visit" || ix_.L(q) == "trip" || ix_.L(q) == "travelled" ||
           ix_.L(q) == "traveled" || ix_.L(q) == "flew" || ix_.L(q) == "returned"))
        return true;
    }
    return false;
  }
  // ", the state oil giant," / ", a unit of …": the apposition after a name says it is an
  // organisation.
  bool AppositionSaysOrg(uint32_t e) const {
    if (!ix_.Is(e, ",") || e + 1 >= SEnd(e - 1)) return false;
    uint32_t q = e + 1;
    if (!(ix_.LowerIs(q, "the") || ix_.LowerIs(q, "a") || ix_.LowerIs(q, "an") ||
          (Lower(q) && (ix_.C(q) & kOrgNoun))))
      return false;
    for (; q < SEnd(e - 1) && q < e + 8 && !ix_.Is(q, ","); ++q) {
      if (Lower(q) && (ix_.C(q) & kHumanRole) && !(ix_.C(q) & kOrgNoun)) return false;  // a person
      // ", the company's chief operating officer": the organisation owns what follows.
      if (Lower(q) && (ix_.C(q) & kOrgNoun) && !(ix_.C(q) & kHumanRole) && !ix_.IsPossessive(q + 1)) return true;
    }
    return false;
  }
  // ", a coastal town", ", the provincial capital": the apposition after a name says it is a place.
  bool AppositionSaysPlace(uint32_t e) const {
    if (!ix_.Is(e, ",") || e + 2 >= SEnd(e - 1)) return false;
    uint32_t q = e + 1;
    if (!(ix_.LowerIs(q, "a") || ix_.LowerIs(q, "an") || ix_.LowerIs(q, "the"))) return false;
    for (++q; q < SEnd(e - 1) && q < e + 6 && Lower(q); ++q) {
      if (ix_.LowerIn(q, {"town", "city", "village", "port", "capital", "province", "region", "island", "district",
                          "municipality", "suburb", "neighbourhood", "neighborhood", "county", "state"}))
        return !ix_.LowerIs(q + 1, "of") || ix_.LowerIs(q, "capital") || ix_.LowerIs(q, "city");
      if (ix_.C(q) & (kStop | kAux | kHumanRole | kOrgNoun)) return false;
    }
    return false;
  }

  // [SECTION] The shape of a word ----------------------------------------------------------------
  bool AdjectiveLike(uint32_t i) const {
    std::string_view w = ix_.L(i);
    auto ends = [&](std::string_view suf) {
      return w.size() > suf.size() + 2 && w.substr(w.size() - suf.size()) == suf;
    };
    return ends("ern") || ends("ese") || ends("ish") || ends("ian") || ends("ic") || ends("ist") ||
           ends("ists") || ends("ism") || ends("ians") || ends("ans");
  }
  static bool AdjectiveSuffix(std::string_view w) {
    auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 3 && w.substr(w.size() - suf.size()) == suf; };
    return ends("al") || ends("ive") || ends("ous") || ends("ary") || ends("ful") || ends("less") || ends("ible") ||
           ends("able");
  }
  // "Competition Commissioner", "Education Minister": an abstract noun before a title is its
  // portfolio, not the organisation or the place of the office.
  static bool PortfolioNoun(std::string_view w) {
    auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 3 && w.substr(w.size() - suf.size()) == suf; };
    return ends("tion") || ends("sion") || ends("ment") || ends("ance") || ends("ence") || ends("ity") ||
           ends("ure") || ends("ism");
  }
  bool CamelCase(uint32_t i) const {
    std::string_view t = ix_.Text(i);
    bool seen_lower = false;
    for (size_t k = 0; k < t.size();) {
      char32_t cp;
      k += DecodeUtf8(t, k, &cp);
      if (IsLowerCp(cp)) seen_lower = true;
      else if (IsUpperCp(cp) && seen_lower) return true;
      else if (IsDashCp(cp) || IsApostropheCp(cp)) return false;
    }
    return false;
  }
  // "ArcelorMittal", "BlackRock": a capital inside a word after four or more letters is a brand's
  // spelling; "McDonald", "MacArthur", "DeSantis", "LaGuardia" are family names.
  bool BrandCamel(uint32_t i) const {
    std::string_view t = ix_.Text(i);
    size_t letters = 0;
    for (size_t k = 0; k < t.size();) {
      char32_t cp;
      k += DecodeUtf8(t, k, &cp);
      if (IsUpperCp(cp) && letters >= 4 && t.substr(0, 4) != "Fitz") return true;
      if (!IsLetterCp(cp)) return false;
      ++letters;
    }
    return false;
  }
  // A company's legal form ends its name: "Plc", "Inc.", "Corp.", "S.A.", "AG", "GmbH".
  bool LegalForm(uint32_t k) const { return ix_.Cap(k) && (ix_.C(k) & kLegalForm); }
  // A name made a modifier by a participle after a hyphen: "Vienna-based", "Kremlin-backed",
  // "state-run" (not a hyphenated given name: "Wei-ming").
  bool LowerSuffix(uint32_t j) const {
    if (!(ix_.tokens[j].flags & Token::kHyphenated)) return false;
    const std::string_view t = ix_.Text(j);
    const size_t hyphen = t.rfind('-');
    if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 3 > t.size()) return false;
    const std::string_view suffix = t.substr(hyphen + 1);
    if (!(suffix[0] >= 'a' && suffix[0] <= 'z')) return false;
    return (suffix.size() > 3 && suffix.substr(suffix.size() - 2) == "ed") || suffix == "run" || suffix == "born" ||
           suffix == "made" || suffix == "style" || suffix == "era" || suffix == "wide";
  }
  // A word that may be stripped from either end of a run: function words, months and days,
  // pronouns, lowercase connectors (but never a title or an acronym).
  bool Strippable(uint32_t k) const {
    const uint32_t c = ix_.C(k);
    if (c & (kTitle | kHonorific)) return false;
    // Acronyms stay ("WHO", "US") unless the whole line shouts.
    if (ix_.AllCaps(k) && ix_.Text(k).size() > 1 && !ShoutingSentence(k)) return false;
    return (c & (kStop | kNonEntity | kMonth | kDay | kTimeWord | kPronoun)) != 0 || !ix_.IsWord(k) ||
           ((c & kConnector) && !ix_.Cap(k));  // "Das", "Van" capitalised are names
  }
  // Index where a person's name starts in [b, e) counting back from the end: the last word, one
  // more capitalised word, and any initials / particles between ("Zofia Kowalczyk-Brandt",
  // "Anna K. Berg", "Mohammed bin Salman"). `min` keeps at least that many tokens before it.
  uint32_t TrailingName(uint32_t b, uint32_t e, uint32_t min_before) const {
    uint32_t k = e - 1;
    int words = 1;
    while (k > b + min_before) {
      uint32_t p = k - 1;
      if (ix_.Is(p, ".") && p > b && IsInitial(p - 1)) {
        k = p - 1;
        continue;
      }
      if (IsInitial(p)) {
        k = p;
        continue;
      }
      if (ix_.IsWord(p) && !ix_.Cap(p) && (ix_.C(p) & kNameParticle)) {
        k = p;
        continue;
      }
      if (NameWord(p) && words < 2 && !(ix_.C(p) & (kOrgHead | kTitle | kConnector))) {
        k = p;
        ++words;
        continue;
      }
      break;
    }
    return k;
  }
  bool LooksLikeName(uint32_t b, uint32_t e) const {
    if (b >= e || e - b > 6) return false;
    int words = 0;
    for (uint32_t k = b; k < e; ++k) {
      if (ix_.Is(k, ".")) continue;
      if (!ix_.IsWord(k)) return false;
      const uint32_t c = ix_.C(k);
      if (ix_.Cap(k)) {
        if (c & (kOrgHead | kPlaceHead | kMonth | kDay | kStop | kNonEntity)) return false;
        if (ix_.AllCaps(k) && ix_.Text(k).size() > 1 && !ShoutingSentence(k)) return false;
        ++words;
      } else if (!(c & kNameParticle)) {
        return false;
      }
    }
    return words >= 1;
  }

  // [SECTION] What the gazetteer knows of a word ---------------------------------------------------
  // The gazetteer's answer for one token, looked up once per token.
  const OneWordCache& Word1(uint32_t k) const {
    static const OneWordCache kNothing{&NoHits(), false, -1};
    if (k >= word1_.size()) return kNothing;
    if (!word1_done_[k]) {
      const Gazetteer::KeyInfo* info = world_.Lookup(ix_.F(k));
      word1_[k].hits = info ? &info->hits : &NoHits();
      word1_[k].prefix = info && info->prefix;
      word1_[k].demonym = info ? info->demonym : -1;
      word1_done_[k] = 1;
    }
    return word1_[k];
  }
  // A word that names a country, a capital, a city of a million or a people ("Kenyan"); a
  // small town's name that is also a word ("Plantation") does not count.
  bool MajorPlaceWord(uint32_t q) const {
    if (Word1(q).demonym >= 0) return true;
    for (const auto& h : *Word1(q).hits) {
      const auto& pl = world_.place(h.place);
      if (pl.kind != Gazetteer::Kind::City || (pl.flags & Gazetteer::kCapital) || pl.population >= 1000000) return true;
    }
    return false;
  }
  // "X, Country": a comma and a country name right after.
  bool FollowedByCountry(uint32_t e) const {
    if (!ix_.Is(e, ",") || !NameWord(e + 1)) return false;
    for (const auto& h : (*Word1(e + 1).hits))
      if (world_.place(h.place).kind == Gazetteer::Kind::Country) return true;
    return false;
  }

 private:
  static const std::vector<Gazetteer::NameHit>& NoHits() {
    static const std::vector<Gazetteer::NameHit> kNoHits;
    return kNoHits;
  }
  const TextIndex& ix_;
  const Gazetteer& world_;
  mutable std::vector<OneWordCache> word1_;  // Word1's answers, looked up on first use
  mutable std::vector<uint8_t> word1_done_;
};

}  // namespace lectern
