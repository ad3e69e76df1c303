// entity_clustering.cpp — the recogniser's second stage (see entity_clustering.h).
#include "entity_clustering.h"

#include "entity_recognizer.h"
#include "gazetteer_matching.h"
#include "name_context.h"
#include "text_util.h"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace lectern {

int64_t Clusters::LatestStart(int ent, uint32_t k) const {
  const auto& v = ents[ent].starts;
  auto it = std::lower_bound(v.begin(), v.end(), k);
  return it == v.begin() ? -1 : int64_t(*(it - 1));
}

std::vector<std::string_view> KeyViews(std::string_view folded) {
  std::vector<std::string_view> out;
  out.reserve(size_t(std::count(folded.begin(), folded.end(), ' ')) + 1);
  ForEachKeyWord(folded, [&](std::string_view w) { out.push_back(w); });
  return out;
}


int CountWords(const std::string& s) {
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

namespace {

// The last word of a name, folded.
std::string LastWordKey(const std::string& name) {
  std::string key = FoldKey(name);
  size_t sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

}  // namespace

bool FamilyNameFirst(const NameContext& cx, const Candidate& c) {
  if (c.type != EntityType::Person || c.te - c.tb != 2) return false;
  std::string_view given = cx.ix().Text(c.te - 1);
  const size_t dash = given.find('-');
  return dash != std::string_view::npos && dash + 1 < given.size() &&
         IsLowerCp(FirstCp(given.substr(dash + 1)));
}

std::string ShortName(const NameContext& cx, const Candidate& c) {
  if (c.place >= 0 || c.acronym || c.te - c.tb < 2) return {};
  if (FamilyNameFirst(cx, c)) return std::string(cx.ix().F(c.tb));
  if (c.type == EntityType::Person) return LastWordKey(c.name);
  // "the Barents" after "the Barents Sea": a sea, a strait or a desert by its own name.
  if (c.type == EntityType::Place && c.te - c.tb == 2 && (cx.ix().C(c.te - 1) & kPlaceHead) && cx.ix().Cap(c.tb) &&
      !(cx.ix().C(c.tb) & (kDirection | kStop)) && !cx.MajorPlaceWord(c.tb))
    return std::string(cx.ix().F(c.tb));
  // "Roche Holding AG", "Acme International Ltd.": a company's own word before its legal
  // form and corporate words is what the story calls it later.
  if (c.type == EntityType::Org) {
    uint32_t e = c.te;
    bool legal = false;
    while (e > c.tb + 1 && (cx.ix().Is(e - 1, ".") || cx.ix().Is(e - 1, ",") || cx.LegalForm(e - 1) ||
                            cx.ix().LowerIn(e - 1, {"holding", "holdings", "group", "international", "corporation",
                                                "company", "and", "motor", "motors", "industries", "systems",
                                                "technologies", "technology", "networks", "solutions", "labs",
                                                "laboratories", "pharmaceuticals", "enterprises", "brands"}))) {
      legal = legal || cx.LegalForm(e - 1);
      --e;
    }
    if (legal && e == c.tb + 1 && cx.ix().Cap(c.tb) && !(cx.ix().C(c.tb) & (kOrgHead | kStop | kTitle)) && !cx.MajorPlaceWord(c.tb))
      return std::string(cx.ix().F(c.tb));
  }
  // "Saudi Aramco" is also "Aramco": a place or demonym before a company's own name.
  if (c.type == EntityType::Org && c.te - c.tb == 2 && !(cx.ix().C(c.te - 1) & kOrgHead) &&
      (cx.Word1(c.tb).demonym >= 0 || !(*cx.Word1(c.tb).hits).empty()))
    return std::string(cx.ix().F(c.te - 1));
  if (c.type == EntityType::Org && c.te - c.tb == 2 && (cx.ix().C(c.te - 1) & kOrgHead) &&
      !(cx.ix().C(c.tb) & (kDirection | kTitleMod | kStop)) && cx.Word1(c.tb).demonym < 0) {
    for (const auto& h : (*cx.Word1(c.tb).hits)) {
      const auto& p = cx.world().place(h.place);
      if (p.kind != Gazetteer::Kind::City || (p.flags & Gazetteer::kCapital) || p.population >= 1000000)
        return {};
    }
    return std::string(cx.ix().F(c.tb));
  }
  return {};
}

namespace {

class Clusterer {
 public:
  Clusterer(const NameContext& cx, CandidateSet& found)
      : cx_(cx), ix_(cx.ix()), world_(cx.world()), cands_(found.cands) {}

  Clusters Run() {
    Cluster();
    return std::move(out_);
  }

 private:
  const NameContext& cx_;
  const TextIndex& ix_;
  const Gazetteer& world_;
  std::vector<Candidate>& cands_;
  Clusters out_;
  std::vector<EntityBuild>& ents_ = out_.ents;
  std::unordered_map<std::string, std::vector<int>>& org_words_ = out_.org_words;
  std::unordered_map<std::string, int>& person_suffix_ = out_.person_suffix;
  std::unordered_map<std::string, int>& initials_ = out_.initials;

  void IndexEntity(int ent) {
    const EntityBuild& b = ents_[ent];
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
  int NewEntity(const Candidate& c) {
    EntityBuild b;
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
    Candidate& c = cands_[cand];
    c.entity = ent;
    EntityBuild& b = ents_[ent];
    if (b.cands.empty()) {
      b.cands.reserve(4);
      b.starts.reserve(4);
    }
    b.cands.push_back(cand);
    b.starts.insert(std::upper_bound(b.starts.begin(), b.starts.end(), c.tb), c.tb);
    b.strength = std::max(b.strength, c.strength);
    // Only real evidence votes: a weak guess's type is a default, and a surname that joined a
    // person says nothing against it.
    // A name read as a person by its shape alone says so once: "Big Machine" five times with
    // no context is one guess, and an apposition ("the label, Big Machine,") outweighs it.
    const bool repeat_guess = c.by_shape && b.shape_voted;
    b.shape_voted = b.shape_voted || c.by_shape;
    if (c.strength >= kFair && !repeat_guess && !(c.type != b.type && c.te - c.tb == 1 && b.type == EntityType::Person))
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
      const int64_t at = out_.LatestStart(ent, k);
      if (at >= 0 && uint32_t(at) >= best_pos) {
        best = ent;
        best_pos = uint32_t(at);
      }
    }
    return best;
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
    for (const Candidate& c : cands_)
      if (c.acronym && c.link >= 0) defined.insert(c.key);
    if (!defined.empty())
      for (Candidate& c : cands_)
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
      std::string sn = ShortName(cx_, cands_[i]);
      if (!sn.empty() && !shorts.count(sn)) shorts.emplace(keep(std::move(sn)), i);
    }
    // A small city that is also the short name of a person or company in this text is that
    // person or company ("Meridian said" after "Meridian Platforms").
    for (Candidate& c : cands_) {
      if (c.place < 0 || c.te - c.tb != 1 || c.form != Mention::Form::Name) continue;
      const auto& p = world_.place(c.place);
      if (p.kind != Gazetteer::Kind::City || (p.flags & Gazetteer::kCapital) || p.population >= 1000000) continue;
      auto it = shorts.find(c.key);
      if (it == shorts.end()) continue;
      // "In Hamilton, Ontario, …" stays the city though "Doug Hamilton" is in the story: a
      // locative preposition, or a larger place after a comma.
      if ((cx_.LocativeContext(c.tb, cands_) && !ix_.IsPossessive(c.te)) ||
          (ix_.Is(c.te, ",") && cx_.NameWord(c.te + 1) && !cx_.Word1(c.te + 1).hits->empty()))
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
        const Candidate& c = cands_[i];
        const bool single = c.te - c.tb == 1 && c.key.find(' ') == std::string::npos;
        int want;
        if (c.place >= 0) want = 0;
        else if (c.link >= 0 || c.acronym) want = 3;
        else if (!single) want = 1;
        else want = 2;
        if (want == pass) order.push_back(i);
      }
    for (int i : order) {
      Candidate& c = cands_[i];
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
        while (e > c.tb + 2 && (ix_.Is(e - 1, ".") || ix_.Is(e - 1, ",") || cx_.LegalForm(e - 1))) --e;
        if (e < c.te && cx_.LegalForm(e)) {
          std::string legal_less = FoldKey(ix_.Text(ix_.Range(c.tb, e)));
          if (!by_key.count(legal_less)) by_key.emplace(keep(std::move(legal_less)), ent);
        }
      }
      if (std::string sn = ShortName(cx_, c); !sn.empty()) {
        const std::string_view short_name = keep(std::move(sn));
        by_last.emplace(short_name, ent);
        if (c.type == EntityType::Person) persons_by_last[short_name].push_back(ent);
      }
      // "Luiz Inácio Lula da Silva" is also "Lula": in names of three words or more, the
      // middle words are family names too.
      if (c.type == EntityType::Person && c.te - c.tb >= 3 && !FamilyNameFirst(cx_, c))
        for (uint32_t k = c.tb + 1; k + 1 < c.te; ++k)
          if (ix_.Cap(k) && !cx_.IsInitial(k) && ix_.IsWord(k) && ix_.Text(k).size() > 2) by_last.emplace(ix_.F(k), ent);
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
    for (const Candidate& c : cands_)
      if (c.entity < 0 && c.strength == kWeak && c.mid_sentence &&
          (c.acronym || !(c.te < cx_.SEnd(c.tb) && cx_.Lower(c.te) && !(ix_.C(c.te) & (kStop | kAux)))))
        ++weak_count[c.key];
    for (int i = 0; i < int(cands_.size()); ++i) {
      Candidate& c = cands_[i];
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
};

}  // namespace

Clusters ClusterCandidates(const NameContext& cx, CandidateSet& found) {
  return Clusterer(cx, found).Run();
}

}  // namespace lectern
