// Tests for quote_extractor.h through Analyze(): direct quotes (speaker after, before, split,
// multi-paragraph, embedded fragments, scare quotes, unbalanced marks) and reported speech with
// its cue and source (named, pronoun, unnamed), on invented sentences.
#include "analysis.h"
#include "gazetteer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lectern;

namespace {

#define LQ "\xE2\x80\x9C"  // “
#define RQ "\xE2\x80\x9D"  // ”

struct Run {
  Document doc;
  Analysis a;
  explicit Run(const std::string& body) {
    LoadResult r = LoadDocument("Headline\n\n" + body, "test.txt");
    doc = std::move(r.doc);
    a = Analyze(doc, Gazetteer::Builtin());
  }
  std::string Cue(const Quote& q) const { return std::string(doc.Text(q.cue)); }
  std::string Text(size_t i) const { return a.quotes.at(i).Text(doc); }
  const Quote* Find(const std::string& text_start) const {
    for (const Quote& q : a.quotes)
      if (q.Text(doc).compare(0, text_start.size(), text_start) == 0) return &q;
    return nullptr;
  }
  size_t Count(QuoteKind k) const {
    size_t n = 0;
    for (const Quote& q : a.quotes) n += q.kind == k;
    return n;
  }
};

}  // namespace

TEST_CASE("speaker after the quote, with a title in apposition") {
  Run r(LQ "Rates will stay high for longer," RQ " said Ingrid Solberg, the bank's governor.");
  REQUIRE(r.a.quotes.size() == 1);
  const Quote& q = r.a.quotes[0];
  CHECK(q.kind == QuoteKind::Direct);
  CHECK(r.Text(0) == "Rates will stay high for longer,");
  CHECK(q.speaker == "Ingrid Solberg");
  CHECK(r.Cue(q) == "said");
  REQUIRE(q.speaker_entity >= 0);
  CHECK(r.a.entities[q.speaker_entity].name == "Ingrid Solberg");
  CHECK(q.id == "q1");
  CHECK(r.doc.Text(q.extent).substr(0, 3) == LQ);
}

TEST_CASE("a split quote is one quote in two parts joined by one space") {
  Run r("Opposition leader Tomas Vidal spoke first. " LQ "We were robbed," RQ " he said. " LQ
        "We will go to court." RQ);
  REQUIRE(r.Count(QuoteKind::Direct) == 1);
  const Quote* q = r.Find("We were robbed");
  REQUIRE(q);
  CHECK(q->parts.size() == 2);
  CHECK(q->Text(r.doc) == "We were robbed, We will go to court.");
  CHECK(q->speaker == "Tomas Vidal");
}

TEST_CASE("speaker before the quote: colon, comma, participle") {
  Run r("Finance Minister Ruth Amadi said: " LQ "The budget is balanced." RQ
        " Her deputy, Kofi Mensima, disagreed, telling reporters, " LQ "It is not." RQ);
  const Quote* a = r.Find("The budget");
  REQUIRE(a);
  CHECK(a->speaker == "Ruth Amadi");
  const Quote* b = r.Find("It is not");
  REQUIRE(b);
  CHECK(b->speaker == "Kofi Mensima");
  CHECK(r.Cue(*b) == "telling");
  CHECK(r.Count(QuoteKind::Indirect) == 0);  // the cues introduce the quotes themselves
}

TEST_CASE("a multi-paragraph quote runs on while each paragraph reopens the mark, one quote per paragraph") {
  Run r("Union chief Hana Sato addressed the rally. " LQ "We asked for talks. Nobody came.\n\n" LQ
        "Now we strike," RQ " she said.\n\nThe strike begins on Monday.");
  REQUIRE(r.Count(QuoteKind::Direct) == 2);
  CHECK(r.Text(0) == "We asked for talks. Nobody came.");
  CHECK(r.Text(1) == "Now we strike,");
  for (const Quote& q : r.a.quotes) {
    CHECK(q.speaker == "Hana Sato");
    CHECK(r.Cue(q) == "said");
  }
  // Each quote's extent starts at its own paragraph's opening mark.
  CHECK(r.doc.Text(r.a.quotes[1].extent).substr(0, 3) == LQ);
  CHECK(r.a.quotes[0].extent.end < r.a.quotes[1].extent.begin);
}

