// quote_extractor.cpp — direct quotes, reported speech and their sources (see quote_extractor.h).
//
// [SECTION] Quote marks: pairing per paragraph
// [SECTION] Speakers: noun phrases, subjects, pronouns
// [SECTION] Direct quotes: attribution, split quotes, scare quotes
// [SECTION] Reported speech
#include "quote_extractor.h"

#include "text_util.h"

#include <algorithm>
#include <unordered_map>

namespace lectern {

namespace {

constexpr uint32_t kNone = ~0u;

struct RawQuote {
  uint32_t open = kNone;       // opening mark token
  uint32_t close = kNone;      // closing mark token, or kNone when unbalanced
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // content token ranges, marks excluded
};

struct Speaker {
  bool found = false;
  int entity = -1;
  std::string text;
  Span span;
};

// The source of an earlier quote, for a quote or cue that continues it.
Speaker SourceOf(const Quote& q, Span span) {
  Speaker sp;
  sp.found = true;
  sp.entity = q.speaker_entity;
  sp.text = q.speaker;
  sp.span = span;
  return sp;
}

class Extractor {
 public:
  Extractor(const TextIndex& ix, EntityResult& er)
      : ix_(ix), er_(er), in_quote_(ix.size(), 0), used_(ix.size(), 0) {}

  QuoteResult Run() {
    PairMarks();
    for (const RawQuote& q : raw_)
      for (auto& p : q.parts)
        for (uint32_t k = p.first; k < p.second; ++k) in_quote_[k] = 1;
    // In text order, so that an earlier source can be referred back to ("the official said").
    size_t qi = 0;
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s) {
      while (qi < raw_.size() && SOf(raw_[qi].open) <= s) Direct(qi++);
      if (ix_.sentences[s].paragraph != ~0u) {
        const size_t before = out_.size();
        Reported(s);
        QuotedInReported(before);
      }
      fragments_.clear();
    }
    while (qi < raw_.size()) Direct(qi++);
    HeadlineQuotes();
    AddMentions();
    std::stable_sort(out_.begin(), out_.end(), [](const Quote& a, const Quote& b) {
      return a.extent.begin < b.extent.begin;
    });
    QuoteResult r;
    r.quotes = std::move(out_);
    return r;
  }

 private:
  const TextIndex& ix_;
  EntityResult& er_;
  std::vector<RawQuote> raw_;
  std::vector<uint8_t> in_quote_;     // token inside a direct quote's content
  std::vector<uint8_t> used_;         // cue token already used by a direct quote
  std::vector<Quote> out_;
  int last_direct_ = -1;              // index into out_ of the last direct quote
  uint32_t last_direct_cue_ = kNone;
  bool last_attrib_after_ = false;
  uint32_t last_direct_sentence_ = kNone;  // sentence where its attribution / close is
  // Unnamed speaker phrases seen so far, with their folded text ("the official said" finds
  // "a senior official at the ministry"); only the recent ones are searched.
  std::vector<Span> unnamed_;
  std::unordered_map<std::string, int> names_;  // folded entity name -> entity (GroupFor)
  std::vector<std::pair<int, Mention>> added_;  // pronoun and group mentions, merged at the end
  std::vector<size_t> fragments_;     // this sentence's quoted fragments with no cue (raw_ indices)

  // Merges the mentions found while resolving sources, once per entity (in text order, no
  // overlaps), instead of re-sorting a mention list per pronoun.
  void AddMentions() {
    std::stable_sort(added_.begin(), added_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < added_.size();) {
      const int ent = added_[i].first;
      auto& ms = er_.entities[ent].mentions;
      const size_t before = ms.size();
      for (; i < added_.size() && added_[i].first == ent; ++i) ms.push_back(added_[i].second);
      if (ms.size() == before) continue;
      std::stable_sort(ms.begin(), ms.end(), [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
      std::vector<Mention> kept;
      kept.reserve(ms.size());
      for (const Mention& m : ms)
        if (kept.empty() || !kept.back().span.Overlaps(m.span)) kept.push_back(m);
      ms = std::move(kept);
    }
    added_.clear();
  }

  uint32_t SOf(uint32_t k) const { return ix_.sentence_of[k]; }
  uint32_t SBegin(uint32_t k) const { return ix_.SentenceBegin(SOf(k)); }
  uint32_t SEnd(uint32_t k) const { return ix_.SentenceEnd(SOf(k)); }
  bool Lower(uint32_t k) const { return ix_.LowerWord(k); }
  int Ent(uint32_t k) const { return k < ix_.size() ? er_.token_entity[k] : -1; }
  const SpeechVerb* Verb(uint32_t k) const { return k < ix_.size() ? ix_.verb[k] : nullptr; }
  // A speech verb used as a verb: not "the claims", "a warning", "his remarks", and not
  // negated ("did not say whether", "declined to say").
  // Most tokens are no speech verb: that answer is inline, the rest below.
  bool IsCue(uint32_t k, bool allow_embedded) const { return Verb(k) && CueInContext(k, allow_embedded); }
  bool CueInContext(uint32_t k, bool allow_embedded) const {
    const SpeechVerb* v = Verb(k);
    if (!allow_embedded && v->cls == CueClass::Embedded) return false;
    // "the latest sign of European caution": a people's adjective makes the word a noun (but
    // "the Chinese say": the people themselves).
    if (k > SBegin(k) && DemonymAt(k - 1) && (k < SBegin(k) + 2 || !ix_.LowerIs(k - 2, "the"))) return false;
    if (k >= SBegin(k) + 2) {
      std::string_view p1 = ix_.L(k - 1);
      std::string_view p2 = ix_.L(k - 2);
      if (p1 == "not" || p1 == "n't" || p1 == "never" ||
          (p1 == "to" && (p2 == "declined" || p2 == "refused" || p2 == "wanted" || p2 == "expected")))
        return false;
    }
    if (k > SBegin(k)) {
      std::string_view p = ix_.L(k - 1);
      if (p == "the" || p == "a" || p == "an" || p == "his" || p == "her" || p == "their" ||
          p == "its" || p == "our" || p == "this" || p == "these" || p == "those" ||
          ix_.IsPossessive(k - 1) ||
          (ix_.tokens[k - 1].kind == Token::Kind::Number && !AgeWord(ix_.Text(k - 1))))  // "the 56-year-old said"
        return false;
      // "the carmaker's largest recall", "its first warning": a superlative or an ordinal
      // makes the word a noun.
      if (Lower(k - 1) && !Verb(k - 1) &&
          ((p.size() > 5 && p.substr(p.size() - 3) == "est" && !ix_.LowerIn(k - 1, {"suggest", "protest", "request", "arrest", "invest", "attest", "contest"})) ||
           p == "first" || p == "second" || p == "third" || p == "latest" || p == "new" || p == "previous"))
        return false;
    }
    return true;
  }
  // A mention of a place by its people's name starts at token `k` ("Chilean", "European").
  bool DemonymAt(uint32_t k) const {
    const int ent = Ent(k);
    if (ent < 0) return false;
    const auto& ms = er_.entities[size_t(ent)].mentions;
    return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.span.begin == ix_.tokens[k].span.begin && m.form == Mention::Form::Demonym;
    });
  }
  uint32_t WordCount(uint32_t b, uint32_t e) const {
    uint32_t n = 0;
    for (uint32_t k = b; k < e; ++k)
      if (ix_.tokens[k].kind == Token::Kind::Word || ix_.tokens[k].kind == Token::Kind::Number) ++n;
    return n;
  }

  // [SECTION] Quote marks -------------------------------------------------------------------------

  void PairMarks() {
    const uint32_t ns = uint32_t(ix_.sentences.size());
    // Paragraph token ranges in order.
    std::vector<std::pair<uint32_t, uint32_t>> paras;
    for (uint32_t s = 0; s < ns; ++s) {
      const Sentence& se = ix_.sentences[s];
      if (se.paragraph == ~0u) continue;
      if (!paras.empty() && ix_.sentences[s - 1].paragraph == se.paragraph) {
        paras.back().second = se.first_token + se.token_count;
      } else {
        paras.push_back({se.first_token, se.first_token + se.token_count});
      }
    }
    RawQuote cur;
    bool open = false;
    uint32_t part_start = 0;
    int spanned = 0;
    for (size_t pi = 0; pi < paras.size(); ++pi) {
      const uint32_t pb = paras[pi].first, pe = paras[pi].second;
      uint32_t k = pb;
      if (open) {  // continued from the previous paragraph, which ended without a close
        part_start = pb + 1;
        k = pb + 1;
      }
      while (k < pe) {
        if (!open) {
          if (ix_.IsOpenQuote(k)) {
            cur = RawQuote{};
            cur.open = k;
            open = true;
            spanned = 0;
            part_start = k + 1;
          }
          ++k;
          continue;
        }
        // AP copy closes a “ with two ’ (’’): one closing mark.
        const bool double_apostrophe = ix_.Text(k) == "\xE2\x80\x99" && k + 1 < pe &&
                                       ix_.Text(k + 1) == "\xE2\x80\x99" &&
                                       ix_.tokens[k + 1].span.begin == ix_.tokens[k].span.end;
        if (double_apostrophe || (ix_.IsCloseQuote(k) && !(ix_.Text(k) == "\"" && k == part_start))) {
          if (k > part_start) cur.parts.push_back({part_start, k});
          if (double_apostrophe) ++k;
          cur.close = k;
          if (!cur.parts.empty()) raw_.push_back(cur);
          open = false;
        }
        ++k;
      }
      if (!open) continue;
      // Unclosed at the paragraph end. A quote that runs on opens the next paragraph again.
      // (News style: a quote that runs to the end of its paragraph has no closing mark when
      // the next paragraph goes on quoting.)
      const bool next_opens = pi + 1 < paras.size() && ix_.IsOpenQuote(paras[pi + 1].first);
      if (next_opens && spanned < 5) {
        if (pe > part_start) cur.parts.push_back({part_start, pe});
        ++spanned;
        continue;
      }
      // Degrade: close at the end of the sentence where this part began, then rescan the rest
      // of the paragraph for other quotes.
      const uint32_t from = std::max(part_start, pb);
      const uint32_t stop = from < pe ? std::min(pe, SEnd(from)) : pe;
      if (stop > part_start) cur.parts.push_back({part_start, stop});
      if (!cur.parts.empty()) raw_.push_back(cur);
      open = false;
      for (uint32_t j = stop; j < pe; ++j) {
        if (!open && ix_.IsOpenQuote(j)) {
          cur = RawQuote{};
          cur.open = j;
          open = true;
          part_start = j + 1;
        } else if (open && ix_.IsCloseQuote(j) && j > part_start) {
          cur.parts.push_back({part_start, j});
          cur.close = j;
          raw_.push_back(cur);
          open = false;
        }
      }
      if (open) {  // a second stray mark: close at its sentence end
        const uint32_t s2 = part_start < pe ? std::min(pe, SEnd(part_start)) : pe;
        if (s2 > part_start) {
          cur.parts.push_back({part_start, s2});
          raw_.push_back(cur);
        }
        open = false;
      }
    }
    PairSingleMarks(paras);
    // Trim punctuation-only parts and drop empty quotes.
    std::vector<RawQuote> kept;
    for (RawQuote& q : raw_) {
      std::vector<std::pair<uint32_t, uint32_t>> parts;
      for (auto p : q.parts)
        if (WordCount(p.first, p.second) > 0) parts.push_back(p);
      q.parts = parts;
      if (!q.parts.empty()) kept.push_back(q);
    }
    raw_ = std::move(kept);
  }

