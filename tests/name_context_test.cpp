// Tests for name_context.h: the words around a token, as the recogniser's stages read them.
#include "recognizer_fixture.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("a capital says nothing at a sentence start, after an opening quote or a colon") {
  Indexed t("Headline\n\nNairobi is busy. She said: \xE2\x80\x9CLagos too.\xE2\x80\x9D Then Kampala and Accra.");
  CHECK(t.cx.SentenceInitial(t.Tok("Nairobi")));
  CHECK(t.cx.SentenceInitial(t.Tok("Lagos")));
  CHECK(t.cx.SentenceInitial(t.Tok("Then")));
  CHECK_FALSE(t.cx.SentenceInitial(t.Tok("Kampala")));
  CHECK(t.cx.NameWord(t.Tok("Accra")));
  CHECK_FALSE(t.cx.NameWord(t.Tok("and")));
  CHECK(t.cx.Lower(t.Tok("and")));
}

TEST_CASE("locative context: in, near the, a visit to, but not a stake in") {
  Indexed t("Headline\n\nTroops arrived in Velmora. A visit to Pascor followed. "
            "Funds bought a stake in Torvane. The talks near the Ostrava border ended.");
  const std::vector<Candidate> none;
  CHECK(t.cx.LocativeContext(t.Tok("Velmora"), none));
  CHECK(t.cx.LocativeContext(t.Tok("Pascor"), none));
  CHECK_FALSE(t.cx.LocativeContext(t.Tok("Torvane"), none));
  CHECK(t.cx.LocativeContext(t.Tok("Ostrava"), none));
}

TEST_CASE("locative context: the second of a pair of places counts when the first was found as one") {
  Indexed t("Headline\n\nFloods hit Velmora and Pascor on Monday.");
  const uint32_t velmora = t.Tok("Velmora"), pascor = t.Tok("Pascor");
  std::vector<Candidate> found(1);
  found[0].tb = velmora;
  found[0].te = velmora + 1;
  found[0].type = EntityType::Place;
  CHECK(t.cx.LocativeContext(pascor, found));
  found[0].type = EntityType::Org;
  CHECK_FALSE(t.cx.LocativeContext(pascor, found));
}

TEST_CASE("what follows a name: a possessive role, a person noun, a speech verb") {
  Indexed t("Headline\n\nKestrel\xE2\x80\x99s chief executive resigned. Pascor officials met. Torvane said no.");
  const uint32_t kestrel = t.Tok("Kestrel");
  CHECK(t.cx.PossessiveRole(kestrel + 1));
  CHECK(t.cx.NextIs(t.Tok("Pascor") + 1, kHumanRole | kCollective));
  CHECK(t.cx.SpeechVerbAt(t.Tok("Torvane") + 1));
  CHECK_FALSE(t.cx.SpeechVerbAt(t.Tok("Pascor") + 1));
}

TEST_CASE("the shape of a word: camel case, brand capitals, participle suffixes, legal forms") {
  Indexed t("Headline\n\nThe Vienna-based unit of VeltaCorp and McAllister Holdings Inc. met DeSantis.");
  CHECK(t.cx.LowerSuffix(t.Tok("Vienna-based")));
  CHECK(t.cx.BrandCamel(t.Tok("VeltaCorp")));
  CHECK_FALSE(t.cx.BrandCamel(t.Tok("McAllister")));
  CHECK_FALSE(t.cx.BrandCamel(t.Tok("DeSantis")));
  CHECK(t.cx.CamelCase(t.Tok("McAllister")));
  CHECK(t.cx.LegalForm(t.Tok("Inc")));
  CHECK_FALSE(t.cx.LegalForm(t.Tok("Holdings")));
}

TEST_CASE("a name's extent: initials and particles belong to it, a title does not") {
  Indexed t("Headline\n\nMinister Anna K. Berg met Hendrik van der Walt.");
  const uint32_t anna = t.Tok("Anna"), berg = t.Tok("Berg");
  CHECK(t.cx.LooksLikeName(anna, berg + 1));
  CHECK(t.cx.TrailingName(t.Tok("Minister"), berg + 1, 0) == anna);
  const uint32_t hendrik = t.Tok("Hendrik"), walt = t.Tok("Walt");
  CHECK(t.cx.LooksLikeName(hendrik, walt + 1));
  CHECK_FALSE(t.cx.LooksLikeName(t.Tok("met"), walt + 1));
}

TEST_CASE("a line in capitals: its capitals say nothing") {
  Indexed t("Headline\n\nBREAKING NEWS FROM THE COAST TODAY. Then Ana Ruiz spoke.");
  CHECK(t.cx.ShoutingSentence(t.Tok("NEWS")));
  CHECK_FALSE(t.cx.ShoutingSentence(t.Tok("Ruiz")));
}

TEST_CASE("the gazetteer's answer per word: places, demonyms, the start of a longer name") {
  Indexed t("Headline\n\nChilean and Kenyan officials met in New York and Nairobi. Qwertyx too.");
  CHECK(t.cx.Word1(t.Tok("Chilean")).demonym >= 0);
  CHECK_FALSE(t.cx.Word1(t.Tok("Nairobi")).hits->empty());
  CHECK(t.cx.Word1(t.Tok("New")).prefix);
  CHECK(t.cx.Word1(t.Tok("Qwertyx")).hits->empty());
  CHECK(t.cx.MajorPlaceWord(t.Tok("Nairobi")));
  CHECK(t.cx.MajorPlaceWord(t.Tok("Kenyan")));
  CHECK(t.cx.Word1(t.ix.size() + 5).hits->empty());  // past the end: nothing, no crash
}

TEST_CASE("an apposition says organisation by its noun, not by an organisation that owns a role") {
  Indexed t("Headline\n\nMarta Delvo, the company's chief operating officer, spoke. "
            "Ostrani, the state-owned company, said so. Pell Varo, the group's founder, agreed.");
  CHECK_FALSE(t.cx.AppositionSaysOrg(t.Tok("Delvo") + 1));
  CHECK(t.cx.AppositionSaysOrg(t.Tok("Ostrani") + 1));
  CHECK_FALSE(t.cx.AppositionSaysOrg(t.Tok("Varo") + 1));
}