TEST_CASE("AP copy's two apostrophes close a double quote") {
  Run r("The commission said it did not have " LQ "a role in regulating content.\xE2\x80\x99\xE2\x80\x99"
        " Critics said: " LQ "That is a dodge." RQ);
  const Quote* q = r.Find("That is a dodge");
  REQUIRE(q);
  CHECK(q->speaker == "Critics");
  CHECK(!r.Find("a role in regulating content. Critics"));
}

TEST_CASE("an unbalanced mark closes at its sentence end instead of swallowing the article") {
  Run r("The mayor, Lena Horvat, called it " LQ "a scandal. Later she resigned.\n\n"
        "Elections follow in May. Lena Horvat said she would stand again.");
  for (const Quote& q : r.a.quotes) {
    if (q.kind != QuoteKind::Direct) continue;
    CHECK(q.extent.end <= r.doc.paragraphs[0].end);
    CHECK(q.Text(r.doc).find("Later") == std::string::npos);
  }
  const Quote* ind = r.Find("she would stand again");
  REQUIRE(ind);
  CHECK(ind->kind == QuoteKind::Indirect);
  CHECK(ind->speaker == "Lena Horvat");
}

TEST_CASE("fragments: a cue makes a short quote direct, no cue makes it a scare quote") {
  Run r("Senator Omar Haddad called the plan " LQ "a gift to polluters" RQ
        ". Critics of the so-called " LQ "green deal" RQ " stayed away.");
  REQUIRE(r.Count(QuoteKind::Direct) == 1);
  const Quote& q = r.a.quotes[0];
  CHECK(q.Text(r.doc) == "a gift to polluters");
  CHECK(r.Cue(q) == "called");
  CHECK(q.speaker == "Omar Haddad");
}

TEST_CASE("straight quotes pair like curly ones") {
  Run r("\"Prices will fall,\" said Priya Natarajan, an economist at Halvorsen Capital. "
        "She added that \"nobody expects a recession.\"");
  const Quote* a = r.Find("Prices will fall");
  REQUIRE(a);
  CHECK(a->speaker == "Priya Natarajan");
  const Quote* b = r.Find("nobody expects");
  REQUIRE(b);
  CHECK(b->speaker == "Priya Natarajan");
  const Quote* c = r.Find("that \"nobody");
  REQUIRE(c);
  CHECK(c->kind == QuoteKind::Indirect);
  CHECK(r.Cue(*c) == "added");
}

TEST_CASE("reported speech: that-clauses, bare clauses, told, according to, urged, cue after") {
  Run r("The Ministry of Energy said on Friday that fuel imports had doubled. "
        "Analysts said the rise was temporary. "
        "Petra Lindahl, a trader at Norrsken Bank, told reporters that stocks were low. "
        "Imports rose 12 percent last month, according to customs data published by the Port Authority. "
        "The union urged the government to cap prices. "
        "Demand will fall in spring, she noted. "
        "Officials warned of shortages.");
  const Quote* a = r.Find("that fuel imports had doubled");
  REQUIRE(a);
  CHECK(a->speaker == "Ministry of Energy");
  CHECK(r.Cue(*a) == "said");
  const Quote* b = r.Find("the rise was temporary");
  REQUIRE(b);
  CHECK(b->speaker == "Analysts");
  REQUIRE(b->speaker_entity >= 0);  // an unnamed plural source is a GROUP
  CHECK(r.a.entities[b->speaker_entity].type == EntityType::Group);
  const Quote* c = r.Find("that stocks were low");
  REQUIRE(c);
  CHECK(c->speaker == "Petra Lindahl");
  const Quote* d = r.Find("Imports rose 12 percent last month");
  REQUIRE(d);
  CHECK(r.Cue(*d) == "according to");
  CHECK(d->speaker == "Port Authority");
  const Quote* e = r.Find("the government to cap prices");
  REQUIRE(e);
  CHECK(r.Cue(*e) == "urged");
  const Quote* f = r.Find("Demand will fall in spring");
  REQUIRE(f);
  CHECK(f->speaker == "Petra Lindahl");
  CHECK(r.Cue(*f) == "noted");
  // "warned of shortages" reports no clause.
  CHECK(!r.Find("of shortages"));
  for (const Quote& q : r.a.quotes) CHECK(q.kind == QuoteKind::Indirect);
}