  // Single marks: ‘…’ (and straight '…') quote too — in British style, and in headlines
  // everywhere. A mark opens when nothing is glued to its left and a word is glued to its right;
  // it closes at the next ’ glued to the word before it, in the same paragraph. Marks inside a
  // double-quoted quote are nested quotes and stay part of it. A ’ after a word ending in "s"
  // and before another word is a plural possessive ("the workers’ union"), not a close.
  bool SingleOpen(uint32_t k) const {
    const std::string_view t = ix_.Text(k);
    if (t != "\xE2\x80\x98" && t != "'") return false;
    const bool left_free = k == 0 || !ix_.Adjacent(k - 1, k) || ix_.Is(k - 1, "(") || ix_.IsDash(k - 1);
    return left_free && k + 1 < ix_.size() && ix_.Adjacent(k, k + 1) && ix_.tokens[k + 1].kind != Token::Kind::Punct;
  }
  bool SingleClose(uint32_t k, uint32_t end) const {
    const std::string_view t = ix_.Text(k);
    if (t != "\xE2\x80\x99" && t != "'") return false;
    if (k == 0 || !ix_.Adjacent(k - 1, k)) return false;
    if (k + 1 < end && ix_.Adjacent(k, k + 1) && ix_.IsWord(k + 1)) return false;
    const std::string_view before = ix_.L(k - 1);
    if (ix_.IsWord(k - 1) && !before.empty() && before.back() == 's' && k + 1 < end && ix_.IsWord(k + 1))
      return false;
    return true;
  }
  // Pairs single marks in [b, e) that are outside the quotes found so far; returns the pairs.
  void PairSingleIn(uint32_t b, uint32_t e, const std::vector<uint8_t>& inside, std::vector<RawQuote>* out) const {
    for (uint32_t k = b; k < e; ++k) {
      if (inside[k] || !SingleOpen(k)) continue;
      for (uint32_t j = k + 1; j < e && j < k + 60; ++j) {
        if (inside[j] || ix_.IsOpenQuote(j) || ix_.IsCloseQuote(j)) break;
        if (!SingleClose(j, e)) continue;
        if (j > k + 1 && WordCount(k + 1, j) > 0) {
          RawQuote q;
          q.open = k;
          q.close = j;
          q.parts.push_back({k + 1, j});
          out->push_back(q);
          k = j;
        }
        break;
      }
    }
  }
  void PairSingleMarks(const std::vector<std::pair<uint32_t, uint32_t>>& paras) {
    std::vector<uint8_t> inside(ix_.size(), 0);
    for (const RawQuote& q : raw_) {
      for (auto p : q.parts)
        for (uint32_t k = p.first; k < p.second; ++k) inside[k] = 1;
      inside[q.open] = 1;
      if (q.close != kNone) inside[q.close] = 1;
    }
    const size_t before = raw_.size();
    for (auto p : paras) PairSingleIn(p.first, p.second, inside, &raw_);
    if (raw_.size() == before) return;
    std::stable_sort(raw_.begin(), raw_.end(), [](const RawQuote& a, const RawQuote& b) { return a.open < b.open; });
  }

  // [SECTION] Speakers ------------------------------------------------------------------------------

  // The mention of entity `ent` that starts at `k`: its end token.
  uint32_t MentionEnd(uint32_t k) const {
    const int ent = Ent(k);
    uint32_t e = k;
    while (e < ix_.size() && Ent(e) == ent) ++e;
    return e;
  }

  Speaker FromEntity(int ent, Span span) const {
    Speaker s;
    s.found = true;
    s.entity = ent;
    s.text = er_.entities[ent].name;
    s.span = span;
    return s;
  }

  Speaker Phrase(uint32_t b, uint32_t e, int ent) {
    while (b < e && (ix_.LowerIs(b, "both") || ix_.LowerIs(b, "all"))) ++b;
    while (e > b && ix_.tokens[e - 1].kind == Token::Kind::Punct && !ix_.IsPossessive(e - 1)) --e;
    Speaker s;
    if (b >= e) return s;
    s.found = true;
    s.entity = ent;
    s.span = ix_.Range(b, e);
    s.text = std::string(ix_.Text(s.span));
    unnamed_.push_back(s.span);  // for "the official said" later
    if (ent < 0) s.entity = GroupFor(b, e);
    return s;
  }

  // "Analysts", "Rights campaigners", "Relief groups": a plural source with no name becomes a
  // GROUP entity (one per phrase), so the entity map can show who spoke.
  int GroupFor(uint32_t b, uint32_t e) {
    while (b < e && (ix_.LowerIn(b, {"the", "a", "an", "some", "many", "most", "several", "other", "his",
                                      "her", "their", "its", "our"})))
      ++b;
    if (b >= e || e - b > 4) return -1;
    const uint32_t head = e - 1;
    if (!ix_.IsWord(head) || !(ix_.C(head) & kCollective)) return -1;
    for (uint32_t k = b; k < e; ++k)
      if (!ix_.IsWord(k) || Ent(k) >= 0) return -1;
    std::string name(ix_.Text(ix_.Range(b, e)));
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = char(name[0] - 32);
    const std::string key = FoldKey(name);
    if (names_.empty())  // folded names of the entities, built on first use
      for (size_t i = 0; i < er_.folded_name.size(); ++i) names_[er_.folded_name[i]] = int(i);
    int ent = -1;
    auto known = names_.find(key);  // "the Federal Police" named before
    if (known != names_.end()) ent = known->second;
    if (ent < 0) {
      Entity g;
      g.name = name;
      g.type = EntityType::Group;
      er_.entities.push_back(std::move(g));
      er_.gender.push_back(Gender::Unknown);
      er_.gazetteer_place.push_back(-1);
      er_.folded_name.push_back(key);
      ent = int(er_.entities.size()) - 1;
      names_[key] = ent;
    }
    Mention m;
    m.span = ix_.Range(b, e);
    added_.push_back({ent, m});
    for (uint32_t k = b; k < e; ++k) er_.token_entity[k] = ent;
    return ent;
  }

  // Nearest earlier person for he / she (same sentence first, then back up to six sentences;
  // within a sentence the leftmost, which is usually the subject), an organisation for it / they.
  Speaker Pronoun(uint32_t k) {
    std::string_view w = ix_.L(k);
    const Gender g = PronounGender(w);
    const bool plural = IsPluralPronoun(w);
    const bool neuter = IsNeuterPronoun(w);
    if (!plural && !neuter && g == Gender::Unknown) return Speaker{};
    const uint32_t s0 = SOf(k);
    for (uint32_t back = 0; back <= 6 && back <= s0; ++back) {
      const uint32_t s = s0 - back;
      if (ix_.sentences[s].paragraph == ~0u) break;
      const uint32_t b = ix_.SentenceBegin(s);
      const uint32_t e = back == 0 ? k : ix_.SentenceEnd(s);
      // "Carlineo faces ten years. He was arrested for the call to Omar's office. During the call,
      // he asked …": a sentence whose subject is the same pronoun carries the referent on, so
      // the others named in it are passed over.
      if (back > 0 && !plural && !neuter && ix_.IsWord(b) && ix_.L(b) == w) continue;
      int best = -1;
      uint32_t best_tok = kNone;
      auto fits = [&](int ent) {
        const EntityType type = er_.entities[ent].type;
        if (plural || neuter)
          return type == EntityType::Org || type == EntityType::Group || (plural && type == EntityType::Place);
        if (type != EntityType::Person) return false;
        const Gender eg = er_.gender[ent];
        return eg == Gender::Unknown || eg == g;
      };
      // The source of a quote in that sentence comes first: "X's widow, Y, told …. “…,” she
      // said" is Y; "Oxfam said …. They said …" is Oxfam.
      for (auto it = out_.rbegin(); it != out_.rend() && best < 0; ++it) {
        if (it->sentence < s) break;
        // "Holm administration officials said …. They said …": the same unnamed source.
        if (plural && it->sentence == s && it->speaker_entity < 0 && !it->speaker.empty() &&
            it->extent.begin < ix_.tokens[k].span.begin && it->speaker[0] >= 'A' && it->speaker[0] <= 'Z' &&
            PluralPhrase(it->speaker)) {
          Speaker same;
          same.found = true;
          same.text = it->speaker;
          same.span = ix_.tokens[k].span;
          return same;
        }
        if (it->sentence == s && it->speaker_entity >= 0 && size_t(it->speaker_entity) < er_.entities.size() &&
            it->extent.begin < ix_.tokens[k].span.begin && fits(it->speaker_entity))
          best = it->speaker_entity;
      }
      for (uint32_t t = b; t < e && best < 0; ++t) {
        const int ent = Ent(t);
        if (ent < 0 || in_quote_[t] || !fits(ent)) continue;
        if (plural || neuter) {
          best = ent;  // the nearest for "they" / "it"
          best_tok = t;
          for (uint32_t u = t + 1; u < e; ++u)
            if (Ent(u) >= 0 && !in_quote_[u] && fits(Ent(u))) best = Ent(u);
          break;
        }
        best = ent;
        best_tok = t;
      }
      if (plural && best < 0 && back == 0) continue;
      if (best >= 0) {
        if (!plural && !neuter && er_.gender[best] == Gender::Unknown) er_.gender[best] = g;
        (void)best_tok;
        Speaker s = FromEntity(best, ix_.tokens[k].span);
        Mention m;
        m.span = ix_.tokens[k].span;
        m.form = Mention::Form::Pronoun;
        added_.push_back({best, m});
        return s;
      }
    }
    return Speaker{};
  }

