// relation_extractor.cpp — co-occurrence and stated relations (see relation_extractor.h).
//
// [SECTION] Helpers
// [SECTION] Roles: title phrases and appositions
// [SECTION] Located in, visits, agreements
// [SECTION] Co-occurrence
#include "relation_extractor.h"

#include "text_util.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace lectern {

std::string RoleKindName(std::string_view role) {
  std::string head(role);
  for (const char* cut : {" of ", " for ", " at ", " in ", " to ", " with ", " ("}) {
    size_t p = head.find(cut);
    if (p != std::string::npos) head.resize(p);
  }
  std::string out;
  bool sep = false;
  for (char c : FoldKey(head)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (sep && !out.empty()) out += '_';
      sep = false;
      out += c;
    } else {
      sep = true;
    }
  }
  if (out.empty()) out = "member";
  return out + "_of";
}

namespace {

constexpr uint32_t kNone = ~0u;

// [SECTION] Helpers -------------------------------------------------------------------------------

class Relations {
 public:
  Relations(const TextIndex& ix, EntityResult& er) : ix_(ix), er_(er) {}

  std::vector<Relation> Run() {
    Roles();
    Appositions();
    LocatedIn();
    Visits();
    Agreements();
    CoOccurrence();
    return std::move(out_);
  }

 private:
  const TextIndex& ix_;
  EntityResult& er_;
  std::vector<Relation> out_;
  std::map<std::tuple<int, int, std::string>, size_t> index_;

  int Ent(uint32_t k) const { return k < ix_.size() ? er_.token_entity[k] : -1; }
  EntityType Type(int e) const { return er_.entities[e].type; }
  bool Lower(uint32_t k) const { return ix_.LowerWord(k); }
  uint32_t SEnd(uint32_t k) const { return ix_.SentenceEnd(ix_.sentence_of[k]); }
  uint32_t SBegin(uint32_t k) const { return ix_.SentenceBegin(ix_.sentence_of[k]); }
  uint32_t MentionEnd(uint32_t k) const {
    const int e = Ent(k);
    while (k < ix_.size() && Ent(k) == e) ++k;
    return k;
  }
  Span SentenceSpan(uint32_t s) const { return ix_.sentences[s].span; }

  void Add(int src, int dst, RelationKind kind, const std::string& kind_name,
           const std::string& label, uint32_t sentence) {
    if (src < 0 || dst < 0 || src == dst) return;
    auto key = std::make_tuple(src, dst, kind_name);
    auto it = index_.find(key);
    const Span ev = SentenceSpan(sentence);
    if (it != index_.end()) {
      Relation& r = out_[it->second];
      if (std::find(r.evidence.begin(), r.evidence.end(), ev) == r.evidence.end()) {
        r.weight += 1;
        if (r.evidence.size() < 8) r.evidence.push_back(ev);
      }
      return;
    }
    Relation r;
    r.source = src;
    r.target = dst;
    r.kind = kind;
    r.kind_name = kind_name;
    r.label = label;
    r.weight = 1;
    r.evidence.push_back(ev);
    index_[key] = out_.size();
    out_.push_back(std::move(r));
  }

  void SetRole(int person, int target, const std::string& role, uint32_t sentence) {
    if (person < 0) return;
    std::string text = role;
    if (target >= 0) {
      const std::string& t = er_.entities[target].name;
      if (text.find(" of ") != std::string::npos || text.find(" for ") != std::string::npos ||
          text.find(" at ") != std::string::npos)
        text += " (" + t + ")";
      else
        text += " of " + t;
    }
    if (er_.entities[person].role.empty()) er_.entities[person].role = text;
    if (target >= 0) {
      std::string label = FoldKey(role);
      Add(person, target, RelationKind::RoleOf, RoleKindName(role), label + " of", sentence);
    }
  }