TEST_CASE("pronouns resolve to the nearest person of the right gender") {
  Run r("Mr. Arjun Mehta met Ms. Clara Voss in Bern. She said that the talks had failed. "
        "He said that he disagreed.");
  const Quote* she = r.Find("that the talks had failed");
  REQUIRE(she);
  CHECK(she->speaker == "Clara Voss");
  const Quote* he = r.Find("that he disagreed");
  REQUIRE(he);
  CHECK(he->speaker == "Arjun Mehta");
}

TEST_CASE("unnamed sources keep their phrase and point at the organisation they name") {
  Run r("The Ravenna Port Authority issued a notice. A senior Ravenna Port Authority official, who "
        "asked not to be named, said the port would close. " LQ "We have no choice," RQ
        " the official said.");
  const Quote* a = r.Find("the port would close");
  REQUIRE(a);
  CHECK(a->speaker == "A senior Ravenna Port Authority official");
  REQUIRE(a->speaker_entity >= 0);
  CHECK(r.a.entities[a->speaker_entity].name == "Ravenna Port Authority");
  const Quote* b = r.Find("We have no choice");
  REQUIRE(b);
  CHECK(b->speaker == "A senior Ravenna Port Authority official");
}

TEST_CASE("split speech: two sources in one sentence and negated cues") {
  Run r("Ivo Maric said the deal was fair, though the Farmers Union warned that prices would rise. "
        "He did not say whether he would resign.");
  const Quote* a = r.Find("the deal was fair");
  REQUIRE(a);
  CHECK(a->speaker == "Ivo Maric");
  CHECK(a->Text(r.doc) == "the deal was fair");
  const Quote* b = r.Find("that prices would rise");
  REQUIRE(b);
  CHECK(b->speaker == "Farmers Union");
  CHECK(!r.Find("whether he would resign"));
}

TEST_CASE("ten thousand quote marks and no punctuation stay bounded") {
  std::string body;
  for (int i = 0; i < 10000; ++i) body += (i % 3 == 0) ? "\" " : (i % 3 == 1 ? LQ "x " : RQ " ");
  Run r(body);
  for (const Quote& q : r.a.quotes) {
    CHECK(q.extent.begin <= q.extent.end);
    CHECK(q.extent.end <= r.doc.bytes.size());
    for (Span p : q.parts) {
      CHECK(p.begin >= q.extent.begin);
      CHECK(p.end <= q.extent.end);
    }
  }
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "said that ";
  Run w(words);
  CHECK(w.a.sentences.size() > 1);
}

TEST_CASE("pronouns point back to the source of the last quote before the subject of it") {
  Run r("Kofi Asamoah's widow, Efua Mensah, told local radio that the police ignored him. " LQ
        "Nobody listened," RQ " she said. The Miners Union said the company was to blame. They said "
        "the mine should close.");
  const Quote* she = r.Find("Nobody listened");
  REQUIRE(she);
  CHECK(she->speaker == "Efua Mensah");
  const Quote* they = r.Find("the mine should close");
  REQUIRE(they);
  CHECK(they->speaker == "Miners Union");
}

TEST_CASE("scare quotes: 'so-called', fragments that run on / sources in relative clauses") {
  Run r("The so-called " LQ "peace dividend" RQ " never came. The " LQ "grand plan" RQ " promised by "
        "ministers failed too. The rumours were denied by officials, who called them " LQ "pure fiction." RQ);
  CHECK(!r.Find("peace dividend"));
  CHECK(!r.Find("grand plan"));
  const Quote* q = r.Find("pure fiction");
  REQUIRE(q);
  CHECK(q->speaker == "officials");
  CHECK(r.Cue(*q) == "called");
}