  // The latest organisation named before token `k` whose name holds `head` ("the ministry" ->
  // Ministry of Energy), or any organisation when `head` is empty.
  // With `company`, a public body ("the U.S. National Highway Traffic Safety Administration")
  // is passed over: "the company" is a business.
  int RecentOrg(uint32_t k, const std::string& head, bool company = false) const {
    const uint32_t s0 = SOf(k);
    int best = -1;  // "the company" alone: the one the story has named most so far, then the latest
    // A head word can point far back ("the directorate"); "the company" alone, only nearby.
    const uint32_t window = head.empty() ? 8 : 60;
    for (uint32_t t = k; t-- > 0 && k - t < 3000;) {  // bounded: linear on any text
      if (s0 - SOf(t) > window) break;
      const int ent = Ent(t);
      if (ent < 0 || er_.entities[ent].type != EntityType::Org) continue;
      if (company && PublicBody(er_.entities[ent].name)) continue;
      if (head.empty()) {
        best = BetterOrg(best, ent, k);
        continue;
      }
      if (er_.folded_name[size_t(ent)].find(head) != std::string::npos) return ent;
    }
    return best;
  }
  // "56-year-old", "19-year-old".
  static bool AgeWord(std::string_view w) {
    size_t i = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    return i > 0 && i <= 3 && w.substr(i) == "-year-old";
  }
  // Of the people named in the three sentences before token `k`, the one the story has named
  // most so far (the latest on a tie), or -1: "sacked by X. The 56-year-old said" is the
  // story's subject, not X.
  int RecentPerson(uint32_t k) const {
    const uint32_t s0 = SOf(k);
    int best = -1;
    uint32_t best_n = 0;
    for (uint32_t t = k; t-- > 0 && k - t < 600;) {
      if (s0 - SOf(t) > 3) break;
      const int ent = Ent(t);
      if (ent < 0 || in_quote_[t] || er_.entities[ent].type != EntityType::Person || ent == best) continue;
      const uint32_t n = MentionsBefore(ent, k);
      if (best < 0 || n > best_n) {
        best = ent;
        best_n = n;
      }
    }
    return best;
  }
  // The latest organisation named in the last few sentences before token `k` whose name says
  // it is a body of members ("WeWorkers Coalition", "Teachers' Union"), or -1.
  int RecentMembership(uint32_t k) const {
    const uint32_t s0 = SOf(k);
    for (uint32_t t = k; t-- > 0 && k - t < 3000;) {
      if (s0 - SOf(t) > 8) break;
      const int ent = Ent(t);
      if (ent < 0 || er_.entities[ent].type != EntityType::Org) continue;
      bool members = false;
      ForEachKeyWord(er_.folded_name[size_t(ent)], [&](std::string_view w) {
        members = members || w == "coalition" || w == "alliance" || w == "movement" || w == "union" ||
                  w == "association" || w == "federation" || w == "campaign" || w == "network" ||
                  w == "front" || w == "collective";
      });
      if (members) return ent;
    }
    return -1;
  }
  // Of two organisations, the one named more often before token `k`; `a` (the later) on a tie.
  int BetterOrg(int a, int b, uint32_t k) const {
    if (a < 0) return b;
    if (a == b) return a;
    return MentionsBefore(b, k) > MentionsBefore(a, k) ? b : a;
  }
  uint32_t MentionsBefore(int ent, uint32_t k) const {
    const auto& ms = er_.entities[ent].mentions;
    const uint32_t at = ix_.tokens[k].span.begin;
    return uint32_t(std::lower_bound(ms.begin(), ms.end(), at,
                                     [](const Mention& m, uint32_t pos) { return m.span.begin < pos; }) -
                    ms.begin());
  }

  // "administration officials", "rescue workers": a phrase whose last word is a plural.
  static bool PluralPhrase(std::string_view text) {
    return text.size() > 3 && text.back() == 's' && text[text.size() - 2] != 's';
  }
  static bool IsNumberWord(std::string_view w) {
    return w == "one" || w == "two" || w == "three" || w == "four" || w == "five" || w == "six" ||
           w == "seven" || w == "eight" || w == "nine" || w == "ten";
  }

  // Nouns for a business: "the company", "the carmaker" (not "the agency", "the group").
  bool CommercialNoun(uint32_t k) const {
    return ix_.LowerIn(k, {"company", "firm", "utility", "refiner", "carrier", "airline", "lender", "insurer",
                           "miner", "producer", "retailer", "manufacturer", "conglomerate", "startup",
                           "carmaker", "automaker", "chipmaker", "drugmaker", "maker", "supplier"});
  }
  // A name whose words make it a public body: "Ministry of Trade", "Federal Aviation Administration".
  static bool PublicBody(std::string_view name) {
    size_t i = 0;
    while (i < name.size()) {
      while (i < name.size() && name[i] == ' ') ++i;
      size_t j = i;
      while (j < name.size() && name[j] != ' ') ++j;
      const std::string_view w = name.substr(i, j - i);
      if (w == "Ministry" || w == "Department" || w == "Agency" || w == "Commission" || w == "Administration" ||
          w == "Authority" || w == "Court" || w == "Tribunal" || w == "Parliament" || w == "Congress" ||
          w == "Senate" || w == "Assembly" || w == "Bureau" || w == "Government" || w == "Council" ||
          w == "Committee" || w == "Office" || w == "Police" || w == "Army")
        return true;
      i = j;
    }
    return false;
  }

  // Nouns that stand for whichever organisation was just named: "the company", "the group".
  bool GenericOrgNoun(uint32_t k) const {
    return ix_.LowerIn(k, {"company", "firm", "group", "utility", "refiner", "carrier", "airline",
                           "lender", "insurer", "miner", "operator", "producer", "retailer",
                           "manufacturer", "broadcaster", "giant", "conglomerate", "startup",
                           "agency", "organisation", "organization", "body", "charity", "watchdog",
                           "regulator", "alliance", "coalition", "movement", "club", "team",
                           "newspaper", "daily", "publisher", "network", "bank", "exchange"});
  }

  // "the U.S. technology group", "the Redmond, Washington-based company": a definite description
  // ending in an organisation noun, with places or adjectives before it, is the organisation
  // named last (one whose name holds the noun first: "the bank" -> the Central Bank).
  int DescribedOrg(uint32_t b, uint32_t e) const {
    if (!ix_.LowerIs(b, "the") || e - b < 3 || e - b > 7) return -1;
    const uint32_t head = e - 1;
    if (!Lower(head) || !(ix_.C(head) & kOrgNoun) || (ix_.C(head) & kHumanRole)) return -1;
    bool modifier_place = false;
    for (uint32_t k = b + 1; k < head; ++k) {
      if (ix_.IsPossessive(k) || ix_.IsOpenQuote(k) || (Lower(k) && (ix_.C(k) & (kStop | kAux)))) return -1;
      const int ent = Ent(k);
      if (ent >= 0 && er_.entities[ent].type != EntityType::Place) return -1;
      if (ent >= 0) modifier_place = true;
    }
    if (!modifier_place) return -1;  // "the central bank", "the state oil company": the usual path
    int org = RecentOrg(b, FoldKey(ix_.Text(head)));
    if (org < 0 && GenericOrgNoun(head)) org = RecentOrg(b, "");
    return org;
  }

