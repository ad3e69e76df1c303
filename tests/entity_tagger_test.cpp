// entity_tagger_test.cpp — the learned name tagger: reading BIO text, training that generalises
// to names it never saw, the binary model read back the same, BIO order kept, scoring.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entity_tagger.h"
#include "gazetteer.h"

using namespace lectern;

namespace {

std::vector<std::string_view> Words(const std::vector<std::string>& w) { return {w.begin(), w.end()}; }

// Small made-up sentences with the shapes a tagger must learn: a person after an honorific and
// before "said", an organisation ending in an organisation word, a place after "in".
std::vector<TaggedSentence> Corpus() {
  const char* first[] = {"Aleno", "Brisa", "Corvin", "Dalia", "Evrard", "Fenna", "Gorim", "Hessa"};
  const char* last[] = {"Tamsk", "Orvel", "Quimby", "Rashid", "Stellan", "Ubrecht", "Vance", "Wylde"};
  const char* org[] = {"Kestrel", "Lumina", "Morrow", "Norvik", "Ostrava", "Pellam", "Quarry", "Ridgeway"};
  std::vector<TaggedSentence> out;
  for (int i = 0; i < 8; ++i) {
    TaggedSentence s;
    auto add = [&](std::string w, Tag t) { s.words.push_back(std::move(w)), s.tags.push_back(t); };
    add("Mr", Tag::O), add(first[i], Tag::BPerson), add(last[(i + 3) % 8], Tag::IPerson), add("said", Tag::O);
    add("the", Tag::O), add(org[i], Tag::BOrg), add("Corporation", Tag::IOrg), add("would", Tag::O);
    add("open", Tag::O), add("an", Tag::O), add("office", Tag::O), add("in", Tag::O), add("Paris", Tag::BPlace), add(".", Tag::O);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

TEST_CASE("ReadBio reads word-tab-tag lines, sentences split by blank lines, and names a bad line") {
  std::string error;
  auto s = ReadBio("# doc = x\nMr\tO\nAleno\tB-PERSON\nTamsk\tI-PERSON\n\nIn\tO\r\nParis\tB-PLACE\n", &error);
  CHECK(error.empty());
  REQUIRE(s.size() == 2);
  CHECK(s[0].words == std::vector<std::string>{"Mr", "Aleno", "Tamsk"});
  CHECK(s[0].tags == std::vector<Tag>{Tag::O, Tag::BPerson, Tag::IPerson});
  CHECK(s[1].words[0] == "In");
  CHECK(s[1].tags[1] == Tag::BPlace);

  CHECK(ReadBio("Mr\tO\nAleno B-PERSON\n", &error).empty());
  CHECK(error.find("line 2") != std::string::npos);
  CHECK(ReadBio("Mr\tB-MISC\n", &error).empty());
  CHECK(error.find("line 1") != std::string::npos);
}

TEST_CASE("an empty model tags everything O, and BIO order holds for any model") {
  const std::vector<std::string> w = {"Mr", "Zed", "Quell", "said"};
  CHECK(TagWords(TaggerModel{}, Words(w)) == std::vector<Tag>(4, Tag::O));
  CHECK_FALSE(IsValidAfter(Tag::O, Tag::IPerson));
  CHECK_FALSE(IsValidAfter(Tag::BPlace, Tag::IOrg));
  CHECK(IsValidAfter(Tag::BOrg, Tag::IOrg));
  CHECK(IsValidAfter(Tag::IPerson, Tag::BPerson));

  const TaggerModel model = TrainTagger(Corpus(), 5);
  const std::vector<std::string> odd = {"Corporation", "Corporation", "said", "Tamsk", "in", "the", "Kestrel"};
  const std::vector<Tag> tags = TagWords(model, Words(odd));
  for (size_t i = 0; i < tags.size(); ++i) CHECK(IsValidAfter(i ? tags[i - 1] : Tag::O, tags[i]));
}

TEST_CASE("trained on a few sentences, the tagger finds names it has never seen by their context") {
  const Gazetteer& gaz = Gazetteer::Builtin();
  const TaggerModel model = TrainTagger(Corpus(), 8, 0.0f, &gaz);
  CHECK(model.features() > 50);
  const TaggerScores on_train = ScoreTagger(model, Corpus(), &gaz);
  CHECK(on_train.all.correct == on_train.all.gold);

  // New people, a new company and a place the gazetteer knows but training never had.
  const std::vector<std::string> w = {"Mr", "Ingmar", "Holt", "said", "the", "Brackwater", "Corporation",
                                      "would", "open", "an", "office", "in", "Lisbon", "."};
  const std::vector<Tag> tags = TagWords(model, Words(w), &gaz);
  CHECK(tags[1] == Tag::BPerson);
  CHECK(tags[2] == Tag::IPerson);
  CHECK(tags[5] == Tag::BOrg);
  CHECK(tags[6] == Tag::IOrg);
  CHECK(tags[12] == Tag::BPlace);
  CHECK(tags[3] == Tag::O);
  CHECK(tags[0] == Tag::O);
}

TEST_CASE("the binary model reads back with the same tags, and damaged bytes are refused with a reason") {
  const TaggerModel model = TrainTagger(Corpus(), 6);
  const std::string blob = model.Serialize();
  std::string error;
  const TaggerModel back = TaggerModel::Parse(blob, &error);
  CHECK(error.empty());
  CHECK(back.features() == model.features());
  for (const TaggedSentence& s : Corpus()) {
    std::vector<std::string_view> w(s.words.begin(), s.words.end());
    CHECK(TagWords(back, w) == TagWords(model, w));
  }

  CHECK(TaggerModel::Parse("", &error).empty());
  CHECK(error.find("header") != std::string::npos);
  CHECK(TaggerModel::Parse(blob.substr(0, blob.size() - 1), &error).empty());
  CHECK(error.find("size") != std::string::npos);
  std::string swapped = blob;  // the first two keys exchanged: out of order
  for (int i = 0; i < 8; ++i) std::swap(swapped[24 + size_t(i)], swapped[32 + size_t(i)]);
  CHECK(TaggerModel::Parse(swapped, &error).empty());
  CHECK(error.find("order") != std::string::npos);
  std::string huge = blob;  // a feature count far beyond the bytes
  huge[15] = char(0x7F);
  CHECK(TaggerModel::Parse(huge, &error).empty());
}

TEST_CASE("ScoreTagger counts exact spans: a cut name is wrong, a wrong type is wrong") {
  // An empty model finds nothing: recall 0, every gold span counted.
  const TaggerScores none = ScoreTagger(TaggerModel{}, Corpus());
  CHECK(none.all.gold == 24);
  CHECK(none.person.gold == 8);
  CHECK(none.place.gold == 8);
  CHECK(none.org.gold == 8);
  CHECK(none.all.predicted == 0);
  CHECK(none.all.F1() == 0.0);
  SpanCounts c;
  c.gold = 4, c.predicted = 2, c.correct = 2;
  CHECK(c.Precision() == 1.0);
  CHECK(c.Recall() == 0.5);
  CHECK(c.F1() == doctest::Approx(2.0 / 3.0));
}