TEST_CASE("reported speech before its source: a bare day, a phrase to the end, a document as the source") {
  Run r("Warnings for the flood were issued three hours too late, an independent review said Friday, "
        "blaming old maps. Two patients died after infections, the agency noted in its assessment. "
        "Tolvane met the head of state on Wednesday.");
  const Quote* a = r.Find("Warnings for the flood");
  REQUIRE(a);
  CHECK(a->speaker == "an independent review");
  CHECK(a->kind == QuoteKind::Indirect);
  const Quote* b = r.Find("Two patients died");
  REQUIRE(b);
  CHECK(r.Cue(*b) == "noted");
  CHECK_FALSE(r.Find("Tolvane met"));
}

TEST_CASE("a verb coordinated with a subordinate clause's verb shares its subject") {
  Run r("The coalition is heading for a clash after Finance Minister Petra Lindqvist ruled out new debt "
        "and said the gap could not be closed with tricks.");
  const Quote* q = r.Find("the gap could not be closed");
  REQUIRE(q);
  CHECK(q->speaker == "Petra Lindqvist");
}

TEST_CASE("clauses without 'that' / a long phrase before 'that' / a new clause after ', and in …'") {
  Run r("Selma Kray stressed the measure was temporary. The Zentralbank warned in its monthly report on "
        "Monday that the economy probably shrank. The Fund has urged Ruritania to end the payments, and in a "
        "statement on Friday the Fund called the reform necessary.");
  const Quote* a = r.Find("the measure was temporary");
  REQUIRE(a);
  CHECK(a->speaker == "Selma Kray");
  const Quote* b = r.Find("that the economy probably shrank");
  REQUIRE(b);
  CHECK(b->speaker == "Zentralbank");
  const Quote* c = r.Find("Ruritania to end the payments");
  REQUIRE(c);
  CHECK(c->Text(r.doc) == "Ruritania to end the payments");
}

TEST_CASE("a source with an apposition and a relative clause / a '-based' place is no source") {
  Run r("Arvo Lind, 67, whose farm near Molong burned down, said residents had been left alone. "
        "The Munich-based Halvorsen Institute said business confidence fell.");
  const Quote* a = r.Find("residents had been left alone");
  REQUIRE(a);
  CHECK(a->speaker == "Arvo Lind");
  const Quote* b = r.Find("business confidence fell");
  REQUIRE(b);
  CHECK(b->speaker == "Halvorsen Institute");
}

TEST_CASE("a cue word after a superlative is a noun / a clause without 'that' may hold such a noun") {
  Run r("Kestrel Motors Corp. said on Monday it would recall 90,000 vans, the van maker's biggest recall "
        "in a decade. Dana Whitcombe, an analyst at Larch Securities, estimated the recall would cost "
        "about 4 billion yen.");
  REQUIRE(r.a.quotes.size() == 2);
  const Quote* a = r.Find("it would recall 90,000 vans");
  REQUIRE(a);
  CHECK(a->speaker == "Kestrel Motors Corp.");
  const Quote* b = r.Find("the recall would cost about 4 billion yen");
  REQUIRE(b);
  CHECK(b->speaker == "Dana Whitcombe");
}

TEST_CASE("a long phrase after a trailing cue that holds no clause / 'the company' is no public body") {
  Run r("Kestrel Motors Corp. builds vans. The recall covers vans built in 2021 and 2022, Kestrel Motors "
        "said in a filing with the Ministry of Mines, Energy and Water Affairs (MMEWA). Dealers logged "
        "12 complaints, according to the National Road Safety Administration. No crashes have been "
        "reported, the company said.");
  const Quote* a = r.Find("The recall covers vans built in 2021 and 2022");
  REQUIRE(a);
  CHECK(r.Cue(*a) == "said");
  const Quote* b = r.Find("No crashes have been reported");
  REQUIRE(b);
  CHECK(b->speaker == "Kestrel Motors Corp.");
}

