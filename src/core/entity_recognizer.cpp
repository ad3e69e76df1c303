// entity_recognizer.cpp — candidates, clustering and the mention sweep (see entity_recognizer.h).
//
// [SECTION] Candidates: a possible mention with a type and how sure we are of it
// [SECTION] Context: the words around a run that type it
// [SECTION] Gazetteer matching
// [SECTION] Runs of capitalised words
// [SECTION] Clustering
// [SECTION] Sweep: every surface form of every entity
// [SECTION] Output
#include "entity_recognizer.h"

#include "text_util.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace lectern {

std::string Initials(std::string_view name) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    const uint32_t c = WordClasses(LowerAscii(word));
    const char32_t first = FirstCp(word);
    if (!(c & kConnector) && IsUpperCp(first)) {
      if (IsAllCaps(word, 2)) {  // "UK", "U.S." give all their letters
        for (char ch : word)
          if (ch >= 'A' && ch <= 'Z') out += ch;
      } else {
        std::string folded = FoldKey(word);  // "Ärzte" -> 'A'
        if (!folded.empty() && folded[0] >= 'a' && folded[0] <= 'z') out += char(folded[0] - 32);
      }
    }
    word.clear();
  };
  for (size_t i = 0; i < name.size();) {
    char32_t cp;
    uint32_t n = DecodeUtf8(name, i, &cp);
    if (cp == ' ' || cp == ',' || IsDashCp(cp)) flush();
    else word.append(name.substr(i, n));
    i += n;
  }
  flush();
  return out;
}

namespace {

// [SECTION] Candidates ----------------------------------------------------------------------------

enum Strength { kWeak = 0, kFair = 1, kGood = 2, kStrong = 3 };

struct Cand {
  Span span;
  uint32_t tb = 0, te = 0;             // tokens covered
  EntityType type = EntityType::Org;
  Mention::Form form = Mention::Form::Name;
  int strength = kFair;
  int place = -1;                      // gazetteer place (chosen among `hits`)
  std::vector<uint32_t> hits;          // gazetteer places of this name, best first
  std::string name;                    // display text
  std::string key;                     // FoldKey(name)
  int link = -1;                       // alias of this candidate (acronym definitions)
  Gender gender = Gender::Unknown;
  bool mid_sentence = true;
  bool acronym = false;
  int entity = -1;
};

struct PendingRole {
  int person = -1;   // candidate
  int target = -1;   // candidate
  std::string role;
  uint32_t sentence = 0;
};

struct Form {
  int entity;
  uint32_t first, count;               // its folded token texts: the sweep's keys[first, first + count)
  Mention::Form form;
  bool all_caps;                       // an acronym: match all-caps tokens only
  int next;                            // the next form with the same first key, or -1
};

constexpr uint32_t kNone = ~0u;

const std::vector<Gazetteer::NameHit>& NoHits() {
  static const std::vector<Gazetteer::NameHit> kNone;
  return kNone;
}

struct OneWordCache {
  const std::vector<Gazetteer::NameHit>* hits = nullptr;
  bool prefix = false;
  int demonym = -1;
};

class Recognizer {
 public:
  Recognizer(const TextIndex& ix, const Gazetteer& world)
      : ix_(ix), world_(world), claimed_(ix.size(), 0), word1_(ix.size()), word1_done_(ix.size(), 0) {}