  // The organisation a lowercase noun stands for ("the ministry's director") — the latest named
  // organisation whose name holds the noun.
  int RecentOrg(uint32_t k, std::string_view noun) const {
    const std::string n = FoldKey(noun);
    for (uint32_t t = k; t-- > 0 && k - t < 1500;) {  // a bounded look back: linear overall
      if (ix_.sentence_of[k] - ix_.sentence_of[t] > 10) break;
      const int e = Ent(t);
      if (e < 0 || Type(e) != EntityType::Org) continue;
      if (er_.folded_name[size_t(e)].find(n) != std::string::npos) return e;
    }
    return -1;
  }

  // [SECTION] Roles -------------------------------------------------------------------------------

  void Roles() {
    for (const RoleFact& f : er_.roles) SetRole(f.person, f.target, f.role, f.sentence);
  }

  // A role phrase [b, e): lowercase words holding a person noun, e.g. "gas analyst",
  // "national director of public health", "senior vice-president for LNG marketing". Returns
  // the organisation named with it (after "at"/"of"/"with", or its possessor) in *target.
  bool RolePhrase(uint32_t b, uint32_t e, std::string* role, int* target) const {
    bool person_noun = false;
    uint32_t role_end = e;
    *target = -1;
    for (uint32_t k = b; k < e; ++k) {
      if (Ent(k) >= 0) {
        const int ent = Ent(k);
        if ((Type(ent) == EntityType::Org || Type(ent) == EntityType::Place) && *target < 0 &&
            k > b && (ix_.LowerIs(k - 1, "at") || ix_.LowerIs(k - 1, "of") || ix_.LowerIs(k - 1, "with") ||
                      ix_.LowerIs(k - 1, "the"))) {
          if (Type(ent) == EntityType::Org) *target = ent;
          if (role_end == e) role_end = k - 1;
          if (ix_.LowerIs(role_end - 1, "the") || ix_.LowerIs(role_end, "the")) {
            // "at the University of X": drop the article
          }
        }
        if (Type(ent) == EntityType::Person) return false;
        continue;
      }
      if (!ix_.IsWord(k)) {
        if (ix_.IsDash(k) || ix_.Is(k, "-") || ix_.Is(k, "\xE2\x80\x99") || ix_.Is(k, "'") ||
            ix_.IsPossessive(k))
          continue;  // "the farmers' association"
        return false;
      }
      // A verb opens a clause, not a role: "X, urged residents to …".
      if (k == b && (Lower(k) && (ix_.verb[k] || (ix_.C(k) & kAux) ||
                                  (ix_.L(k).size() > 4 && ix_.L(k).substr(ix_.L(k).size() - 2) == "ed"))))
        return false;
      // "a senior analyst at the firm": the organisation named before.
      if (*target < 0 && k >= b + 2 && ix_.LowerIs(k - 1, "the") &&
          (ix_.LowerIs(k - 2, "at") || ix_.LowerIs(k - 2, "of")) && (ix_.C(k) & kOrgNoun) &&
          !(ix_.C(k) & kHumanRole)) {
        *target = RecentOrg(k, ix_.Text(k));
        if (*target < 0) *target = RecentOrg(k, "");
      }
      if (ix_.C(k) & kHumanRole) person_noun = true;
      // Professions the list does not hold: "hydrologist", "historian", "consultant".
      {
        std::string_view w = ix_.L(k);
        auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 3 && w.substr(w.size() - suf.size()) == suf; };
        if (Lower(k) && (ends("ist") || ends("ian") || ends("ologist") || ends("ant") || ends("eer")))
          person_noun = true;
      }
      if (ix_.C(k) & kAux) return false;
    }
    if (!person_noun) return false;
    while (role_end > b && (ix_.LowerIs(role_end - 1, "the") || ix_.LowerIs(role_end - 1, "at") ||
                            ix_.LowerIs(role_end - 1, "of") || ix_.LowerIs(role_end - 1, "with")))
      --role_end;
    if (role_end <= b) return false;
    *role = std::string(ix_.Text(ix_.Range(b, role_end)));
    return true;
  }