TEST_CASE("an anonymous source: 'a person familiar with …' / a title's portfolio before the source's name") {
  Run r("A person familiar with the budget said the cabinet had agreed to cut spending. " LQ
        "We cannot wait," RQ " Ghana" "\xE2\x80\x99" "s Minister of Foreign Trade, Kofi Asante-Mensah, told reporters.");
  const Quote* a = r.Find("the cabinet had agreed to cut spending");
  REQUIRE(a);
  CHECK(a->speaker == "A person familiar with the budget");
  const Quote* b = r.Find("We cannot wait,");
  REQUIRE(b);
  CHECK(b->speaker == "Kofi Asante-Mensah");
}

TEST_CASE("'the company' is the company the story has named most, not the last one named") {
  Run r("Workers at the Loma Verde mine walked out. Minera Talca, a unit of London-listed Corran Mining Plc, "
        "said in a statement that output would continue. Minera Talca hired contractors. The company said "
        "talks could resume next week.");
  const Quote* q = r.Find("talks could resume next week");
  REQUIRE(q);
  CHECK(q->speaker == "Minera Talca");
}

TEST_CASE("people somewhere speak, not the place: 'farmers in Tarija, Bolivia, say …'") {
  Run r("Wheat growers in Tarija, Bolivia, say the new tariffs are already eating into their margins.");
  REQUIRE(r.a.quotes.size() == 1);
  CHECK(r.a.quotes[0].speaker.rfind("Wheat growers in Tarija", 0) == 0);
  CHECK(r.a.quotes[0].speaker_entity < 0);
}

TEST_CASE("a colon opens a clause: the source after it is the speaker, not the words before it") {
  Run r("Economists were divided. Others were more cautious: Lise Aune of Nordhavn Markets said the bank "
        "would wait for more data. The minister said: " LQ "We will act." RQ);
  const Quote* q = r.Find("the bank would wait");
  REQUIRE(q);
  CHECK(q->speaker == "Lise Aune");
  const Quote* d = r.Find("We will act.");
  REQUIRE(d);
  CHECK(d->kind == QuoteKind::Direct);
  CHECK(d->speaker == "The minister");
}

TEST_CASE("a long dateline opening the story is no part of the reported clause after it") {
  Run r("SAN MARCO, Velland, Oct 3 (Reuters) - Lumora Semiconductor will cut about 2,000 jobs, the "
        "company said on Thursday.");
  const Quote* q = r.Find("Lumora Semiconductor will cut");
  REQUIRE(q);
  CHECK(r.Cue(*q) == "said");
  CHECK(r.Find("SAN MARCO") == nullptr);
}

TEST_CASE("a speech word after a people's adjective is a noun: 'European caution' is no cue") {
  Run r("The regulator approved the drug for some patients, the latest sign of European caution over "
        "the new class of medicines. Chile said it would follow.");
  CHECK(r.Find("The regulator approved") == nullptr);
  const Quote* q = r.Find("it would follow");
  REQUIRE(q);
  CHECK(q->speaker == "Chile");
}

TEST_CASE("a description of a body, then its name in apposition: the name speaks") {
  Run r("Ostrava Freight Lines runs trains. The group that owns most of the network, Ostrava Freight Lines, says "
        "the timetable will not change.");
  const Quote* q = r.Find("the timetable will not change");
  REQUIRE(q);
  CHECK(q->speaker == "Ostrava Freight Lines");
}

TEST_CASE("a conjunction opening the sentence is no part of the source, nor a phrase before a pronoun") {
  Run r("Velora Tansey posted a long statement. In a blog post at the time she described this as the "
        LQ "worst case" RQ " for the band. Kestrel Foods sued. But the company said the case had no merit.");
  const Quote* q = r.Find("worst case");
  REQUIRE(q);
  CHECK(q->speaker == "Velora Tansey");
  const Quote* c = r.Find("the case had no merit");
  REQUIRE(c);
  CHECK(c->speaker == "Kestrel Foods");
}

