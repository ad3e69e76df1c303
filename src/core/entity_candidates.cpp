// entity_candidates.cpp — the recogniser's first stage (see entity_candidates.h).
//
// [SECTION] The finder and its output
// [SECTION] Sentences: datelines, hyphenated words, runs
// [SECTION] Runs of capitalised words: how far a name goes
// [SECTION] What a run is: acronyms, titles, head words, places, shape and context
// [SECTION] Headlines
#include "entity_candidates.h"

#include "entity_recognizer.h"
#include "gazetteer_matching.h"
#include "name_context.h"

#include <algorithm>

namespace lectern {

namespace {

// "A350-900", "A330neo", "F-35", "737MAX": capitals, then digits, then anything: a model code.
bool ModelCode(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && i < 3 && w[i] >= 'A' && w[i] <= 'Z') ++i;
  if (i == 0) return false;
  if (i < w.size() && w[i] == '-') ++i;
  size_t digits = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i, ++digits;
  return digits >= 2;
}

// A market code from a wire's tables and prices: "LCOc1" (Brent crude), "CMCU3" (copper):
// capitals, maybe a lowercase letter, and a final digit.
bool TickerCode(std::string_view w) {
  if (w.size() < 4 || w.size() > 8 || w.back() < '0' || w.back() > '9') return false;
  size_t caps = 0;
  for (char ch : w) {
    if (ch >= 'A' && ch <= 'Z') ++caps;
    else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) return false;
  }
  return caps >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z';
}


// [SECTION] The finder and its output -------------------------------------------------------------

class CandidateFinder {
 public:
  CandidateFinder(const NameContext& cx, const PlaceMatcher& places)
      : cx_(cx), places_(places), ix_(cx.ix()), world_(cx.world()) {
    out_.claimed.assign(ix_.size(), 0);
  }

