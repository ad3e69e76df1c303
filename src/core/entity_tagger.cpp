// entity_tagger.cpp — see entity_tagger.h.
//
// [SECTION] Tags
// [SECTION] Reading BIO text
// [SECTION] Features
// [SECTION] Model: lookup and binary form
// [SECTION] Tagging
// [SECTION] Training (averaged perceptron)
// [SECTION] Scoring
#include "entity_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include "document.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "text_util.h"

namespace lectern {

// [SECTION] Tags -----------------------------------------------------------------------------------

namespace {
const char* const kTagNames[kTagCount] = {"O", "B-PERSON", "I-PERSON", "B-PLACE", "I-PLACE", "B-ORG", "I-ORG"};
}

const char* TagName(Tag t) { return kTagNames[int(t)]; }

bool ParseTagName(std::string_view s, Tag* t) {
  for (int i = 0; i < kTagCount; ++i)
    if (s == kTagNames[i]) {
      *t = Tag(i);
      return true;
    }
  return false;
}

bool IsValidAfter(Tag prev, Tag t) {
  if (t == Tag::IPerson) return prev == Tag::BPerson || prev == Tag::IPerson;
  if (t == Tag::IPlace) return prev == Tag::BPlace || prev == Tag::IPlace;
  if (t == Tag::IOrg) return prev == Tag::BOrg || prev == Tag::IOrg;
  return true;
}

// [SECTION] Reading BIO text -----------------------------------------------------------------------

std::vector<TaggedSentence> ReadBio(std::string_view text, std::string* error) {
  std::vector<TaggedSentence> out;
  TaggedSentence cur;
  size_t line_no = 0, pos = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = TaggedSentence{};
  };
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t tab = line.rfind('\t');
    Tag tag;
    if (tab == std::string_view::npos || tab == 0 || !ParseTagName(line.substr(tab + 1), &tag)) {
      if (error) *error = "line " + std::to_string(line_no) + " is not \"word<TAB>tag\" with a known tag";
      return {};
    }
    cur.words.emplace_back(line.substr(0, tab));
    cur.tags.push_back(tag);
  }
  flush();
  if (error) error->clear();
  return out;
}

// [SECTION] Features -------------------------------------------------------------------------------