  // "Vantora's chief executive, Jonas Berg," (an honorific may come between): the role
  // before the person, owned by an organisation or place. Sets the role; false if none.
  bool RoleBefore(uint32_t k, int person, uint32_t s) {
    uint32_t pk = k;
    while (pk >= 2 && (ix_.Is(pk - 1, ".") || (ix_.C(pk - 1) & kHonorific)) && Ent(pk - 1) < 0) --pk;
    if (!(pk >= 2 && ix_.Is(pk - 1, ","))) return false;
    uint32_t e = pk - 1, b = e;
    while (b > SBegin(k) && !ix_.Is(b - 1, ",") && !ix_.Is(b - 1, ".") && e - b < 12 &&
           !ix_.IsOpenQuote(b - 1) && !ix_.IsCloseQuote(b - 1))
      --b;
    uint32_t rb = b;
    if (ix_.LowerIs(rb, "the") || ix_.LowerIs(rb, "a")) ++rb;
    int owner = -1;
    if (rb < e && Ent(rb) >= 0 && Type(Ent(rb)) != EntityType::Person && ix_.IsPossessive(MentionEnd(rb))) {
      owner = Ent(rb);
      rb = MentionEnd(rb) + 1;
    }
    // "Its general secretary, X,": the organisation named last.
    if (owner < 0 && (ix_.LowerIs(rb, "its") || ix_.LowerIs(rb, "their"))) {
      for (uint32_t t = rb; t-- > 0 && ix_.sentence_of[rb] - ix_.sentence_of[t] <= 2;)
        if (Ent(t) >= 0 && Type(Ent(t)) == EntityType::Org) {
          owner = Ent(t);
          break;
        }
      ++rb;
    }
    std::string role;
    int target = -1;
    if (owner >= 0 && rb < e && RolePhrase(rb, e, &role, &target)) {
      SetRole(person, owner, role, s);
      return true;
    }
    return false;
  }

  void Appositions() {
    const uint32_t n = ix_.size();
    for (uint32_t k = 0; k < n; ++k) {
      const int person = Ent(k);
      if (person < 0 || Type(person) != EntityType::Person || (k > 0 && Ent(k - 1) == person)) continue;
      if (ix_.InHeadline(k)) continue;
      const uint32_t me = MentionEnd(k);
      const uint32_t s = ix_.sentence_of[k];
      // (b) first: "Barcelona's mayor, X, urged …" names the role before the person.
      if (RoleBefore(k, person, s)) continue;
      // (a) "X, a senior analyst at Hartwell Partners," / "X, Vantora's senior vice-president".
      if (ix_.Is(me, ",")) {
        uint32_t b = me + 1, e = b;
        while (e < SEnd(k) && !ix_.Is(e, ",") && !ix_.Is(e, ".") && !ix_.Is(e, ";") && !ix_.IsOpenQuote(e) &&
               !ix_.IsCloseQuote(e) && e < b + 14)
          ++e;
        uint32_t rb = b;
        int owner = -1;
        if (ix_.LowerIs(rb, "and") || ix_.LowerIs(rb, "or") || ix_.LowerIs(rb, "who") ||
            ix_.LowerIs(rb, "which"))
          continue;  // a list or a clause, not an apposition
        if (ix_.LowerIs(rb, "a") || ix_.LowerIs(rb, "an") || ix_.LowerIs(rb, "the")) ++rb;
        if (rb < e && Ent(rb) >= 0 && Type(Ent(rb)) != EntityType::Person) {
          const uint32_t oe = MentionEnd(rb);
          if (ix_.IsPossessive(oe)) {
            owner = Ent(rb);
            rb = oe + 1;
          }
        } else if (rb + 1 < e && Lower(rb) && ix_.IsPossessive(rb + 1)) {
          owner = RecentOrg(rb, ix_.Text(rb));  // "the ministry's national director"
          rb += 2;
        }
        std::string role;
        int target = -1;
        if (rb < e && RolePhrase(rb, e, &role, &target)) {
          if (owner >= 0) target = owner;
          SetRole(person, target, role, s);
          continue;
        }
      }
      // (c) "The Labour Party, led by X" / "the alliance led by X".
      if (k >= 2 && ix_.LowerIs(k - 1, "by") && ix_.LowerIs(k - 2, "led")) {
        uint32_t q = k - 2;
        if (q > SBegin(k) && ix_.Is(q - 1, ",")) --q;
        int org = -1;
        if (q > SBegin(k)) {
          const int before = Ent(q - 1);
          if (before >= 0 && Type(before) == EntityType::Org) org = before;
          else if (Lower(q - 1) && (ix_.C(q - 1) & kOrgNoun)) org = RecentOrg(q - 1, ix_.Text(q - 1));
        }
        if (org >= 0) SetRole(person, org, "leader", s);
      }
    }
  }

