// entity_recognizer.cpp — the recogniser's stages in order, and its result (see
// entity_recognizer.h):
//
//   name_context.h        the words around a token, shared by every stage
//   gazetteer_matching.h  place names, demonyms, the countries the story names
//   entity_candidates.h   1. possible mentions, typed, with how sure the rules are
//   entity_clustering.h   2. candidates gathered into one entity per referent
//   mention_sweep.h       3. every surface form of every entity over the whole text
//   (here)                4. the result: mentions in text order, types by their evidence,
//                            places in their countries, roles
#include "entity_recognizer.h"

#include "entity_candidates.h"
#include "entity_clustering.h"
#include "gazetteer_matching.h"
#include "mention_sweep.h"
#include "name_context.h"
#include "text_util.h"

#include <algorithm>

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

EntityResult Output(const TextIndex& ix_, const Gazetteer& world_, CandidateSet& found, Clusters& clusters) {
  EntityResult r;
  r.entities.reserve(clusters.ents.size());
  r.gender.reserve(clusters.ents.size());
  r.gazetteer_place.reserve(clusters.ents.size());
  r.folded_name.reserve(clusters.ents.size());
  std::vector<int> remap(clusters.ents.size(), -1);
  for (int e = 0; e < int(clusters.ents.size()); ++e) {
    EntityBuild& b = clusters.ents[e];
    b.mentions.reserve(b.mentions.size() + b.cands.size());
    for (int ci : b.cands) {
      const Candidate& c = found.cands[ci];
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
  for (PendingRole& pr : found.roles) {
    const int person = found.cands[pr.person].entity;
    if (person < 0 || remap[person] < 0) continue;
    RoleFact f;
    f.person = remap[person];
    const int t = pr.target >= 0 ? found.cands[pr.target].entity : -1;
    f.target = t >= 0 ? remap[t] : -1;
    f.role = std::move(pr.role);
    f.sentence = pr.sentence;
    r.roles.push_back(std::move(f));
  }
  return r;
}

}  // namespace

EntityResult RecognizeEntities(const TextIndex& ix, const Gazetteer& world) {
  const NameContext cx(ix, world);
  const PlaceMatcher places(cx);
  CandidateSet found = FindCandidates(cx, places);
  places.ChooseCities(found.cands);
  Clusters clusters = ClusterCandidates(cx, found);
  SweepMentions(cx, found, clusters);
  return Output(ix, world, found, clusters);
}

}  // namespace lectern