namespace {

uint64_t Key(uint8_t templ, std::string_view s) { return Fnv1a(s, Fnv1a(std::string_view(reinterpret_cast<const char*>(&templ), 1))); }
uint64_t Key(uint8_t templ, uint64_t v) {
  char buf[8];
  std::memcpy(buf, &v, 8);
  return Key(templ, std::string_view(buf, 8));
}

// "Xxxx" -> "Xx", "NASA" -> "X", "A320-200" -> "Xd-d", "e.g." -> "x.x.": runs of one class
// collapsed; non-ASCII letters count by case.
std::string Shape(std::string_view w) {
  std::string s;
  for (size_t i = 0; i < w.size();) {
    char32_t cp;
    const uint32_t n = DecodeUtf8(w, i, &cp);
    i += n ? n : 1;
    char c = IsUpperCp(cp) ? 'X' : IsLowerCp(cp) || IsLetterCp(cp) ? 'x' : (cp >= '0' && cp <= '9') ? 'd' : char(cp < 128 ? cp : '~');
    if (s.empty() || s.back() != c) s.push_back(c);
    if (s.size() > 6) break;
  }
  return s;
}

// The first code point's case: 'X' capitalised, 'x' lower, '-' neither (digits, punctuation).
char FirstCase(std::string_view w) {
  char32_t cp = 0;
  if (w.empty() || !DecodeUtf8(w, 0, &cp)) return '-';
  return IsUpperCp(cp) ? 'X' : IsLowerCp(cp) ? 'x' : '-';
}

struct WordView {
  std::string lower;
  std::string shape;
  char first = '-';
  uint32_t classes = 0;
  uint32_t places = 0;  // kGaz* bits: what the gazetteer knows of the word
};

enum : uint32_t { kGazName = 1, kGazDemonym = 2, kGazPrefix = 4, kGazPairFirst = 8, kGazPairSecond = 16 };

std::vector<WordView> Views(const std::vector<std::string_view>& words, const Gazetteer* gaz) {
  std::vector<WordView> v(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    v[i].lower = LowerAscii(words[i]);
    v[i].shape = Shape(words[i]);
    v[i].first = FirstCase(words[i]);
    v[i].classes = WordClasses(v[i].lower);
  }
  if (!gaz) return v;
  for (size_t i = 0; i < words.size(); ++i) {
    if (v[i].first != 'X') continue;  // place names are capitalised
    const std::string key = FoldKey(words[i]);
    if (const Gazetteer::KeyInfo* k = gaz->Lookup(key)) {
      if (!k->hits.empty()) v[i].places |= kGazName;
      if (k->demonym >= 0) v[i].places |= kGazDemonym;
      if (k->prefix) {
        v[i].places |= kGazPrefix;
        if (i + 1 < words.size()) {
          const Gazetteer::KeyInfo* pair = gaz->Lookup(FoldKey(std::string(words[i]) + " " + std::string(words[i + 1])));
          if (pair && !pair->hits.empty()) v[i].places |= kGazPairFirst, v[i + 1].places |= kGazPairSecond;
        }
      }
    }
  }
  return v;
}

// The features of word i, given the two tags before it; appended to `out`.
void Features(const std::vector<WordView>& v, size_t i, Tag prev, Tag prev2, std::vector<uint64_t>& out) {
  out.clear();
  const WordView& w = v[i];
  static const WordView kEdge{"<s>", "<s>", '-', 0};
  const WordView& p = i > 0 ? v[i - 1] : kEdge;
  const WordView& p2 = i > 1 ? v[i - 2] : kEdge;
  const WordView& n = i + 1 < v.size() ? v[i + 1] : kEdge;
  const WordView& n2 = i + 2 < v.size() ? v[i + 2] : kEdge;
  const std::string& lw = w.lower;
  out.push_back(Key(0, std::string_view("bias")));
  out.push_back(Key(1, lw));
  out.push_back(Key(2, w.shape));
  for (size_t k = 1; k <= 3 && k <= lw.size(); ++k) {
    out.push_back(Key(3, lw.substr(0, k)));
    out.push_back(Key(4, lw.substr(lw.size() - k)));
  }
  out.push_back(Key(5, w.classes));
  out.push_back(Key(6, p.lower));
  out.push_back(Key(7, n.lower));
  out.push_back(Key(8, p.shape + "|" + w.shape));
  out.push_back(Key(9, w.shape + "|" + n.shape));
  out.push_back(Key(10, p.classes));
  out.push_back(Key(11, n.classes));
  out.push_back(Key(12, p2.lower));
  out.push_back(Key(13, n2.lower));
  out.push_back(Key(14, uint64_t(prev)));
  out.push_back(Key(15, uint64_t(prev) * 8 + uint64_t(prev2)));
  out.push_back(Key(16, std::string(TagName(prev)) + "|" + w.shape));
  out.push_back(Key(17, std::string(TagName(prev)) + "|" + lw));
  out.push_back(Key(18, p.lower + "|" + lw));
  out.push_back(Key(19, lw + "|" + n.lower));
  out.push_back(Key(21, w.places));
  out.push_back(Key(22, uint64_t(p.places) << 10 | uint64_t(w.places) << 5 | n.places));
  out.push_back(Key(20, std::string(1, w.first) + (i == 0 ? "^" : "") + std::string(1, p.first) + std::string(1, n.first)));
}

}  // namespace

// [SECTION] Model: lookup and binary form ------------------------------------------------------------

TaggerModel::TaggerModel(std::vector<uint64_t> keys, std::vector<float> weights)
    : keys_(std::move(keys)), weights_(std::move(weights)) {}

const float* TaggerModel::Weights(uint64_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return nullptr;
  return &weights_[size_t(it - keys_.begin()) * kTagCount];
}

namespace {
constexpr char kMagic[8] = {'L', 'E', 'C', 'T', 'A', 'G', '0', '1'};

void PutU64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s.push_back(char((v >> (8 * i)) & 0xFF));
}
uint64_t GetU64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(p[i]) << (8 * i);
  return v;
}
}  // namespace