  // [SECTION] Located in, visits, agreements --------------------------------------------------------

  void LocatedIn() {
    const uint32_t n = ix_.size();
    for (uint32_t k = 0; k + 2 < n; ++k) {
      const int a = Ent(k);
      if (a < 0 || (k > 0 && Ent(k - 1) == a)) continue;
      const uint32_t me = MentionEnd(k);
      if (me + 1 >= n || ix_.sentence_of[me] != ix_.sentence_of[k]) continue;
      uint32_t q = me;
      if (ix_.LowerIs(q, "based")) ++q;
      int b = -1;
      if (ix_.LowerIs(q, "in") && Ent(q + 1) >= 0) b = Ent(q + 1);
      else if (ix_.Is(me, ",") && Ent(me + 1) >= 0 && Type(a) == EntityType::Place) {
        // "Mombasa, Kenya": only a city then its country.
        const int c = Ent(me + 1);
        if (Type(c) == EntityType::Place && er_.gazetteer_place[c] >= 0 && er_.gazetteer_place[a] >= 0 &&
            er_.entities[a].country_code == er_.entities[c].country_code &&
            er_.entities[a].located_in == c)
          b = c;
      }
      if (b < 0 || Type(b) != EntityType::Place) continue;
      if (Type(a) == EntityType::Person) continue;
      Add(a, b, RelationKind::LocatedIn, "located_in", "located in", ix_.sentence_of[k]);
      if (er_.entities[a].located_in < 0 && Type(a) != EntityType::Place) er_.entities[a].located_in = b;
    }
    // Organisations whose name holds a place: "University of Lima", "Nairobi Stock Exchange".
    // (Word runs of each name looked up among the place names: linear in the text.)
    std::vector<std::string> place_keys;   // folded names; the map below views into them
    for (size_t p = 0; p < er_.entities.size(); ++p)
      if (Type(int(p)) == EntityType::Place) place_keys.push_back(FoldKey(er_.entities[p].name));
    std::unordered_map<std::string_view, int> places;
    places.reserve(place_keys.size());
    for (size_t p = 0, i = 0; p < er_.entities.size(); ++p)
      if (Type(int(p)) == EntityType::Place) places.emplace(place_keys[i++], int(p));
    std::string key;
    std::vector<std::string_view> words;
    std::vector<int> found;
    for (size_t o = 0; o < er_.entities.size() && !places.empty(); ++o) {
      if (Type(int(o)) != EntityType::Org || er_.entities[o].mentions.empty()) continue;
      key.clear();
      AppendFoldKey(key, er_.entities[o].name);
      words.clear();
      ForEachKeyWord(key, [&](std::string_view w) { words.push_back(w); });
      if (words.size() < 2) continue;  // one word holds no place
      found.clear();
      for (size_t i = 0; i < words.size(); ++i) {
        for (size_t j = i; j < words.size() && j < i + 4; ++j) {
          if (j - i + 1 == words.size()) break;  // the whole name is no place inside it
          // words i..j as they stand in the key: one view, no copy
          const std::string_view run(words[i].data(), size_t(words[j].data() + words[j].size() - words[i].data()));
          auto it = places.find(run);
          if (it != places.end() && std::find(found.begin(), found.end(), it->second) == found.end())
            found.push_back(it->second);
        }
      }
      for (int place : found) {
        const uint32_t at = er_.entities[o].mentions.front().span.begin;
        uint32_t lo = 0, hi = ix_.size();
        while (lo < hi) {  // the token where the first mention starts
          const uint32_t mid = (lo + hi) / 2;
          if (ix_.tokens[mid].span.begin < at) lo = mid + 1;
          else hi = mid;
        }
        const uint32_t s = lo < ix_.size() ? ix_.sentence_of[lo] : 0;
        Add(int(o), place, RelationKind::LocatedIn, "located_in", "located in", s);
        if (er_.entities[o].located_in < 0) er_.entities[o].located_in = place;
      }
    }
  }