  // Who is named in the noun phrase [b, e)?
  Speaker ResolveNP(uint32_t b, uint32_t e) {
    while (b < e && (ix_.LowerIs(b, "both") || ix_.LowerIs(b, "all") || ix_.Is(b, ","))) ++b;
    while (e > b && (ix_.tokens[e - 1].kind == Token::Kind::Punct && !ix_.IsPossessive(e - 1))) --e;
    if (b >= e) return Speaker{};
    if (e - b == 1 && (ix_.C(b) & kPronoun)) return Pronoun(b);
    // "one of them said": one of the unnamed sources just quoted.
    if (e - b == 3 && IsNumberWord(ix_.L(b)) && ix_.LowerIs(b + 1, "of") && ix_.LowerIn(b + 2, {"them", "those"})) {
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->sentence + 3 < SOf(b)) break;
        if (it->speaker.empty() || (it->speaker_entity >= 0 && size_t(it->speaker_entity) < er_.entities.size() &&
                                    er_.entities[it->speaker_entity].type == EntityType::Person))
          continue;
        Speaker s;
        s.found = true;
        s.entity = it->speaker_entity;
        s.text = it->speaker;
        s.span = ix_.Range(b, e);
        return s;
      }
      Speaker s;
      s.found = true;
      s.text = std::string(ix_.Text(ix_.Range(b, e)));
      s.span = ix_.Range(b, e);
      return s;
    }
    if (int org = DescribedOrg(b, e); org >= 0) return FromEntity(org, ix_.Range(b, e));
    // "The 56-year-old said": an age stands for the person the story is about just then.
    if (e - b == 2 && ix_.LowerIs(b, "the") && AgeWord(ix_.Text(b + 1)))
      if (int person = RecentPerson(b); person >= 0) return FromEntity(person, ix_.Range(b, e));
    // "Reports seen by Reuters suggest": the document speaks, not the one who saw it.
    for (uint32_t k = b; k + 1 < e; ++k)
      if (ix_.LowerIn(k, {"report", "reports", "documents", "document", "memo", "emails", "letter", "minutes",
                          "filings", "papers", "data", "figures", "records"}) &&
          ix_.LowerIn(k + 1, {"seen", "obtained", "reviewed", "released", "published", "compiled", "filed"}))
        return Phrase(b, e, -1);
    // A person named in the phrase, unless only as the owner of someone else ("Rojas's
    // spokesman Ivo Maric" is Maric; "Trump's lawyers" are the lawyers).
    bool modifier_person = false;
    for (uint32_t k = b; k < e; ++k) {
      const int ent = Ent(k);
      if (ent < 0 || er_.entities[ent].type != EntityType::Person) continue;
      const uint32_t me = MentionEnd(k);
      // "Da Silva's widow", "Rojas's spokesman": the possessor is not the one speaking.
      const bool owner = me < e && ix_.IsPossessive(me) && me + 1 < e && Lower(me + 1);
      // "Holm administration officials", "Trump campaign aides": a name as a modifier.
      const bool modifier = me + 1 < e && Lower(me) && (ix_.C(me) & (kGovNoun | kOrgNoun)) &&
                            (ix_.C(me + 1) & (kHumanRole | kCollective));
      modifier_person = modifier_person || modifier;
      if (!owner && !modifier) return FromEntity(ent, ix_.Range(k, me));
      k = me - 1;
    }
    if (modifier_person) return Phrase(b, e, -1);
    // Organisations and places.
    for (uint32_t k = b; k < e; ++k) {
      const int ent = Ent(k);
      if (ent < 0 || er_.entities[ent].type == EntityType::Person) continue;
      // "Ukraine-led forces", "Saudi-backed fighters": the name in a modifier is not the source.
      if (const size_t dash = ix_.Text(k).find('-'); dash != std::string_view::npos && MentionEnd(k) == k + 1 &&
          k + 1 < e && Lower(k + 1)) {
        const std::string_view rest = ix_.Text(k).substr(dash + 1);
        if (rest == "led" || rest == "backed" || rest == "allied" || rest == "aligned" || rest == "supported" ||
            rest == "sponsored" || rest == "run" || rest == "controlled")
          return Phrase(b, e, -1);
      }
      // "the Munich-based Ifo Institute": the place in a modifier is not the source.
      if (er_.entities[ent].type == EntityType::Place && ix_.Text(k).find('-') != std::string_view::npos) {
        bool named_head = false;
        for (uint32_t q = k + 1; q < e && !named_head; ++q)
          named_head = Ent(q) >= 0 && er_.entities[Ent(q)].type != EntityType::Place;
        if (named_head) continue;
      }
      uint32_t me = MentionEnd(k);
      uint32_t after = me;
      if (after < e && ix_.IsPossessive(after)) ++after;
      // "Ireland's Data Protection Commission": the owner is not the source.
      if (after > me && after < e && Ent(after) >= 0) {
        k = after - 1;
        continue;
      }
      // "Auto parts makers in Windsor, Ontario": people somewhere, not the place itself.
      if (er_.entities[ent].type == EntityType::Place && k > b + 1 &&
          ix_.LowerIn(k - 1, {"in", "from", "near", "across", "around", "outside", "of"}) && Lower(k - 2))
        return Phrase(b, e, -1);
      // "Analysts at Eurasia Group", "Observers from the African Union": people of the entity.
      for (uint32_t q = b; q < k; ++q)
        if (ix_.IsWord(q) && (ix_.C(q) & (kHumanRole | kCollective)) && !(ix_.C(q) & kTitle))
          return Phrase(b, e, ent);
      // Adjectives, then the head noun: "IAEA officials", "A senior Avanti official",
      // "The Chilean government", "the IAEA's regional director".
      uint32_t h = after;
      while (h < e && Lower(h) && !(ix_.C(h) & (kHumanRole | kCollective | kGovNoun | kOrgNoun)) &&
             !(ix_.C(h) & kStop) && h < after + 3)
        ++h;
      // "Kenya's finance ministry", "IAEA officials": the entity's people or body speak.
      if (h < e && Lower(h) && (ix_.C(h) & (kHumanRole | kCollective | kGovNoun)))
        return Phrase(b, e, ent);
      if (h < e && Lower(h) && (ix_.C(h) & kOrgNoun) && after > me && !ix_.LowerIs(h, "branch"))
        return Phrase(b, e, ent);
      // "Ankara and Athens": a pair of sources.
      if (after < e && ix_.LowerIs(after, "and") && Ent(after + 1) >= 0) return Phrase(b, e, ent);
      // "the Chilean branch of Oxfam": an adjective, then "of" and the real source.
      const bool demonym = ix_.Text(ix_.Range(k, me)) != er_.entities[ent].name && DemonymAt(k);
      if (demonym && after < e && Lower(after)) {
        k = me - 1;
        continue;
      }
      // "Many Nigerians": people of the country, not its government.
      if (demonym && ix_.Text(ix_.Range(k, me)).back() == 's') return Phrase(b, e, ent);
      if (k > b && Lower(k - 1) && (ix_.C(k - 1) & (kHumanRole | kCollective)) &&
          !ix_.LowerIs(k - 1, "of"))
        return Phrase(b, e, ent);
      return FromEntity(ent, ix_.Range(k, me));
    }
    // No name: an unnamed source ("analysts", "a senior official at the health ministry") or a
    // description of one named before ("the company", "the official").
    uint32_t head = kNone;
    for (uint32_t k = b; k < e; ++k)
      if (ix_.IsWord(k) && (ix_.C(k) & (kHumanRole | kCollective | kOrgNoun | kGovNoun))) {
        head = k;
        break;
      }
    if (head == kNone) {
      if (e - b <= 5 && ix_.Cap(b) && !(ix_.C(b) & kStop)) return Phrase(b, e, -1);
      // "an independent inquiry said", "the statement said", "a memo seen by Reuters said": a
      // document or a body that speaks through one.
      if (e - b <= 7)
        for (uint32_t k = b; k < e; ++k)
          if (Lower(k) && ix_.LowerIn(k, {"inquiry", "report", "statement", "study", "survey", "review", "memo",
                                          "document", "filing", "assessment", "investigation", "audit", "poll",
                                          "ruling", "judgment", "judgement", "letter", "notice", "communique",
                                          "guidance", "forecast", "minutes", "panel"}))
            return Phrase(b, e, -1);
      return Speaker{};
    }
    const bool definite = ix_.LowerIs(b, "the");
    if (definite && (ix_.C(head) & kOrgNoun) && !(ix_.C(head) & kHumanRole) && head + 1 >= e) {
      int org = RecentOrg(b, FoldKey(ix_.Text(head)));
      // "the company", "the firm": the organisation just named — but "the central bank" is
      // a body of its own.
      // ("the company", "the French utility", "the agency" — not "the central bank")
      const bool generic = head == b + 1 || (head == b + 2 && Ent(b + 1) >= 0);
      // "the group" after "WeWorkers Coalition": a body of members, before any company.
      if (org < 0 && generic && ix_.LowerIn(head, {"group", "coalition", "alliance", "movement", "union",
                                                   "association", "organisation", "organization"}))
        org = RecentMembership(b);
      if (org < 0 && generic && GenericOrgNoun(head)) org = RecentOrg(b, "", CommercialNoun(head));
      if (org >= 0) return FromEntity(org, ix_.Range(b, e));
    }
    if (definite && head + 1 >= e) {
      // "the official" after "a senior official at the health ministry".
      const std::string_view h = ix_.L(head);
      int looked = 0;
      std::string folded;
      for (auto it = unnamed_.rbegin(); it != unnamed_.rend() && looked < 32; ++it, ++looked) {
        folded.clear();
        AppendFoldKey(folded, ix_.Text(*it));
        if (folded.find(h) != std::string::npos) {
          Speaker s;
          s.found = true;
          s.text = std::string(ix_.Text(*it));
          s.span = ix_.Range(b, e);
          return s;
        }
      }
    }
    // The phrase may name an organisation in lowercase: "at the health ministry".
    int org = -1;
    for (uint32_t k = head + 1; k < e; ++k)
      if (ix_.IsWord(k) && (ix_.C(k) & kOrgHead)) org = RecentOrg(b, FoldKey(ix_.Text(k)));
    return Phrase(b, e, org);
  }

  // Clause start for the subject of the verb at `v`: after the last "; / , and / , but" boundary
  // (a participle cue — "stating", "telling" — takes the main clause's subject), then past any
  // introductory phrase ("In a statement,", "Asked on Monday whether …,").
  uint32_t ClauseStart(uint32_t v, bool participle) const {
    const uint32_t b = SBegin(v);
    // A dateline ("NAIROBI -- The IAEA said") is no part of the clause.
    uint32_t c = DatelineEnd(b, v);
    for (uint32_t k = c; k < v; ++k) {
      if (ix_.Is(k, ";")) c = k + 1;
      // "Others were more cautious: X of Y said …": a colon opens a clause with its own subject
      // (outside quotes: the cue is after it, so the colon does not introduce a quotation).
      if (ix_.Is(k, ":") && k > b && !in_quote_[k] && k + 1 < v && ix_.IsWord(k + 1)) c = k + 1;
      // A dash near the start, or a closing quote right before the source ("... ," she said),
      // starts the clause.
      if (ix_.IsDash(k) && k < b + 6) c = k + 1;
      if (ix_.IsCloseQuote(k)) {
        bool conj = false;
        for (uint32_t q = k + 1; q < v; ++q)
          if (ix_.LowerIs(q, "and") || ix_.LowerIs(q, "but")) conj = true;
        if (!conj) c = k + 1;
      }
      // ", whom Orbán described as …": the relative clause has its own subject.
      if ((ix_.LowerIs(k, "whom") || ix_.LowerIs(k, "which")) && k > b && ix_.Is(k - 1, ",")) {
        bool closed = false;
        for (uint32_t q = k + 1; q < v; ++q)
          if (ix_.Is(q, ",")) closed = true;
        if (!closed && k + 1 < v && !Verb(k + 1) && !(ix_.C(k + 1) & kAux)) c = k + 1;
      }
      // "…, a day after the U.S. technology group said …": a subordinate clause whose subject
      // runs straight to the verb.
      if (!participle && k + 1 < v &&
          ix_.LowerIn(k, {"after", "before", "because", "since", "when", "once", "until", "although",
                          "though", "while", "whereas", "unless", "that", "as"})) {
        // "…, as NASA's scientists have confirmed that …": auxiliaries right before the verb
        // are no part of the subject.
        uint32_t ve = v;
        while (ix_.LowerIs(k, "as") && ve > k + 2 && Lower(ve - 1) && (ix_.C(ve - 1) & kAux) && !ix_.LowerIn(ve - 1, {"who", "which", "that", "both"})) --ve;
        bool np = ve - k <= 9 && (!ix_.LowerIs(k, "as") || k == b || ix_.Is(k - 1, ","));  // "as" opens a clause only there
        for (uint32_t q = k + 1; q < ve && np; ++q)
          np = (ix_.IsWord(q) || ix_.IsPossessive(q) || ix_.Is(q, ".")) && !Verb(q) &&
               !(Lower(q) && (ix_.C(q) & (kAux | kLocPrep))) && !ix_.LowerIn(q, {"that", "of", "to", "on"});
        if (np) c = k + 1;
        // "… after Finance Minister X ruled out new borrowing and said …": a verb coordinated
        // with the subordinate clause's own verb shares its subject.
        if (!np && (ix_.LowerIs(v - 1, "and") || (ix_.LowerIs(v - 2, "and") && Lower(v - 1) && ix_.L(v - 1).size() > 2 &&
                                                   ix_.L(v - 1).substr(ix_.L(v - 1).size() - 2) == "ly"))) {
          uint32_t q = k + 1;
          if (ix_.LowerIn(q, {"the", "a", "an"})) ++q;
          const uint32_t name_b = q;
          while (q < v && (ix_.Cap(q) || ix_.IsPossessive(q) || (ix_.Is(q, ".") && q > name_b))) ++q;
          const std::string_view w = ix_.L(q);
          bool plain = q > name_b && q < v && Lower(q) && w.size() > 3 && w.substr(w.size() - 2) == "ed";
          for (uint32_t t = q; t < v && plain; ++t)
            plain = !ix_.Is(t, ";") && !ix_.IsOpenQuote(t) && !(ix_.Is(t, ",") && ix_.LowerIs(t + 1, "and"));
          if (plain) c = k + 1;
        }
      }
      if (participle) continue;
      if ((ix_.LowerIs(k, "and") || ix_.LowerIs(k, "but") || ix_.LowerIs(k, "while") ||
           ix_.LowerIs(k, "whereas") || ix_.LowerIs(k, "though") || ix_.LowerIs(k, "although")) &&
          k > b && ix_.Is(k - 1, ",") && k + 1 < v && !Verb(k + 1) && !(ix_.C(k + 1) & kAux))
        c = k + 1;
    }
    for (int guard = 0; guard < 3 && c < v; ++guard) {
      std::string_view w = ix_.L(c);
      // "But the company said", "And officials say": a conjunction opening the sentence.
      if (c + 1 < v && ix_.IsWord(c + 1) && !ix_.Is(c + 1, ",") &&
          ix_.LowerIn(c, {"but", "and", "yet", "so", "still", "meanwhile"})) {
        ++c;
        continue;
      }
      // "Last week State Department official X revealed …", "On Monday the ministry said":
      // a time phrase with no comma before the subject.
      if (const uint32_t t = TimePhraseEnd(c, v); t > c) {
        c = t;
        continue;
      }
      const bool intro =
          ((ix_.C(c) & kStop) && !(ix_.C(c) & kPronoun) && w != "the" && w != "a" &&
           w != "an" && w != "both" && w != "all" && w != "some" && w != "many" && w != "most" &&
           w != "this" && w != "these" && w != "those" && w != "each" && w != "several" &&
           !IsNumberWord(w)) ||
          (ix_.Cap(c) && w.size() > 4 &&
           (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed"));
      if (!intro) break;
      uint32_t comma = kNone;
      for (uint32_t k = c + 1; k < v; ++k)
        if (ix_.Is(k, ",")) {
          comma = k;
          break;
        }
      if (comma == kNone) break;
      c = comma + 1;
    }
    return c;
  }

  // "last week", "earlier this month", "on Monday", "this year", "yesterday" at token `k`,
  // followed by more words before `v`: the token after it, or `k`.
  uint32_t TimePhraseEnd(uint32_t k, uint32_t v) const {
    auto time_word = [&](uint32_t t) { return t < v && (ix_.C(t) & (kTimeWord | kDay | kMonth)); };
    uint32_t t = k;
    if (ix_.LowerIn(t, {"earlier", "later"}) && ix_.LowerIs(t + 1, "this")) ++t;
    if (ix_.LowerIn(t, {"last", "this", "next", "on", "earlier", "late"}) && time_word(t + 1))
      t += 2;
    else if (ix_.LowerIn(t, {"yesterday", "today"}))
      t += 1;
    else
      return k;
    if (t < v && (ix_.C(t) & kDay)) ++t;  // "on Monday", "last Monday night"
    if (t < v && ix_.LowerIn(t, {"morning", "afternoon", "evening", "night"})) ++t;
    // Something must still stand between the phrase and the verb, and start a noun phrase.
    if (t + 1 >= v || !ix_.IsWord(t) || (Lower(t) && (ix_.C(t) & (kAux | kPronoun)) && !ix_.LowerIn(t, {"he", "she", "they"})))
      return k;
    return t;
  }

  Speaker SubjectOf(uint32_t v) {
    const SpeechVerb* sv = Verb(v);
    const bool participle = sv && sv->participle;
    // "… environmental groups who say …": the noun phrase before the relative pronoun.
    uint32_t r = v;
    while (r > SBegin(v) && Lower(r - 1) && (ix_.C(r - 1) & kAux) && !ix_.LowerIn(r - 1, {"who", "that", "which"})) --r;
    if (r > SBegin(v) + 1 && ix_.LowerIn(r - 1, {"who", "that", "which"}) && !ix_.Is(r - 2, ",")) {
      uint32_t nb = r - 1;
      while (nb > SBegin(v) && r - 1 - nb < 5 && ix_.IsWord(nb - 1) &&
             !ix_.LowerIn(nb - 1, {"from", "of", "by", "with", "to", "in", "on", "at", "for", "and", "but"}) &&
             !Verb(nb - 1))
        --nb;
      Speaker s = ResolveNP(nb, r - 1);
      if (s.found) return s;
    }
    // "… were denied by officials, who called them …": the antecedent before ", who".
    if (r > SBegin(v) + 2 && ix_.LowerIs(r - 1, "who") && ix_.Is(r - 2, ",")) {
      const uint32_t ne = r - 2;
      uint32_t nb = ne;
      while (nb > SBegin(v) && ne - nb < 6 && ix_.IsWord(nb - 1) &&
             !ix_.LowerIn(nb - 1, {"by", "from", "of", "with", "to", "in", "on", "at", "for", "and", "but"}) &&
             !Verb(nb - 1) && !(Lower(nb - 1) && (ix_.C(nb - 1) & kAux)))
        --nb;
      Speaker s = ResolveNP(nb, ne);
      if (s.found) return s;
    }
    // "… pressure on the Redmond, Washington-based company, which said …": a description of
    // an organisation before ", which" (commas only between capitalised words).
    if (r > SBegin(v) + 2 && ix_.LowerIs(r - 1, "which") && ix_.Is(r - 2, ",")) {
      const uint32_t ne = r - 2;
      uint32_t nb = ne;
      while (nb > SBegin(v) && ne - nb < 8) {
        const uint32_t p = nb - 1;
        if (ix_.Is(p, ",") && p > SBegin(v) && ix_.Cap(p - 1) && nb < ne && ix_.Cap(nb)) {
          nb = p;
          continue;
        }
        if (!ix_.IsWord(p) || Verb(p) || (Lower(p) && (ix_.C(p) & (kAux | kLocPrep)))) break;
        nb = p;
        if (ix_.LowerIn(p, {"the", "a", "an"})) break;
        if (Lower(p) && (ix_.C(p) & kStop)) {
          ++nb;
          break;
        }
      }
      if (int org = DescribedOrg(nb, ne); org >= 0) return FromEntity(org, ix_.Range(nb, ne));
    }
    // "… led the French manufacturer to announce it would …": after a verb that makes someone
    // act, the infinitive's subject is that verb's object.
    if (v > SBegin(v) + 3 && ix_.LowerIs(v - 1, "to")) {
      auto makes_act = [&](uint32_t t) {
        return ix_.LowerIn(t, {"led", "prompted", "forced", "pushed", "compelled", "pressed", "caused",
                               "encouraged", "persuaded", "invited", "allowed"});
      };
      uint32_t nb = v - 1;
      while (nb > SBegin(v) && v - 1 - nb < 6 && (ix_.IsWord(nb - 1) || ix_.IsPossessive(nb - 1)) && !makes_act(nb - 1))
        --nb;
      if (nb > SBegin(v) && nb < v - 1 && makes_act(nb - 1)) {
        Speaker s = ResolveNP(nb, v - 1);
        if (s.found) return s;
      }
    }
    const uint32_t c = ClauseStart(v, participle);
    // "In a Tumblr post at the time she described …": a subject pronoun right before the verb
    // is its subject, whatever phrase opens the clause.
    if (v > c + 1 && !participle && ix_.LowerIn(v - 1, {"he", "she", "they"}) && ix_.IsWord(c) && (ix_.C(c) & kStop) &&
        !(ix_.C(c) & kPronoun))
      return ResolveNP(v - 1, v);
    // The noun phrase: up to a comma, an auxiliary, a relative pronoun or the verb.
    uint32_t e = c;
    while (e < v) {
      if (ix_.Is(e, ",") || ix_.Is(e, "(") || ix_.Is(e, ";") || ix_.IsDash(e) || ix_.IsOpenQuote(e)) break;
      if (Lower(e) && (ix_.C(e) & kAux) && !ix_.LowerIs(e, "both")) break;
      if (IsCue(e, true) && e > c) break;
      // "Economists welcomed the move but cautioned": a past-tense verb after the head noun.
      if (e > c && Lower(e) && ix_.L(e).size() > 4 && ix_.L(e).substr(ix_.L(e).size() - 2) == "ed" &&
          (ix_.Cap(e - 1) || (Lower(e - 1) && (ix_.C(e - 1) & (kHumanRole | kCollective | kOrgNoun)))))
        break;
      ++e;
    }
    Speaker s = ResolveNP(c, e);
    // Apposition: "Vantora's chief executive, Jonas Berg, told ..." names the person after
    // the comma.
    if (ix_.Is(e, ",") && (s.entity < 0 || er_.entities[s.entity].type != EntityType::Person)) {
      uint32_t k = e + 1;
      while (k < v && (ix_.C(k) & kHonorific) && Ent(k) < 0) k += ix_.Is(k + 1, ".") ? 2 : 1;
      const int ent = Ent(k);
      // "The group that owns her music, Big Machine, says": a body named after its description.
      // ("The group, WeWorkers Coalition, said": the name, not the company "the group" would be.)
      const bool described = e - c <= 3 && ix_.LowerIs(c, "the");
      const bool org_named = ent >= 0 && (s.entity < 0 || described) && er_.entities[ent].type == EntityType::Org;
      if (ent >= 0 && (er_.entities[ent].type == EntityType::Person || org_named)) {
        const uint32_t me = MentionEnd(k);
        if (ix_.Is(me, ",") || me == v) return FromEntity(ent, ix_.Range(k, me));
      }
    }
    return s;
  }

  // [SECTION] Direct quotes -----------------------------------------------------------------------

  uint32_t FirstTok(const RawQuote& q) const { return q.parts.front().first; }
  uint32_t LastTok(const RawQuote& q) const { return q.parts.back().second; }

  // "“…,” said X" / "“…,” X said": returns the cue token or kNone.
  uint32_t AttributionAfter(const RawQuote& q, Speaker* sp) {
    if (q.close == kNone) return kNone;
    const uint32_t e = SEnd(q.close);
    uint32_t k = q.close + 1;
    // A quote ends its clause before its source: "“…,” said X" / "“…?” she asked". A fragment
    // running on into the sentence ("the “grand bargain” promised by …") has no source after.
    const uint32_t last = LastTok(q) - 1;
    const bool closes_clause = ix_.Is(last, ",") || ix_.Is(last, ".") || ix_.Is(last, "?") ||
                               ix_.Is(last, "!") || ix_.Is(last, "\xE2\x80\xA6") || ix_.Is(last, "...") ||
                               ix_.Is(k, ",") || ix_.IsDash(k);
    if (!closes_clause) return kNone;
    if (k < e && ix_.Is(k, ",")) ++k;
    if (k >= e || ix_.IsOpenQuote(k)) return kNone;
    if (IsCue(k, false)) {
      // "said the official" / "said a spokesman for the ministry" / "said Dr. X, the bank's
      // governor": the source runs to a comma or a preposition that does not belong to it.
      uint32_t ne = k + 1;
      while (ne < e) {
        if (ix_.tokens[ne].kind == Token::Kind::Punct && !ix_.IsPossessive(ne) &&
            !(ix_.Is(ne, ".") && ne + 1 < e))
          break;
        if (Lower(ne) && ix_.LowerIn(ne, {"in", "on", "at", "during", "after", "before", "to", "when",
                                           "while", "as", "from", "with", "for", "by", "about", "of",
                                           "following", "over", "and", "but", "adding", "who"})) {
          const bool role_pp = ne > k + 1 && Lower(ne - 1) && (ix_.C(ne - 1) & kHumanRole) &&
                               ix_.LowerIn(ne, {"at", "for", "of", "with", "in"});
          if (!role_pp) break;
        }
        ++ne;
      }
      *sp = ResolveNP(k + 1, ne);
      // "said its director, Jean Dupont": the apposition names the person.
      if (ix_.Is(ne, ",") && (sp->entity < 0 || er_.entities[sp->entity].type != EntityType::Person)) {
        uint32_t q = ne + 1;
        while (q < e && (ix_.C(q) & kHonorific) && Ent(q) < 0) q += ix_.Is(q + 1, ".") ? 2 : 1;
        const int ent = Ent(q);
        if (ent >= 0 && er_.entities[ent].type == EntityType::Person) *sp = FromEntity(ent, ix_.Range(q, MentionEnd(q)));
      }
      if (!sp->found) *sp = SubjectOf(k);
      return k;
    }
    for (uint32_t v = k; v < e && v < k + 24; ++v) {
      if (ix_.IsOpenQuote(v) || ix_.Is(v, ";")) break;
      if (IsCue(v, false) && v > k) {
        uint32_t ne = v;
        while (ne > k && Lower(ne - 1) && (ix_.C(ne - 1) & kAux)) --ne;
        *sp = ResolveNP(k, ne);
        return sp->found ? v : kNone;
      }
    }
    return kNone;
  }

  // "X said: “…”", "…, stating, “…”", "X called the contract “…”": the nearest cue before the
  // opening mark in its sentence.
  uint32_t AttributionBefore(const RawQuote& q, Speaker* sp, bool* complement) {
    const uint32_t open = q.open;
    const uint32_t b = SBegin(open);
    if (open <= b) return kNone;
    const bool short_quote = WordCount(FirstTok(q), LastTok(q)) <= 12 && q.parts.size() == 1;
    for (uint32_t v = open; v-- > b;) {
      if (open - v > 45) return kNone;
      if (in_quote_[v]) {  // an earlier fragment in the same sentence: look past it
        if (!short_quote) return kNone;
        continue;
      }
      if (!IsCue(v, short_quote)) continue;
      *complement = true;  // the quote is the verb's own complement: no reported clause
      for (uint32_t k = v + 1; k < open; ++k)
        if (ix_.LowerIs(k, "that") || (ix_.IsWord(k) && !(ix_.Is(open - 1, ":") || ix_.Is(open - 1, ","))))
          *complement = false;
      *sp = SubjectOf(v);
      return v;
    }
    return kNone;
  }

  void Direct(size_t qi) {
    const RawQuote& q = raw_[qi];
    if (q.open > 0 && ix_.LowerIs(q.open - 1, "so-called")) return;  // a scare quote, by its own word
    Speaker sp;
    uint32_t cue = kNone;
    bool after = false, complement = false;
    const uint32_t open_s = SOf(q.open);
    const bool starts_sentence = q.open == ix_.SentenceBegin(open_s);
    if (!starts_sentence) cue = AttributionBefore(q, &sp, &complement);
    if (cue == kNone) {
      sp = Speaker{};
      cue = AttributionAfter(q, &sp);
      after = cue != kNone;
    }
    // "the prison, dubbed the “Hanoi Hilton” by servicemen held there": a passive naming word
    // gives the thing a name; the subject of the sentence said nothing.
    if (cue != kNone && !after && Verb(cue)->cls == CueClass::Embedded && q.close != kNone &&
        ix_.LowerIs(q.close + 1, "by"))
      return;
    const uint32_t close_s = q.close != kNone ? SOf(q.close) : SOf(LastTok(q) - 1);
    // “A,” she said, “B.”: the same cue twice is one split quote.
    if (cue != kNone && !after && cue == last_direct_cue_ && last_direct_ >= 0 && last_attrib_after_) {
      Merge(q);
      return;
    }
    if (cue == kNone) {
      // “A,” she said. “B.”: a quote that opens the next sentence continues the last one.
      if (starts_sentence && last_direct_ >= 0 && last_attrib_after_ &&
          open_s == last_direct_sentence_ + 1 &&
          ix_.sentences[open_s].paragraph == ix_.sentences[last_direct_sentence_].paragraph) {
        Merge(q);
        last_direct_sentence_ = close_s;
        last_attrib_after_ = false;
        return;
      }
      // A whole sentence in quotes with no cue: the last speaker, if recent.
      if (starts_sentence && WordCount(FirstTok(q), LastTok(q)) >= 4 && last_direct_ >= 0 &&
          ix_.sentences[open_s].paragraph <= ix_.sentences[last_direct_sentence_].paragraph + 1) {
        sp = SourceOf(out_[last_direct_], Span{});
      } else if (!(starts_sentence && WordCount(FirstTok(q), LastTok(q)) >= 6)) {
        fragments_.push_back(qi);  // a scare quote, unless reported speech around it has a source
        return;
      }
    }
    // A quote that runs on over paragraphs is one quote per paragraph, as readers and
    // annotators count them, each with the source and cue found for the whole.
    for (size_t pi = 0; pi < q.parts.size(); ++pi) {
      const auto p = q.parts[pi];
      const bool last = pi + 1 == q.parts.size();
      Quote out;
      out.kind = QuoteKind::Direct;
      out.parts.push_back(ix_.Range(p.first, p.second));
      const uint32_t open = pi == 0 ? q.open : p.first - 1;  // each paragraph reopens the mark
      out.extent = Span{ix_.tokens[open].span.begin,
                        last && q.close != kNone ? ix_.tokens[q.close].span.end : out.parts.back().end};
      if (cue != kNone) out.cue = ix_.tokens[cue].span;
      out.speaker_span = sp.span;
      out.speaker_entity = sp.entity;
      out.speaker = sp.text;
      out.sentence = SOf(open);
      out_.push_back(std::move(out));
    }
    if (cue != kNone && (after || complement)) used_[cue] = 1;
    last_direct_ = int(out_.size()) - 1;
    last_direct_cue_ = cue;
    last_attrib_after_ = after;
    last_direct_sentence_ = close_s;
  }

  // "X, according to the White House, made a trip for a “quick exam and labs”": a quoted
  // fragment with no cue of its own, inside reported speech found since out_[first], is the
  // words of that speech's source.
  void QuotedInReported(size_t first) {
    for (size_t qi : fragments_) {
      const RawQuote& q = raw_[qi];
      if (q.close == kNone) continue;
      const Span at{ix_.tokens[q.open].span.begin, ix_.tokens[q.close].span.end};
      for (size_t i = first; i < out_.size(); ++i) {
        const Quote& r = out_[i];
        if (r.kind != QuoteKind::Indirect || !(r.extent.begin <= at.begin && at.end <= r.extent.end) || r.speaker.empty()) continue;
        Quote out;
        out.kind = QuoteKind::Direct;
        for (auto p : q.parts) out.parts.push_back(ix_.Range(p.first, p.second));
        out.extent = at;
        out.speaker_span = r.speaker_span;
        out.speaker_entity = r.speaker_entity;
        out.speaker = r.speaker;
        out.cue = r.cue;
        out.sentence = SOf(q.open);
        out_.push_back(std::move(out));
        break;
      }
    }
  }

  // Tokens [lo, hi) inside the byte span `s`.
  std::pair<uint32_t, uint32_t> TokensIn(Span s) const {
    auto lo = std::lower_bound(ix_.tokens.begin(), ix_.tokens.end(), s.begin,
                               [](const Token& t, uint32_t at) { return t.span.begin < at; });
    auto hi = lo;
    while (hi != ix_.tokens.end() && hi->span.end <= s.end) ++hi;
    return {uint32_t(lo - ix_.tokens.begin()), uint32_t(hi - ix_.tokens.begin())};
  }

  // Headline quotes: a quote in the headline repeats one of the story ("Governor Says Easing
  // ‘Not Yet Over’" — “not yet over,” she said), so its source is that quote's. One that repeats
  // none is kept only after a colon or a speech verb ("…: ‘Partners Do Not Behave Like This’"),
  // with no source; anything else is a scare quote.
  void HeadlineQuotes() {
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s) {
      if (ix_.sentences[s].paragraph != ~0u) continue;
      const uint32_t b = ix_.SentenceBegin(s), e = ix_.SentenceEnd(s);
      std::vector<RawQuote> found;
      for (uint32_t k = b; k < e; ++k) {
        if (!ix_.IsOpenQuote(k)) continue;
        for (uint32_t j = k + 1; j < e; ++j)
          if (ix_.IsCloseQuote(j)) {
            if (WordCount(k + 1, j) > 0) found.push_back(RawQuote{k, j, {{k + 1, j}}});
            k = j;
            break;
          }
      }
      std::vector<uint8_t> inside(e, 0);
      for (const RawQuote& q : found)
        for (uint32_t k = q.open; k <= q.close; ++k) inside[k] = 1;
      PairSingleIn(b, e, inside, &found);
      for (const RawQuote& q : found) HeadlineQuote(q);
    }
  }
  void HeadlineQuote(const RawQuote& q) {
    std::vector<std::string_view> words;
    for (uint32_t k = q.parts[0].first; k < q.parts[0].second; ++k)
      if (ix_.IsWord(k) || ix_.tokens[k].kind == Token::Kind::Number) words.push_back(ix_.F(k));
    if (words.empty()) return;
    const Quote* source = nullptr;
    const size_t body = out_.size();
    for (size_t i = 0; i < body && !source; ++i) {
      const Quote& bq = out_[i];
      if (bq.kind != QuoteKind::Direct) continue;
      std::vector<std::string_view> have;
      for (Span part : bq.parts) {
        auto r = TokensIn(part);
        for (uint32_t k = r.first; k < r.second; ++k) have.push_back(ix_.F(k));
      }
      size_t hit = 0;
      for (std::string_view w : words)
        if (std::find(have.begin(), have.end(), w) != have.end()) ++hit;
      if (hit * 5 >= words.size() * 4 && (words.size() >= 2 || have.size() <= 2)) source = &bq;
    }
    uint32_t cue = kNone;
    for (uint32_t k = q.open; k-- > SBegin(q.open) && q.open - k <= 3;) {
      const SpeechVerb* v = ix_.IsWord(k) ? FindSpeechVerb(ix_.L(k)) : nullptr;
      if (v && v->cls != CueClass::Embedded) {
        cue = k;
        break;
      }
    }
    const bool colon = q.open > SBegin(q.open) && ix_.Is(q.open - 1, ":");
    if (!source && cue == kNone && !colon) return;
    Quote out;
    out.kind = QuoteKind::Direct;
    out.parts.push_back(ix_.Range(q.parts[0].first, q.parts[0].second));
    out.extent = Span{ix_.tokens[q.open].span.begin, ix_.tokens[q.close].span.end};
    if (cue != kNone) out.cue = ix_.tokens[cue].span;
    else if (colon) out.cue = ix_.tokens[q.open - 1].span;
    if (source) {
      out.speaker_entity = source->speaker_entity;
      out.speaker = source->speaker;
    }
    out.sentence = SOf(q.open);
    out_.push_back(std::move(out));
  }

  void Merge(const RawQuote& q) {
    Quote& prev = out_[last_direct_];
    for (auto p : q.parts) prev.parts.push_back(ix_.Range(p.first, p.second));
    prev.extent.end = q.close != kNone ? ix_.tokens[q.close].span.end : prev.parts.back().end;
  }

  // [SECTION] Reported speech ---------------------------------------------------------------------

  // Skips time and manner adverbials after a verb: "on Monday", "in a statement", ", however,",
  // "last week", "also". Returns the first token of what follows.
  static bool IsAdverb(std::string_view w) {
    return w == "however" || w == "also" || w == "again" || w == "repeatedly" || w == "publicly" ||
           w == "privately" || w == "separately" || w == "previously" || w == "earlier" ||
           w == "yesterday" || w == "today" || w == "recently" || w == "then" || w == "later" ||
           w == "too" || w == "once" || w == "flatly" || w == "firmly" || w == "repeatedly" ||
           w == "now" || w == "still" || w == "further";
  }
  static bool IsAdverbialPrep(std::string_view w) {
    return w == "on" || w == "in" || w == "at" || w == "during" || w == "last" || w == "this" ||
           w == "late" || w == "early" || w == "after" || w == "via" || w == "through" || w == "over";
  }

  // Skips time and manner adverbials after a verb: "on Monday", "in a statement", ", however,",
  // "last week", "also". Returns the first token of what follows — a comma there means the verb
  // has no clause of its own ("officials said on Thursday, as rivers burst …").
  uint32_t SkipAdverbials(uint32_t k, uint32_t e) const {
    for (int guard = 0; guard < 6 && k < e; ++guard) {
      std::string_view w = ix_.L(k);
      if (ix_.Is(k, ",")) {
        const uint32_t n = k + 1;
        if (n < e && (IsAdverb(ix_.L(n)) || ix_.LowerIs(n, "that") ||
                      (IsAdverbialPrep(ix_.L(n)) && PhraseThenThat(n, e)))) {
          k = n;
          continue;
        }
        break;
      }
      // "said Thursday, …", "said Monday night": a bare day or time word.
      if (IsAdverb(w) || ((ix_.C(k) & (kDay | kTimeWord)) && !ix_.LowerIs(k + 1, "that"))) {
        ++k;
        continue;
      }
      // "announced Nov. 18 that", "said March 3 it would": a date.
      if ((ix_.C(k) & kMonth) && !(w == "may" && !ix_.Cap(k))) {
        uint32_t j = k + 1;
        if (j < e && ix_.Is(j, ".")) ++j;
        if (j < e && ix_.tokens[j].kind == Token::Kind::Number) {
          k = j + 1;
          if (k < e && ix_.Is(k, ",") && k + 1 < e && ix_.tokens[k + 1].kind == Token::Kind::Number) k += 2;  // ", 2019"
          continue;
        }
      }
      // "at least 14 …", "at most one …": a quantity opens the clause.
      if (w == "at" && ix_.LowerIn(k + 1, {"least", "most"})) break;
      if (IsAdverbialPrep(w)) {
        // "said in a note to clients they expected …": a phrase, then the clause's subject.
        for (uint32_t j = k + 1; j < e && j < k + 7; ++j) {
          if (ix_.Is(j, ",") || ix_.IsOpenQuote(j) || ix_.LowerIs(j, "that")) break;
          if (ix_.LowerIn(j, {"he", "she", "they", "we", "it"}) && j > k + 1) return j;
        }
        uint32_t j = k + 1;
        while (j < e && j < k + 8 && !ix_.LowerIs(j, "that") && !ix_.Is(j, ",") && !ix_.IsOpenQuote(j)) ++j;
        if (j < e && (j < k + 6 || ix_.LowerIs(j, "that")) && (ix_.LowerIs(j, "that") || ix_.Is(j, ","))) {
          k = j;
          continue;
        }
        if (j == e && j < k + 6) return e;  // "…, the agency noted in its assessment."
        // "…, the company said in a filing with the Ministry of Land, Infrastructure and
        // Transport (MLIT).": a longer phrase that runs to the end with no clause in it.
        if (e - k <= 40) {
          bool clause = false;
          for (uint32_t q = k + 1; q < e && !clause; ++q)
            clause = ix_.LowerIs(q, "that") || ix_.IsOpenQuote(q) || Verb(q) || ix_.Is(q, ";") ||
                     (Lower(q) && (ix_.C(q) & (kAux | kPronoun)) && !ix_.LowerIn(q, {"its", "his", "her", "their", "our"}));
          if (!clause) return e;
        }
        if (k + 1 < e && (ix_.C(k + 1) & (kDay | kTimeWord | kMonth))) {
          k += 2;
          continue;
        }
      }
      break;
    }
    return k;
  }
  // ", in a statement, that": a short phrase closed by a comma and "that".
  bool PhraseThenThat(uint32_t k, uint32_t e) const {
    for (uint32_t j = k + 1; j < e && j < k + 6; ++j)
      if (ix_.Is(j, ",")) return ix_.LowerIs(j + 1, "that");
    return false;
  }

  // Where a story's dateline ends: "ROME (Reuters) — ", "SAN JOSE, California, Oct 3 (Reuters)
  // - ": capitalised words and numbers up to a dash near a sentence's start (a longer run only
  // where the sentence opens its paragraph, as datelines do). The token after the dash, or `b`.
  uint32_t DatelineEnd(uint32_t b, uint32_t limit) const {
    const uint32_t reach = (ix_.tokens[b].flags & Token::kParagraphStart) ? 16 : 8;
    for (uint32_t k = b; k < limit && k < b + reach; ++k) {
      if (!ix_.IsDash(k)) continue;
      for (uint32_t q = b; q < k; ++q)
        if (ix_.IsWord(q) && !ix_.AllCaps(q) && !ix_.Cap(q)) return b;
      return k + 1;
    }
    return b;
  }

  // The sentence's first token after a dateline or an opening mark.
  uint32_t ContentStart(uint32_t b, uint32_t limit) const {
    b = DatelineEnd(b, limit);
    while (b < limit && ix_.tokens[b].kind == Token::Kind::Punct) ++b;
    return b;
  }

  // End of a reported clause starting at `b` in a sentence ending at `e`.
  uint32_t ClauseEnd(uint32_t b, uint32_t e) const {
    while (e > b && (ix_.Is(e - 1, ".") || ix_.Is(e - 1, "!") || ix_.Is(e - 1, "?"))) --e;
    for (uint32_t k = b + 1; k < e; ++k) {
      if (ix_.Is(k, ",")) {
        const SpeechVerb* v = Verb(k + 1);
        if (v && v->participle && v->cls != CueClass::Embedded) return k;
        // ", though the group warned that …": another source takes over.
        std::string_view c = ix_.L(k + 1);
        if (c == "and" || c == "but" || c == "though" || c == "although" || c == "while" ||
            c == "whereas") {
          for (uint32_t q = k + 2; q < e && q < k + 12; ++q) {
            if (ix_.Is(q, ",") || ix_.IsOpenQuote(q)) break;
            if (IsCue(q, false) && !Verb(q)->participle) return k;
          }
        }
        if (ix_.LowerIs(k + 1, "according") && ix_.LowerIs(k + 2, "to")) return k;
        // ", and in a statement on Friday the IMF called …": a new clause opened by a phrase.
        if ((c == "and" || c == "but") && ix_.LowerIn(k + 2, {"in", "on", "at", "during", "after", "later"}))
          for (uint32_t q = k + 3; q < e && q < k + 12 && !ix_.Is(q, ","); ++q) {
            const bool subject = Ent(q) >= 0 || (Lower(q) && (ix_.C(q) & kPronoun) && !ix_.LowerIn(q, {"its", "their", "his", "her"}));
            if (!subject) continue;
            const uint32_t after = Ent(q) >= 0 ? MentionEnd(q) : q + 1;
            if (after < e && Lower(after) && !(ix_.C(after) & (kStop | kLocPrep))) return k;
          }
        // "…, but he gave no details": the narrator goes on about the source, in the past tense.
        if ((c == "and" || c == "but") && ix_.LowerIn(k + 2, {"he", "she", "they"}) && k + 3 < e && Lower(k + 3)) {
          const std::string_view w = ix_.L(k + 3);
          if ((w.size() > 4 && w.substr(w.size() - 2) == "ed") ||
              ix_.LowerIn(k + 3, {"gave", "made", "took", "did", "left", "went", "met", "spoke", "told", "said"}))
            return k;
        }
        // ", where …" after a place closes the reported part.
        if (ix_.LowerIs(k + 1, "where") && Ent(k - 1) >= 0) return k;
      }
      if ((ix_.LowerIs(k, "and") || ix_.LowerIs(k, "but")) && k > b && ix_.IsCloseQuote(k - 1) && Lower(k + 1) &&
          ix_.L(k + 1).size() > 4 && ix_.L(k + 1).substr(ix_.L(k + 1).size() - 2) == "ed")
        return k;  // '… "a disaster" and accused the government …': a new verb of the source
      if (ix_.LowerIs(k, "and") || ix_.LowerIs(k, "but")) {
        uint32_t n = k + 1;
        // "…, but she cautioned …": the source goes on with a speech verb of its own.
        if (ix_.LowerIn(n, {"he", "she", "they", "we"}) && (ix_.Is(k - 1, ",") || ix_.IsCloseQuote(k - 1))) ++n;
        while (n < e && Lower(n) && (ix_.C(n) & kAux) && !ix_.LowerIs(n, "that")) ++n;
        if (IsCue(n, true) && n > k) return ix_.Is(k - 1, ",") ? k - 1 : k;
        if (ix_.LowerIs(k, "but") && n == k + 1 && Lower(n)) {
          std::string_view w = ix_.L(n);
          if ((w.size() > 3 && w.substr(w.size() - 2) == "ed") || w == "gave" || w == "made" ||
              w == "took" || w == "did" || w == "would" || w == "could" || w == "declined" ||
              w == "refused" || w == "said" || w == "left" || w == "went")
            return k;
        }
      }
    }
    // A trailing closing mark with no opening mark in the clause.
    if (e > b && ix_.IsCloseQuote(e - 1)) {
      bool has_open = false;
      for (uint32_t k = b; k < e - 1; ++k)
        if (ix_.IsOpenQuote(k)) has_open = true;
      if (!has_open) --e;
    }
    return e;
  }

  // "X said in a statement, “…” at the release, adding that …": a participle cue whose own
  // clause names no one continues the speech before it in its sentence, and takes its source.
  Speaker EarlierSourceInSentence(uint32_t v) const {
    const uint32_t s = SOf(v);
    // Quotes go out in text order, a sentence's own last: only the latest few can be in it.
    for (size_t i = out_.size(), seen = 0; i-- > 0 && seen < 16; ++seen) {
      const Quote& q = out_[i];
      if (q.sentence != s || q.extent.begin >= ix_.tokens[v].span.begin) continue;
      if (q.speaker.empty()) return {};
      return SourceOf(q, q.speaker_span);
    }
    return {};
  }

  void AddReported(uint32_t cb, uint32_t ce, Span cue, const Speaker& sp) {
    if (ce <= cb || WordCount(cb, ce) < 3) return;
    // "… recalled that he said, “I'll …”": the clause only frames a direct quote, which has
    // its own speaker and cue.
    for (uint32_t k = cb + 1; k + 1 < ce; ++k)
      if (ix_.IsOpenQuote(k) && in_quote_[k + 1] && (ix_.Is(k - 1, ",") || ix_.Is(k - 1, ":")) && k >= cb + 2 &&
          IsCue(k - 2, false))
        return;
    Quote q;
    q.kind = QuoteKind::Indirect;
    q.parts.push_back(ix_.Range(cb, ce));
    q.extent = q.parts[0];
    q.cue = cue;
    q.speaker_span = sp.span;
    q.speaker_entity = sp.entity;
    q.speaker = sp.text;
    q.sentence = SOf(cb);
    out_.push_back(std::move(q));
  }

  // "Health Minister Ana Sousa said:" closing its paragraph, then paragraphs that open with a
  // bullet: each item is her statement. Returns whether sentence `s` introduced such a list.
  bool ListAfterColon(uint32_t s) {
    const uint32_t b = ix_.SentenceBegin(s), e = ix_.SentenceEnd(s);
    if (e < b + 3 || !ix_.Is(e - 1, ":") || in_quote_[e - 2]) return false;
    const uint32_t para = ix_.sentences[s].paragraph;
    if (s + 1 >= ix_.sentences.size() || ix_.sentences[s + 1].paragraph == para) return false;
    // The cue: the verb just before the colon, or before a few words ("said in a statement:").
    uint32_t v = kNone;
    for (uint32_t k = e - 1; k-- > b && e - 1 - k <= 6;)
      if (IsCue(k, false) && !Verb(k)->participle) {
        v = k;
        break;
      }
    if (v == kNone) return false;
    auto bullet = [&](uint32_t t) {
      return ix_.IsDash(t) || ix_.Is(t, "\xE2\x80\xA2") || ix_.Is(t, "*") || ix_.Is(t, "\xC2\xB7");  // - • * ·
    };
    const Speaker sp = SubjectOf(v);
    if (!sp.found) return false;
    bool any = false;
    uint32_t t = s + 1;
    for (int items = 0; items < 20 && t < ix_.sentences.size(); ++items) {
      const uint32_t p = ix_.sentences[t].paragraph;
      const uint32_t pb = ix_.SentenceBegin(t);
      if (p == ~0u || !bullet(pb) || in_quote_[pb + 1]) break;
      uint32_t last = t;
      while (last + 1 < ix_.sentences.size() && ix_.sentences[last + 1].paragraph == p) ++last;
      uint32_t pe = ix_.SentenceEnd(last);
      while (pe > pb + 1 && ix_.tokens[pe - 1].kind == Token::Kind::Punct && !ix_.IsCloseQuote(pe - 1)) --pe;
      AddReported(pb + 1, pe, ix_.tokens[v].span, sp);
      any = true;
      t = last + 1;
    }
    if (any) used_[v] = 1;
    return any;
  }

  // Reported speech in sentence `s`: "according to", cues after their clause, speech verbs with
  // their clause, noun cues.
  void Reported(uint32_t s) {
    const uint32_t b = ix_.SentenceBegin(s), e = ix_.SentenceEnd(s);
    if (ListAfterColon(s)) return;
    // "…, according to X." / "According to X, …"
    for (uint32_t k = b; k + 1 < e; ++k) {
      if (!(ix_.LowerIs(k, "according") && ix_.LowerIs(k + 1, "to")) || in_quote_[k]) continue;
      uint32_t ne = k + 2;
      while (ne < e && !ix_.Is(ne, ",") && !ix_.Is(ne, ".") && !ix_.Is(ne, ";")) ++ne;
      Speaker sp;
      for (uint32_t t = k + 2; t < ne && !sp.found; ++t) {
        const int ent = Ent(t);
        if (ent >= 0 && er_.entities[ent].type != EntityType::Place)
          sp = FromEntity(ent, ix_.Range(t, MentionEnd(t)));
      }
      if (!sp.found) sp = ResolveNP(k + 2, ne);
      const Span cue = ix_.Range(k, k + 2);
      // "President X, according to the White House, made an unscheduled trip …": set between a
      // short subject and its verb, the source reports the rest of the sentence.
      if (k > b && ix_.Is(k - 1, ",") && ne + 1 < e && ix_.Is(ne, ",") && Lower(ne + 1) &&
          !(ix_.C(ne + 1) & (kStop | kPronoun)) && WordCount(ContentStart(b, k - 1), k - 1) <= 6) {
        AddReported(ne + 1, ClauseEnd(ne + 1, e), cue, sp);
        continue;
      }
      if (k > b && ix_.Is(k - 1, ",")) {
        // "“…,” X wrote, according to the newspaper": the clause is a direct quote's
        // attribution, not reported speech of its own.
        const uint32_t cb = ContentStart(b, k - 1);
        bool quoted = false;
        for (uint32_t t = cb; t < k - 1 && !quoted; ++t) quoted = in_quote_[t] || ix_.IsCloseQuote(t);
        if (!quoted) AddReported(cb, k - 1, cue, sp);
      } else if (k == b || (ix_.C(b) & kStop)) {
        AddReported(ne + 1, ClauseEnd(ne + 1, e), cue, sp);
      }
    }
    // "…, he noted." / "…, officials said on Thursday, as …" / "…, said X.": the cue after
    // the clause, when the verb has no clause of its own.
    uint32_t last = e;
    while (last > b && ix_.tokens[last - 1].kind == Token::Kind::Punct && !ix_.IsCloseQuote(last - 1)) --last;
    Speaker after_source;             // "…, the agency said on Thursday, urging …": who urges
    uint32_t after_source_verb = kNone;
    for (uint32_t v = b + 2; v < last; ++v) {
      if (used_[v] || in_quote_[v] || !IsCue(v, false)) continue;
      const SpeechVerb* sv = Verb(v);
      if (sv->participle || sv->cls == CueClass::Urge) continue;
      // "the head of state on Wednesday": a noun after a determiner or a preposition.
      if (ix_.LowerIn(v - 1, {"of", "the", "a", "an", "its", "his", "her", "their", "our", "this", "to", "for",
                              "in", "on", "at", "by", "with"}))
        continue;
      // "…, and said that staff were told to sign": a passive verb's subject heard, not spoke.
      if (ix_.LowerIn(v - 1, {"was", "were", "been", "being", "is", "are", "be", "get", "got"})) continue;
      uint32_t k = v + 1;
      if (sv->cls == CueClass::Tell)  // "…, she told reporters."
        while (k < last && k < v + 4 && ix_.IsWord(k) && !ix_.LowerIs(k, "that")) ++k;
      // "…, said X." / "…, said Dr. X, the bank's governor."
      uint32_t np_b = kNone, np_e = kNone;
      // Only "say" inverts ("…, said the minister."); "…, told reporters" has its listener.
      if (ix_.Is(v - 1, ",") && sv->cls == CueClass::Say) {
        np_b = v + 1;
        np_e = np_b;
        while (np_e < last && !ix_.Is(np_e, ",") && np_e < np_b + 8 && !ix_.LowerIs(np_e, "that")) ++np_e;
        // "X, 67, whose farm burned, said residents had been left …": a clause, not a source.
        bool clause = false;
        for (uint32_t t = np_b; t < np_e && !clause; ++t) clause = Lower(t) && (ix_.C(t) & kAux);
        if (clause) continue;
        k = np_e;
      }
      k = SkipAdverbials(k, last);
      if (k < last && !ix_.Is(k, ",")) continue;  // the verb has its own clause
      if (k == last && ix_.Is(last, ":")) continue;  // "In a statement, X said:" opens what follows
      uint32_t c = np_b != kNone ? v - 1 : kNone;
      if (c == kNone)
        for (uint32_t q = v; q-- > b && v - q <= 8;) {
          if (ix_.Is(q, ",")) {
            c = q;
            break;
          }
          if (!ix_.IsWord(q) && !ix_.IsPossessive(q) && !ix_.Is(q, ".")) break;
        }
      if (c == kNone || c <= b || in_quote_[c - 1] || ix_.IsCloseQuote(c - 1)) continue;
      // ", a charge the government denies": a noun phrase about the clause, not its source.
      if (np_b == kNone && (ix_.LowerIs(c + 1, "a") || ix_.LowerIs(c + 1, "an")) && c + 2 < v &&
          (IsNounCue(ix_.L(c + 2)) || ix_.LowerIn(c + 2, {"charge", "charges", "view", "position", "stance"})))
        continue;
      Speaker sp = np_b != kNone ? ResolveNP(np_b, np_e) : ResolveNP(c + 1, v);
      if (!sp.found) continue;
      const uint32_t cb = ContentStart(b, c);
      AddReported(cb, c, ix_.tokens[v].span, sp);
      used_[v] = 1;
      after_source = sp;
      after_source_verb = v;
    }
    for (uint32_t v = b; v < e; ++v) {
      // "called on X to …" urges like "urged X to …".
      const bool call_on = !used_[v] && !in_quote_[v] && IsCue(v, true) && Verb(v)->cls == CueClass::Embedded &&
                           std::string_view(Verb(v)->lemma) == "call" && ix_.LowerIs(v + 1, "on");
      if (!call_on && (used_[v] || in_quote_[v] || !IsCue(v, false))) continue;
      const SpeechVerb* sv = Verb(v);
      uint32_t k = call_on ? v + 2 : v + 1;
      uint32_t cb = kNone;
      switch (call_on ? CueClass::Urge : sv->cls) {
        case CueClass::Say: {
          k = SkipAdverbials(k, e);
          if (ix_.LowerIs(k, "that")) cb = k;
          else if (k < e && !ix_.IsOpenQuote(k) && !ix_.Is(k, ":") && !ix_.Is(k, ".") && !ix_.Is(k, ",") &&
                   !ix_.LowerIs(k, "to") && !ix_.LowerIs(k, "in") && !ix_.LowerIs(k, "on") &&
                   !(ix_.LowerIs(k, "at") && !ix_.LowerIn(k + 1, {"least", "most"})) &&
                   !ix_.LowerIs(k, "of") && !ix_.LowerIs(k, "so"))
            cb = k;
          break;
        }
        case CueClass::Tell: {
          for (uint32_t j = k; j < e && j < k + 10; ++j) {
            if (ix_.Is(j, ".") || ix_.Is(j, ";") || ix_.IsOpenQuote(j) || ix_.Is(j, ":")) break;
            if (ix_.LowerIs(j, "that")) {
              cb = j;
              break;
            }
          }
          break;
        }
        case CueClass::That: {
          // "that" right after the verb (and its adverbials); a short object first only for
          // verbs that take one ("warned investors that").
          k = SkipAdverbials(k, e);
          const std::string lemma = sv->lemma;
          const bool object = lemma == "warn" || lemma == "caution";
          for (uint32_t j = k; j < e && j < k + (object ? 4 : 1); ++j) {
            if (ix_.LowerIs(j, "that")) {
              cb = j;
              break;
            }
            if (!ix_.IsWord(j) || Verb(j) || (ix_.C(j) & kAux)) break;
          }
          // "stressed the measure was temporary", "estimated the recall would cost …": a clause
          // without "that" — a short noun phrase, then an auxiliary or a modal.
          if (cb == kNone && k < e && !(object && !ix_.LowerIn(k, {"the", "a", "an", "its", "his", "her", "their"}))) {
            uint32_t j = k;
            while (j < e && j < k + 6 && (ix_.IsWord(j) || ix_.IsPossessive(j)) && !(Lower(j) && (ix_.C(j) & kAux)) &&
                   !IsCue(j, true) && !ix_.LowerIn(j, {"to", "of", "for", "with", "on", "in", "at", "by", "and", "or"}))
              ++j;
            bool quoted = false;  // '… the project was “not aimed at anyone”': the quoted words are the quote
            for (uint32_t t = j; t < e && t < j + 4 && !quoted; ++t) quoted = ix_.IsOpenQuote(t) || in_quote_[t];
            if (j > k && j < e && Lower(j) && (ix_.C(j) & kAux) && !ix_.LowerIn(j, {"that", "who", "which", "been", "being"}) &&
                !(ix_.C(k) & kAux) && !quoted)
              cb = k;
          }
          break;
        }
        case CueClass::Urge: {
          for (uint32_t j = k; j < e && j < k + 8; ++j)
            if (ix_.LowerIs(j, "to") && j > k) {
              cb = k;
              break;
            }
          break;
        }
        default:
          break;
      }
      if (cb == kNone || cb >= e) continue;
      // "that" as a relative pronoun ("the report that was published") is no clause.
      const uint32_t ce = ClauseEnd(cb, e);
      Speaker sp = (sv->participle && after_source.found && after_source_verb < v) ? after_source : SubjectOf(v);
      if (sv->participle && !sp.found) sp = EarlierSourceInSentence(v);
      AddReported(cb, ce, call_on ? ix_.Range(v, v + 2) : ix_.tokens[v].span, sp);
      used_[v] = 1;
    }
    // Noun cues: "allegations that Kenya has supplied arms".
    for (uint32_t k = b; k + 2 < e; ++k) {
      if (!ix_.LowerIs(k + 1, "that") || !Lower(k) || in_quote_[k] || used_[k] || !IsNounCue(ix_.L(k))) continue;
      if (Lower(k + 2) && (ix_.C(k + 2) & kAux)) continue;
      Speaker sp;
      if (k > b + 1 && ix_.IsPossessive(k - 1) && Ent(k - 2) >= 0)
        sp = FromEntity(Ent(k - 2), ix_.tokens[k - 2].span);
      const uint32_t ce = ClauseEnd(k + 1, e);
      if (WordCount(k + 1, ce) < 4) continue;
      AddReported(k + 1, ce, ix_.tokens[k].span, sp);
    }
  }
};

}  // namespace

QuoteResult ExtractQuotes(const TextIndex& ix, EntityResult& er) {
  Extractor x(ix, er);
  return x.Run();
}

}  // namespace lectern