// magic, u64 count, f32 scale (as u64 bits), then count keys (u64, ascending), then count *
// kTagCount weights as i16 (weight = value * scale).
std::string TaggerModel::Serialize() const {
  float max_abs = 0;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::string s(kMagic, 8);
  PutU64(s, keys_.size());
  uint32_t bits;
  std::memcpy(&bits, &scale, 4);
  PutU64(s, bits);
  for (uint64_t k : keys_) PutU64(s, k);
  for (float w : weights_) {
    const int v = int(std::lround(w / scale));
    s.push_back(char(v & 0xFF));
    s.push_back(char((v >> 8) & 0xFF));
  }
  return s;
}

TaggerModel TaggerModel::Parse(std::string_view bytes, std::string* error) {
  auto fail = [&](const char* why) {
    if (error) *error = why;
    return TaggerModel{};
  };
  if (bytes.size() < 24 || std::memcmp(bytes.data(), kMagic, 8) != 0) return fail("not a tagger model (no LECTAG01 header)");
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const uint64_t count = GetU64(p + 8);
  const uint64_t bits = GetU64(p + 16);
  if (count > (bytes.size() - 24) / (8 + 2 * kTagCount) || count * (8 + 2 * kTagCount) != bytes.size() - 24)
    return fail("the tagger model's size does not match its feature count");
  float scale;
  const uint32_t b32 = uint32_t(bits);
  std::memcpy(&scale, &b32, 4);
  if (bits > 0xFFFFFFFFu || !std::isfinite(scale) || scale <= 0) return fail("the tagger model's scale is not a positive number");
  std::vector<uint64_t> keys(count);
  std::vector<float> weights(count * kTagCount);
  p += 24;
  for (uint64_t i = 0; i < count; ++i, p += 8) {
    keys[i] = GetU64(p);
    if (i > 0 && keys[i] <= keys[i - 1]) return fail("the tagger model's features are not in order");
  }
  for (size_t i = 0; i < weights.size(); ++i, p += 2) weights[i] = float(int16_t(uint16_t(p[0] | (p[1] << 8)))) * scale;
  if (error) error->clear();
  return TaggerModel(std::move(keys), std::move(weights));
}

// [SECTION] Tagging --------------------------------------------------------------------------------

namespace {

// The best tag valid after `prev`, from summed scores.
Tag Best(const float* score, Tag prev) {
  int best = 0;
  for (int t = 1; t < kTagCount; ++t)
    if (IsValidAfter(prev, Tag(t)) && score[t] > score[best]) best = t;
  return Tag(best);
}

}  // namespace

std::vector<Tag> TagWords(const TaggerModel& model, const std::vector<std::string_view>& words, const Gazetteer* gaz) {
  std::vector<Tag> tags(words.size(), Tag::O);
  if (model.empty()) return tags;
  const std::vector<WordView> v = Views(words, gaz);
  std::vector<uint64_t> feats;
  for (size_t i = 0; i < v.size(); ++i) {
    Features(v, i, i > 0 ? tags[i - 1] : Tag::O, i > 1 ? tags[i - 2] : Tag::O, feats);
    float score[kTagCount] = {};
    for (uint64_t f : feats)
      if (const float* w = model.Weights(f))
        for (int t = 0; t < kTagCount; ++t) score[t] += w[t];
    tags[i] = Best(score, i > 0 ? tags[i - 1] : Tag::O);
  }
  return tags;
}

// [SECTION] Training (averaged perceptron) -----------------------------------------------------------