  EntityResult Run() {
    size_t names = 0;  // candidates start at capitalised words: room for them up front
    for (uint32_t i = 0; i < ix_.size(); ++i) names += NameWord(i);
    cands_.reserve(names + 16);
    FindLocalPlaces();
    FindCountries();
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s)
      if (ix_.sentences[s].paragraph != ~0u) ScanSentence(s);
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s)
      if (ix_.sentences[s].paragraph == ~0u) ScanSentence(s);
    LinkNamesInOtherScripts();
    ChooseCities();
    Cluster();
    Sweep();
    return Output();
  }

 private:
  const TextIndex& ix_;
  const Gazetteer& world_;
  std::vector<Cand> cands_;
  std::vector<uint8_t> claimed_;       // token already inside a candidate
  // "Davao Oriental" of "Davao Oriental province": folded token keys, by first key.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> local_places_;
  std::vector<PendingRole> roles_;
  std::vector<std::string> countries_;  // ISO codes of the countries the text names
  mutable std::vector<OneWordCache> word1_;
  mutable std::vector<uint8_t> word1_done_;

  // "in Davao Oriental province", "Rivers state": words before a lower-case place noun name one
  // place, wherever the story uses them (even where their first word is a city's name).
  void FindLocalPlaces() {
    for (uint32_t t = 2; t < ix_.size(); ++t) {
      if (!(ix_.C(t) & (kPlaceNoun | kPlaceHead)) || !Lower(t) ||
          !ix_.LowerIn(t, {"province", "state", "region", "district", "county", "prefecture", "governorate",
                           "oblast", "municipality"}))
        continue;
      uint32_t b = t;
      while (b > SBegin(t) && NameWord(b - 1) && !SentenceInitial(b - 1) && t - b < 4) --b;
      if (t - b < 2 || (ix_.C(b) & (kStop | kTitle | kDirection))) continue;
      std::vector<std::string> keys;
      for (uint32_t k = b; k < t; ++k) keys.emplace_back(ix_.F(k));
      auto& v = local_places_[keys[0]];
      if (std::find(v.begin(), v.end(), keys) == v.end()) v.push_back(std::move(keys));
    }
  }

  // End of the local place name (FindLocalPlaces) that starts at `i`, or `i`.
  uint32_t LocalPlaceAt(uint32_t i, uint32_t e) const {
    if (local_places_.empty() || !NameWord(i)) return i;
    auto it = local_places_.find(std::string(ix_.F(i)));
    if (it == local_places_.end()) return i;
    uint32_t best = i;
    for (const auto& keys : it->second) {
      const uint32_t m = i + uint32_t(keys.size());
      if (m > e || m <= best) continue;
      bool same = true;
      for (uint32_t k = i + 1; k < m && same; ++k) same = NameWord(k) && ix_.F(k) == keys[k - i];
      if (same) best = m;
    }
    return best;
  }

  // Countries named anywhere (by name or demonym): a town in one of them needs less context.
  void FindCountries() {
    for (uint32_t i = 0; i < ix_.size(); ++i) {
      if (!NameWord(i)) continue;
      auto add = [&](int place) {
        if (place < 0) return;
        const auto& p = world_.place(uint32_t(place));
        if (p.kind == Gazetteer::Kind::Country &&
            std::find(countries_.begin(), countries_.end(), p.country_code) == countries_.end())
          countries_.push_back(p.country_code);
      };
      for (const auto& h : *Word1(i).hits)
        if (!h.code || ix_.AllCaps(i)) add(int(h.place));
      if (NameWord(i + 1) && Word1(i).prefix)
        for (const auto& h : world_.FindName(std::string(ix_.F(i)) + " " + std::string(ix_.F(i + 1)))) add(int(h.place));
      if (!ix_.AllCaps(i)) add(Word1(i).demonym);
    }
  }
  bool CountryNamed(const std::string& cc) const {
    return std::find(countries_.begin(), countries_.end(), cc) != countries_.end();
  }

  // Entities under construction.
  struct Build {
    EntityType type;
    std::string name, key;
    int place = -1;
    int strength = 0;
    Gender gender = Gender::Unknown;
    std::vector<int> cands;
    std::vector<Mention> mentions;
    int votes[4] = {0, 0, 0, 0};       // evidence per EntityType from the candidates
    std::vector<uint32_t> starts;      // first tokens of its candidates, sorted
  };

  // The latest candidate start of entity `ent` before token `k` (or -1).
  int64_t LatestStart(int ent, uint32_t k) const {
    const auto& v = ents_[ent].starts;
    auto it = std::lower_bound(v.begin(), v.end(), k);
    return it == v.begin() ? -1 : int64_t(*(it - 1));
  }
  std::vector<Build> ents_;
  // Indexes kept as entities are made or renamed, so clustering stays linear on long texts.
  std::unordered_map<std::string, std::vector<int>> org_words_;  // word of an org's name -> orgs
  std::unordered_map<std::string, int> person_suffix_;            // "da silva", "silva" -> person
  std::unordered_map<std::string, int> initials_;                 // "IAEA" -> organisation

  void IndexEntity(int ent) {
    const Build& b = ents_[ent];
    const std::vector<std::string_view> words = KeyViews(b.key);
    if (b.type == EntityType::Org) {
      for (std::string_view w : words) {
        auto& v = org_words_[std::string(w)];
        if (std::find(v.begin(), v.end(), ent) == v.end()) v.push_back(ent);
      }
      if (!IsAllCaps(b.name)) initials_.emplace(Initials(b.name), ent);
    }
    // "da silva", "silva": every tail of the name from its second word on (the key's words are
    // one space apart, so a tail is a suffix of the key).
    if (b.type == EntityType::Person)
      for (size_t i = words.size(); i-- > 1;)
        person_suffix_.emplace(std::string(b.key, size_t(words[i].data() - b.key.data())), ent);
  }

  // [SECTION] Context -----------------------------------------------------------------------------

  uint32_t SentenceOf(uint32_t i) const { return ix_.sentence_of[i]; }
  uint32_t SBegin(uint32_t i) const { return ix_.SentenceBegin(SentenceOf(i)); }
  uint32_t SEnd(uint32_t i) const { return ix_.SentenceEnd(SentenceOf(i)); }
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
  uint32_t Next(uint32_t e) const { return e < SEnd(e ? e - 1 : 0) ? e : kNone; }
  bool PrevHasClass(uint32_t i, uint32_t c) const {
    uint32_t p = Prev(i);
    return p != kNone && Lower(p) && (ix_.C(p) & c);
  }
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
  // "in X", "near the X", "province of X", "the coastal district of X".
  bool LocativeContext(uint32_t b) const {
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
      for (int c = int(cands_.size()) - 1; c >= 0 && c + 4 >= int(cands_.size()); --c)
        if (cands_[c].te == p && cands_[c].type == EntityType::Place) return true;
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
  // "X, Country": a comma and a country name right after.
  bool FollowedByCountry(uint32_t e) const {
    if (!ix_.Is(e, ",") || !NameWord(e + 1)) return false;
    for (const auto& h : (*Word1(e + 1).hits))
      if (world_.place(h.place).kind == Gazetteer::Kind::Country) return true;
    return false;
  }
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
  bool IsAcronym(uint32_t i) const {
    std::string_view t = ix_.Text(i);
    return ix_.AllCaps(i) && t.size() >= 2 && t.size() <= 8 && !ix_.AllCaps(SBegin(i) + 1 < SEnd(i) ? SBegin(i) + 1 : i);
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

  // [SECTION] Candidate helpers ------------------------------------------------------------------

  int AddCand(uint32_t b, uint32_t e, EntityType type, int strength,
              Mention::Form form = Mention::Form::Name, Span span = Span{}) {
    Cand c;
    c.tb = b;
    c.te = e;
    c.span = span.empty() ? ix_.Range(b, e) : span;
    // "Andes Copper Corp.": the period of a company suffix is part of the name (unless it
    // also ends the sentence).
    if (span.empty() && type == EntityType::Org && e > b && ix_.Is(e, ".") && ix_.Adjacent(e - 1, e) &&
        (ix_.C(e - 1) & kAbbrevOther) && (ix_.C(e - 1) & kOrgHead) && e + 1 < SEnd(e))
      c.span.end = ix_.tokens[e].span.end;
    c.type = type;
    c.form = form;
    c.strength = strength;
    c.name = std::string(ix_.Text(c.span));
    // One whole token: its folded key is in the index already.
    c.key = c.span == ix_.tokens[b].span ? std::string(ix_.F(b)) : FoldKey(c.name);
    c.mid_sentence = !SentenceInitial(b);
    for (uint32_t k = b; k < e; ++k) claimed_[k] = 1;
    cands_.push_back(std::move(c));
    return int(cands_.size()) - 1;
  }

  // [SECTION] Gazetteer matching ------------------------------------------------------------------

  // Longest gazetteer name starting at `b` and ending at or before `e`; returns its end or `b`.
  // The gazetteer's answer for one token, looked up once per token.
  using OneWord = OneWordCache;
  const OneWord& Word1(uint32_t k) const {
    static const OneWord kNothing{&NoHits(), false, -1};
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

  uint32_t MatchGazetteer(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>** out) const {
    uint32_t best = b;
    if (b >= e) return b;
    {
      const OneWord& w = Word1(b);
      if (!w.hits->empty()) {
        best = b + 1;
        *out = w.hits;
      }
      if (!w.prefix && ix_.F(b).find('.') == std::string_view::npos) return best;
    }
    std::string key;
    for (uint32_t k = b; k < e && k < b + 7; ++k) {
      if (k > b && !ix_.Adjacent(k - 1, k)) key += ' ';
      key += ix_.F(k);
      const Gazetteer::KeyInfo* info = world_.Lookup(key);
      if (k == b && best > b) {
        if (!info || !info->prefix) break;
        continue;
      }
      static const std::vector<Gazetteer::NameHit> kNoHits;
      const auto* hits = info ? &info->hits : &kNoHits;
      if (hits->empty() && k == b && key.find('.') != std::string::npos) {
        // "U.S." and "U.K." are the codes "US" and "UK".
        std::string bare;
        for (char ch : key)
          if (ch != '.') bare += ch;
        hits = &world_.FindName(bare);
      }
      if (!hits->empty() && (k == b || NameWord(k))) {
        best = k + 1;
        *out = hits;
      }
      if (!info || !info->prefix) {
        if (k > b || key.find('.') == std::string::npos) break;
      }
    }
    return best;
  }

  // Is a gazetteer match [b, e) a place here? Returns the strength (or -1) and the usable hits.
  int PlaceStrength(uint32_t b, uint32_t e, const std::vector<Gazetteer::NameHit>& hits,
                    bool headline, std::vector<uint32_t>* usable) const {
    bool all_caps = true;
    for (uint32_t k = b; k < e; ++k)
      if (ix_.IsWord(k) && !ix_.AllCaps(k)) all_caps = false;
    for (const auto& h : hits)
      if (!h.code || all_caps) usable->push_back(h.place);
    if (usable->empty()) return -1;
    const Gazetteer::Place& p = world_.place((*usable)[0]);
    // A code ("UK") read in a shouting line could be any word.
    if (all_caps && e - b == 1 && ShoutingSentence(b) && !headline) return -1;
    if (p.kind != Gazetteer::Kind::City) return kStrong;
    const bool major = (p.flags & Gazetteer::kCapital) || p.population >= 1000000;
    const bool ambiguous = p.flags & (Gazetteer::kCommonWord | Gazetteer::kPersonName);
    if (headline) return (major && !ambiguous) ? kGood : -1;
    const uint32_t pv = PrevSkipDet(b);
    const bool to_from = pv != kNone && (ix_.LowerIs(pv, "to") || ix_.LowerIs(pv, "from")) &&
                         !(pv > SBegin(b) && ix_.LowerIs(pv - 1, "according"));
    const bool context = LocativeContext(b) || FollowedByCountry(e) || to_from ||
                         NextIs(e, kPlaceNoun) || (ix_.Is(e, ",") && major);
    if (ambiguous) {
      if (context) return kGood;
      return (major && !SentenceInitial(b)) ? kFair : -1;
    }
    // A town of a country the story never names, with nothing saying it is a place, is more
    // likely a word or a name ("Save the Children", "Lai said").
    if (!major && !context && !CountryNamed(p.country_code)) return -1;
    return kGood;
  }

  // Demonym (one or two words: "Chilean", "North Korean") at `b`: returns its end or `b`.
  uint32_t MatchDemonym(uint32_t b, uint32_t e, int* place) const {
    if (b + 1 < e && NameWord(b + 1)) {
      std::string two = std::string(ix_.F(b)) + " " + std::string(ix_.F(b + 1));
      int p = world_.FindDemonym(two);
      if (p >= 0) {
        *place = p;
        return b + 2;
      }
    }
    int p = Word1(b).demonym;
    // "Nigerians", "Filipinos": the people of a country.
    if (p < 0 && ix_.F(b).size() > 4 && ix_.F(b).back() == 's')
      p = world_.FindDemonym(std::string_view(ix_.F(b)).substr(0, ix_.F(b).size() - 1));
    if (p >= 0 && !ix_.AllCaps(b)) {
      *place = p;
      return b + 1;
    }
    return b;
  }

  // [SECTION] Runs of capitalised words ---------------------------------------------------------

  void ScanSentence(uint32_t s) {
    const uint32_t b = ix_.SentenceBegin(s), e = ix_.SentenceEnd(s);
    const bool headline = ix_.sentences[s].paragraph == ~0u;
    uint32_t i = b;
    if (!headline && (ix_.tokens[b].flags & Token::kParagraphStart)) i = Dateline(b, e);
    while (i < e) {
      if (claimed_[i] || !ix_.IsWord(i)) {
        ++i;
        continue;
      }
      if (HyphenParts(i, headline)) {
        ++i;
        continue;
      }
      // "Kremlin-backed", "Hamas-led" (no place in it): the name before the hyphen is a weak
      // guess, kept if the story names it again; the modifier itself is no name.
      if (NameWord(i) && LowerSuffix(i)) {
        const Span t = ix_.tokens[i].span;
        const uint32_t hyphen = uint32_t(ix_.Text(i).rfind('-'));
        if (ix_.Text(i).find('-') == hyphen) AddCand(i, i + 1, EntityType::Org, kWeak, Mention::Form::Name, Span{t.begin, t.begin + hyphen});
        ++i;
        continue;
      }
      // "Western nations", "Arab governments": a collective actor (GROUP).
      if (!headline && ix_.Cap(i) && (ix_.C(i) & (kDirection | kNonEntity)) && Lower(i + 1) &&
          i + 1 < e && ix_.LowerIn(i + 1, {"nations", "powers", "countries", "governments", "allies",
                                           "partners", "states", "leaders", "capitals"})) {
        AddCand(i, i + 2, EntityType::Group, kGood);
        i += 2;
        continue;
      }
      if (!NameWord(i)) {
        ++i;
        continue;
      }
      if (uint32_t m = LocalPlaceAt(i, e); m > i) {
        AddCand(i, m, EntityType::Place, kStrong);
        i = m;
        continue;
      }
      if (uint32_t m = NamedPlaceBeforeSuffix(i, e); m > i) {
        i = m;
        continue;
      }
      uint32_t j = CollectRun(i, e);
      if (headline) HeadlineRun(i, j);
      else AnalyzeRun(i, j, j, true);
      i = std::max(j, i + 1);
    }
  }

  // A dateline opens a story: "NAIROBI — ", "BUENOS AIRES (Reuters) — ", "LAGOS, Nigeria (AP) — ",
  // "TOKYO, June 3 (Reuters) - ", "AMSTERDAM/ZURICH, March 21 (Reuters) - ", "Sydney (AFP) - ",
  // "(Bloomberg) -- ". The cities before the first comma are places, whatever their size or
  // however the gazetteer reads them; a bracketed name before the dash is the agency that filed
  // the story. Returns where scanning resumes: the region or date after the cities is read as
  // usual text.
  uint32_t Dateline(uint32_t b, uint32_t e) {
    // The cities: words in capitals (or one title-case name before the agency), split by "/".
    std::vector<std::pair<uint32_t, uint32_t>> cities;
    uint32_t k = b;
    const bool caps = ix_.IsWord(b) && ix_.AllCaps(b);
    while (k < e && cities.size() < 3) {
      uint32_t c = k;
      while (c < e && c < k + 4 && ix_.IsWord(c) && (caps ? ix_.AllCaps(c) : NameWord(c))) ++c;
      if (c == k) break;
      cities.push_back({k, c});
      k = c;
      if (!ix_.Is(k, "/")) break;
      ++k;
    }
    if (!cities.empty()) k = cities.back().second;
    const uint32_t resume = k;
    // A region or a date after a comma: ", Kenya", ", June 3".
    if (!cities.empty() && ix_.Is(k, ",")) {
      uint32_t r = k + 1;
      while (r < e && r < k + 5 && (NameWord(r) || ix_.tokens[r].kind == Token::Kind::Number)) ++r;
      if (r > k + 1) k = r;
    }
    // The agency: "(Reuters)", "(AP)".
    uint32_t agency_b = 0, agency_e = 0;
    if (ix_.Is(k, "(")) {
      uint32_t close = k + 1;
      while (close < e && close < k + 5 && NameWord(close)) ++close;
      if (close > k + 1 && ix_.Is(close, ")")) {
        agency_b = k + 1;
        agency_e = close;
        k = close + 1;
      }
    }
    if (k >= e || !ix_.IsDash(k)) return b;
    if (!caps && agency_e == 0) return b;  // "Smith — ...": a title-case name needs the agency
    for (const auto& [cb, ce] : cities) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      const int c = AddCand(cb, ce, EntityType::Place, kStrong);
      if (MatchGazetteer(cb, ce, &hits) == ce && hits)
        for (const auto& h : *hits) cands_[c].hits.push_back(h.place);
      if (caps) cands_[c].name = TitleCase(cands_[c].name);
    }
    if (agency_e) {
      const bool acronym = agency_e == agency_b + 1 && ix_.AllCaps(agency_b);
      const int agency = AddCand(agency_b, agency_e, EntityType::Org, kGood,
                                 acronym ? Mention::Form::Acronym : Mention::Form::Name);
      cands_[agency].acronym = acronym;
    }
    return resume == b ? k + 1 : resume;
  }

  // "Vienna-based", "pro-Chinese", "Kenya-backed": a place inside a hyphenated word.
  bool HyphenParts(uint32_t i, bool headline) {
    if (!(ix_.tokens[i].flags & Token::kHyphenated)) return false;
    std::string_view t = ix_.Text(i);
    if (!(*Word1(i).hits).empty()) return false;  // "Guinea-Bissau"
    // Split on ASCII hyphens.
    std::vector<std::pair<uint32_t, uint32_t>> parts;  // byte offsets within t
    size_t start = 0;
    for (size_t k = 0; k <= t.size(); ++k)
      if (k == t.size() || t[k] == '-') {
        parts.push_back({uint32_t(start), uint32_t(k)});
        start = k + 1;
      }
    bool has_lower = false;
    for (auto& p : parts)
      if (p.second > p.first && IsLowerCp(FirstCp(t.substr(p.first)))) has_lower = true;
    // "Basel-based", "Lyon-headquartered": the suffix says the name before it is a place, of any size.
    const std::string_view last_part = t.substr(parts.back().first);
    const bool based = parts.size() == 2 && (last_part == "based" || last_part == "headquartered");
    std::vector<std::pair<std::pair<uint32_t, uint32_t>, int>> found;  // part, place
    bool all_places = true;
    for (auto& p : parts) {
      std::string_view w = t.substr(p.first, p.second - p.first);
      if (w.empty() || !IsUpperCp(FirstCp(w))) continue;
      std::string key = FoldKey(w);
      int place = -1;
      const auto& hits = world_.FindName(key);
      for (const auto& h : hits) {
        const auto& pl = world_.place(h.place);
        if (h.code && !IsAllCaps(w)) continue;
        if (based || pl.kind != Gazetteer::Kind::City || (pl.flags & Gazetteer::kCapital) ||
            pl.population >= 200000) {
          place = int(h.place);
          break;
        }
      }
      int dem = place < 0 ? world_.FindDemonym(key) : -1;
      if (place < 0 && dem < 0) {
        all_places = false;
        continue;
      }
      found.push_back({p, place >= 0 ? place : dem});
    }
    // "Israel-Hamas", "US-Mexico": a pair of capitalised parts with a country among them.
    bool all_caps_parts = !has_lower;
    bool country = false;
    for (auto& f : found) country = country || world_.place(uint32_t(f.second)).kind != Gazetteer::Kind::City;
    if (found.empty() || !(has_lower || all_places || (all_caps_parts && country))) return false;
    (void)headline;
    const uint32_t base = ix_.tokens[i].span.begin;
    for (auto& f : found) {
      Span sp{base + f.first.first, base + f.first.second};
      std::string_view w = ix_.Text(sp);
      const bool demonym = world_.FindName(FoldKey(w)).empty();
      int c = AddCand(i, i + 1, EntityType::Place, kGood,
                      demonym ? Mention::Form::Demonym : Mention::Form::Name, sp);
      cands_[c].hits.push_back(uint32_t(f.second));
      cands_[c].place = f.second;
    }
    claimed_[i] = 1;
    return true;
  }

  // May "and" at `k` join a name? Only inside organisation names ("Department of Health and
  // Social Care", "Food and Drug Administration") and gazetteer names ("Trinidad and Tobago").
  // A company's legal form ends its name: "Plc", "Inc.", "Corp.", "S.A.", "AG", "GmbH".
  bool LegalForm(uint32_t k) const { return ix_.Cap(k) && (ix_.C(k) & kLegalForm); }
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
  bool AndJoins(uint32_t run_begin, uint32_t k, uint32_t e) const {
    if (ix_.LowerIs(k, "and")) {
      // "Vodafone Group Plc and South Africa's Vodacom": a name closed by its legal form is
      // whole; "Acme Dofasco and Stelco Holdings Inc." are two companies.
      uint32_t last = k - 1;
      if (ix_.Is(last, ".") && last > run_begin) --last;
      if (last >= run_begin && LegalForm(last) && last > run_begin) return false;
      uint32_t q = k + 1, words = 0, end_word = kNone;
      while (q < e && (NameWord(q) || (ix_.Is(q, ".") && ix_.Adjacent(q - 1, q)))) {
        if (NameWord(q)) {
          ++words;
          end_word = q;
        }
        ++q;
      }
      if (end_word != kNone && words >= 2 && k - run_begin >= 2 && LegalForm(end_word)) return false;
      // "World Health Organization and UNICEF", "International Monetary Fund and World Bank": a
      // name of several words closed by its head word is whole; an acronym or another headed
      // name after "and" is a second body ("Securities and Exchange Commission" stays one).
      if (k - run_begin >= 2 && ix_.Cap(k - 1) && (ix_.C(k - 1) & kOrgHead) && ix_.Cap(k - 2) &&
          !(ix_.C(k - 2) & (kStop | kConnector)) && end_word != kNone) {
        if (words == 1 && ix_.AllCaps(end_word) && ix_.Text(end_word).size() > 1 && !ShoutingSentence(end_word))
          return false;
        if (words >= 2 && (ix_.C(end_word) & kOrgHead)) return false;
      }
    }
    // An organisation's name, or a title's portfolio ("Minister of Trade and Industry");
    // a title alone does not join ("Ohio Gov. X and Acme CEO Y" are two).
    bool portfolio = false;
    for (uint32_t q = run_begin; q < k; ++q) {
      if (ix_.Cap(q) && (ix_.C(q) & kOrgHead)) return true;
      if (ix_.Cap(q) && (ix_.C(q) & kTitle) && (ix_.LowerIs(q + 1, "of") || ix_.LowerIs(q + 1, "for")))
        portfolio = true;
    }
    if (portfolio) return true;
    // "Energy and Mines Minister": portfolio words before a title.
    // ("Tanzanian Fisheries and Livestock Minister": the portfolio may follow a demonym.)
    if ((ix_.Cap(run_begin) && (ix_.C(run_begin) & kTitleMod)) || (ix_.Cap(k - 1) && (ix_.C(k - 1) & kTitleMod)))
      for (uint32_t q = k + 1; q < e && q < k + 4 && NameWord(q); ++q)
        if (ix_.C(q) & kTitle) return true;
    // "Plantation and Commodities Minister": words no lexicon knows, joined right before a
    // title, are its portfolio too ("Smith and Foreign Minister Jones" are two people, and so
    // are "Ohio Gov. Dana Pruitt and Velmora CEO Rafe Tull": a title before "and" has its person).
    bool titled = false;
    for (uint32_t q = run_begin; q < k && !titled; ++q) titled = (ix_.C(q) & (kTitle | kHonorific)) != 0;
    if (!titled && ix_.Cap(k - 1) && !MajorPlaceWord(k - 1) && !(ix_.C(k - 1) & (kTitle | kTitleMod | kHonorific)))
      for (uint32_t q = k + 1; q < e && q < k + 4 && NameWord(q); ++q) {
        if (ix_.C(q) & kTitle) return q > k + 1;
        if ((ix_.C(q) & (kTitleMod | kHonorific)) || MajorPlaceWord(q)) break;
      }
    const std::string key = FoldKey(ix_.Text(ix_.Range(run_begin, k + 1)));
    if (world_.IsNamePrefix(key)) return true;  // "Trinidad and Tobago", "Bosnia and Herzegovina"
    // "hospitals in London and Leeds General Infirmary": a place of its own before "and" is no
    // part of the organisation named after it.
    if (k - run_begin <= 3 && SizeablePlace(ix_.Range(run_begin, k))) return false;
    for (uint32_t q = k + 1; q < e && NameWord(q); ++q)
      if (ix_.C(q) & kOrgHead) return true;
    return false;
  }
  // A country, region, capital or city of 200,000 or more by the name `span` holds.
  bool SizeablePlace(Span span) const {
    for (const auto& h : world_.FindName(FoldKey(ix_.Text(span)))) {
      const auto& pl = world_.place(h.place);
      if (!h.code && (pl.kind != Gazetteer::Kind::City || (pl.flags & Gazetteer::kCapital) || pl.population >= 200000))
        return true;
    }
    return false;
  }

  // "Department of Trade, Industry and Energy Office": commas inside an organisation's name.
  // After "Ministry of" / "Department for" the list is its portfolio and may end the name:
  // "Ministry of Land, Infrastructure, Transport and Tourism" (no place among the words).
  bool OrgCommaList(uint32_t run_begin, uint32_t comma, uint32_t e) const {
    bool portfolio = false;
    for (uint32_t q = run_begin; q + 1 < comma && !portfolio; ++q)
      portfolio = ix_.Cap(q) && (ix_.C(q) & kOrgHead) && ix_.LowerIn(q + 1, {"of", "for"});
    uint32_t k = comma + 1;
    bool saw_and = false;
    while (k < e) {
      if (!NameWord(k)) return false;
      while (k < e && NameWord(k)) {
        if (saw_and && (ix_.C(k) & kOrgHead)) return true;
        if (portfolio && (MajorPlaceWord(k) || (ix_.C(k) & (kTitle | kHonorific)))) portfolio = false;
        ++k;
      }
      if (saw_and) return portfolio && !ix_.IsPossessive(k) && !ix_.LowerIn(k, {"of", "for", "and"});
      if (ix_.Is(k, ",") && !saw_and) {
        ++k;
        continue;
      }
      if (ix_.LowerIs(k, "and") && !saw_and) {
        saw_and = true;
        ++k;
        continue;
      }
      return false;
    }
    return false;
  }

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

  // "Sunita Rao of the Centre for Policy Research": a person's name (two or three words, no
  // place, title or organisation word), then "of" and an organisation, are two names.
  bool PersonOfOrg(uint32_t i, uint32_t of, uint32_t k, uint32_t e) const {
    // "Health Minister Alexandru Rafila of Romania": a title, a name, then "of" and a place.
    {
      uint32_t t = of;
      while (t > i && NameWord(t - 1) && !(ix_.C(t - 1) & (kTitle | kHonorific))) --t;
      // "Minister of Trade Ana Ruiz of Chile": the portfolio comes before the name.
      bool titled = t > i && (ix_.C(t - 1) & kTitle);
      if (t > i + 1 && ix_.LowerIn(t - 1, {"of", "for"}) && (ix_.C(t - 2) & kTitle)) {
        const uint32_t nb = TrailingName(t, of, 1);
        if (nb > t && nb < of) {
          t = nb;
          titled = true;
        }
      }
      if (titled && of - t >= 2 && LooksLikeName(t, of)) {
        const std::vector<Gazetteer::NameHit>* hits = nullptr;
        const uint32_t m = MatchGazetteer(k, e, &hits);
        if (m > k && hits && (m >= e || !NameWord(m))) return true;
      }
    }
    if (of - i < 2 || of - i > 3 || !LooksLikeName(i, of)) return false;
    for (uint32_t q = i; q < of; ++q)
      if (!ix_.Cap(q) || (ix_.C(q) & (kTitle | kTitleMod | kHonorific | kDirection | kPlacePrefix)) || MajorPlaceWord(q) ||
          !Word1(q).hits->empty() || Word1(q).demonym >= 0)
        return false;
    for (uint32_t q = k; q < e && q < k + 8 && (NameWord(q) || (ix_.C(q) & kConnector)); ++q)
      if (ix_.Cap(q) && (ix_.C(q) & kOrgHead)) return true;
    return false;
  }

  uint32_t CollectRun(uint32_t i, uint32_t e) const {
    uint32_t j = i, last = i;
    while (j < e) {
      if (NameWord(j) && !ix_.IsPossessive(j)) {
        // A day or month after a name ends it ("Kenya on Monday" never joins anyway).
        if (j > i && (ix_.C(j) & (kDay | kMonth)) && !(ix_.C(j - 1) & kConnector)) break;
        // So does a modifier ("The Vienna-based group": "-based", "-led", "-owned").
        if (j > i && LowerSuffix(j)) break;
        last = j;
        ++j;
        continue;
      }
      if (ix_.Is(j, ".") && j > i && ix_.Adjacent(j - 1, j) &&
          (IsInitial(j - 1) || (ix_.C(j - 1) & kAbbrevTitle)) && NameWord(j + 1) && j + 1 < e) {
        ++j;
        continue;
      }
      if (ix_.IsWord(j) && !ix_.Cap(j) && (ix_.C(j) & kConnector) && j + 1 < e) {
        std::string_view w = ix_.L(j);
        if (w == "the" || w == "y" || w == "e") break;
        uint32_t k = j + 1;
        // "Bank of the Republic", "Centre for the Study of ..." -- but "X and the Y" is two.
        if (ix_.LowerIs(k, "the") && k + 1 < e && (w == "of" || w == "for" || w == "on")) ++k;
        // "van der Merwe", "de la Torre", "von der Heyde": particles come in twos.
        if (ix_.C(j) & kNameParticle)
          while (k + 1 < e && k < j + 3 && Lower(k) && (ix_.C(k) & kNameParticle)) ++k;
        if (!NameWord(k) || (ix_.C(k) & (kDay | kMonth | kStop))) break;
        if ((w == "and" || w == "&" || w == "for" || w == "on") && !AndJoins(i, j, e)) break;
        if (w == "of" && PersonOfOrg(i, j, k, e)) break;
        if (w == "of" || w == "for" || w == "on" || w == "and" || w == "&" ||
            (ix_.C(j) & kNameParticle)) {
          j = k;
          continue;
        }
        break;
      }
      if (ix_.Is(j, ",") && OrgCommaList(i, j, e)) {
        ++j;
        continue;
      }
      // "Eisai Co., Ltd.", "Acme Co, Ltd": two legal forms, a comma between.
      if (j > i && LegalForm(j - 1) && j + 2 < e) {
        const uint32_t comma = ix_.Is(j, ".") ? j + 1 : j;
        if (ix_.Is(comma, ",") && comma + 1 < e && LegalForm(comma + 1)) {
          j = comma + 1;
          continue;
        }
      }
      // "London School of Hygiene & Tropical Medicine", "Korea Hydro & Nuclear Power".
      if (ix_.Is(j, "&") && NameWord(j + 1) && j + 1 < e) {
        ++j;
        continue;
      }
      // "Solvent Extractors’ Association", "Shipowners’ Association": a plural possessive
      // inside an organisation's name.
      if (j > i && (ix_.Is(j, "\xE2\x80\x99") || ix_.Is(j, "'")) && ix_.Adjacent(j - 1, j) && ix_.IsWord(j - 1) &&
          ix_.L(j - 1).size() > 2 && ix_.L(j - 1).back() == 's' && j + 1 < e && NameWord(j + 1) &&
          (ix_.C(j + 1) & kOrgHead)) {
        ++j;
        continue;
      }
      // "Christian Democratic People's Party", "People's Liberation Army".
      if (ix_.IsPossessive(j) && j > i && NameWord(j + 1) && j + 1 < e && !ix_.AllCaps(j - 1) &&
          (*Word1(j - 1).hits).empty() && Word1(j - 1).demonym < 0 &&
          ((ix_.C(j + 1) & kOrgHead) || (ix_.LowerIs(j + 1, "republic")) ||
           (NameWord(j + 2) && (ix_.C(j + 2) & kOrgHead)))) {
        ++j;
        continue;
      }
      break;
    }
    return last + 1;
  }

  bool Strippable(uint32_t k) const {
    const uint32_t c = ix_.C(k);
    if (c & (kTitle | kHonorific)) return false;
    // Acronyms stay ("WHO", "US") unless the whole line shouts.
    if (ix_.AllCaps(k) && ix_.Text(k).size() > 1 && !ShoutingSentence(k)) return false;
    return (c & (kStop | kNonEntity | kMonth | kDay | kTimeWord | kPronoun)) != 0 || !ix_.IsWord(k) ||
           ((c & kConnector) && !ix_.Cap(k));  // "Das", "Van" capitalised are names
  }

  // The heart: what is this run of capitalised words? `ctx_end` is the token after the whole
  // original run (its right context), `allow_person` false for title modifiers.
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
      if (Lower(q) && (ix_.C(q) & kOrgNoun) && !(ix_.C(q) & kHumanRole)) return true;
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

  void AnalyzeRun(uint32_t b, uint32_t e, uint32_t ctx_end, bool allow_person) {
    bool has_head = false;
    for (uint32_t k = b; k < e; ++k)
      if (ix_.Cap(k) && (ix_.C(k) & kOrgHead)) has_head = true;
    // "Shares of Acme Corp.", "Residents of Lagos": a plural noun that opens the sentence, and
    // its "of", are no part of the name after them.
    if (SentenceInitial(b) && e - b >= 3 && ix_.LowerIs(b + 1, "of") && ix_.L(b).size() > 3 &&
        ix_.L(b).back() == 's' && !ix_.AllCaps(b) && Word1(b).hits->empty() && Word1(b).demonym < 0 &&
        !(ix_.C(b) & (kOrgHead | kTitle | kPlaceHead | kHonorific)))
      b += 2;
    // 0. A gazetteer name spanning the whole run wins ("Bosnia and Herzegovina"). Leading
    //    function words go ("The Federal Reserve Board"), but not the first word of an
    //    organisation's name ("Christian Democratic Union").
    while (b < e) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = MatchGazetteer(b, e, &hits);
      if (m > b && m == e) break;
      if (!Strippable(b)) break;
      if ((ix_.C(b) & kDirection) && (ix_.C(e - 1) & kPlaceHead) && e - b >= 3) break;  // "Northern Sea Route"
      if (has_head && (ix_.C(b) & kNonEntity) && !(ix_.C(b) & kStop)) break;
      ++b;
    }
    // "the shippers' association Armateurs de France", "the refiner X": a descriptor noun.
    {
      const uint32_t p = PrevSkipDet(b);
      if (b < e && e == ctx_end && p != kNone && Lower(p) && (ix_.C(p) & kOrgNoun) &&
          !(ix_.C(p) & kHumanRole) && !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
        const std::vector<Gazetteer::NameHit>* hits = nullptr;
        if (!(MatchGazetteer(b, e, &hits) == e && hits) && (e - b > 1 || !Title(b, e))) {
          AddCand(b, e, EntityType::Org, kGood);
          return;
        }
      }
    }
    if (b < e && e == ctx_end && AppositionSaysPlace(e) && !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (!(MatchGazetteer(b, e, &hits) == e && hits)) {
        AddCand(b, e, EntityType::Place, kGood);
        return;
      }
    }
    if (b < e && e == ctx_end && allow_person && AppositionSaysOrg(e) &&
        !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (!(MatchGazetteer(b, e, &hits) == e && e - b > 0 && hits)) {
        AddCand(b, e, EntityType::Org, kGood);
        return;
      }
    }
    while (e > b && (Strippable(e - 1) && !(ix_.C(e - 1) & (kTitle | kHonorific)))) --e;
    if (b >= e) return;

    // A sentence-initial descriptor before a name: "Rival BP", "Carmaker Toyota".
    if (e - b >= 2 && SentenceInitial(b) && (ix_.C(b) & kOrgNoun) && !(ix_.C(b) & kOrgHead) &&
        !(ix_.C(b) & (kTitle | kHonorific)) && !ix_.AllCaps(b)) {
      AddCand(b + 1, e, EntityType::Org, kGood);
      return;
    }
    // A sentence-initial occupation before a person's name: "Analyst John Carver said",
    // "Lawyer Ana Ruiz welcomed …" (mid-sentence it is lower case and never joins the name).
    // The name is read on its own, and the occupation is its role.
    if (e - b >= 2 && allow_person && !has_head && SentenceInitial(b) && (ix_.C(b) & kHumanRole) &&
        !(ix_.C(b) & (kTitle | kTitleMod | kHonorific | kOrgNoun | kOrgHead)) && !ix_.AllCaps(b) &&
        NameWord(b + 1) && !(ix_.C(b + 1) & (kTitle | kTitleMod | kHonorific | kStop)) &&
        !ix_.Is(b + 1, "(")) {
      const size_t before = cands_.size();
      AnalyzeRun(b + 1, e, ctx_end, allow_person);
      for (size_t c = before; c < cands_.size(); ++c)
        if (cands_[c].tb == b + 1 && cands_[c].type == EntityType::Person) {
          roles_.push_back(PendingRole{int(c), -1, std::string(ix_.Text(b)), SentenceOf(b)});
          break;
        }
      return;
    }
    // 1. "Long Name (LN)" defines an acronym.
    if (ParenAcronym(b, e)) return;
    // 2. Titles: "[Chilean] President Camila Rojas", "Dr. Lena Horvat".
    if (allow_person && Title(b, e)) return;
    // 3. Organisation head words.
    if (OrgHead(b, e)) return;
    // 4. Place head words.
    if (e - b >= 2 && ((ix_.C(e - 1) & kPlaceHead) || (ix_.C(b) & kPlacePrefix)) &&
        !(ix_.C(b) & kStop)) {
      AddCand(b, e, EntityType::Place, kStrong);
      return;
    }
    // "Oxfam Kenya", "Vodafone Egypt": a name and a country is a national branch.
    if (e - b >= 2 && e - b <= 4 && !(ix_.C(b) & (kTitle | kTitleMod | kHonorific | kDirection | kNonEntity | kStop)) &&
        (*Word1(b).hits).empty() && Word1(b).demonym < 0) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (MatchGazetteer(b + 1, e, &hits) == e && hits && world_.place((*hits)[0].place).kind == Gazetteer::Kind::Country &&
          (SpeechVerbAt(e) || ix_.IsPossessive(e) || NextIs(e, kHumanRole | kCollective))) {
        AddCand(b, e, EntityType::Org, kFair);
        return;
      }
    }
    // 5. Gazetteer and demonyms, left to right; what is left is read by its shape.
    uint32_t rest = b;
    for (uint32_t k = b; k < e;) {
      if (uint32_t m = LocalPlaceAt(k, e); m > k) {
        if (k > rest) Rest(rest, k, k, allow_person);
        AddCand(k, m, EntityType::Place, kStrong);
        k = rest = m;
        continue;
      }
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = MatchGazetteer(k, e, &hits);
      std::vector<uint32_t> usable;
      int strength = m > k ? PlaceStrength(k, m, *hits, false, &usable) : -1;
      // "Philippine" is the people's adjective before it is a small town of that name.
      if (strength >= 0 && m == k + 1 && Word1(k).demonym >= 0 &&
          world_.place(usable[0]).kind == Gazetteer::Kind::City && !(world_.place(usable[0]).flags & Gazetteer::kCapital))
        strength = -1;
      // "Surigao del Sur", "Mar del Plata": a place name that goes on with a particle and a
      // capitalised word is one longer place.
      if (strength >= 0 && m + 1 < e && Lower(m) && (ix_.C(m) & kNameParticle) && NameWord(m + 1)) {
        uint32_t end = m + 1;
        while (end < e && NameWord(end)) ++end;
        if (k > rest) Rest(rest, k, k, allow_person);
        AddCand(k, end, EntityType::Place, strength);
        k = rest = end;
        continue;
      }
      if (strength >= 0) {
        const auto& p = world_.place(usable[0]);
        // A city right next to other capitalised words may be part of a person's name
        // ("Jackson" in "Michael Jackson"): leave it to the rest of the run.
        const bool glued = (k > rest) || (m < e && NameWord(m) && !(ix_.C(m) & kConnector));
        if (p.kind == Gazetteer::Kind::City && glued && !(p.flags & Gazetteer::kCapital) &&
            p.population < 1000000) {
          k = m;
          continue;
        }
        if (k > rest) Rest(rest, k, k, allow_person);
        int c = AddCand(k, m, EntityType::Place, strength);
        cands_[c].hits = usable;
        k = rest = m;
        continue;
      }
      int place = -1;
      uint32_t d = MatchDemonym(k, e, &place);
      if (d > k) {
        if (k > rest) Rest(rest, k, k, allow_person);
        int c = AddCand(k, d, EntityType::Place, kStrong, Mention::Form::Demonym);
        cands_[c].hits.push_back(uint32_t(place));
        cands_[c].place = place;
        k = rest = d;
        continue;
      }
      ++k;
    }
    if (rest < e) Rest(rest, e, rest == b ? ctx_end : e, allow_person);
  }

  // "Abu Dhabi-based", "New York-listed", "Hong Kong-born": a place of several words whose last
  // word carries a modifier. (One word, "Basel-based", is HyphenParts'.) Adds the place and
  // returns the token after the hyphenated word, or `i`.
  uint32_t NamedPlaceBeforeSuffix(uint32_t i, uint32_t e) {
    if (!Word1(i).prefix) return i;
    for (uint32_t k = i + 1; k < e && k < i + 4; ++k) {
      if (!NameWord(k) || claimed_[k]) return i;
      if (!LowerSuffix(k)) continue;
      const Span t = ix_.tokens[k].span;
      const uint32_t hyphen = t.begin + uint32_t(ix_.Text(k).rfind('-'));
      const Span name{ix_.tokens[i].span.begin, hyphen};
      const auto& hits = world_.FindName(FoldKey(ix_.Text(name)));
      if (hits.empty()) return i;
      const int c = AddCand(i, k + 1, EntityType::Place, kGood, Mention::Form::Name, name);
      for (const auto& h : hits) cands_[c].hits.push_back(h.place);
      return k + 1;
    }
    return i;
  }

  // "Kyriakos Mitsotakis (Κυριάκος Μητσοτάκης)", "Volodymyr Zelensky (Володимир Зеленський)": a
  // name in brackets right after a name, written in another script, is that name in its own
  // letters: the same entity, and later uses of it are mentions of it.
  void LinkNamesInOtherScripts() {
    std::vector<int> ending_at(ix_.size() + 1, -1);
    for (int i = 0; i < int(cands_.size()); ++i) ending_at[cands_[i].te] = i;
    for (Cand& c : cands_) {
      if (c.tb < 2 || c.link >= 0 || c.acronym || !ix_.Is(c.tb - 1, "(") || !ix_.Is(c.te, ")")) continue;
      const int p = ending_at[c.tb - 1];
      if (p < 0 || cands_[p].link >= 0 || NonLatinLetters(c.name) == NonLatinLetters(cands_[p].name)) continue;
      const Cand& named = cands_[p];
      c.link = p;
      c.type = named.type;
      c.strength = named.strength;
      c.place = -1;
      c.hits.clear();
      c.form = Mention::Form::Name;
    }
  }
  // Letters of a script other than Latin (Greek, Cyrillic, and so on) in `text`.
  static bool NonLatinLetters(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      i += DecodeUtf8(text, i, &cp);
      if (cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF) && IsLetterCp(cp) && !(cp >= 0x2000 && cp <= 0x2BFF))
        return true;
    }
    return false;
  }

  bool ParenAcronym(uint32_t b, uint32_t e) {
    if (!ix_.Is(e, "(")) return false;
    uint32_t close = e + 1;
    while (close < SEnd(e) && close < e + 5 && !ix_.Is(close, ")")) ++close;
    if (!ix_.Is(close, ")") || close == e + 1) return false;
    bool caps = false;
    for (uint32_t k = e + 1; k < close; ++k) {
      if (!NameWord(k)) return false;
      if (ix_.AllCaps(k)) caps = true;
    }
    if (!caps) return false;
    // The acronym should start like the name ("OSCE" for "Organization for Security and
    // Co-operation in Europe"): if the run before the bracket does not ("Asia"), the name
    // began earlier, before "in / of / for".
    const std::string acr_text(ix_.Text(ix_.Range(e + 1, close)));
    auto starts_like = [&](uint32_t from, uint32_t to) {
      const std::string ini = Initials(ix_.Text(ix_.Range(from, to)));
      return !ini.empty() && !acr_text.empty() && (close - e - 1 > 1 || ini[0] == acr_text[0]);
    };
    if (!starts_like(b, e)) {
      const uint32_t conn = b - 1;
      if (b > SBegin(b) + 1 && Lower(conn) && (ix_.C(conn) & kConnector || ix_.LowerIs(conn, "in")) &&
          !cands_.empty() && cands_.back().te == conn && starts_like(cands_.back().tb, e)) {
        Cand& prev = cands_.back();
        prev.te = e;
        prev.span = ix_.Range(prev.tb, e);
        prev.name = std::string(ix_.Text(prev.span));
        prev.key = FoldKey(prev.name);
        prev.type = EntityType::Org;
        prev.place = -1;
        prev.hits.clear();
        prev.strength = kStrong;
        for (uint32_t k = prev.tb; k < e; ++k) claimed_[k] = 1;
        int acr_c = AddCand(e + 1, close, EntityType::Org, kStrong, Mention::Form::Acronym);
        cands_[acr_c].link = int(cands_.size()) - 2;
        cands_[acr_c].acronym = true;
        return true;
      }
      // An organisation's name may be abbreviated in its own language ("Indonesian Palm Oil
      // Association (GAPKI)"): with an organisation word in the name, any acronym is its own.
      bool org_word = false;
      for (uint32_t k = b; k < e && !org_word; ++k) org_word = ix_.Cap(k) && (ix_.C(k) & kOrgHead);
      if (!org_word) return false;
    }
    const std::vector<Gazetteer::NameHit>* hits = nullptr;
    uint32_t m = MatchGazetteer(b, e, &hits);
    const bool place = m == e && hits;
    int lng = AddCand(b, e, place ? EntityType::Place : EntityType::Org, kStrong);
    if (place)
      for (const auto& h : *hits) cands_[lng].hits.push_back(h.place);
    int acr = AddCand(e + 1, close, cands_[lng].type, kStrong, Mention::Form::Acronym);
    cands_[acr].link = lng;
    cands_[acr].acronym = true;
    return true;
  }

  // Honorifics that are not roles.
  static bool PureHonorific(std::string_view w) {
    return w == "dr" || w == "dr." || w == "mr" || w == "mr." || w == "mrs" || w == "mrs." ||
           w == "ms" || w == "ms." || w == "miss" || w == "mx" || w == "prof" || w == "prof." ||
           w == "sir" || w == "dame" || w == "lord" || w == "lady" || w == "rev" || w == "rev." ||
           w == "reverend" || w == "father";
  }

  // "Sen." -> "Senator": titles spelled out in roles.
  static std::string ExpandTitle(std::string_view t) {
    std::string w = LowerAscii(t);
    if (!w.empty() && w.back() == '.') w.pop_back();
    static const std::pair<const char*, const char*> kFull[] = {
        {"sen", "Senator"}, {"gov", "Governor"}, {"rep", "Representative"}, {"gen", "General"},
        {"lt", "Lieutenant"}, {"col", "Colonel"}, {"capt", "Captain"}, {"sgt", "Sergeant"},
        {"adm", "Admiral"}, {"cmdr", "Commander"}, {"maj", "Major"}, {"prof", "Professor"}};
    for (const auto& f : kFull)
      if (w == f.first) return f.second;
    return std::string(t);
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

  bool Title(uint32_t b, uint32_t e) {
    // The last title head with a name after it.
    for (uint32_t h = e; h-- > b;) {
      if (!ix_.Cap(h) || !(ix_.C(h) & (kTitle | kHonorific))) continue;
      uint32_t after = h + 1;
      if (ix_.Is(after, ".") && ix_.Adjacent(h, after)) ++after;
      uint32_t name_b = after;
      if (after < e && (ix_.LowerIs(after, "of") || ix_.LowerIs(after, "for"))) {
        // "Minister of Trade and Industry Zofia Kowalczyk-Brandt": the portfolio runs
        // up to the name at the end.
        if (e - after < 3) return false;
        name_b = TrailingName(after + 1, e, 1);
        // "Minister of Finance of Kenya": a country at the end is where the office is.
        if (name_b < e && MajorPlaceWord(name_b)) {
          const std::vector<Gazetteer::NameHit>* hits = nullptr;
          if (MatchGazetteer(name_b, e, &hits) == e && hits) {
            const int c = AddCand(name_b, e, EntityType::Place, kStrong);
            for (const auto& hit : *hits) cands_[c].hits.push_back(hit.place);
            for (uint32_t k = b; k < name_b; ++k) claimed_[k] = 1;
            return true;
          }
        }
        // "Minister of Foreign Trade, Lucía Ramos-Ibarra, told": a one-word "name" at the end
        // of the portfolio, with a name in apposition after it, is the portfolio's last word.
        if (name_b + 1 == e && ix_.Is(e, ",") && e + 2 < SEnd(e) && NameWord(e + 1) && NameWord(e + 2) &&
            !(ix_.C(e + 1) & (kStop | kTitle | kTitleMod | kOrgHead)) && Word1(e + 1).hits->empty() &&
            Word1(e + 1).demonym < 0) {
          for (uint32_t k = h; k < e; ++k) claimed_[k] = 1;
          return true;
        }
      }
      if (name_b >= e || !LooksLikeName(name_b, e)) {
        if (h + 1 >= e) continue;
        return false;
      }
      // The title phrase: back over title words ("Prime Minister", "Foreign Minister").
      uint32_t t0 = h;
      for (;;) {
        if (t0 > b && ix_.Cap(t0 - 1) && (ix_.C(t0 - 1) & (kTitle | kTitleMod | kHonorific))) {
          --t0;
          continue;
        }
        // "Commissioner for Justice", "Minister of State": a title with its portfolio.
        if (t0 > b + 1 && (ix_.LowerIs(t0 - 1, "for") || ix_.LowerIs(t0 - 1, "of")) &&
            ix_.Cap(t0 - 2) && (ix_.C(t0 - 2) & kTitle) && !PureHonorific(ix_.L(t0 - 2))) {
          t0 -= 2;
          continue;
        }
        break;
      }
      // "Energy and Mines Minister X": a portfolio of several words joined by "and".
      // "Malaysian Plantation and Commodities Minister X": any capitalised words joined by
      // "and" right before the title are its portfolio; a place or demonym before them is
      // where the office is.
      {
        uint32_t pb = t0;
        bool joined = false;
        int words = 0;
        while (pb > b) {
          const uint32_t k = pb - 1;
          if (ix_.LowerIs(k, "and") || ix_.Is(k, "&")) joined = true;
          else if (!ix_.Cap(k) || ix_.AllCaps(k) || MajorPlaceWord(k)) break;
          else ++words;
          --pb;
        }
        while (pb < t0 && !ix_.Cap(pb)) ++pb;  // never start at "and"
        if (joined && words >= 2 && pb < t0) t0 = pb;
      }
      int modifier = -1;
      if (t0 > b) {
        const size_t before = cands_.size();
        AnalyzeRun(b, t0, t0, false);
        for (size_t c = before; c < cands_.size(); ++c)
          if (cands_[c].type != EntityType::Person && cands_[c].strength >= kFair) modifier = int(c);
        // "Texas Gov. X", "Acme CEO X": an unknown name before a title is where the office is —
        // a place for political offices, an organisation for the others.
        // ("Coordinating Minister", "Acting Governor": a participle says how, not where.)
        const std::string_view mod_word = ix_.L(b);
        const bool participle = (mod_word.size() > 5 && mod_word.substr(mod_word.size() - 3) == "ing") ||
                                PortfolioNoun(mod_word);
        if (modifier < 0 && t0 - b == 1 && ix_.Cap(b) && !(ix_.C(b) & (kStop | kNonEntity)) && !participle) {
          for (size_t c = before; c < cands_.size(); ++c) claimed_[cands_[c].tb] = 0;
          cands_.resize(before);
          const bool political = ix_.LowerIn(h, {"gov", "gov.", "governor", "sen", "sen.", "senator", "rep",
                                                  "rep.", "representative", "mayor", "president", "premier",
                                                  "minister", "chancellor", "prime"});
          const bool acronym = ix_.AllCaps(b) && ix_.Text(b).size() > 1;
          modifier = AddCand(b, t0, political && !acronym ? EntityType::Place : EntityType::Org, kGood,
                             acronym ? Mention::Form::Acronym : Mention::Form::Name);
          cands_[modifier].acronym = acronym;  // "RBI Governor X": joins its long form by initials
        } else if (modifier < 0 && t0 - b == 1 && ix_.Cap(b) && participle) {
          // "Competition Commissioner X": the word is part of the title.
          for (size_t c = before; c < cands_.size(); ++c) claimed_[cands_[c].tb] = 0;
          cands_.resize(before);
          t0 = b;
        }
      }
      int person = AddCand(name_b, e, EntityType::Person, kStrong);
      Gender g = HonorificGender(ix_.L(h));
      if (g == Gender::Unknown) g = HonorificGender(ix_.L(t0));
      cands_[person].gender = g;
      bool honorific_only = true;
      for (uint32_t k = t0; k < name_b; ++k)
        if (ix_.IsWord(k) && (ix_.C(k) & (kTitle | kTitleMod)) && !PureHonorific(ix_.L(k)))
          honorific_only = false;
      if (!honorific_only) {
        std::string role;
        uint32_t role_end = name_b;  // "President Sheikh X": the honorific is no part of the role
        while (role_end > t0 + 1 && (ix_.C(role_end - 1) & kHonorific || ix_.Is(role_end - 1, ".")))
          --role_end;
        for (uint32_t k = t0; k < role_end; ++k) {
          if (ix_.Is(k, ".") && k > t0 && ix_.Adjacent(k - 1, k)) continue;
          if (!role.empty() && !ix_.Adjacent(k - 1, k)) role += ' ';
          role += ExpandTitle(ix_.Text(k));
        }
        while (!role.empty() && (role.back() == ' ' || role.back() == ',')) role.pop_back();
        roles_.push_back(PendingRole{person, modifier, role, SentenceOf(h)});
      }
      for (uint32_t k = t0; k < name_b; ++k) claimed_[k] = 1;
      return true;
    }
    return false;
  }

  // "Bank Indonesia", "Bank Negara Malaysia": a head word that opens a name ending in a
  // country's name is that country's institution, one name.
  bool EndsWithCountry(uint32_t n, uint32_t e) const {
    for (uint32_t k = n; k < e; ++k) {
      if (!NameWord(k) || (ix_.C(k) & (kTitle | kHonorific | kStop))) return false;
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (MatchGazetteer(k, e, &hits) == e && hits) {
        for (const auto& h : *hits)
          if (world_.place(h.place).kind == Gazetteer::Kind::Country) return true;
        return false;
      }
    }
    return false;
  }

  bool OrgHead(uint32_t b, uint32_t e) {
    // "West Bank", "South Bank": a compass word and a head word name a place.
    if (e - b == 2 && (ix_.C(b) & kDirection) && ix_.Cap(b)) return false;
    for (uint32_t h = b; h < e; ++h) {
      if (!ix_.Cap(h) || !(ix_.C(h) & kOrgHead)) continue;
      // The head ends the name, or is followed by "of / for / on ..." or more head words.
      bool ok = h + 1 == e;
      if (!ok) {
        uint32_t n = h + 1;
        ok = ix_.LowerIs(n, "of") || ix_.LowerIs(n, "for") || ix_.LowerIs(n, "on") ||
             ix_.LowerIs(n, "and") || (ix_.C(n) & kOrgHead) || ix_.Is(n, ",") || (h == b && EndsWithCountry(n, e)) ||
             (h == b && ix_.LowerIn(h, {"radio", "television"}));  // "Radio Pudahuel": a medium opens the name
      }
      if (!ok) continue;
      // A lone head word ("Commission", "Parliament") is an organisation only mid-sentence.
      // Alone mid-sentence it stands for an organisation named before ("the Commission"):
      // the sweep links it (LinkOrgHead); by itself it is only a weak guess.
      if (e - b == 1 && SentenceInitial(b)) return false;
      if (e - b == 1) {
        AddCand(b, e, EntityType::Org, kWeak);
        return true;
      }
      AddCand(b, e, EntityType::Org, kStrong);
      return true;
    }
    return false;
  }

  // Whatever the gazetteer and head words left: read by shape and context.
  void Rest(uint32_t b, uint32_t e, uint32_t ctx_end, bool allow_person) {
    while (b < e && Strippable(b)) ++b;
    while (e > b && Strippable(e - 1)) --e;
    if (b >= e) return;
    // Split at "and" / "of" that did not belong to an organisation name.
    for (uint32_t k = b + 1; k + 1 < e; ++k) {
      if (ix_.LowerIs(k, "and") || ix_.LowerIs(k, "of") || ix_.LowerIs(k, "&")) {
        Rest(b, k, ctx_end, allow_person);
        Rest(k + 1, e, ctx_end, allow_person);
        return;
      }
    }
    // Leading acronyms: "IAEA Kofi Mensima" is two things.
    if (e - b >= 2 && ix_.AllCaps(b) && !ix_.AllCaps(b + 1) && !ShoutingSentence(b)) {
      Single(b, b + 1);
      Rest(b + 1, e, ctx_end, allow_person);
      return;
    }
    uint32_t words = 0;  // capitalised words ("de", initials not counted)
    for (uint32_t k = b; k < e; ++k)
      if (ix_.IsWord(k) && !IsInitial(k) && !(Lower(k) && (ix_.C(k) & kNameParticle))) ++words;
    if (words <= 1 && !(e - b > 1 && IsInitial(b))) {
      if (e - b == 1) Single(b, ctx_end);
      return;
    }
    // Right and left context.
    const uint32_t p = PrevSkipDet(b);
    const bool place_ctx = LocativeContext(b) || NextIs(ctx_end, kPlaceNoun);
    const bool org_ctx = (p != kNone && ix_.LowerIs(p, "at") && RoleBeforeAt(p)) ||
                         (p != kNone && Lower(p) && (ix_.C(p) & kOrgNoun)) ||
                         NextIs(ctx_end, kOrgAfter) || PossessiveRole(ctx_end) ||
                         NextIs(ctx_end, kHumanRole | kCollective);
    if (words > 4) {
      AddCand(b, e, EntityType::Org, kFair);
      return;
    }
    // "West Midlands", "Northern Cape": a compass word opens a region's name.
    if ((ix_.C(b) & kDirection) && ix_.Cap(b) && !org_ctx) {
      AddCand(b, e, EntityType::Place, kGood);
      return;
    }
    // ", which …" follows things, ", who …" people.
    const bool which_after = ix_.Is(ctx_end, ",") && ix_.LowerIs(ctx_end + 1, "which");
    if (org_ctx || (which_after && !place_ctx)) {
      AddCand(b, e, EntityType::Org, kGood);
      return;
    }
    if (place_ctx) {
      AddCand(b, e, EntityType::Place, kGood);
      return;
    }
    for (uint32_t k = b; k < e; ++k)
      if (BrandCamel(k)) {  // "ArcelorMittal Dofasco"
        AddCand(b, e, EntityType::Org, kGood);
        return;
      }
    if (!LooksLikeName(b, e)) {
      // "Aker BP", "Deutsche Bank AG": a name with an acronym in it is a company.
      bool acronym = false;
      for (uint32_t k = b; k < e; ++k) acronym = acronym || (ix_.AllCaps(k) && ix_.Text(k).size() > 1);
      if (acronym && !ShoutingSentence(b)) AddCand(b, e, EntityType::Org, kFair);
      return;
    }
    if (!allow_person) return;
    int c = AddCand(b, e, EntityType::Person, kGood);
    // A person noun just before: "spokesperson Kofi Mensima", "president Camila Rojas".
    if (p != kNone && Lower(p) && (ix_.C(p) & (kHumanRole | kTitle))) RoleFromNoun(p, c);
  }

  // "IAEA spokesperson X", "Chilean president X": the noun phrase before a name gives a role.
  void RoleFromNoun(uint32_t noun, int person) {
    // Back over the lowercase words of the role: "civil protection chief", "chief executive".
    uint32_t rb = noun;
    while (rb > SBegin(noun) && noun - rb < 3 && Lower(rb - 1) &&
           !(ix_.C(rb - 1) & (kStop | kAux | kPronoun)) && !ix_.verb[rb - 1])
      --rb;
    std::string role(ix_.Text(ix_.Range(rb, noun + 1)));
    int target = -1;
    if (rb > SBegin(noun)) {
      uint32_t q = rb - 1;
      if (ix_.IsPossessive(q) && q > SBegin(noun)) --q;
      for (int c = int(cands_.size()) - 1; c >= 0 && c + 8 >= int(cands_.size()); --c)
        if (cands_[c].te == q + 1 && cands_[c].type != EntityType::Person) target = c;
    }
    roles_.push_back(PendingRole{person, target, role, SentenceOf(noun)});
  }

  static bool FromPlaceNoun(std::string_view w) {
    return w == "democrat" || w == "republican" || w == "native" || w == "resident" ||
           w == "residents" || w == "refugees" || w == "refugee" || w == "migrants" ||
           w == "farmers" || w == "voters" || w == "lawmaker" || w == "congressman" ||
           w == "congresswoman" || w == "senator" || w == "representative" || w == "troops" ||
           w == "fled" || w == "evacuated" || w == "displaced" || w == "arrived" || w == "returned";
  }

  // One capitalised word with no help from the gazetteer or head words.
  void Single(uint32_t k, uint32_t ctx_end) {
    if (claimed_[k]) return;
    const uint32_t e = k + 1;
    (void)ctx_end;
    const uint32_t c = ix_.C(k);
    const bool caps = ix_.AllCaps(k) && ix_.Text(k).size() >= 2 && !ShoutingSentence(k);
    if (!caps && (c & (kStop | kNonEntity | kMonth | kDay | kTimeWord | kPronoun | kTitle))) return;
    if (caps && (c & kNonEntity)) return;  // "CEO", "GDP", "TV"
    if (!caps && (c & (kCollective | kHumanRole))) return;  // "Analysts", "Officials"
    const bool initial = SentenceInitial(k);
    const uint32_t p = PrevSkipDet(k);
    const uint32_t raw_prev = Prev(k);
    const bool acronym = ix_.AllCaps(k) && ix_.Text(k).size() >= 2 && !ShoutingSentence(k);
    const bool possessive_role = PossessiveRole(e);
    const bool role_after = NextIs(e, kHumanRole | kCollective);
    const bool org_after = NextIs(e, kOrgAfter);
    const bool place_after = NextIs(e, kPlaceNoun);
    const bool verb_after = SpeechVerbAt(e) && (!initial || caps);
    const bool loc = LocativeContext(k);
    const bool org_noun_before = p != kNone && Lower(p) && (ix_.C(p) & kOrgNoun);
    const bool person_noun_before =
        raw_prev != kNone && Lower(raw_prev) && (ix_.C(raw_prev) & (kHumanRole | kTitle));
    const bool at_org = p != kNone && ix_.LowerIs(p, "at") && RoleBeforeAt(p);
    // "a Democrat from Oregon", "refugees from Darfur": where people come from.
    const bool from_place = p != kNone && ix_.LowerIs(p, "from") && p > SBegin(k) &&
                            FromPlaceNoun(ix_.L(p - 1));
    const bool of_like = p != kNone && Lower(p) &&
                         (ix_.L(p) == "of" || ix_.L(p) == "for" || ix_.L(p) == "by" ||
                          ix_.L(p) == "from" || ix_.L(p) == "with" || ix_.L(p) == "against");
    const bool the_before = raw_prev != kNone && ix_.LowerIs(raw_prev, "the");
    if (acronym) {
      int strength = kWeak;
      // "according to IAEA", "told CNBC", "published by the IMF".
      const bool source_before =
          raw_prev != kNone && (ix_.LowerIs(raw_prev, "told") ||
                                (ix_.LowerIs(raw_prev, "to") && raw_prev > SBegin(k) &&
                                 ix_.LowerIs(raw_prev - 1, "according")) ||
                                (p != kNone && ix_.LowerIs(p, "by")));
      // "France's EDF": a country's possessive before an acronym names its company.
      const bool country_owner = raw_prev != kNone && ix_.IsPossessive(raw_prev) && raw_prev > SBegin(k) &&
                                 !Word1(raw_prev - 1).hits->empty();
      if (possessive_role || role_after || verb_after || org_after || source_before) strength = kGood;
      else if (country_owner) strength = kFair;
      else if (ix_.IsPossessive(e)) strength = kGood;
      // "the EU and ...", "the WHO." — but "the LNG market" is a modifier.
      else if (the_before && (e >= SEnd(k) || !Lower(e) || (ix_.C(e) & (kStop | kAux)))) strength = kFair;
      if (loc && strength < kGood) {
        AddCand(k, e, EntityType::Place, kFair);
        return;
      }
      int cand = AddCand(k, e, EntityType::Org, strength, Mention::Form::Acronym);
      cands_[cand].acronym = true;
      return;
    }
    if (CamelCase(k)) {
      AddCand(k, e, EntityType::Org, kGood);
      return;
    }
    if (AdjectiveLike(k) && !(org_after || possessive_role)) return;
    // "Environmental group X", "Regional officials": an adjective opening the sentence.
    if (initial && e - k == 1 && e < SEnd(k) && Lower(e) && AdjectiveSuffix(ix_.L(k))) return;
    if (person_noun_before && !initial) {
      int cand = AddCand(k, e, EntityType::Person, kGood);
      RoleFromNoun(raw_prev, cand);
      return;
    }
    // "Avanti official", "Hamas leaders": a name before a person noun is their organisation --
    // but not at a sentence start ("Relief groups", "Farm workers").
    if (org_noun_before || org_after || possessive_role || (role_after && !initial) || at_org) {
      AddCand(k, e, EntityType::Org, kGood);
      return;
    }
    if (place_after || loc || from_place) {
      AddCand(k, e, EntityType::Place, initial ? kFair : kGood);
      return;
    }
    if (initial) {
      // "Legambiente, Chile's largest environmental group, said": an apposition says
      // what it is.
      if (ix_.Is(e, ",")) {
        for (uint32_t q = e + 1; q < SEnd(k) && q < e + 9 && !ix_.Is(q, ","); ++q)
          if (Lower(q) && (ix_.C(q) & kOrgNoun) && !(ix_.C(q) & kHumanRole)) {
            AddCand(k, e, EntityType::Org, kGood);
            return;
          }
      }
      // "Kathimerini reported that …": a word no lexicon knows, alone before a speech verb at
      // the start of a sentence, is a name — not a plural noun ("Investigators said").
      const std::string_view w = ix_.L(k);
      if (SpeechVerbAt(e) && w.back() != 's' && w.size() > 3 && !AdjectiveSuffix(w) &&
          w.substr(w.size() - 2) != "ly" && w.find("one") == std::string_view::npos &&
          w.find("body") == std::string_view::npos && !ix_.LowerIn(k, {"neither", "either", "each", "none", "staff"})) {
        AddCand(k, e, EntityType::Org, kFair);
        return;
      }
      AddCand(k, e, EntityType::Org, kWeak);
      return;
    }
    // "told Kathimerini", "polled by Ipsos": the one told or asked.
    if (raw_prev != kNone && ix_.LowerIs(raw_prev, "told") && (e >= SEnd(k) || !ix_.IsWord(e) || ix_.LowerIn(e, {"that", "in", "on", "last", "this"}))) {
      AddCand(k, e, EntityType::Org, kFair);
      return;
    }
    if (of_like || verb_after) {
      AddCand(k, e, EntityType::Org, kFair);
      return;
    }
    AddCand(k, e, EntityType::Org, kWeak);
  }

  // Headlines capitalise every word: only unmistakable places here; everything else is found
  // by the sweep when the body names it.
  void HeadlineRun(uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e;) {
      if (uint32_t m = LocalPlaceAt(k, e); m > k) {
        AddCand(k, m, EntityType::Place, kGood);
        k = m;
        continue;
      }
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = MatchGazetteer(k, e, &hits);
      std::vector<uint32_t> usable;
      if (m > k && PlaceStrength(k, m, *hits, true, &usable) >= 0) {
        int c = AddCand(k, m, EntityType::Place, kGood);
        cands_[c].hits = usable;
        k = m;
        continue;
      }
      int place = -1;
      uint32_t d = MatchDemonym(k, e, &place);
      if (d > k && world_.place(place).kind == Gazetteer::Kind::Country) {
        int c = AddCand(k, d, EntityType::Place, kGood, Mention::Form::Demonym);
        cands_[c].hits.push_back(uint32_t(place));
        cands_[c].place = place;
        k = d;
        continue;
      }
      ++k;
    }
  }

  // [SECTION] Clustering --------------------------------------------------------------------------

  // Same-name cities: prefer one in a country the text names, then a capital, then the largest.
  void ChooseCities() {
    std::vector<std::string> codes;
    for (const Cand& c : cands_) {
      if (c.hits.empty() || c.strength < kGood) continue;
      const auto& p = world_.place(c.hits[0]);
      if (p.kind == Gazetteer::Kind::Country) codes.push_back(p.country_code);
    }
    for (Cand& c : cands_) {
      if (c.hits.empty()) continue;
      if (c.place >= 0) continue;
      int best = int(c.hits[0]);
      if (world_.place(best).kind == Gazetteer::Kind::City) {
        for (uint32_t h : c.hits) {
          const auto& p = world_.place(h);
          if (std::find(codes.begin(), codes.end(), p.country_code) != codes.end()) {
            best = int(h);
            break;
          }
        }
      }
      c.place = best;
    }
  }

  std::string LastWordKey(const std::string& name) const {
    std::string key = FoldKey(name);
    size_t sp = key.rfind(' ');
    return sp == std::string::npos ? key : key.substr(sp + 1);
  }

  int NewEntity(const Cand& c) {
    Build b;
    b.type = c.type;
    b.place = c.place;
    b.strength = c.strength;
    b.gender = c.gender;
    if (c.place >= 0) {
      const auto& p = world_.place(c.place);
      const bool surface_ok = c.form == Mention::Form::Name && !c.acronym &&
                              !IsAllCaps(c.name) && CountCodePoints(c.name) > 3;
      b.name = surface_ok ? c.name : p.name;
    } else {
      b.name = c.name;
    }
    b.key = FoldKey(b.name);
    ents_.push_back(std::move(b));
    IndexEntity(int(ents_.size()) - 1);
    return int(ents_.size()) - 1;
  }

  void Attach(int cand, int ent) {
    Cand& c = cands_[cand];
    c.entity = ent;
    Build& b = ents_[ent];
    if (b.cands.empty()) {
      b.cands.reserve(4);
      b.starts.reserve(4);
    }
    b.cands.push_back(cand);
    b.starts.insert(std::upper_bound(b.starts.begin(), b.starts.end(), c.tb), c.tb);
    b.strength = std::max(b.strength, c.strength);
    // Only real evidence votes: a weak guess's type is a default, and a surname that joined a
    // person says nothing against it.
    if (c.strength >= kFair && !(c.type != b.type && c.te - c.tb == 1 && b.type == EntityType::Person))
      b.votes[int(c.type)] += c.strength;
    if (b.gender == Gender::Unknown) b.gender = c.gender;
    if (c.type == EntityType::Person && b.type == EntityType::Person && c.link < 0) {
      // Prefer the longest name ("Camila Rojas" over "Rojas"), in the story's own letters.
      if (CountWords(c.name) > CountWords(b.name)) {
        b.name = c.name;
        b.key = FoldKey(b.name);
        IndexEntity(ent);
      }
    }
    if (b.type == EntityType::Org && !c.acronym && b.name.size() < c.name.size() &&
        c.type == EntityType::Org && IsAllCaps(b.name)) {
      b.name = c.name;
      b.key = FoldKey(b.name);
      IndexEntity(ent);
    }
  }

  static int CountWords(const std::string& s) {
    int n = 0;
    bool in = false;
    for (char ch : s) {
      if (ch == ' ') in = false;
      else if (!in && ch != '.') {
        in = true;
        ++n;
      }
    }
    return n;
  }

  // The organisation with the head word at token `k` in its name, named last before `k`.
  int LatestOrgWith(uint32_t k) const {
    int best = -1;
    uint32_t best_pos = 0;
    auto it = org_words_.find(std::string(ix_.F(k)));
    if (it == org_words_.end()) return -1;
    for (int ent : it->second) {
      if (ents_[ent].type != EntityType::Org) continue;
      const auto keys = KeyViews(ents_[ent].key);
      if (keys.size() < 2 || std::find(keys.begin(), keys.end(), ix_.F(k)) == keys.end()) continue;
      const int64_t at = LatestStart(ent, k);
      if (at >= 0 && uint32_t(at) >= best_pos) {
        best = ent;
        best_pos = uint32_t(at);
      }
    }
    return best;
  }

  // The short name a multi-word name goes by: a person's last name ("Jackson"), a company's
  // first word before a corporate head word ("Meridian" for "Meridian Platforms").
  // "Lai Ching-te", "Moon Jae-in": a hyphenated given name with a lowercase second half comes
  // after the family name.
  bool FamilyNameFirst(const Cand& c) const {
    if (c.type != EntityType::Person || c.te - c.tb != 2) return false;
    std::string_view given = ix_.Text(c.te - 1);
    const size_t dash = given.find('-');
    return dash != std::string_view::npos && dash + 1 < given.size() &&
           IsLowerCp(FirstCp(given.substr(dash + 1)));
  }

  std::string ShortName(const Cand& c) const {
    if (c.place >= 0 || c.acronym || c.te - c.tb < 2) return {};
    if (FamilyNameFirst(c)) return std::string(ix_.F(c.tb));
    if (c.type == EntityType::Person) return LastWordKey(c.name);
    // "the Barents" after "the Barents Sea": a sea, a strait or a desert by its own name.
    if (c.type == EntityType::Place && c.te - c.tb == 2 && (ix_.C(c.te - 1) & kPlaceHead) && ix_.Cap(c.tb) &&
        !(ix_.C(c.tb) & (kDirection | kStop)) && !MajorPlaceWord(c.tb))
      return std::string(ix_.F(c.tb));
    // "Roche Holding AG", "Acme International Ltd.": a company's own word before its legal
    // form and corporate words is what the story calls it later.
    if (c.type == EntityType::Org) {
      uint32_t e = c.te;
      bool legal = false;
      while (e > c.tb + 1 && (ix_.Is(e - 1, ".") || ix_.Is(e - 1, ",") || LegalForm(e - 1) ||
                              ix_.LowerIn(e - 1, {"holding", "holdings", "group", "international", "corporation",
                                                  "company", "and", "motor", "motors", "industries", "systems",
                                                  "technologies", "technology", "networks", "solutions", "labs",
                                                  "laboratories", "pharmaceuticals", "enterprises", "brands"}))) {
        legal = legal || LegalForm(e - 1);
        --e;
      }
      if (legal && e == c.tb + 1 && ix_.Cap(c.tb) && !(ix_.C(c.tb) & (kOrgHead | kStop | kTitle)) && !MajorPlaceWord(c.tb))
        return std::string(ix_.F(c.tb));
    }
    // "Saudi Aramco" is also "Aramco": a place or demonym before a company's own name.
    if (c.type == EntityType::Org && c.te - c.tb == 2 && !(ix_.C(c.te - 1) & kOrgHead) &&
        (Word1(c.tb).demonym >= 0 || !(*Word1(c.tb).hits).empty()))
      return std::string(ix_.F(c.te - 1));
    if (c.type == EntityType::Org && c.te - c.tb == 2 && (ix_.C(c.te - 1) & kOrgHead) &&
        !(ix_.C(c.tb) & (kDirection | kTitleMod | kStop)) && Word1(c.tb).demonym < 0) {
      for (const auto& h : (*Word1(c.tb).hits)) {
        const auto& p = world_.place(h.place);
        if (p.kind != Gazetteer::Kind::City || (p.flags & Gazetteer::kCapital) || p.population >= 1000000)
          return {};
      }
      return std::string(ix_.F(c.tb));
    }
    return {};
  }

  static std::string Undotted(const std::string& s) {  // "U.N." -> "UN"
    std::string out;
    for (char ch : s)
      if (ch != '.') out += ch;
    return out;
  }

  void Cluster() {
    // "(NICE)" defined after a name makes every "NICE" that acronym, not the French city.
    // The maps below key on views: into the candidates' keys (they stay put while clustering)
    // or into `kept`, for keys that are not a candidate's.
    std::deque<std::string> kept;
    auto keep = [&](std::string k) -> std::string_view { return kept.emplace_back(std::move(k)); };
    using KeyMap = std::unordered_map<std::string_view, int, FastHash>;
    std::unordered_set<std::string_view, FastHash> defined;
    for (const Cand& c : cands_)
      if (c.acronym && c.link >= 0) defined.insert(c.key);
    if (!defined.empty())
      for (Cand& c : cands_)
        if (c.place >= 0 || !c.hits.empty())
          if (c.te - c.tb == 1 && ix_.AllCaps(c.tb) && c.form != Mention::Form::Demonym && defined.count(c.key)) {
            c.place = -1;
            c.hits.clear();
            c.type = EntityType::Org;
            c.acronym = true;
            c.form = Mention::Form::Acronym;
          }
    KeyMap by_key;                                   // folded name -> entity
    std::unordered_map<int, int> by_place;           // gazetteer place -> entity
    KeyMap by_last;                                  // person last name / company short name
    std::unordered_map<std::string_view, std::vector<int>, FastHash> persons_by_last;  // all people of a last name
    KeyMap shorts;                                   // short names of multi-word candidates
    KeyMap defined_acronyms;                         // "(NICE)" after a name -> its entity
    by_key.reserve(cands_.size());
    by_place.reserve(cands_.size());
    by_last.reserve(cands_.size());
    shorts.reserve(cands_.size());
    for (int i = 0; i < int(cands_.size()); ++i) {
      std::string sn = ShortName(cands_[i]);
      if (!sn.empty() && !shorts.count(sn)) shorts.emplace(keep(std::move(sn)), i);
    }
    // A small city that is also the short name of a person or company in this text is that
    // person or company ("Meridian said" after "Meridian Platforms").
    for (Cand& c : cands_) {
      if (c.place < 0 || c.te - c.tb != 1 || c.form != Mention::Form::Name) continue;
      const auto& p = world_.place(c.place);
      if (p.kind != Gazetteer::Kind::City || (p.flags & Gazetteer::kCapital) || p.population >= 1000000) continue;
      auto it = shorts.find(c.key);
      if (it == shorts.end()) continue;
      // "In Hamilton, Ontario, …" stays the city though "Doug Hamilton" is in the story: a
      // locative preposition, or a larger place after a comma.
      if ((LocativeContext(c.tb) && !ix_.IsPossessive(c.te)) ||
          (ix_.Is(c.te, ",") && NameWord(c.te + 1) && !Word1(c.te + 1).hits->empty()))
        continue;
      c.place = -1;
      c.hits.clear();
      c.type = cands_[it->second].type;
      c.strength = kFair;
    }
    // Order: places, multi-word names, then single words (they link to what exists).
    std::vector<int> order;
    for (int pass = 0; pass < 4; ++pass)
      for (int i = 0; i < int(cands_.size()); ++i) {
        const Cand& c = cands_[i];
        const bool single = c.te - c.tb == 1 && c.key.find(' ') == std::string::npos;
        int want;
        if (c.place >= 0) want = 0;
        else if (c.link >= 0 || c.acronym) want = 3;
        else if (!single) want = 1;
        else want = 2;
        if (want == pass) order.push_back(i);
      }
    for (int i : order) {
      Cand& c = cands_[i];
      if (c.te - c.tb == 1 && c.type == EntityType::Org && (ix_.C(c.tb) & kOrgHead) && c.place < 0 &&
          !c.acronym) {
        // "the Commission" after "the Federal Trade Commission"; "Congress", "the Treasury" alone.
        int ent = LatestOrgWith(c.tb);
        if (ent < 0) {  // "Congress" named again: the same body
          auto same = by_key.find(c.key);
          if (same != by_key.end()) ent = same->second;
        }
        if (ent < 0 && c.mid_sentence) {
          ent = NewEntity(c);
          by_key[c.key] = ent;
        }
        if (ent >= 0) Attach(i, ent);
        continue;
      }
      if (c.place >= 0) {
        auto it = by_place.find(c.place);
        int ent = it != by_place.end() ? it->second : -1;
        if (ent < 0) {
          // A person with this name read as a place? ("Jackson said" after "Michael Jackson")
          ent = NewEntity(c);
          by_place[c.place] = ent;
          if (!by_key.count(ents_[ent].key)) by_key.emplace(keep(ents_[ent].key), ent);
        }
        Attach(i, ent);
        continue;
      }
      if (c.link >= 0 && cands_[c.link].entity >= 0) {
        Attach(i, cands_[c.link].entity);
        defined_acronyms.emplace(c.key, c.entity);  // the acronym's later uses find it by name
        continue;
      }
      if (c.acronym) {
        // By initials of an organisation ("IAEA" -> International Atomic Energy Agency).
        int ent = -1;
        auto def = defined_acronyms.find(c.key);
        auto it = by_key.find(c.key);
        if (def != defined_acronyms.end()) ent = def->second;
        else if (it != by_key.end()) ent = it->second;
        if (ent < 0) {
          auto ini = initials_.find(Undotted(c.name));
          if (ini != initials_.end() && ents_[ini->second].type == EntityType::Org &&
              Initials(ents_[ini->second].name) == Undotted(c.name))
            ent = ini->second;
        }
        if (ent < 0) {
          if (c.strength < kFair) continue;
          ent = NewEntity(c);
          by_key[c.key] = ent;
        }
        Attach(i, ent);
        continue;
      }
      const bool single = c.te - c.tb == 1 && c.key.find(' ') == std::string::npos;
      if (single) {
        // A surname ("Rojas", "President Rojas", "Dr. Horvat") joins the person it ends.
        auto last = by_last.find(c.key);
        if (last != by_last.end() && (c.type == EntityType::Person || c.strength <= kGood)) {
          // "Mr. Kapanadze" after "Nino Kapanadze" and "Giorgi Kapanadze": the honorific's
          // gender picks among people of one surname.
          int target = last->second;
          if (c.gender != Gender::Unknown && ents_[target].gender != Gender::Unknown &&
              ents_[target].gender != c.gender) {
            auto all = persons_by_last.find(c.key);
            if (all != persons_by_last.end())
              for (int o : all->second)
                if (o != target && ents_[o].type == EntityType::Person &&
                    (ents_[o].gender == Gender::Unknown || ents_[o].gender == c.gender)) {
                  target = o;
                  break;
                }
          }
          Attach(i, target);
          continue;
        }
      }
      auto it = by_key.find(c.key);
      // A weak guess at a sentence start ("Reading the report") is no mention of a place
      // whose name is a word.
      if (it != by_key.end() && c.strength == kWeak && ents_[it->second].place >= 0 &&
          (world_.place(ents_[it->second].place).flags & Gazetteer::kCommonWord))
        continue;
      if (it != by_key.end()) {
        Attach(i, it->second);
        continue;
      }
      if (c.strength < kFair) continue;  // weak guesses need confirmation (below)
      if (c.type == EntityType::Person && !single) {
        // "Da Silva" after "Raimundo Pereira da Silva": the end of a longer name.
        int longer = -1;
        auto suf = person_suffix_.find(c.key);
        if (suf != person_suffix_.end() && ents_[suf->second].type == EntityType::Person) longer = suf->second;
        if (longer >= 0) {
          Attach(i, longer);
          continue;
        }
      }
      int ent = NewEntity(c);
      by_key[c.key] = ent;
      // "Kestrel Motors" after "Kestrel Motors Corp.": the name without its legal form.
      if (c.type == EntityType::Org && c.te - c.tb >= 3) {
        uint32_t e = c.te;
        while (e > c.tb + 2 && (ix_.Is(e - 1, ".") || ix_.Is(e - 1, ",") || LegalForm(e - 1))) --e;
        if (e < c.te && LegalForm(e)) {
          std::string legal_less = FoldKey(ix_.Text(ix_.Range(c.tb, e)));
          if (!by_key.count(legal_less)) by_key.emplace(keep(std::move(legal_less)), ent);
        }
      }
      if (std::string sn = ShortName(c); !sn.empty()) {
        const std::string_view short_name = keep(std::move(sn));
        by_last.emplace(short_name, ent);
        if (c.type == EntityType::Person) persons_by_last[short_name].push_back(ent);
      }
      // "Luiz Inácio Lula da Silva" is also "Lula": in names of three words or more, the
      // middle words are family names too.
      if (c.type == EntityType::Person && c.te - c.tb >= 3 && !FamilyNameFirst(c))
        for (uint32_t k = c.tb + 1; k + 1 < c.te; ++k)
          if (ix_.Cap(k) && !IsInitial(k) && ix_.IsWord(k) && ix_.Text(k).size() > 2) by_last.emplace(ix_.F(k), ent);
      // "Hafiz bin Rahmat" is "Hafiz": with a patronymic, the given name is how the story
      // refers to the person.
      if (c.type == EntityType::Person && c.te - c.tb >= 3 &&
          ix_.LowerIn(c.tb + 1, {"bin", "binti", "bint", "ibn", "ben"}) && ix_.Cap(c.tb))
        by_last.emplace(ix_.F(c.tb), ent);
      Attach(i, ent);
    }
    // Weak single words: kept when the same word occurs twice mid-sentence as a weak guess.
    std::unordered_map<std::string_view, int, FastHash> weak_count;
    // A word only ever used before a noun ("its Azure cloud service", "Azure customers") is a
    // product or a brand more often than an actor: that use does not count.
    for (const Cand& c : cands_)
      if (c.entity < 0 && c.strength == kWeak && c.mid_sentence &&
          (c.acronym || !(c.te < SEnd(c.tb) && Lower(c.te) && !(ix_.C(c.te) & (kStop | kAux)))))
        ++weak_count[c.key];
    for (int i = 0; i < int(cands_.size()); ++i) {
      Cand& c = cands_[i];
      if (c.entity >= 0) continue;
      auto it = by_key.find(c.key);
      if (it != by_key.end()) {
        if (ents_[it->second].place >= 0 &&
            (world_.place(ents_[it->second].place).flags & Gazetteer::kCommonWord))
          continue;
        Attach(i, it->second);
        continue;
      }
      // Named twice mid-sentence with nothing else to go by ("joined NATO … NATO's summit"):
      // a name all the same, most often an organisation's.
      if (weak_count[c.key] >= 2) {
        int ent = NewEntity(c);
        ents_[ent].strength = kFair;
        by_key[c.key] = ent;
        Attach(i, ent);
      }
    }
    // Entities held only by weak or fair single mid-sentence guesses of an unclear kind keep
    // their place; everything else is settled.
  }

  // [SECTION] Sweep -------------------------------------------------------------------------------

  // "united states" -> {"united", "states"} (views into `folded`).
  static std::vector<std::string_view> KeyViews(std::string_view folded) {
    std::vector<std::string_view> out;
    out.reserve(size_t(std::count(folded.begin(), folded.end(), ' ')) + 1);
    ForEachKeyWord(folded, [&](std::string_view w) { out.push_back(w); });
    return out;
  }

  void Sweep() {
    // Guesses that found no entity give their words back.
    for (const Cand& c : cands_)
      if (c.entity < 0)
        for (uint32_t k = c.tb; k < c.te; ++k) claimed_[k] = 0;
    for (const Cand& c : cands_)
      if (c.entity >= 0)
        for (uint32_t k = c.tb; k < c.te; ++k) claimed_[k] = 1;
    // Token keys of each candidate's surface form, so the sweep compares token by token.
    // Keys are views: into the text index's folded tokens, or into `store` for names that are
    // not in the text as such (a place's gazetteer name, a short name). All forms' keys sit one
    // after another in `keys`; the forms with one first key are a list through Form::next.
    std::deque<std::string> store;
    std::vector<std::string_view> keys;
    std::vector<Form> all;
    struct List {
      int head = -1, tail = -1;
    };
    std::unordered_map<std::string_view, List> forms;  // first key -> its forms, in order made
    forms.reserve(ents_.size() * 2);
    auto push_stored = [&](std::string s) {  // a folded name's words
      ForEachKeyWord(store.emplace_back(std::move(s)), [&](std::string_view w) { keys.push_back(w); });
    };
    auto push_tokens = [&](uint32_t b, uint32_t e) {
      for (uint32_t k = b; k < e; ++k) keys.push_back(ix_.F(k));
    };
    // The form whose keys were pushed from `from` on, unless the entity has it already.
    auto add = [&](int ent, size_t from, Mention::Form f, bool caps) {
      const uint32_t count = uint32_t(keys.size() - from);
      if (count == 0) return;
      List& list = forms[keys[from]];
      for (int x = list.head; x >= 0; x = all[x].next)
        if (all[x].entity == ent && all[x].count == count &&
            std::equal(keys.begin() + from, keys.end(), keys.begin() + all[x].first)) {
          keys.resize(from);
          return;
        }
      all.push_back(Form{ent, uint32_t(from), count, f, caps, -1});
      const int id = int(all.size()) - 1;
      if (list.tail >= 0) all[list.tail].next = id;
      else list.head = id;
      list.tail = id;
    };
    for (int ent = 0; ent < int(ents_.size()); ++ent) {
      Build& b = ents_[ent];
      for (int ci : b.cands) {
        const Cand& c = cands_[ci];
        if (c.span != ix_.Range(c.tb, c.te)) continue;  // part of a hyphenated word
        size_t from = keys.size();
        push_tokens(c.tb, c.te);
        add(ent, from, c.form, c.acronym || IsAllCaps(c.name));
        if (b.type == EntityType::Person && c.te - c.tb >= 2) {
          uint32_t last = FamilyNameFirst(c) ? c.tb : c.te - 1;
          if (ix_.IsWord(last) && !IsInitial(last) && ix_.Cap(last)) {
            from = keys.size();
            push_tokens(last, last + 1);
            add(ent, from, Mention::Form::Surname, false);
            // "van der Merwe" with its particles ("Annelise van der Merwe" said so first).
            uint32_t p = last;
            while (p > c.tb + 1 && Lower(p - 1) && (ix_.C(p - 1) & kNameParticle)) --p;
            if (p < last && last + 1 == c.te) {
              from = keys.size();
              push_tokens(p, c.te);
              add(ent, from, Mention::Form::Surname, false);
            }
          }
          if (c.te - c.tb >= 3 && ix_.LowerIn(c.tb + 1, {"bin", "binti", "bint", "ibn", "ben"}) && ix_.Cap(c.tb)) {
            from = keys.size();
            push_tokens(c.tb, c.tb + 1);
            add(ent, from, Mention::Form::Name, false);
          }
        }
      }
      if (b.place >= 0) {
        const auto& p = world_.place(b.place);
        size_t from = keys.size();
        push_stored(FoldKey(p.name));
        add(ent, from, Mention::Form::Name, false);
        for (const std::string& d : p.demonyms) {
          from = keys.size();
          push_stored(FoldKey(d));
          add(ent, from, Mention::Form::Demonym, false);
        }
      }
      if (b.type == EntityType::Org) {
        for (int ci : b.cands) {
          std::string sn = ShortName(cands_[ci]);
          if (sn.empty()) continue;
          const size_t from = keys.size();
          keys.push_back(store.emplace_back(std::move(sn)));
          add(ent, from, Mention::Form::Name, false);
        }
        const std::vector<std::string_view> words = KeyViews(b.key);
        // "Labour Party" is also "the Labours"; "Conservative Party", "the Conservatives".
        if (words.size() == 2 && (WordClasses(words[1]) & kOrgHead)) {
          const size_t from = keys.size();
          keys.push_back(store.emplace_back(std::string(words[0]) + "s"));
          add(ent, from, Mention::Form::Name, false);
        }
      }
    }
    // A surname found alone takes back its particles: "… ,” van der Walt said" after
    // "Hendrik van der Walt".
    for (Cand& c : cands_) {
      if (c.entity < 0 || c.te - c.tb != 1 || ents_[c.entity].type != EntityType::Person) continue;
      uint32_t p = c.tb;
      while (p > SBegin(c.tb) && p + 3 > c.tb && Lower(p - 1) && (ix_.C(p - 1) & kNameParticle) && !claimed_[p - 1]) --p;
      if (p == c.tb) continue;
      auto it = forms.find(ix_.F(p));
      if (it == forms.end()) continue;
      for (int x = it->second.head; x >= 0; x = all[x].next) {
        const Form& f = all[x];
        bool same = f.entity == c.entity && f.count == c.te - p;
        for (uint32_t k = 0; k < f.count && same; ++k) same = keys[f.first + k] == ix_.F(p + k);
        if (same) {
          for (uint32_t k = p; k < c.tb; ++k) claimed_[k] = 1;
          c.tb = p;
          c.span = ix_.Range(p, c.te);
          break;
        }
      }
    }
    const uint32_t n = ix_.size();
    for (uint32_t i = 0; i < n; ++i) {
      if (claimed_[i] || !(NameWord(i) || (Lower(i) && (ix_.C(i) & kNameParticle)))) continue;
      auto it = forms.find(ix_.F(i));
      if (it == forms.end()) {
        LinkOrgHead(i);
        continue;
      }
      const Form* best = nullptr;
      for (int x = it->second.head; x >= 0; x = all[x].next) {
        const Form& f = all[x];
        if (i + f.count > SEnd(i)) continue;
        bool ok = true;
        for (size_t k = 0; k < f.count && ok; ++k) {
          const uint32_t t = i + uint32_t(k);
          ok = !claimed_[t] && ix_.F(t) == keys[f.first + k] && (k == 0 || NameWord(t) || !ix_.IsWord(t) ||
                                                             (ix_.C(t) & kConnector));
          if (ok && f.all_caps && ix_.IsWord(t) && !ix_.AllCaps(t)) ok = false;
          // ... and an acronym is not the word it spells ("NICE" is not Nice).
          if (ok && !f.all_caps && f.count == 1 && ix_.AllCaps(t) && ix_.Text(t).size() > 2 && !ShoutingSentence(t))
            ok = false;
          if (ok && ix_.IsWord(t) && !NameWord(t) && f.count == 1) ok = false;
        }
        if (!ok) continue;
        const uint32_t end = i + uint32_t(f.count);
        // Never take a word out of a longer capitalised name ("Nairobi" in "Nairobi Stock
        // Exchange" is claimed already; "Nairobi" before "Stock" is not a mention either).
        if (f.count == 1 && end < SEnd(i) && NameWord(end) && !ix_.InHeadline(i) &&
            !(ix_.C(end) & (kTitle | kTitleMod)) && f.form != Mention::Form::Demonym &&
            ents_[f.entity].type != EntityType::Person)
          continue;
        if (f.form == Mention::Form::Demonym && end < SEnd(i) && NameWord(end) &&
            (ix_.C(end) & kOrgHead))
          continue;
        // A place named like a word ("Reading", "Nice") is not one at a sentence start.
        if (f.count == 1 && SentenceInitial(i) && ents_[f.entity].place >= 0 &&
            (world_.place(ents_[f.entity].place).flags & Gazetteer::kCommonWord))
          continue;
        if (!best || f.count > best->count) best = &f;
      }
      if (!best) continue;
      const uint32_t end = i + uint32_t(best->count);
      Mention m;
      m.span = ix_.Range(i, end);
      m.form = best->form;
      ents_[best->entity].mentions.push_back(m);
      for (uint32_t k = i; k < end; ++k) claimed_[k] = 2;
      i = end - 1;
    }
  }

  // "the Commission" after "the Federal Trade Commission": a capitalised head word alone stands for
  // the last organisation named with it.
  void LinkOrgHead(uint32_t i) {
    if (!(ix_.C(i) & kOrgHead) || !ix_.Cap(i)) return;
    uint32_t p = Prev(i);
    if (p == kNone || !ix_.LowerIs(p, "the")) return;
    if (i + 1 < SEnd(i) && NameWord(i + 1)) return;
    int best = -1;
    uint32_t best_pos = 0;
    auto found = org_words_.find(std::string(ix_.F(i)));
    if (found == org_words_.end()) return;
    for (int ent : found->second) {
      if (ents_[ent].type != EntityType::Org) continue;
      const auto keys = KeyViews(ents_[ent].key);
      if (std::find(keys.begin(), keys.end(), ix_.F(i)) == keys.end()) continue;
      const int64_t at = LatestStart(ent, i);
      if (at >= 0 && uint32_t(at) >= best_pos) {
        best = ent;
        best_pos = uint32_t(at);
      }
    }
    if (best < 0) return;
    Mention m;
    m.span = ix_.Range(i, i + 1);
    m.form = Mention::Form::Name;
    ents_[best].mentions.push_back(m);
    claimed_[i] = 2;
  }

  // [SECTION] Output ------------------------------------------------------------------------------

  EntityResult Output() {
    EntityResult r;
    r.entities.reserve(ents_.size());
    r.gender.reserve(ents_.size());
    r.gazetteer_place.reserve(ents_.size());
    r.folded_name.reserve(ents_.size());
    std::vector<int> remap(ents_.size(), -1);
    for (int e = 0; e < int(ents_.size()); ++e) {
      Build& b = ents_[e];
      b.mentions.reserve(b.mentions.size() + b.cands.size());
      for (int ci : b.cands) {
        const Cand& c = cands_[ci];
        Mention m;
        m.span = c.span;
        m.form = c.form;
        if (b.type == EntityType::Person && c.te - c.tb == 1 && CountWords(b.name) > 1) m.form = Mention::Form::Surname;
        b.mentions.push_back(m);
      }
      std::sort(b.mentions.begin(), b.mentions.end(),
                [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
      b.mentions.erase(std::unique(b.mentions.begin(), b.mentions.end(),
                                   [](const Mention& x, const Mention& y) { return x.span.Overlaps(y.span); }),
                       b.mentions.end());
      if (b.mentions.empty()) continue;
      remap[e] = int(r.entities.size());
      Entity out;
      out.name = std::move(b.name);  // the builds are done with
      out.type = b.type;
      // The kind most of its evidence says (gazetteer places stay places).
      if (b.place < 0 && b.type != EntityType::Group) {
        int best = int(b.type);
        for (int t = 0; t < 3; ++t)
          if (b.votes[t] > b.votes[best]) best = t;
        out.type = EntityType(best);
      }
      out.mentions = std::move(b.mentions);
      if (b.place >= 0) {
        const auto& p = world_.place(b.place);
        out.has_coordinates = true;
        out.lat = p.lat;
        out.lon = p.lon;
        out.country_code = p.country_code;
      }
      r.entities.push_back(std::move(out));
      r.gender.push_back(b.gender);
      r.gazetteer_place.push_back(b.place);
      r.folded_name.push_back(std::move(b.key));  // FoldKey(b.name), kept in step with the name
    }
    // City -> country where the country is in the article.
    for (size_t e = 0; e < r.entities.size(); ++e) {
      const int pl = r.gazetteer_place[e];
      if (pl < 0 || world_.place(pl).kind != Gazetteer::Kind::City) continue;
      for (size_t f = 0; f < r.entities.size(); ++f) {
        const int q = r.gazetteer_place[f];
        if (q >= 0 && world_.place(q).kind == Gazetteer::Kind::Country &&
            world_.place(q).country_code == world_.place(pl).country_code)
          r.entities[e].located_in = int(f);
      }
    }
    r.token_entity.assign(ix_.size(), -1);
    for (size_t e = 0; e < r.entities.size(); ++e) {
      for (const Mention& m : r.entities[e].mentions) {
        // Tokens whose span lies inside the mention (or holds it: "Vienna-based").
        uint32_t lo = 0, hi = ix_.size();
        while (lo < hi) {
          uint32_t mid = (lo + hi) / 2;
          if (ix_.tokens[mid].span.end <= m.span.begin) lo = mid + 1;
          else hi = mid;
        }
        for (uint32_t k = lo; k < ix_.size() && ix_.tokens[k].span.begin < m.span.end; ++k)
          r.token_entity[k] = int(e);
      }
    }
    for (PendingRole& pr : roles_) {
      const int person = cands_[pr.person].entity;
      if (person < 0 || remap[person] < 0) continue;
      RoleFact f;
      f.person = remap[person];
      const int t = pr.target >= 0 ? cands_[pr.target].entity : -1;
      f.target = t >= 0 ? remap[t] : -1;
      f.role = std::move(pr.role);
      f.sentence = pr.sentence;
      r.roles.push_back(std::move(f));
    }
    return r;
  }
};

}  // namespace

EntityResult RecognizeEntities(const TextIndex& ix, const Gazetteer& world) {
  Recognizer r(ix, world);
  return r.Run();
}

}  // namespace lectern
