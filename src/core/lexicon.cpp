// lexicon.cpp — the English word lists (see lexicon.h). One table per class, merged into one hash
// map on first use; the map is immutable afterwards, so lookups are safe from any thread.
//
// [SECTION] Word classes
// [SECTION] Speech verbs
// [SECTION] Lookup
#include "lexicon.h"

#include "text_util.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace lectern {

namespace {

struct ClassList {
  uint32_t cls;
  const char* words;  // space separated
};

// [SECTION] Word classes --------------------------------------------------------------------------

const ClassList kClassLists[] = {
    {kStop,
     "the a an this that these those he she it they we i you his her its their our my your him "
     "them us me in on at for from by with without about after before during since until under "
     "over into onto through between among against despite as of to and but or nor so yet if "
     "when while where whereas although though because unless whether also however meanwhile "
     "moreover additionally furthermore nevertheless nonetheless still instead then thus there "
     "here both all some many most several few each every other another such no not only even "
     "just more less what which who whom whose how why once now according asked speaking like "
     "unlike following including across around amid within beyond toward towards upon via per "
     "except regarding given than do does did is are was were be been being has have had will "
     "would can could may might must shall should yes one two three four five six seven eight "
     "nine ten first second third last next earlier later overall indeed similarly likewise "
     "finally initially elsewhere separately altogether together otherwise perhaps maybe almost "
     "nearly already again below above near outside inside behind beside besides throughout "
     "despite whatever whoever wherever whenever asked told said says"},
    {kPronoun, "he him his himself she her hers herself they them their theirs themselves it its "
               "itself we us our i me my you your"},
    {kTitle,
     "president minister chancellor premier king queen prince princess emperor empress pope "
     "sheikh sheik emir sultan ayatollah senator sen sen. congressman congresswoman "
     "representative rep rep. governor gov gov. mayor general gen gen. lieutenant lt lt. colonel "
     "col col. major maj maj. captain capt capt. sergeant sgt sgt. admiral adm adm. commander "
     "cmdr cmdr. marshal judge justice ambassador commissioner secretary secretary-general "
     "director director-general chairman chairwoman chairperson chair president-elect "
     "vice-president speaker dr dr. mr mr. mrs mrs. ms ms. miss mx prof prof. professor sir dame "
     "lord lady rev rev. reverend bishop archbishop cardinal father rabbi imam patriarch "
     "ceo leader chief-executive executive chief officer cfo coo cto administrator ombudsman "
     "attorney founder co-founder"},
    {kTitleMod,
     "prime vice deputy acting former interim foreign defence defense finance interior health "
     "commerce commercial labor-market homeland veterans "
     "economy economic energy trade justice education environment agriculture labour labor "
     "transport culture home state supreme crown attorney chief executive managing general "
     "first opposition party army police security national grand high senior junior assistant "
     "associate lieutenant majority minority then-president then-prime outgoing incoming "
     "caretaker regional district military climate development industry infrastructure "
     "digital treasury fisheries tourism sports youth housing water mining oil petroleum "
     "financial operating technology technical information investment marketing medical "
     "scientific legal risk strategy public"},
    {kHonorific,
     "dr dr. mr mr. mrs mrs. ms ms. miss mx prof prof. sir dame lord lady rev rev. reverend "
     "sen sen. rep rep. gov gov. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. "
     "cmdr cmdr. sheikh sheik"},
    {kOrgHead,
     "ministry department office agency commission committee council organization organisation "
     "party university college school institute institution center centre centers centres bank "
     "fund foundation association federation union alliance assembly parliament congress senate "
     "court tribunal authority board bureau service services corporation corp corp. company co "
     "co. inc inc. ltd ltd. llc plc group holdings exchange forces force army navy police guard "
     "guards front movement league network society trust times post journal news press "
     "airlines airways motors petroleum industries technologies systems partners capital "
     "securities insurance hospital clinic church mission programme program initiative "
     "coalition cabinet government administration secretariat directorate inspectorate command "
     "brigade battalion regiment club fc ag sa gmbh nv bv spa institutes foundation's "
     "reserve treasury fed academy laboratory laboratories labs observatory museum library "
     "consortium cooperative co-operative brotherhood house platforms networks solutions "
     "brands foods pharmaceuticals therapeutics resources minerals mining media entertainment "
     "communications telecom logistics investments ventures enterprises international "
     "robotics aerospace productions records studios pictures dynamics biosciences "
     "electric steel chemicals semiconductor semiconductors bancorp financial markets project "
     "projects nations power watch survey infirmary radio television tv broadcasting "
     "rovers wanderers rangers athletic albion hotspur"},
    {kPlaceHead,
     "sea ocean river lake mountains mountain hills valley desert gulf bay strait straits route "
     "channel canal island islands isles peninsula coast basin plateau delta province region "
     "county district prefecture oblast governorate territory territories square street avenue "
     "bridge park airport harbour harbor strip heights highlands lowlands plains falls glacier "
     "reef archipelago corridor crossing city trench ridge fault"},
    {kPlacePrefix, "lake mount mt mt. cape isle gulf bay port fort lac"},
    {kMonth,
     "january february march april may june july august september october november december "
     "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
     "oct. nov nov. dec dec."},
    {kDay, "monday tuesday wednesday thursday friday saturday sunday"},
    {kNonEntity,
     "god internet web christmas easter ramadan eid hanukkah diwali lent islam muslim muslims "
     "christian christians christianity catholic catholics protestant jewish jews judaism sunni "
     "sunnis shia shiite shiites hindu hindus buddhist buddhists covid covid-19 english arabic "
     "latin celsius fahrenheit parliamentary presidential constitutional islamist islamists "
     "western eastern northern southern westerners olympic olympics nobel "
     "tv ok phd ceo cfo coo gdp lng lpg ai it i ebola zika mpox sars mers hiv aids covid19 "
     "omicron delta cpi ppi cto ev evs ipo etf etfs gmt utc vat gst co2 ppe icu gps sms pc hr "
     "pr q1 q2 q3 q4 h1 h2 mw gw kw kwh mwh gwh twh bpd mmbtu bcm tcf km kg mph dna rna ceos "
     "ngo ngos mp mps faq am pm former welcome m&a r&d q&a b&b"},
    {kHumanRole,
     "spokesperson spokesman spokeswoman official analyst economist expert professor researcher "
     "scientist lawyer attorney diplomat minister leader head chief director executive "
     "president chairman chairwoman founder co-founder adviser advisor aide negotiator envoy "
     "ambassador commander general officer source observer campaigner activist critic resident "
     "witness doctor nurse worker trader investor strategist coordinator manager secretary "
     "representative lawmaker legislator senator mayor governor candidate prosecutor judge "
     "chancellor premier vice-president analysts officials economists experts researchers "
     "scientists lawyers diplomats ministers leaders executives aides negotiators envoys "
     "officers sources observers campaigners activists critics residents witnesses doctors "
     "nurses workers traders investors strategists lawmakers legislators prosecutors "
     "spokespeople spokespersons member members partner partners director-general "
     "secretary-general commissioner deputy vice lecturer historian author writer journalist "
     "reporter editor correspondent consultant specialist veteran chair chairperson "
     "fellow dean rector physician surgeon epidemiologist virologist engineer pilot farmer "
     "farmers protester protesters demonstrators voters person meteorologist forecaster "
     "administrator ombudsman coach defenseman defenceman defender goaltender goalie "
     "midfielder striker winger quarterback linebacker insider insiders rep publicist mother "
     "father wife husband son daughter brother sister neighbour neighbor friend"},
    {kOrgNoun,
     "company corporation firm group refiner bank lender insurer carrier airline operator producer maker "
     "manufacturer giant utility retailer broadcaster newspaper agency regulator party startup "
     "start-up conglomerate supplier exporter importer developer miner automaker carmaker "
     "chipmaker drugmaker publisher network outlet charity organisation organization union "
     "watchdog movement coalition alliance militia faction broker fund rival subsidiary unit "
     "parent owner trader shipper distributor processor grocer chain brand label studio club "
     "team ngo ministry department office commission council committee court parliament "
     "association federation body institute directorate authority service bureau board "
     "inspectorate "
     "regulator agency secretariat branch wing arm division"},
    {kPlaceNoun,
     "province provinces region regions district districts state states county counties city "
     "cities town towns village villages municipality prefecture oblast governorate island "
     "islands river valley capital port suburb neighbourhood neighborhood enclave territory "
     "area camp"},
    {kAux,
     "has have had is are was were will would could should may might can must did does do "
     "also firmly repeatedly previously again already still never often once recently "
     "reportedly publicly privately separately quickly strongly flatly initially earlier later "
     "then both not been being be who which that whose"},
    {kCollective,
     "analysts officials economists experts researchers scientists lawyers diplomats ministers "
     "leaders executives aides negotiators envoys officers sources observers campaigners "
     "activists critics residents witnesses doctors workers traders investors strategists "
     "lawmakers legislators prosecutors agencies groups organisations organizations authorities "
     "governments companies firms banks unions charities donors insurers airlines producers "
     "police protesters demonstrators voters families relatives survivors rescuers "
     "communities citizens villagers locals parents patients students teachers employees staff "
     "environmentalists conservationists opponents supporters rebels militants fighters soldiers "
     "troops regulators lenders creditors shareholders manufacturers exporters importers "
     "businesses associations ngos farmers residents consumers users customers commentators "
     "economists forecasters pollsters people colleagues friends neighbours neighbors "
     "relatives prosecutors investigators"},
    {kConnector, "of for on and the & de da do dos das du des del della di van von der den ter "
                 "bin ibn al el la le y e"},
    {kLocPrep, "in near outside across around inside throughout into towards toward"},
    {kStarter,
     "the a an this that these those he she it they we i you his her its their our in on at "
     "for from by with but and or so yet if when while as after before during since although "
     "though because however meanwhile moreover still there some many most both all no not "
     "officials analysts mr mrs ms dr president"},
    {kAbbrevTitle,
     "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cmdr adm rev hon st mt ft fr messrs "
     "mme mlle supt insp pres vs v cf e.g i.e no nos op"},
    {kAbbrevOther,
     "inc corp ltd co jr sr bros jan feb mar apr jun jul aug sep sept oct nov dec etc approx "
     "dept est univ assn govt a.m p.m u.s u.k u.n e.u"},
    {kTimeWord, "today yesterday tomorrow tonight weekend week month year morning evening "
                "afternoon night"},
    {kNameParticle, "de da do dos das du des del della di van von der den ter bin ibn al el la "
                    "le bint abu ben"},
    // A market index, an event, a prize: "Hang Seng Index", "Dow Jones Industrial Average",
    // "Davis Cup", "American Music Awards", "Dubai Air Show", "Vietnam War", "Great Recession".
    {kEventHead, "index indices composite average award awards prize prizes show festival summit "
                 "finals cup championship championships tournament expo war recession depression "
                 "uprising spring"},
    {kLegalForm, "plc inc corp ltd llc s.a s.a. sa ag nv n.v. gmbh spa s.p.a. se bv b.v. asa oyj co lp llp pty"},
    {kDirection, "north south east west northern southern eastern western central "
                 "north-east north-west south-east south-west northeast northwest southeast "
                 "southwest upper lower greater"},
    {kOrgAfter, "party group movement militia company firm bank alliance coalition faction "
                "network union organisation organization agency foundation charity conglomerate "
                "consortium corporation"},
    {kGovNoun, "government authorities administration regime cabinet leadership military junta"},
    {kVisitWord, "visit visits trip visited visiting arrived travelled traveled flew"},
    {kDealWord, "agreement agreements deal deals pact accord treaty contract partnership alliance "
                "venture"},
};

// [SECTION] Speech verbs --------------------------------------------------------------------------

struct VerbList {
  CueClass cls;
  const char* lemma;
  const char* forms;     // space separated; forms ending in "ing" are participles
};

const VerbList kVerbLists[] = {
    {CueClass::Say, "say", "say says said saying"},
    {CueClass::Tell, "tell", "tell tells told telling"},
    {CueClass::That, "add", "add adds added adding"},
    {CueClass::That, "note", "note notes noted noting"},
    {CueClass::That, "warn", "warn warns warned warning"},
    {CueClass::That, "deny", "deny denies denied denying"},
    {CueClass::That, "insist", "insist insists insisted insisting"},
    {CueClass::That, "emphasise", "emphasise emphasises emphasised emphasising emphasize "
                                  "emphasizes emphasized emphasizing"},
    {CueClass::That, "stress", "stress stresses stressed stressing"},
    {CueClass::That, "suggest", "suggest suggests suggested suggesting"},
    {CueClass::That, "argue", "argue argues argued arguing"},
    {CueClass::That, "claim", "claim claims claimed claiming"},
    {CueClass::That, "state", "state stated stating"},
    {CueClass::That, "explain", "explain explains explained explaining"},
    {CueClass::That, "acknowledge", "acknowledge acknowledges acknowledged acknowledging"},
    {CueClass::That, "admit", "admit admits admitted admitting"},
    {CueClass::That, "announce", "announce announces announced announcing"},
    {CueClass::That, "confirm", "confirm confirms confirmed confirming"},
    {CueClass::That, "report", "reported reporting"},
    {CueClass::That, "reveal", "reveal reveals revealed revealing"},
    {CueClass::That, "predict", "predict predicts predicted predicting"},
    {CueClass::That, "contend", "contend contends contended contending"},
    {CueClass::That, "assert", "assert asserts asserted asserting"},
    {CueClass::That, "maintain", "maintains maintained maintaining"},
    {CueClass::That, "concede", "concede concedes conceded conceding"},
    {CueClass::That, "allege", "allege alleges alleged alleging"},
    {CueClass::That, "reply", "reply replies replied replying"},
    {CueClass::That, "respond", "respond responds responded responding"},
    {CueClass::That, "write", "write writes wrote writing"},
    {CueClass::That, "ask", "ask asks asked asking"},
    {CueClass::That, "agree", "agree agrees agreed agreeing"},
    {CueClass::That, "complain", "complain complains complained complaining"},
    {CueClass::That, "demand", "demand demands demanded demanding"},
    {CueClass::That, "recall", "recall recalls recalled recalling"},
    {CueClass::That, "vow", "vow vows vowed vowing"},
    {CueClass::That, "pledge", "pledge pledges pledged pledging"},
    {CueClass::That, "promise", "promise promises promised promising"},
    {CueClass::That, "declare", "declare declares declared declaring"},
    {CueClass::That, "indicate", "indicate indicates indicated indicating"},
    {CueClass::That, "estimate", "estimate estimates estimated estimating"},
    {CueClass::That, "caution", "caution cautions cautioned cautioning"},
    {CueClass::That, "continue", "continued"},
    {CueClass::That, "tweet", "tweet tweets tweeted tweeting"},
    {CueClass::That, "believe", "believe believes believed"},
    {CueClass::That, "testify", "testify testifies testified testifying"},
    {CueClass::That, "divulge", "divulge divulges divulged divulging"},
    {CueClass::That, "disclose", "disclose discloses disclosed disclosing"},
    {CueClass::That, "signal", "signal signals signalled signaled signalling signaling"},
    {CueClass::That, "conclude", "conclude concludes concluded concluding"},
    {CueClass::That, "recognise", "recognise recognises recognised recognize recognizes recognized"},
    {CueClass::Urge, "urge", "urge urges urged urging"},
    {CueClass::Embedded, "call", "call calls called calling"},
    {CueClass::Embedded, "describe", "describe describes described describing"},
    {CueClass::Embedded, "dub", "dub dubs dubbed dubbing"},
    {CueClass::Embedded, "term", "termed terming"},
    {CueClass::Embedded, "label", "labelled labeled labelling labeling"},
    {CueClass::Embedded, "brand", "branded branding"},
    {CueClass::Embedded, "hail", "hail hails hailed hailing"},
    {CueClass::Embedded, "accuse", "accuse accuses accused accusing"},
};

const char* const kNounCues =
    "allegation allegations claim claims report reports warning warnings assertion assertions "
    "accusation accusations assurance assurances suggestion suggestions insistence denial "
    "denials rumours rumors speculation";

// [SECTION] Lookup --------------------------------------------------------------------------------

template <typename F>
void ForEachWord(const char* list, F&& f) {
  const char* p = list;
  while (*p) {
    while (*p == ' ') ++p;
    const char* start = p;
    while (*p && *p != ' ') ++p;
    if (p > start) f(std::string_view(start, size_t(p - start)));
  }
}

struct Tables {
  std::unordered_map<std::string_view, uint32_t, FastHash> classes;
  std::unordered_map<std::string_view, SpeechVerb, FastHash> verbs;
  std::unordered_map<std::string_view, bool, FastHash> noun_cues;
  std::unordered_map<std::string_view, WordInfo, FastHash> words;  // classes and verbs together
  Tables() {
    for (const ClassList& l : kClassLists)
      ForEachWord(l.words, [&](std::string_view w) { classes[w] |= l.cls; });
    for (const VerbList& l : kVerbLists)
      ForEachWord(l.forms, [&](std::string_view w) {
        const bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing";
        verbs[w] = SpeechVerb{l.cls, ing, l.lemma};
      });
    ForEachWord(kNounCues, [&](std::string_view w) { noun_cues[w] = true; });
    for (const auto& kv : classes) words[kv.first].classes = kv.second;
    for (const auto& kv : verbs) words[kv.first].verb = &kv.second;  // node addresses are stable
    // The per-token lookup goes through a flat open-addressing table: one or two probes in
    // contiguous memory instead of a bucket chain.
    size_t cap = 1;
    while (cap < words.size() * 4) cap <<= 1;
    flat.assign(cap, FlatSlot{});
    for (const auto& kv : words) {
      size_t i = FastHash{}(kv.first) & (cap - 1);
      while (!flat[i].key.empty()) i = (i + 1) & (cap - 1);
      flat[i] = FlatSlot{kv.first, kv.second};
    }
  }
  struct FlatSlot {
    std::string_view key;
    WordInfo info;
  };
  std::vector<FlatSlot> flat;
  WordInfo Find(std::string_view w) const {
    if (w.empty()) return WordInfo{};
    const size_t mask = flat.size() - 1;
    for (size_t i = FastHash{}(w) & mask;; i = (i + 1) & mask) {
      const FlatSlot& s = flat[i];
      if (s.key.empty()) return WordInfo{};
      if (s.key == w) return s.info;
    }
  }
};

const Tables& GetTables() {
  static const Tables tables;  // immutable after construction (thread-safe static init)
  return tables;
}

}  // namespace

