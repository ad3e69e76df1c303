// entity_tagger.h — a learned name tagger: an averaged perceptron over word features, tagging
// each word of a sentence O or B-/I- PERSON, PLACE, ORG, left to right (greedy, the previous two
// tags among the features, BIO order enforced).
//
//   std::vector<TaggedSentence> train = ReadBio(text, &error);      // "word<TAB>tag" lines
//   TaggerModel model = TrainTagger(train, 8);                      // lectern train-tagger
//   std::string bytes = model.Serialize();  TaggerModel::Parse(bytes, &error);
//   std::vector<Tag> tags = TagWords(model, words);                 // one sentence's words
//
// The features are the word's own (lowercase form, shape, affixes, capitals), its neighbours'
// the lexicon's word classes (titles, organisation words, speech verbs: lexicon.h) and, given a
// gazetteer, whether a capitalised word or pair is a known place, a demonym or begins one, hashed
// to 64 bits; the model keeps one weight per feature and tag. The same feature code serves
// training and tagging, so a model trained by the CLI tags the same in the page.
// Pure functions, no state beyond the model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

class Gazetteer;

enum class Tag : uint8_t { O, BPerson, IPerson, BPlace, IPlace, BOrg, IOrg };
constexpr int kTagCount = 7;

const char* TagName(Tag t);                     // "O", "B-PERSON", ...
bool ParseTagName(std::string_view s, Tag* t);  // the inverse; false for anything else
bool IsValidAfter(Tag prev, Tag t);             // I-X only after B-X or I-X

struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<Tag> tags;  // one per word
};

// CoNLL-style text: one "word<TAB>tag" per line, a blank line between sentences, '#' lines
// ignored. A malformed line gives an error naming it (and no sentences).
std::vector<TaggedSentence> ReadBio(std::string_view text, std::string* error);

class TaggerModel {
 public:
  bool empty() const { return keys_.empty(); }
  size_t features() const { return keys_.size(); }
  // One weight per tag for a feature key; nullptr when the model has none.
  const float* Weights(uint64_t key) const;

  // Binary form (magic, count, sorted keys, weights quantised to 16 bits); Parse validates it.
  std::string Serialize() const;
  static TaggerModel Parse(std::string_view bytes, std::string* error);

  // Built by TrainTagger: keys sorted and unique, kTagCount weights each.
  TaggerModel(std::vector<uint64_t> keys, std::vector<float> weights);
  TaggerModel() = default;

 private:
  std::vector<uint64_t> keys_;
  std::vector<float> weights_;  // keys_.size() * kTagCount
};

// Tags for one sentence's words (empty model: all O). Tag with the gazetteer the model was
// trained with (or none, if none).
std::vector<Tag> TagWords(const TaggerModel& model, const std::vector<std::string_view>& words,
                          const Gazetteer* gaz = nullptr);

// Averaged perceptron, `epochs` passes in a fixed shuffled order (deterministic); features whose
// weights all stay below `prune` in magnitude are dropped from the model.
TaggerModel TrainTagger(const std::vector<TaggedSentence>& sentences, int epochs, float prune = 0.0f,
                        const Gazetteer* gaz = nullptr);

// Exact-span scores (a name counts when its words and type both match), per type and over all.
struct SpanCounts {
  int gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? double(correct) / predicted : 0.0; }
  double Recall() const { return gold ? double(correct) / gold : 0.0; }
  double F1() const;
};
struct TaggerScores {
  SpanCounts all, person, place, org;
};
TaggerScores ScoreTagger(const TaggerModel& model, const std::vector<TaggedSentence>& sentences,
                         const Gazetteer* gaz = nullptr);

}  // namespace lectern