  // The first person, organisation or place named in the sentence before token `k`.
  int SubjectBefore(uint32_t k) const {
    for (uint32_t t = SBegin(k); t < k; ++t) {
      const int e = Ent(t);
      if (e >= 0 && er_.entities[e].mentions.size() > 0) return e;
    }
    return -1;
  }

  void Visits() {
    const uint32_t n = ix_.size();
    for (uint32_t k = 0; k + 2 < n; ++k) {
      if (!(ix_.C(k) & kVisitWord) || !Lower(k)) continue;
      std::string_view w = ix_.L(k);
      const bool noun = w == "visit" || w == "trip" || w == "visits";
      const bool verb = w == "visited" || w == "visiting" || w == "arrived" || w == "travelled" ||
                        w == "traveled" || w == "flew";
      if (!noun && !verb) continue;
      uint32_t q = k + 1;
      if (ix_.LowerIs(q, "to") || ix_.LowerIs(q, "in")) ++q;
      if (ix_.LowerIs(q, "the")) ++q;
      const int place = Ent(q);
      if (place < 0 || Type(place) != EntityType::Place) continue;
      int who = -1;
      if (noun && k >= 2 && ix_.IsPossessive(k - 1)) who = Ent(k - 2);
      if (who < 0) who = SubjectBefore(k);
      if (who < 0 || who == place) continue;
      Add(who, place, RelationKind::VisitTo, "visit_to", "visit to", ix_.sentence_of[k]);
    }
  }

  void Agreements() {
    const uint32_t n = ix_.size();
    for (uint32_t k = 0; k < n; ++k) {
      if (!(ix_.C(k) & kDealWord)) continue;
      const uint32_t e = SEnd(k);
      const uint32_t s = ix_.sentence_of[k];
      // "between X and Y" (descriptions allowed: "between state copper giant X and …")
      uint32_t first = kNone;
      if (ix_.LowerIs(k + 1, "between"))
        for (uint32_t t = k + 2; t < e && t < k + 7; ++t)
          if (Ent(t) >= 0) {
            first = t;
            break;
          }
      if (first != kNone) {
        const int a = Ent(first);
        const uint32_t ae = MentionEnd(first);
        uint32_t q = ae;
        if (ix_.IsPossessive(q)) ++q;
        if (ix_.LowerIs(q, "and")) {
          for (uint32_t t = q + 1; t < e && t < q + 6; ++t)
            if (Ent(t) >= 0) {
              Add(a, Ent(t), RelationKind::AgreementWith, "agreement_with", "agreement with", s);
              break;
            }
          continue;
        }
      }
      // "a deal with X" (the subject is the sentence's first name)
      for (uint32_t q = k + 1; q < e && q < k + 4; ++q) {
        if (!ix_.LowerIs(q, "with")) continue;
        uint32_t t = q + 1;
        int target = -1;
        for (; t < e && t < q + 6; ++t) {
          const int x = Ent(t);
          if (x >= 0) {
            target = x;
            const uint32_t xe = MentionEnd(t);
            if (ix_.IsPossessive(xe) && Ent(xe + 1) >= 0) target = Ent(xe + 1);  // "Kenya's Safaricom"
            break;
          }
          if (ix_.tokens[t].kind == Token::Kind::Punct) break;
        }
        const int src = SubjectBefore(k);
        if (target >= 0 && src >= 0) Add(src, target, RelationKind::AgreementWith, "agreement_with", "agreement with", s);
        break;
      }
      // "X and Y have signed a … agreement"
      const uint32_t b = SBegin(k);
      const int a = Ent(b);
      if (a >= 0) {
        const uint32_t ae = MentionEnd(b);
        if (ix_.LowerIs(ae, "and") && Ent(ae + 1) >= 0) {
          bool signed_ = false;
          for (uint32_t t = ae + 1; t < k; ++t)
            if (ix_.LowerIn(t, {"signed", "sign", "reached", "agreed", "struck", "forge", "forged"}))
              signed_ = true;
          if (signed_) Add(a, Ent(ae + 1), RelationKind::AgreementWith, "agreement_with", "agreement with", s);
        }
      }
    }
  }

