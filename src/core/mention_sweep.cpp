// mention_sweep.cpp — the recogniser's last stage (see mention_sweep.h).
#include "mention_sweep.h"

#include "name_context.h"
#include "text_util.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace lectern {

namespace {


// One surface form of an entity, as the folded words the sweep compares token by token.
struct Form {
  int entity;
  uint32_t first, count;               // its folded token texts: the sweep's keys[first, first + count)
  Mention::Form form;
  bool all_caps;                       // an acronym: match all-caps tokens only
  int next;                            // the next form with the same first key, or -1
};

class Sweeper {
 public:
  Sweeper(const NameContext& cx, CandidateSet& found, Clusters& clusters)
      : cx_(cx), ix_(cx.ix()), world_(cx.world()), cands_(found.cands), claimed_(found.claimed),
        clusters_(clusters), ents_(clusters.ents), org_words_(clusters.org_words) {}

  void Run() { Sweep(); }

 private:
  const NameContext& cx_;
  const TextIndex& ix_;
  const Gazetteer& world_;
  std::vector<Candidate>& cands_;
  std::vector<uint8_t>& claimed_;
  const Clusters& clusters_;
  std::vector<EntityBuild>& ents_;
  const std::unordered_map<std::string, std::vector<int>>& org_words_;

  void Sweep() {
    // Guesses that found no entity give their words back.
    for (const Candidate& c : cands_)
      if (c.entity < 0)
        for (uint32_t k = c.tb; k < c.te; ++k) claimed_[k] = 0;
    for (const Candidate& c : cands_)
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
      EntityBuild& b = ents_[ent];
      for (int ci : b.cands) {
        const Candidate& c = cands_[ci];
        if (c.span != ix_.Range(c.tb, c.te)) continue;  // part of a hyphenated word
        size_t from = keys.size();
        push_tokens(c.tb, c.te);
        add(ent, from, c.form, c.acronym || IsAllCaps(c.name));
        if (b.type == EntityType::Person && c.te - c.tb >= 2) {
          uint32_t last = FamilyNameFirst(cx_, c) ? c.tb : c.te - 1;
          if (ix_.IsWord(last) && !cx_.IsInitial(last) && ix_.Cap(last)) {
            from = keys.size();
            push_tokens(last, last + 1);
            add(ent, from, Mention::Form::Surname, false);
            // "van der Merwe" with its particles ("Annelise van der Merwe" said so first).
            uint32_t p = last;
            while (p > c.tb + 1 && cx_.Lower(p - 1) && (ix_.C(p - 1) & kNameParticle)) --p;
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
          std::string sn = ShortName(cx_, cands_[ci]);
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
    for (Candidate& c : cands_) {
      if (c.entity < 0 || c.te - c.tb != 1 || ents_[c.entity].type != EntityType::Person) continue;
      uint32_t p = c.tb;
      while (p > cx_.SBegin(c.tb) && p + 3 > c.tb && cx_.Lower(p - 1) && (ix_.C(p - 1) & kNameParticle) && !claimed_[p - 1]) --p;
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
      if (claimed_[i] || !(cx_.NameWord(i) || (cx_.Lower(i) && (ix_.C(i) & kNameParticle)))) continue;
      auto it = forms.find(ix_.F(i));
      if (it == forms.end()) {
        LinkOrgHead(i);
        continue;
      }
      const Form* best = nullptr;
      for (int x = it->second.head; x >= 0; x = all[x].next) {
        const Form& f = all[x];
        if (i + f.count > cx_.SEnd(i)) continue;
        bool ok = true;
        for (size_t k = 0; k < f.count && ok; ++k) {
          const uint32_t t = i + uint32_t(k);
          ok = !claimed_[t] && ix_.F(t) == keys[f.first + k] && (k == 0 || cx_.NameWord(t) || !ix_.IsWord(t) ||
                                                             (ix_.C(t) & kConnector));
          if (ok && f.all_caps && ix_.IsWord(t) && !ix_.AllCaps(t)) ok = false;
          // ... and an acronym is not the word it spells ("NICE" is not Nice).
          if (ok && !f.all_caps && f.count == 1 && ix_.AllCaps(t) && ix_.Text(t).size() > 2 && !cx_.ShoutingSentence(t))
            ok = false;
          if (ok && ix_.IsWord(t) && !cx_.NameWord(t) && f.count == 1) ok = false;
        }
        if (!ok) continue;
        const uint32_t end = i + uint32_t(f.count);
        // Never take a word out of a longer capitalised name ("Nairobi" in "Nairobi Stock
        // Exchange" is claimed already; "Nairobi" before "Stock" is not a mention either).
        if (f.count == 1 && end < cx_.SEnd(i) && cx_.NameWord(end) && !ix_.InHeadline(i) &&
            !(ix_.C(end) & (kTitle | kTitleMod)) && f.form != Mention::Form::Demonym &&
            ents_[f.entity].type != EntityType::Person)
          continue;
        if (f.form == Mention::Form::Demonym && end < cx_.SEnd(i) && cx_.NameWord(end) &&
            (ix_.C(end) & kOrgHead))
          continue;
        // A place named like a word ("Reading", "Nice") is not one at a sentence start.
        if (f.count == 1 && cx_.SentenceInitial(i) && ents_[f.entity].place >= 0 &&
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
    uint32_t p = cx_.Prev(i);
    if (p == kNone || !ix_.LowerIs(p, "the")) return;
    if (i + 1 < cx_.SEnd(i) && cx_.NameWord(i + 1)) return;
    int best = -1;
    uint32_t best_pos = 0;
    auto found = org_words_.find(std::string(ix_.F(i)));
    if (found == org_words_.end()) return;
    for (int ent : found->second) {
      if (ents_[ent].type != EntityType::Org) continue;
      const auto keys = KeyViews(ents_[ent].key);
      if (std::find(keys.begin(), keys.end(), ix_.F(i)) == keys.end()) continue;
      const int64_t at = clusters_.LatestStart(ent, i);
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
};

}  // namespace

void SweepMentions(const NameContext& cx, CandidateSet& found, Clusters& clusters) { Sweeper(cx, found, clusters).Run(); }

}  // namespace lectern