uint32_t WordClasses(std::string_view lower) {
  const auto& t = GetTables().classes;
  auto it = t.find(lower);
  return it == t.end() ? 0 : it->second;
}

const SpeechVerb* FindSpeechVerb(std::string_view lower) {
  const auto& t = GetTables().verbs;
  auto it = t.find(lower);
  return it == t.end() ? nullptr : &it->second;
}

bool IsNounCue(std::string_view lower) { return GetTables().noun_cues.count(lower) != 0; }

WordInfo LookupWord(std::string_view lower) { return GetTables().Find(lower); }

Gender HonorificGender(std::string_view w) {
  if (w == "mr" || w == "mr." || w == "sir" || w == "lord" || w == "king" || w == "prince" ||
      w == "sheikh" || w == "sheik" || w == "father" || w == "emperor" || w == "sultan" ||
      w == "emir" || w == "congressman" || w == "chairman" || w == "spokesman")
    return Gender::Male;
  if (w == "mrs" || w == "mrs." || w == "ms" || w == "ms." || w == "miss" || w == "dame" ||
      w == "lady" || w == "queen" || w == "princess" || w == "empress" ||
      w == "congresswoman" || w == "chairwoman" || w == "spokeswoman" || w == "mme")
    return Gender::Female;
  return Gender::Unknown;
}

Gender PronounGender(std::string_view w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::Male;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::Female;
  return Gender::Unknown;
}

bool IsPluralPronoun(std::string_view w) {
  return w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves";
}

bool IsNeuterPronoun(std::string_view w) { return w == "it" || w == "its" || w == "itself"; }

}  // namespace lectern