  CandidateSet Run() {
    size_t names = 0;  // candidates start at capitalised words: room for them up front
    for (uint32_t i = 0; i < ix_.size(); ++i) names += cx_.NameWord(i);
    cands_.reserve(names + 16);
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s)
      if (ix_.sentences[s].paragraph != ~0u) ScanSentence(s);
    for (uint32_t s = 0; s < ix_.sentences.size(); ++s)
      if (ix_.sentences[s].paragraph == ~0u) ScanSentence(s);
    LinkNamesInOtherScripts();
    return std::move(out_);
  }

 private:
  const NameContext& cx_;
  const PlaceMatcher& places_;
  const TextIndex& ix_;
  const Gazetteer& world_;
  CandidateSet out_;
  std::vector<Candidate>& cands_ = out_.cands;
  std::vector<uint8_t>& claimed_ = out_.claimed;
  std::vector<PendingRole>& roles_ = out_.roles;

  int AddCand(uint32_t b, uint32_t e, EntityType type, int strength,
              Mention::Form form = Mention::Form::Name, Span span = Span{}) {
    Candidate c;
    c.tb = b;
    c.te = e;
    c.span = span.empty() ? ix_.Range(b, e) : span;
    // "Andes Copper Corp.", "James P. Kennedy Jr.": the period of a company's legal form or of
    // a generational suffix is part of the name, also where it ends the sentence too.
    if (span.empty() && e > b && ix_.Is(e, ".") && ix_.Adjacent(e - 1, e) && (ix_.C(e - 1) & kAbbrevOther) &&
        ((type == EntityType::Org && (ix_.C(e - 1) & kOrgHead)) ||
         (type == EntityType::Person && e - b > 1 && ix_.LowerIn(e - 1, {"jr", "sr"}))))
      c.span.end = ix_.tokens[e].span.end;
    c.type = type;
    c.form = form;
    c.strength = strength;
    c.name = std::string(ix_.Text(c.span));
    // One whole token: its folded key is in the index already.
    c.key = c.span == ix_.tokens[b].span ? std::string(ix_.F(b)) : FoldKey(c.name);
    c.mid_sentence = !cx_.SentenceInitial(b);
    for (uint32_t k = b; k < e; ++k) claimed_[k] = 1;
    cands_.push_back(std::move(c));
    return int(cands_.size()) - 1;
  }

  // [SECTION] Sentences: datelines, hyphenated words, runs ------------------------------------
  void ScanSentence(uint32_t s) {
    const uint32_t b = ix_.SentenceBegin(s), e = ix_.SentenceEnd(s);
    const bool headline = ix_.sentences[s].paragraph == ~0u;
    if (!headline && TableRow(s)) return;
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
      if (cx_.NameWord(i) && cx_.LowerSuffix(i)) {
        const Span t = ix_.tokens[i].span;
        const uint32_t hyphen = uint32_t(ix_.Text(i).rfind('-'));
        if (ix_.Text(i).find('-') == hyphen) AddCand(i, i + 1, EntityType::Org, kWeak, Mention::Form::Name, Span{t.begin, t.begin + hyphen});
        ++i;
        continue;
      }
      // "Western nations", "Arab governments": a collective actor (GROUP).
      if (!headline && ix_.Cap(i) && (ix_.C(i) & (kDirection | kNonEntity)) && cx_.Lower(i + 1) &&
          i + 1 < e && ix_.LowerIn(i + 1, {"nations", "powers", "countries", "governments", "allies",
                                           "partners", "states", "leaders", "capitals"})) {
        AddCand(i, i + 2, EntityType::Group, kGood);
        i += 2;
        continue;
      }
      if (!cx_.NameWord(i)) {
        ++i;
        continue;
      }
      if (uint32_t m = places_.LocalPlaceAt(i, e); m > i) {
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
      while (c < e && c < k + 4 && ix_.IsWord(c) && (caps ? ix_.AllCaps(c) : cx_.NameWord(c))) ++c;
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
      while (r < e && r < k + 5 && (cx_.NameWord(r) || ix_.tokens[r].kind == Token::Kind::Number)) ++r;
      if (r > k + 1) k = r;
    }
    // The agency: "(Reuters)", "(AP)".
    uint32_t agency_b = 0, agency_e = 0;
    if (ix_.Is(k, "(")) {
      uint32_t close = k + 1;
      while (close < e && close < k + 5 && cx_.NameWord(close)) ++close;
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
      if (places_.MatchGazetteer(cb, ce, &hits) == ce && hits)
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
    if (!(*cx_.Word1(i).hits).empty()) return false;  // "Guinea-Bissau"
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

  // [SECTION] Runs of capitalised words: how far a name goes ----------------------------------
  // May "and" at `k` join a name? Only inside organisation names ("Department of Health and
  // Social Care", "Food and Drug Administration") and gazetteer names ("Trinidad and Tobago").
  bool AndJoins(uint32_t run_begin, uint32_t k, uint32_t e) const {
    if (ix_.LowerIs(k, "and")) {
      // "Vodafone Group Plc and South Africa's Vodacom": a name closed by its legal form is
      // whole; "Acme Dofasco and Stelco Holdings Inc." are two companies.
      uint32_t last = k - 1;
      if (ix_.Is(last, ".") && last > run_begin) --last;
      if (last >= run_begin && cx_.LegalForm(last) && last > run_begin) return false;
      uint32_t q = k + 1, words = 0, end_word = kNone;
      while (q < e && (cx_.NameWord(q) || (ix_.Is(q, ".") && ix_.Adjacent(q - 1, q)))) {
        if (cx_.NameWord(q)) {
          ++words;
          end_word = q;
        }
        ++q;
      }
      if (end_word != kNone && words >= 2 && k - run_begin >= 2 && cx_.LegalForm(end_word)) return false;
      // "World Health Organization and UNICEF", "International Monetary Fund and World Bank": a
      // name of several words closed by its head word is whole; an acronym or another headed
      // name after "and" is a second body ("Securities and Exchange Commission" stays one).
      if (k - run_begin >= 2 && ix_.Cap(k - 1) && (ix_.C(k - 1) & kOrgHead) && ix_.Cap(k - 2) &&
          !(ix_.C(k - 2) & (kStop | kConnector)) && end_word != kNone) {
        if (words == 1 && ix_.AllCaps(end_word) && ix_.Text(end_word).size() > 1 && !cx_.ShoutingSentence(end_word))
          return false;
        // "the International Tennis Federation and Kosmos", "Sierra Nevada Corporation and
        // SpaceX": one word after "and" that is no head word of its own is another name.
        if (words == 1 && !(ix_.C(end_word) & (kOrgHead | kStop)) && !(ix_.C(k - 1) & kConnector) &&
            (end_word + 1 >= e || !cx_.NameWord(end_word + 1)))
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
      for (uint32_t q = k + 1; q < e && q < k + 4 && cx_.NameWord(q); ++q)
        if (ix_.C(q) & kTitle) return true;
    // "Plantation and Commodities Minister": words no lexicon knows, joined right before a
    // title, are its portfolio too ("Smith and Foreign Minister Jones" are two people, and so
    // are "Ohio Gov. Dana Pruitt and Velmora CEO Rafe Tull": a title before "and" has its person).
    bool titled = false;
    for (uint32_t q = run_begin; q < k && !titled; ++q) titled = (ix_.C(q) & (kTitle | kHonorific)) != 0;
    if (!titled && ix_.Cap(k - 1) && !cx_.MajorPlaceWord(k - 1) && !(ix_.C(k - 1) & (kTitle | kTitleMod | kHonorific)))
      for (uint32_t q = k + 1; q < e && q < k + 4 && cx_.NameWord(q); ++q) {
        if (ix_.C(q) & kTitle) return q > k + 1;
        if ((ix_.C(q) & (kTitleMod | kHonorific)) || cx_.MajorPlaceWord(q)) break;
      }
    const std::string key = FoldKey(ix_.Text(ix_.Range(run_begin, k + 1)));
    if (world_.IsNamePrefix(key)) return true;  // "Trinidad and Tobago", "Bosnia and Herzegovina"
    // "hospitals in London and Leeds General Infirmary": a place of its own before "and" is no
    // part of the organisation named after it.
    if (k - run_begin <= 3 && places_.SizeablePlace(ix_.Range(run_begin, k))) return false;
    for (uint32_t q = k + 1; q < e && cx_.NameWord(q); ++q)
      if (ix_.C(q) & kOrgHead) return true;
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
      if (!cx_.NameWord(k)) return false;
      while (k < e && cx_.NameWord(k)) {
        if (saw_and && (ix_.C(k) & kOrgHead)) return true;
        if (portfolio && (cx_.MajorPlaceWord(k) || (ix_.C(k) & (kTitle | kHonorific)))) portfolio = false;
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
  // "Sunita Rao of the Centre for Policy Research": a person's name (two or three words, no
  // place, title or organisation word), then "of" and an organisation, are two names.
  bool PersonOfOrg(uint32_t i, uint32_t of, uint32_t k, uint32_t e) const {
    // "Health Minister Alexandru Rafila of Romania": a title, a name, then "of" and a place.
    {
      uint32_t t = of;
      while (t > i && cx_.NameWord(t - 1) && !(ix_.C(t - 1) & (kTitle | kHonorific))) --t;
      // "Minister of Trade Ana Ruiz of Chile": the portfolio comes before the name.
      bool titled = t > i && (ix_.C(t - 1) & kTitle);
      if (t > i + 1 && ix_.LowerIn(t - 1, {"of", "for"}) && (ix_.C(t - 2) & kTitle)) {
        const uint32_t nb = cx_.TrailingName(t, of, 1);
        if (nb > t && nb < of) {
          t = nb;
          titled = true;
        }
      }
      if (titled && of - t >= 2 && cx_.LooksLikeName(t, of)) {
        const std::vector<Gazetteer::NameHit>* hits = nullptr;
        const uint32_t m = places_.MatchGazetteer(k, e, &hits);
        if (m > k && hits && (m >= e || !cx_.NameWord(m))) return true;
      }
    }
    if (of - i < 2 || of - i > 3 || !cx_.LooksLikeName(i, of)) return false;
    for (uint32_t q = i; q < of; ++q)
      if (!ix_.Cap(q) || (ix_.C(q) & (kTitle | kTitleMod | kHonorific | kDirection | kPlacePrefix)) || cx_.MajorPlaceWord(q) ||
          !cx_.Word1(q).hits->empty() || cx_.Word1(q).demonym >= 0)
        return false;
    for (uint32_t q = k; q < e && q < k + 8 && (cx_.NameWord(q) || (ix_.C(q) & kConnector)); ++q)
      if (ix_.Cap(q) && (ix_.C(q) & kOrgHead)) return true;
    return false;
  }
  uint32_t CollectRun(uint32_t i, uint32_t e) const {
    uint32_t j = i, last = i;
    while (j < e) {
      if (cx_.NameWord(j) && !ix_.IsPossessive(j)) {
        // A day or month after a name ends it ("Kenya on Monday" never joins anyway).
        if (j > i && (ix_.C(j) & (kDay | kMonth)) && !(ix_.C(j - 1) & kConnector)) break;
        // So does a modifier ("The Vienna-based group": "-based", "-led", "-owned").
        if (j > i && cx_.LowerSuffix(j)) break;
        last = j;
        ++j;
        continue;
      }
      if (ix_.Is(j, ".") && j > i && ix_.Adjacent(j - 1, j) &&
          (cx_.IsInitial(j - 1) || (ix_.C(j - 1) & kAbbrevTitle)) && cx_.NameWord(j + 1) && j + 1 < e) {
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
          while (k + 1 < e && k < j + 3 && cx_.Lower(k) && (ix_.C(k) & kNameParticle)) ++k;
        if (!cx_.NameWord(k) || (ix_.C(k) & (kDay | kMonth | kStop))) break;
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
      if (j > i && cx_.LegalForm(j - 1) && j + 2 < e) {
        const uint32_t comma = ix_.Is(j, ".") ? j + 1 : j;
        if (ix_.Is(comma, ",") && comma + 1 < e && cx_.LegalForm(comma + 1)) {
          j = comma + 1;
          continue;
        }
      }
      // "London School of Hygiene & Tropical Medicine", "Korea Hydro & Nuclear Power".
      if (ix_.Is(j, "&") && cx_.NameWord(j + 1) && j + 1 < e) {
        ++j;
        continue;
      }
      // "Solvent Extractors’ Association", "Shipowners’ Association": a plural possessive
      // inside an organisation's name.
      if (j > i && (ix_.Is(j, "\xE2\x80\x99") || ix_.Is(j, "'")) && ix_.Adjacent(j - 1, j) && ix_.IsWord(j - 1) &&
          ix_.L(j - 1).size() > 2 && ix_.L(j - 1).back() == 's' && j + 1 < e && cx_.NameWord(j + 1) &&
          (ix_.C(j + 1) & kOrgHead)) {
        ++j;
        continue;
      }
      // "Christian Democratic People's Party", "People's Liberation Army".
      if (ix_.IsPossessive(j) && j > i && cx_.NameWord(j + 1) && j + 1 < e && !ix_.AllCaps(j - 1) &&
          (*cx_.Word1(j - 1).hits).empty() && cx_.Word1(j - 1).demonym < 0 &&
          ((ix_.C(j + 1) & kOrgHead) || (ix_.LowerIs(j + 1, "republic")) ||
           (cx_.NameWord(j + 2) && (ix_.C(j + 2) & kOrgHead)))) {
        ++j;
        continue;
      }
      break;
    }
    return last + 1;
  }

  // [SECTION] What a run is: acronyms, titles, head words, places, shape and context ----------
  // The heart: what is this run of capitalised words? `ctx_end` is the token after the whole
  // original run (its right context), `allow_person` false for title modifiers.
  void AnalyzeRun(uint32_t b, uint32_t e, uint32_t ctx_end, bool allow_person) {
    bool has_head = false;
    for (uint32_t k = b; k < e; ++k)
      if (ix_.Cap(k) && (ix_.C(k) & kOrgHead)) has_head = true;
    // "Shares of Acme Corp.", "Residents of Lagos": a plural noun that opens the sentence, and
    // its "of", are no part of the name after them.
    if (cx_.SentenceInitial(b) && e - b >= 3 && ix_.LowerIs(b + 1, "of") && ix_.L(b).size() > 3 &&
        ix_.L(b).back() == 's' && !ix_.AllCaps(b) && cx_.Word1(b).hits->empty() && cx_.Word1(b).demonym < 0 &&
        !(ix_.C(b) & (kOrgHead | kTitle | kPlaceHead | kHonorific)))
      b += 2;
    // 0. A gazetteer name spanning the whole run wins ("Bosnia and Herzegovina"). Leading
    //    function words go ("The Federal Reserve Board"), but not the first word of an
    //    organisation's name ("Christian Democratic Union").
    while (b < e) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = places_.MatchGazetteer(b, e, &hits);
      if (m > b && m == e) break;
      if (!cx_.Strippable(b)) break;
      if ((ix_.C(b) & kDirection) && (ix_.C(e - 1) & kPlaceHead) && e - b >= 3) break;  // "Northern Sea Route"
      if (has_head && (ix_.C(b) & kNonEntity) && !(ix_.C(b) & kStop) && !ix_.LowerIs(b, "former")) break;
      ++b;
    }
    // "the shippers' association Armateurs de France", "the refiner X": a descriptor noun.
    {
      const uint32_t p = b < e ? cx_.PrevSkipDet(b) : kNone;
      if (e == ctx_end && p != kNone && cx_.Lower(p) && (ix_.C(p) & kOrgNoun) &&
          !(ix_.C(p) & kHumanRole) && !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
        const std::vector<Gazetteer::NameHit>* hits = nullptr;
        if (!(places_.MatchGazetteer(b, e, &hits) == e && hits) && (e - b > 1 || !Title(b, e))) {
          AddCand(b, e, EntityType::Org, kGood);
          return;
        }
      }
    }
    if (b < e && e == ctx_end && cx_.AppositionSaysPlace(e) && !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (!(places_.MatchGazetteer(b, e, &hits) == e && hits)) {
        AddCand(b, e, EntityType::Place, kGood);
        return;
      }
    }
    if (b < e && e == ctx_end && allow_person && cx_.AppositionSaysOrg(e) &&
        !(ix_.C(b) & (kStop | kHonorific | kTitle))) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (!(places_.MatchGazetteer(b, e, &hits) == e && e - b > 0 && hits)) {
        AddCand(b, e, EntityType::Org, kGood);
        return;
      }
    }
    while (e > b && (cx_.Strippable(e - 1) && !(ix_.C(e - 1) & (kTitle | kHonorific)))) --e;
    // A model code ends a product's name ("Airbus A350-900", "Boeing 787" is digits and never
    // joins): the maker is the name. A code alone is no entity.
    if (e > b && (ModelCode(ix_.Text(e - 1)) || TickerCode(ix_.Text(e - 1)) || MarketCode(e - 1))) --e;
    if (b >= e) return;
    // An index, an event or a prize is no entity, nor the names inside it ("Hang Seng Index",
    // "Davis Cup Finals", "Vietnam War").
    if (e - b >= 2 && ix_.Cap(e - 1) && !ix_.AllCaps(e - 1) && (ix_.C(e - 1) & kEventHead)) return;

    // A sentence-initial descriptor before a name: "Rival BP", "Carmaker Toyota".
    if (e - b >= 2 && cx_.SentenceInitial(b) && (ix_.C(b) & kOrgNoun) && !(ix_.C(b) & kOrgHead) &&
        !(ix_.C(b) & (kTitle | kHonorific)) && !ix_.AllCaps(b)) {
      AddCand(b + 1, e, EntityType::Org, kGood);
      return;
    }
    // A sentence-initial occupation before a person's name: "Analyst John Carver said",
    // "Lawyer Ana Ruiz welcomed …" (mid-sentence it is lower case and never joins the name).
    // The name is read on its own, and the occupation is its role.
    if (e - b >= 2 && allow_person && !has_head && cx_.SentenceInitial(b) && (ix_.C(b) & kHumanRole) &&
        !(ix_.C(b) & (kTitle | kTitleMod | kHonorific | kOrgNoun | kOrgHead)) && !ix_.AllCaps(b) &&
        cx_.NameWord(b + 1) && !(ix_.C(b + 1) & (kTitle | kTitleMod | kHonorific | kStop)) &&
        !ix_.Is(b + 1, "(")) {
      const size_t before = cands_.size();
      AnalyzeRun(b + 1, e, ctx_end, allow_person);
      for (size_t c = before; c < cands_.size(); ++c)
        if (cands_[c].tb == b + 1 && cands_[c].type == EntityType::Person) {
          roles_.push_back(PendingRole{int(c), -1, std::string(ix_.Text(b)), cx_.SentenceOf(b)});
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
        (*cx_.Word1(b).hits).empty() && cx_.Word1(b).demonym < 0) {
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      if (places_.MatchGazetteer(b + 1, e, &hits) == e && hits && world_.place((*hits)[0].place).kind == Gazetteer::Kind::Country &&
          (cx_.SpeechVerbAt(e) || ix_.IsPossessive(e) || cx_.NextIs(e, kHumanRole | kCollective))) {
        AddCand(b, e, EntityType::Org, kFair);
        return;
      }
    }
    // 5. Gazetteer and demonyms, left to right; what is left is read by its shape.
    uint32_t rest = b;
    for (uint32_t k = b; k < e;) {
      // A place this text has already placed ("In Hamilton, Ontario"), unless a name runs into it
      // ("Doug Hamilton").
      if (uint32_t m = places_.LocalPlaceAt(k, e); m > k && !(k > rest && cx_.NameWord(k - 1))) {
        if (k > rest) Rest(rest, k, k, allow_person);
        AddCand(k, m, EntityType::Place, kStrong);
        k = rest = m;
        continue;
      }
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = places_.MatchGazetteer(k, e, &hits);
      std::vector<uint32_t> usable;
      int strength = m > k ? places_.PlaceStrength(k, m, *hits, false, cands_, &usable) : -1;
      // "Philippine" is the people's adjective before it is a small town of that name.
      if (strength >= 0 && m == k + 1 && cx_.Word1(k).demonym >= 0 &&
          world_.place(usable[0]).kind == Gazetteer::Kind::City && !(world_.place(usable[0]).flags & Gazetteer::kCapital))
        strength = -1;
      // "Surigao del Sur", "Mar del Plata": a place name that goes on with a particle and a
      // capitalised word is one longer place.
      if (strength >= 0 && m + 1 < e && cx_.Lower(m) && (ix_.C(m) & kNameParticle) && cx_.NameWord(m + 1)) {
        uint32_t end = m + 1;
        while (end < e && cx_.NameWord(end)) ++end;
        if (k > rest) Rest(rest, k, k, allow_person);
        AddCand(k, end, EntityType::Place, strength);
        k = rest = end;
        continue;
      }
      if (strength >= 0) {
        const auto& p = world_.place(usable[0]);
        // A football club by its town: "Real Madrid", "Inter Milan", "FC Porto", "Manchester
        // United", "Bolton Wanderers".
        const bool club_before = k > rest && ix_.Cap(k - 1) &&
                                 ix_.LowerIn(k - 1, {"fc", "ac", "as", "sc", "cf", "afc", "real", "inter", "atletico",
                                                     "athletic", "sporting", "dynamo", "dinamo", "olympique", "racing",
                                                     "borussia", "olympiacos", "partizan", "rapid", "lokomotiv"});
        const bool club_after = m < e && ix_.Cap(m) && !(m + 1 < e && cx_.NameWord(m + 1)) &&
                                ix_.LowerIn(m, {"united", "fc", "rovers", "wanderers", "albion", "hotspur", "athletic"});
        if (club_before || club_after) {
          const uint32_t from = club_before ? k - 1 : k, to = club_after ? m + 1 : m;
          if (from > rest) Rest(rest, from, from, allow_person);
          AddCand(from, to, EntityType::Org, kStrong);
          k = rest = to;
          continue;
        }
        // A city right next to other capitalised words may be part of a person's name
        // ("Jackson" in "Michael Jackson"): leave it to the rest of the run.
        const bool glued = (k > rest) || (m < e && cx_.NameWord(m) && !(ix_.C(m) & kConnector));
        if (p.kind == Gazetteer::Kind::City && glued && !(p.flags & Gazetteer::kCapital) &&
            p.population < 1000000) {
          k = m;
          continue;
        }
        // So may a state or province ("Sierra Nevada Corporation", "Manchester United", "Air
        // Astana"), but not before a title ("Texas Gov. Greg Abbott") or after a direction
        // ("Southern California").
        if (p.kind == Gazetteer::Kind::Division &&
            ((k > rest && !(ix_.C(k - 1) & kDirection)) ||
             (m < e && cx_.NameWord(m) && !(ix_.C(m) & (kConnector | kTitle | kTitleMod | kHonorific))))) {
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
      uint32_t d = places_.MatchDemonym(k, e, &place);
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
    if (!cx_.Word1(i).prefix) return i;
    for (uint32_t k = i + 1; k < e && k < i + 4; ++k) {
      if (!cx_.NameWord(k) || claimed_[k]) return i;
      if (!cx_.LowerSuffix(k)) continue;
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
    for (Candidate& c : cands_) {
      if (c.tb < 2 || c.link >= 0 || c.acronym || !ix_.Is(c.tb - 1, "(") || !ix_.Is(c.te, ")")) continue;
      const int p = ending_at[c.tb - 1];
      if (p < 0 || cands_[p].link >= 0 || NonLatinLetters(c.name) == NonLatinLetters(cands_[p].name)) continue;
      const Candidate& named = cands_[p];
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
    while (close < cx_.SEnd(e) && close < e + 5 && !ix_.Is(close, ")")) ++close;
    if (!ix_.Is(close, ")") || close == e + 1) return false;
    bool caps = false;
    for (uint32_t k = e + 1; k < close; ++k) {
      if (!cx_.NameWord(k)) return false;
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
      if (b > cx_.SBegin(b) + 1 && cx_.Lower(conn) && (ix_.C(conn) & kConnector || ix_.LowerIs(conn, "in")) &&
          !cands_.empty() && cands_.back().te == conn && starts_like(cands_.back().tb, e)) {
        Candidate& prev = cands_.back();
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
    uint32_t m = places_.MatchGazetteer(b, e, &hits);
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
        name_b = cx_.TrailingName(after + 1, e, 1);
        // "Minister of Finance of Kenya": a country at the end is where the office is.
        if (name_b < e && cx_.MajorPlaceWord(name_b)) {
          const std::vector<Gazetteer::NameHit>* hits = nullptr;
          if (places_.MatchGazetteer(name_b, e, &hits) == e && hits) {
            const int c = AddCand(name_b, e, EntityType::Place, kStrong);
            for (const auto& hit : *hits) cands_[c].hits.push_back(hit.place);
            for (uint32_t k = b; k < name_b; ++k) claimed_[k] = 1;
            return true;
          }
        }
        // "Minister of Foreign Trade, Lucía Ramos-Ibarra, told": a one-word "name" at the end
        // of the portfolio, with a name in apposition after it, is the portfolio's last word.
        if (name_b + 1 == e && ix_.Is(e, ",") && e + 2 < cx_.SEnd(e) && cx_.NameWord(e + 1) && cx_.NameWord(e + 2) &&
            !(ix_.C(e + 1) & (kStop | kTitle | kTitleMod | kOrgHead)) && cx_.Word1(e + 1).hits->empty() &&
            cx_.Word1(e + 1).demonym < 0) {
          for (uint32_t k = h; k < e; ++k) claimed_[k] = 1;
          return true;
        }
      }
      if (name_b >= e || !cx_.LooksLikeName(name_b, e)) {
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
          else if (!ix_.Cap(k) || ix_.AllCaps(k) || cx_.MajorPlaceWord(k)) break;
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
                                cx_.PortfolioNoun(mod_word);
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
        roles_.push_back(PendingRole{person, modifier, role, cx_.SentenceOf(h)});
      }
      for (uint32_t k = t0; k < name_b; ++k) claimed_[k] = 1;
      return true;
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
             ix_.LowerIs(n, "and") || (ix_.C(n) & kOrgHead) || ix_.Is(n, ",") || (h == b && places_.EndsWithCountry(n, e)) ||
             (h == b && ix_.LowerIn(h, {"radio", "television"}));  // "Radio Pudahuel": a medium opens the name
      }
      if (!ok) continue;
      // A lone head word ("Commission", "Parliament") is an organisation only mid-sentence.
      // Alone mid-sentence it stands for an organisation named before ("the Commission"):
      // the sweep links it (LinkOrgHead); by itself it is only a weak guess.
      if (e - b == 1 && cx_.SentenceInitial(b)) return false;
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
    while (b < e && cx_.Strippable(b)) ++b;
    while (e > b && cx_.Strippable(e - 1)) --e;
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
    if (e - b >= 2 && ix_.AllCaps(b) && !ix_.AllCaps(b + 1) && !cx_.ShoutingSentence(b)) {
      Single(b, b + 1);
      Rest(b + 1, e, ctx_end, allow_person);
      return;
    }
    uint32_t words = 0;  // capitalised words ("de", initials not counted)
    for (uint32_t k = b; k < e; ++k)
      if (ix_.IsWord(k) && !cx_.IsInitial(k) && !(cx_.Lower(k) && (ix_.C(k) & kNameParticle))) ++words;
    if (words <= 1 && !(e - b > 1 && cx_.IsInitial(b))) {
      if (e - b == 1) Single(b, ctx_end);
      return;
    }
    // Right and left context.
    const uint32_t p = cx_.PrevSkipDet(b);
    const bool place_ctx = cx_.LocativeContext(b, cands_) || cx_.NextIs(ctx_end, kPlaceNoun);
    const bool org_ctx = (p != kNone && ix_.LowerIs(p, "at") && cx_.RoleBeforeAt(p)) ||
                         (p != kNone && cx_.Lower(p) && (ix_.C(p) & kOrgNoun)) ||
                         cx_.NextIs(ctx_end, kOrgAfter) || cx_.PossessiveRole(ctx_end) ||
                         cx_.NextIs(ctx_end, kHumanRole | kCollective);
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
    // An apposition to an organisation's description is as good as a head word.
    if (DescribedBefore(b)) {
      AddCand(b, e, EntityType::Org, kStrong);
      return;
    }
    if (org_ctx || (which_after && !place_ctx) || PluralVerbAfter(b, ctx_end)) {
      AddCand(b, e, EntityType::Org, kGood);
      return;
    }
    if (place_ctx) {
      AddCand(b, e, EntityType::Place, kGood);
      return;
    }
    for (uint32_t k = b; k < e; ++k)
      if (cx_.BrandCamel(k)) {  // "ArcelorMittal Dofasco"
        AddCand(b, e, EntityType::Org, kGood);
        return;
      }
    if (!cx_.LooksLikeName(b, e)) {
      // "Aker BP", "Deutsche Bank AG": a name with an acronym in it is a company.
      bool acronym = false;
      for (uint32_t k = b; k < e; ++k) acronym = acronym || (ix_.AllCaps(k) && ix_.Text(k).size() > 1);
      if (acronym && !cx_.ShoutingSentence(b)) AddCand(b, e, EntityType::Org, kFair);
      return;
    }
    if (!allow_person) return;
    // "Blue Origin", "Home Depot", "Full Fact", "Big Machine", "Intuitive Machines": a common
    // adjective or noun that no one is named opens a brand, not a person's name.
    if (e - b == 2 && !(p != kNone && cx_.Lower(p) && (ix_.C(p) & (kHumanRole | kTitle))) && BrandOpener(b)) {
      AddCand(b, e, EntityType::Org, kFair);
      return;
    }
    int c = AddCand(b, e, EntityType::Person, kGood);
    // A person noun just before: "spokesperson Kofi Mensima", "president Camila Rojas".
    if (p != kNone && cx_.Lower(p) && (ix_.C(p) & (kHumanRole | kTitle))) RoleFromNoun(p, c);
    else cands_[c].by_shape = true;
  }
  // "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%", "Ticker Security Last Change Change %": a
  // row of a price table pasted with the story, no lowercase word in its paragraph and figures
  // or a percent sign. Its names are the table's; the story names them in its sentences.
  bool TableRow(uint32_t s) const {
    // A row is a few tokens: give up past 40, so a long paragraph costs its sentences nothing.
    const uint32_t para = ix_.sentences[s].paragraph;
    uint32_t first = s, last = s;
    while (first > 0 && ix_.sentences[first - 1].paragraph == para && s - first < 40) --first;
    while (last + 1 < ix_.sentences.size() && ix_.sentences[last + 1].paragraph == para && last - s < 40) ++last;
    const uint32_t b = ix_.SentenceBegin(first), e = ix_.SentenceEnd(last);
    if (e - b > 40) return false;
    int numbers = 0;
    bool percent = false;
    for (uint32_t k = b; k < e; ++k) {
      if (ix_.IsWord(k) && cx_.Lower(k)) return false;
      if (ix_.tokens[k].kind == Token::Kind::Number) ++numbers;
      if (ix_.Is(k, "%")) percent = true;
    }
    return numbers >= 2 || (percent && ix_.Is(e - 1, "%"));
  }
  // ".IXIC", ".SPX", "GBP=", "US10YT=RR": a wire's market code, glued to a dot or an equals sign.
  bool MarketCode(uint32_t k) const {
    if (k > 0 && ix_.Is(k - 1, ".") && ix_.Adjacent(k - 1, k) && (k < 2 || !ix_.Adjacent(k - 2, k - 1))) return true;
    if (k > 0 && ix_.Is(k - 1, "=") && ix_.Adjacent(k - 1, k)) return true;
    return k + 1 < ix_.tokens.size() && ix_.Is(k + 1, "=") && ix_.Adjacent(k, k + 1);
  }
  bool BrandOpener(uint32_t k) const {
    return ix_.LowerIn(k, {"blue", "red", "green", "black", "orange", "purple", "big", "great", "home", "full",
                           "air", "moon", "real", "royal", "united", "global", "digital", "smart", "magic",
                           "intuitive", "rolling", "joint", "golden", "silver", "open", "free", "first",
                           "general", "national", "international", "standard", "modern", "future", "planet",
                           "space", "rocket", "sun", "star", "solar", "ocean", "sea", "land", "sky", "cloud",
                           "iron", "steel", "diamond", "crystal", "metro", "urban", "pacific", "atlantic",
                           "continental", "universal", "imperial", "liberty", "freedom", "unity", "victory",
                           "pioneer", "frontier", "summit", "apex", "vertex", "fresh", "pure", "true", "best"});
  }
  // "The group that owns most of her music, Big Machine, says": the name stands in apposition
  // to a description whose head is an organisation noun, opening the sentence or clause.
  bool DescribedBefore(uint32_t b) const {
    if (b < 3 || !ix_.Is(b - 1, ",")) return false;
    uint32_t q = b - 1;
    while (q > cx_.SBegin(b) && !ix_.Is(q - 1, ",") && !ix_.Is(q - 1, ";") && b - q < 16) --q;
    if (!(q == cx_.SBegin(b) || ix_.Is(q - 1, ",") || ix_.Is(q - 1, ";"))) return false;
    if (!ix_.LowerIn(q, {"the", "a", "an"})) return false;
    for (uint32_t h = q + 1; h < q + 4 && h + 1 < b; ++h) {
      if (!cx_.Lower(h)) return false;
      if (ix_.C(h) & kHumanRole) return false;
      if (ix_.C(h) & kOrgNoun) return true;
    }
    return false;
  }
  // "Big Machine have twice denied": a plural verb straight after a name of one referent is
  // said of a body (British usage), never of one person.
  bool PluralVerbAfter(uint32_t b, uint32_t ctx_end) const {
    if (b > cx_.SBegin(b) && (ix_.LowerIs(b - 1, "and") || ix_.Is(b - 1, ",") || ix_.Is(b - 1, "&"))) return false;
    if (ctx_end >= cx_.SEnd(b) || !ix_.LowerIn(ctx_end, {"have", "are", "were"})) return false;
    return !ix_.LowerIs(ctx_end + 1, "and") && !ix_.Is(ctx_end + 1, ",");
  }
  // "IAEA spokesperson X", "Chilean president X": the noun phrase before a name gives a role.
  void RoleFromNoun(uint32_t noun, int person) {
    // Back over the lowercase words of the role: "civil protection chief", "chief executive".
    uint32_t rb = noun;
    while (rb > cx_.SBegin(noun) && noun - rb < 3 && cx_.Lower(rb - 1) &&
           !(ix_.C(rb - 1) & (kStop | kAux | kPronoun)) && !ix_.verb[rb - 1])
      --rb;
    std::string role(ix_.Text(ix_.Range(rb, noun + 1)));
    int target = -1;
    if (rb > cx_.SBegin(noun)) {
      uint32_t q = rb - 1;
      if (ix_.IsPossessive(q) && q > cx_.SBegin(noun)) --q;
      for (int c = int(cands_.size()) - 1; c >= 0 && c + 8 >= int(cands_.size()); --c)
        if (cands_[c].te == q + 1 && cands_[c].type != EntityType::Person) target = c;
    }
    roles_.push_back(PendingRole{person, target, role, cx_.SentenceOf(noun)});
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
    if (MarketCode(k)) return;
    const uint32_t e = k + 1;
    (void)ctx_end;
    const uint32_t c = ix_.C(k);
    const bool caps = ix_.AllCaps(k) && ix_.Text(k).size() >= 2 && !cx_.ShoutingSentence(k);
    if (!caps && (c & (kStop | kNonEntity | kMonth | kDay | kTimeWord | kPronoun | kTitle))) return;
    if (caps && (c & kNonEntity)) return;  // "CEO", "GDP", "TV"
    if (!caps && (c & (kCollective | kHumanRole))) return;  // "Analysts", "Officials"
    const bool initial = cx_.SentenceInitial(k);
    const uint32_t p = cx_.PrevSkipDet(k);
    const uint32_t raw_prev = cx_.Prev(k);
    const bool acronym = ix_.AllCaps(k) && ix_.Text(k).size() >= 2 && !cx_.ShoutingSentence(k);
    const bool possessive_role = cx_.PossessiveRole(e);
    const bool role_after = cx_.NextIs(e, kHumanRole | kCollective);
    const bool org_after = cx_.NextIs(e, kOrgAfter);
    const bool place_after = cx_.NextIs(e, kPlaceNoun);
    const bool verb_after = cx_.SpeechVerbAt(e) && (!initial || caps);
    const bool loc = cx_.LocativeContext(k, cands_);
    const bool org_noun_before = p != kNone && cx_.Lower(p) && (ix_.C(p) & kOrgNoun);
    const bool person_noun_before =
        raw_prev != kNone && cx_.Lower(raw_prev) && (ix_.C(raw_prev) & (kHumanRole | kTitle));
    const bool at_org = p != kNone && ix_.LowerIs(p, "at") && cx_.RoleBeforeAt(p);
    // "a Democrat from Oregon", "refugees from Darfur": where people come from.
    const bool from_place = p != kNone && ix_.LowerIs(p, "from") && p > cx_.SBegin(k) &&
                            FromPlaceNoun(ix_.L(p - 1));
    const bool of_like = p != kNone && cx_.Lower(p) &&
                         (ix_.L(p) == "of" || ix_.L(p) == "for" || ix_.L(p) == "by" ||
                          ix_.L(p) == "from" || ix_.L(p) == "with" || ix_.L(p) == "against");
    const bool the_before = raw_prev != kNone && ix_.LowerIs(raw_prev, "the");
    if (acronym) {
      int strength = kWeak;
      // "according to IAEA", "told CNBC", "published by the IMF".
      const bool source_before =
          raw_prev != kNone && (ix_.LowerIs(raw_prev, "told") ||
                                (ix_.LowerIs(raw_prev, "to") && raw_prev > cx_.SBegin(k) &&
                                 ix_.LowerIs(raw_prev - 1, "according")) ||
                                (p != kNone && ix_.LowerIs(p, "by")));
      // "France's EDF": a country's possessive before an acronym names its company.
      const bool country_owner = raw_prev != kNone && ix_.IsPossessive(raw_prev) && raw_prev > cx_.SBegin(k) &&
                                 !cx_.Word1(raw_prev - 1).hits->empty();
      if (possessive_role || role_after || verb_after || org_after || source_before) strength = kGood;
      else if (country_owner) strength = kFair;
      else if (ix_.IsPossessive(e)) strength = kGood;
      // "the EU and ...", "the WHO." — but "the LNG market" is a modifier.
      else if (the_before && (e >= cx_.SEnd(k) || !cx_.Lower(e) || (ix_.C(e) & (kStop | kAux)))) strength = kFair;
      if (loc && strength < kGood) {
        AddCand(k, e, EntityType::Place, kFair);
        return;
      }
      int cand = AddCand(k, e, EntityType::Org, strength, Mention::Form::Acronym);
      cands_[cand].acronym = true;
      return;
    }
    if (cx_.CamelCase(k)) {
      AddCand(k, e, EntityType::Org, kGood);
      return;
    }
    if (cx_.AdjectiveLike(k) && !(org_after || possessive_role)) return;
    // "Environmental group X", "Regional officials": an adjective opening the sentence.
    if (initial && e - k == 1 && e < cx_.SEnd(k) && cx_.Lower(e) && cx_.AdjectiveSuffix(ix_.L(k))) return;
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
        for (uint32_t q = e + 1; q < cx_.SEnd(k) && q < e + 9 && !ix_.Is(q, ","); ++q)
          if (cx_.Lower(q) && (ix_.C(q) & kOrgNoun) && !(ix_.C(q) & kHumanRole)) {
            AddCand(k, e, EntityType::Org, kGood);
            return;
          }
      }
      // "Kathimerini reported that …": a word no lexicon knows, alone before a speech verb at
      // the start of a sentence, is a name — not a plural noun ("Investigators said").
      const std::string_view w = ix_.L(k);
      if (cx_.SpeechVerbAt(e) && w.back() != 's' && w.size() > 3 && !cx_.AdjectiveSuffix(w) &&
          w.substr(w.size() - 2) != "ly" && w.find("one") == std::string_view::npos &&
          w.find("body") == std::string_view::npos && !ix_.LowerIn(k, {"neither", "either", "each", "none", "staff"})) {
        AddCand(k, e, EntityType::Org, kFair);
        return;
      }
      AddCand(k, e, EntityType::Org, kWeak);
      return;
    }
    // "told Kathimerini", "polled by Ipsos": the one told or asked.
    if (raw_prev != kNone && ix_.LowerIs(raw_prev, "told") && (e >= cx_.SEnd(k) || !ix_.IsWord(e) || ix_.LowerIn(e, {"that", "in", "on", "last", "this"}))) {
      AddCand(k, e, EntityType::Org, kFair);
      return;
    }
    if (of_like || verb_after) {
      AddCand(k, e, EntityType::Org, kFair);
      return;
    }
    AddCand(k, e, EntityType::Org, kWeak);
  }

  // [SECTION] Headlines -----------------------------------------------------------------------
  // Headlines capitalise every word: only unmistakable places here; everything else is found
  // by the sweep when the body names it.
  void HeadlineRun(uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e;) {
      if (uint32_t m = places_.LocalPlaceAt(k, e); m > k) {
        AddCand(k, m, EntityType::Place, kGood);
        k = m;
        continue;
      }
      const std::vector<Gazetteer::NameHit>* hits = nullptr;
      uint32_t m = places_.MatchGazetteer(k, e, &hits);
      std::vector<uint32_t> usable;
      if (m > k && places_.PlaceStrength(k, m, *hits, true, cands_, &usable) >= 0) {
        int c = AddCand(k, m, EntityType::Place, kGood);
        cands_[c].hits = usable;
        k = m;
        continue;
      }
      int place = -1;
      uint32_t d = places_.MatchDemonym(k, e, &place);
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
};

}  // namespace

CandidateSet FindCandidates(const NameContext& cx, const PlaceMatcher& places) {
  return CandidateFinder(cx, places).Run();
}

}  // namespace lectern