TEST_CASE("'the group' is the body of members just named, not the company the story is about") {
  Run r("Brindle Works cut 900 jobs. Brindle Works said the cuts were needed. The group, Brindle Staff Coalition, "
        "formed last month. However, the group raised alarm at the terms of the deal, and said that staff were "
        "told to sign by Monday. The group said the contract was unclear.");
  const Quote* a = r.Find("that staff were told to sign by Monday");
  CHECK(!r.Find("However, the group raised alarm"));  // "were told" is passive: no cue
  REQUIRE(a);
  CHECK(a->speaker == "Brindle Staff Coalition");
  const Quote* b = r.Find("the contract was unclear");
  REQUIRE(b);
  CHECK(b->speaker == "Brindle Staff Coalition");
}

TEST_CASE("a sentence opened by the same pronoun carries its referent past the names in it") {
  Run r("Dorian Vasquez faces ten years in prison. He was arrested in April after a call to the office of "
        "Marta Lindgren. During the call, he said, " LQ "I will come for her." RQ);
  const Quote* q = r.Find("I will come for her");
  REQUIRE(q);
  CHECK(q->speaker == "Dorian Vasquez");
}

TEST_CASE("a clause that only frames a direct quote is no reported speech of its own") {
  Run r("Dorian Vasquez called the office. The aide who took the call recalled that he said, " LQ
        "I will come back tomorrow," RQ " the office said.");
  CHECK(!r.Find("that he said"));
  const Quote* q = r.Find("I will come back tomorrow");
  REQUIRE(q);
  CHECK(q->speaker == "Dorian Vasquez");
}

TEST_CASE("'the 56-year-old said' is a cue, and the age stands for the story's person") {
  Run r("Arvid Lund was named coach on Wednesday. Lund had been out of work since being sacked by Pell Rovers "
        "boss Dana Quist in May.\n\n"
        "The 56-year-old said: " LQ "I am excited to be joining a club with such a heritage." RQ);
  const Quote* q = r.Find("I am excited");
  REQUIRE(q);
  CHECK(q->speaker == "Arvid Lund");
}

TEST_CASE("narration after ', but he gave …' ends the reported clause, and a passive naming is no quote") {
  Run r("Lena Varga visited the port. She said the ship would arrive next year, but she gave no details on the "
        "cost. Varga toured the old fort, dubbed the " LQ "Iron Gate" RQ " by sailors held there.");
  const Quote* q = r.Find("the ship would arrive next year");
  REQUIRE(q);
  CHECK(q->Text(r.doc) == "the ship would arrive next year");
  CHECK(!r.Find("Iron Gate"));
}

TEST_CASE("'X, according to Y, made …' reports the rest of the sentence, with its quoted words") {
  Run r("(NEWS) Mayor Ilse Brandt, according to the Harwick Council, made an unscheduled trip to the clinic on "
        "Saturday for a " LQ "quick check" RQ " before the summit.");
  const Quote* q = r.Find("made an unscheduled trip");
  REQUIRE(q);
  CHECK(q->kind == QuoteKind::Indirect);
  CHECK(q->speaker == "Harwick Council");
  const Quote* d = r.Find("quick check");
  REQUIRE(d);
  CHECK(d->kind == QuoteKind::Direct);
  CHECK(d->speaker == "Harwick Council");
  CHECK(!r.Find("(NEWS) Mayor"));
}

TEST_CASE("modifier names are not the source: 'X administration officials', 'X-led forces', 'reports seen by X'") {
  Run r("President Lena Holm met the envoy on Monday. Holm administration officials said the talks would resume "
        "next week. They said the deal was close.\n\n"
        "The military said two soldiers were wounded. Reports seen by Harwick Wire suggest the plan was dropped. "
        "Ukraine-led forces said they had advanced.");
  const Quote* a = r.Find("the talks would resume");
  REQUIRE(a);
  CHECK(a->speaker == "Holm administration officials");
  const Quote* b = r.Find("the deal was close");
  REQUIRE(b);
  CHECK(b->speaker == "Holm administration officials");
  const Quote* c = r.Find("two soldiers were wounded");
  REQUIRE(c);
  CHECK(c->speaker == "The military");
  const Quote* d = r.Find("the plan was dropped");
  REQUIRE(d);
  CHECK(d->speaker == "Reports seen by Harwick Wire");
  const Quote* e = r.Find("they had advanced");
  REQUIRE(e);
  CHECK(e->speaker == "Ukraine-led forces");
  CHECK(e->speaker_entity < 0);
}