  // [SECTION] Co-occurrence -----------------------------------------------------------------------

  // Pairs of entities named in one sentence. All (pair, sentence) facts are collected and sorted
  // once, not looked up per fact: the pairs are many, and this is one allocation for all.
  void CoOccurrence() {
    struct Fact {
      uint64_t pair;                               // source << 32 | target, source < target
      uint32_t sentence;
    };
    std::vector<Fact> facts;
    std::vector<int> ents;
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s) {
      ents.clear();
      for (uint32_t k = ix_.SentenceBegin(s); k < ix_.SentenceEnd(s); ++k)
        if (Ent(k) >= 0 && (ents.empty() || ents.back() != Ent(k))) ents.push_back(Ent(k));
      std::sort(ents.begin(), ents.end());
      ents.erase(std::unique(ents.begin(), ents.end()), ents.end());
      if (ents.size() > 24) ents.resize(24);  // a list sentence does not make 300 edges
      for (size_t i = 0; i < ents.size(); ++i)
        for (size_t j = i + 1; j < ents.size(); ++j)
          facts.push_back(Fact{(uint64_t(uint32_t(ents[i])) << 32) | uint32_t(ents[j]), s});
    }
    // Facts come in sentence order; a stable sort by pair keeps it within each pair.
    std::stable_sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) { return a.pair < b.pair; });
    struct Group {
      size_t begin, end;  // the facts of one pair, in `facts`
    };
    std::vector<Group> groups;
    for (size_t i = 0; i < facts.size(); ++i) {
      if (i == 0 || facts[i].pair != facts[i - 1].pair) groups.push_back(Group{i, i});
      groups.back().end = i + 1;
    }
    // The relations come out in the order their pairs are first seen.
    std::sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) {
      const Fact& fa = facts[a.begin];
      const Fact& fb = facts[b.begin];
      return fa.sentence != fb.sentence ? fa.sentence < fb.sentence : fa.pair < fb.pair;
    });
    out_.reserve(out_.size() + groups.size());
    for (const Group& g : groups) {
      Relation r;
      r.source = int(facts[g.begin].pair >> 32);
      r.target = int(uint32_t(facts[g.begin].pair));
      r.kind = RelationKind::CoOccurrence;
      r.kind_name = "co_occurrence";  // the label follows from the kind (RelationLabel)
      r.weight = double(g.end - g.begin);
      r.evidence.reserve(std::min<size_t>(g.end - g.begin, 8));
      for (size_t i = g.begin; i < g.end && r.evidence.size() < 8; ++i)
        r.evidence.push_back(SentenceSpan(facts[i].sentence));
      out_.push_back(std::move(r));
    }
  }
};

}  // namespace

std::vector<Relation> ExtractRelations(const TextIndex& ix, EntityResult& er,
                                       const std::vector<Quote>& quotes) {
  (void)quotes;
  Relations r(ix, er);
  return r.Run();
}

}  // namespace lectern