TaggerModel TrainTagger(const std::vector<TaggedSentence>& sentences, int epochs, float prune, const Gazetteer* gaz) {
  // Per feature: current weights, their running totals and when each was last brought up to
  // date (the usual lazy averaging: the average is total / steps at the end).
  struct Slot {
    float w[kTagCount] = {};
    double total[kTagCount] = {};
    int64_t stamp[kTagCount] = {};
  };
  std::unordered_map<uint64_t, size_t> index;
  std::vector<Slot> slots;
  int64_t step = 0;
  auto slot_of = [&](uint64_t key) -> Slot& {
    auto [it, fresh] = index.emplace(key, slots.size());
    if (fresh) slots.emplace_back();
    return slots[it->second];
  };
  auto bump = [&](Slot& s, int t, float by) {
    s.total[t] += double(step - s.stamp[t]) * s.w[t];
    s.stamp[t] = step;
    s.w[t] += by;
  };

  std::vector<size_t> order(sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = 0x9E3779B97F4A7C15ull;
  std::vector<uint64_t> feats;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed xorshift: deterministic
      rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
      std::swap(order[i - 1], order[rng % i]);
    }
    for (size_t si : order) {
      const TaggedSentence& s = sentences[si];
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      const std::vector<WordView> v = Views(words, gaz);
      std::vector<Tag> guess(v.size(), Tag::O);
      for (size_t i = 0; i < v.size(); ++i) {
        ++step;
        const Tag prev = i > 0 ? guess[i - 1] : Tag::O, prev2 = i > 1 ? guess[i - 2] : Tag::O;
        Features(v, i, prev, prev2, feats);
        float score[kTagCount] = {};
        for (uint64_t f : feats) {
          auto it = index.find(f);
          if (it == index.end()) continue;
          for (int t = 0; t < kTagCount; ++t) score[t] += slots[it->second].w[t];
        }
        const Tag g = Best(score, prev);
        const Tag gold = s.tags[i];
        if (g != gold) {
          for (uint64_t f : feats) {
            Slot& sl = slot_of(f);
            bump(sl, int(gold), 1.0f);
            bump(sl, int(g), -1.0f);
          }
        }
        guess[i] = g;  // the previous-tag features see the model's own guesses, as when tagging
      }
    }
  }

  std::vector<std::pair<uint64_t, size_t>> kept;
  kept.reserve(index.size());
  for (auto& [key, at] : index) {
    Slot& s = slots[at];
    float m = 0;
    for (int t = 0; t < kTagCount; ++t) {
      s.total[t] += double(step - s.stamp[t]) * s.w[t];
      s.w[t] = step > 0 ? float(s.total[t] / double(step)) : 0.0f;
      m = std::max(m, std::fabs(s.w[t]));
    }
    if (m > prune) kept.emplace_back(key, at);
  }
  std::sort(kept.begin(), kept.end());
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  keys.reserve(kept.size());
  weights.reserve(kept.size() * kTagCount);
  for (auto& [key, at] : kept) {
    keys.push_back(key);
    weights.insert(weights.end(), slots[at].w, slots[at].w + kTagCount);
  }
  return TaggerModel(std::move(keys), std::move(weights));
}

// [SECTION] Scoring --------------------------------------------------------------------------------

double SpanCounts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

struct NameSpan {
  size_t begin, end;
  int type;  // 0 person, 1 place, 2 org
  bool operator<(const NameSpan& o) const { return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type); }
};

std::vector<NameSpan> Spans(const std::vector<Tag>& tags) {
  std::vector<NameSpan> out;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == Tag::O) continue;
    const int type = (int(tags[i]) - 1) / 2;
    size_t j = i + 1;
    while (j < tags.size() && int(tags[j]) == 2 + 2 * type) ++j;  // the I- tag of the same type
    out.push_back({i, j, type});
    i = j - 1;
  }
  return out;
}

}  // namespace

TaggerScores ScoreTagger(const TaggerModel& model, const std::vector<TaggedSentence>& sentences, const Gazetteer* gaz) {
  TaggerScores sc;
  SpanCounts* by_type[3] = {&sc.person, &sc.place, &sc.org};
  for (const TaggedSentence& s : sentences) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<NameSpan> gold = Spans(s.tags), pred = Spans(TagWords(model, words, gaz));
    std::sort(gold.begin(), gold.end());
    std::sort(pred.begin(), pred.end());
    for (const NameSpan& g : gold) ++by_type[g.type]->gold, ++sc.all.gold;
    for (const NameSpan& p : pred) {
      ++by_type[p.type]->predicted, ++sc.all.predicted;
      if (std::binary_search(gold.begin(), gold.end(), p)) ++by_type[p.type]->correct, ++sc.all.correct;
    }
  }
  return sc;
}

}  // namespace lectern