TEST_CASE("list-form speech: bulleted paragraphs after 'X said:' are each X's statement") {
  Run r("The ministry issued new rules on Monday. In a statement, Health Minister Ana Sousa said:\n\n"
        "- Schools will reopen on 1 March.\n\n"
        "- Masks remain required on buses.\n\n"
        "The rules were welcomed by parents.");
  CHECK(!r.Find("In a statement"));
  for (const char* item : {"Schools will reopen on 1 March", "Masks remain required on buses"}) {
    const Quote* q = r.Find(item);
    REQUIRE_MESSAGE(q, item);
    CHECK(q->speaker == "Ana Sousa");
  }
  CHECK(!r.Find("The rules were welcomed"));
}

TEST_CASE("list-form speech: bullets may be dots as well as dashes") {
  Run r("Talks resumed on Monday. Foreign Minister Pavel Dusek said:\n\n"
        "\xE2\x80\xA2 The border will stay open to trade.\n\n"
        "\xE2\x80\xA2 Visas will be issued within a week.");
  for (const char* item : {"The border will stay open to trade", "Visas will be issued within a week"}) {
    const Quote* q = r.Find(item);
    REQUIRE_MESSAGE(q, item);
    CHECK(q->speaker == "Pavel Dusek");
  }
}

TEST_CASE("a participle cue after a quote in the same sentence takes that quote's source") {
  Run r("Prime Minister Lena Varga said in a statement, " LQ "We are relieved" RQ
        " at the crew's return, adding that their families had asked for privacy.");
  const Quote* q = r.Find("that their families");
  REQUIRE(q);
  CHECK(q->speaker == "Lena Varga");
  CHECK(r.Cue(*q) == "adding");
}

TEST_CASE("a time phrase without a comma before the subject is no part of it") {
  Run r("Last week trade official Marta Oduya met the delegation, saying the talks would resume soon. "
        "On Monday the ministry said exports had fallen for a third month.");
  const Quote* a = r.Find("the talks would resume");
  REQUIRE(a);
  CHECK(a->speaker == "Marta Oduya");
  const Quote* b = r.Find("exports had fallen");
  REQUIRE(b);
  CHECK(b->speaker != "");
  CHECK(b->speaker.find("Monday") == std::string::npos);
}

TEST_CASE("an unnamed insider, rep or relative is a source") {
  Run r("The singer is unhappy with the deal, an insider told the magazine on Monday. "
        "The victim's mother testified that her daughter had fought back.");
  const Quote* a = r.Find("The singer is unhappy");
  REQUIRE(a);
  CHECK(a->speaker == "an insider");
  const Quote* b = r.Find("that her daughter had fought back");
  REQUIRE(b);
  CHECK(b->speaker == "The victim's mother");
}

TEST_CASE("a date between the speech verb and its clause is skipped") {
  Run r("The space agency announced Nov. 18 that it was adding five companies to the contract. "
        "The ministry said March 3 it would cut the tariff by half.");
  const Quote* a = r.Find("that it was adding five companies");
  REQUIRE(a);
  CHECK(r.Cue(*a) == "announced");
  const Quote* b = r.Find("it would cut the tariff");
  REQUIRE(b);
  CHECK(r.Cue(*b) == "said");
}

TEST_CASE("', as X have confirmed that …' is X's speech, not the main clause's subject's") {
  Run r("The mission may now reach further, as the agency's scientists have confirmed that they "
        "detected water above the ice. Judges treated the firms as partners, but said the law must change.");
  const Quote* a = r.Find("that they detected water");
  REQUIRE(a);
  CHECK(a->speaker == "the agency's scientists");
  const Quote* b = r.Find("the law must change");
  REQUIRE(b);
  CHECK(b->speaker == "Judges");
}

TEST_CASE("'led X to announce …': the infinitive's source is the object, not the sentence's subject") {
  Run r("Falling orders from Emirates led Airbus to announce it would end production of the jet.");
  const Quote* q = r.Find("it would end production");
  REQUIRE(q);
  CHECK(q->speaker == "Airbus");
}
