// lectern — command-line tool over the core library.
//
//   lectern analyze FILE [--json]     entities, quotes with speakers, relations (text or JSON)
//   lectern analyze FILE --markdown   the same as a Markdown report, quotes with citations
//   lectern bench [FILES...] [--mb N] [--seconds S]
//   lectern bench --shapes
//                                     throughput of the whole analysis on a ~1 MB corpus
//   lectern prepare SEEDS_DIR OUT_DIR every article of SEEDS_DIR analysed as the app would,
//                                     into OUT_DIR/<file>.analysis (analysis_binary.h)
//   lectern train-tagger TRAIN.bio DEV.bio OUT [--epochs N] [--prune W]
//                                     trains the name tagger (entity_tagger.h) on BIO text,
//                                     prints its scores on DEV, writes the model to OUT
//
// `analyze` reads FILE as the app reads what a reader adds (text_import.h): plain text, Markdown
// or a saved web page (HTML, by its name or its shape), in UTF-8, UTF-16 or Windows-1252. What
// the importer did goes to stderr as "lectern: note: …". Offsets in the JSON index the file as
// read when it is plain text in Lectern's format (the usual case); for a converted file (HTML,
// Markdown, another encoding, one paragraph per line) they index the article text made of it.
//
// Exit codes: 0 ok; 1 the input cannot be analysed (missing, empty, binary, an image or another
// non-text format, too large, not UTF-8, a page with no article text); 2 usage error. Messages
// go to stderr; results to stdout.
#include "analysis.h"
#include "analysis_binary.h"
#include "analysis_job.h"
#include "analysis_json.h"
#include "analysis_markdown.h"
#include "bench.h"
#include "entity_tagger.h"
#include "gazetteer.h"
#include "text_import.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

using namespace lectern;

constexpr const char* kUsage =
    "usage: lectern analyze FILE [--json]\n"
    "       lectern analyze FILE --markdown\n"
    "       lectern bench [FILES...] [--mb N] [--seconds S]\n"
    "       lectern bench --shapes\n"
    "       lectern prepare SEEDS_DIR OUT_DIR\n"
    "       lectern train-tagger TRAIN.bio DEV.bio OUT [--epochs N] [--prune W]\n";

int Usage(const char* why) {
  if (why && *why) std::fprintf(stderr, "lectern: %s\n", why);
  std::fputs(kUsage, stderr);
  return 2;
}

// [SECTION] Reading a file ------------------------------------------------------------------------

}  // namespace

namespace lectern {

bool ReadWholeFile(const std::string& path, std::string* out, std::string* error) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = path + ": is a directory";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out->append(buf, n);
    if (out->size() > kMaxDocumentBytes + 1) break;  // LoadDocument reports TooLarge
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

bool WriteWholeFile(const std::string& path, std::string_view bytes, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (f && std::fclose(f) != 0) ok = false;
  if (!ok) *error = path + ": " + std::strerror(errno);
  return ok;
}

}  // namespace lectern

namespace {

// [SECTION] analyze -------------------------------------------------------------------------------

std::string Clip(std::string s, size_t max_cp) {
  size_t cps = 0, i = 0;
  while (i < s.size() && cps < max_cp) {
    char32_t cp;
    i += DecodeUtf8(s, i, &cp);
    ++cps;
  }
  if (i < s.size()) {
    s.resize(i);
    s += "\xE2\x80\xA6";
  }
  return s;
}

std::string Pad(const std::string& s, size_t width) {
  size_t cps = CountCodePoints(s);
  return cps >= width ? s : s + std::string(width - cps, ' ');
}

void PrintSummary(const Document& doc, const Analysis& a) {
  std::printf("%s\n", std::string(doc.Headline()).c_str());
  std::printf("%zu paragraphs, %zu sentences, %u words\n\n", doc.paragraphs.size(),
              a.sentences.size(), a.word_count);
  std::printf("ENTITIES (%zu)\n", a.entities.size());
  std::printf("  %-4s %-7s %-8s %-32s %-8s %s\n", "id", "type", "salience", "name", "mentions", "role / place");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    std::string extra = e.role;
    if (e.has_coordinates) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%s %.2f, %.2f", extra.empty() ? "" : "; ", e.country_code.c_str(), e.lat, e.lon);
      extra += buf;
    }
    std::printf("  e%-3zu %-7s %-8.3f %s %-8zu %s\n", i + 1, EntityTypeName(e.type), e.salience,
                Pad(Clip(e.name, 32), 32).c_str(), e.mentions.size(), extra.c_str());
  }
  std::printf("\nQUOTES (%zu)\n", a.quotes.size());
  for (const Quote& q : a.quotes) {
    std::string cue(doc.Text(q.cue));
    std::printf("  %-4s %-8s %s%s%s%s: \xE2\x80\x9C%s\xE2\x80\x9D\n", q.id.c_str(),
                q.kind == QuoteKind::Direct ? "direct" : "indirect",
                q.speaker.empty() ? "(unknown)" : q.speaker.c_str(), cue.empty() ? "" : " [",
                cue.c_str(), cue.empty() ? "" : "]", Clip(q.Text(doc), 110).c_str());
  }
  std::vector<const Relation*> typed, co;
  for (const Relation& r : a.relations) (r.kind == RelationKind::CoOccurrence ? co : typed).push_back(&r);
  std::stable_sort(co.begin(), co.end(), [](const Relation* x, const Relation* y) { return x->weight > y->weight; });
  std::printf("\nRELATIONS (%zu stated, %zu co-occurrence pairs)\n", typed.size(), co.size());
  auto name = [&](int i) { return i >= 0 && size_t(i) < a.entities.size() ? a.entities[i].name : std::string("?"); };
  for (const Relation* r : typed)
    std::printf("  %s --%s--> %s\n", name(r->source).c_str(), r->kind_name.c_str(), name(r->target).c_str());
  for (size_t i = 0; i < co.size() && i < 12; ++i)
    std::printf("  %s -- %s  (%g sentence%s)\n", name(co[i]->source).c_str(), name(co[i]->target).c_str(),
                co[i]->weight, co[i]->weight == 1 ? "" : "s");
}

int Analyze(const std::vector<std::string>& args) {
  std::string file;
  bool json = false, markdown = false;
  for (const std::string& a : args) {
    if (a == "--json") json = true;
    else if (a == "--markdown") markdown = true;
    else if (a.size() > 1 && a[0] == '-') return Usage(("unknown option " + a).c_str());
    else if (file.empty()) file = a;
    else return Usage("analyze takes one FILE");
  }
  if (file.empty()) return Usage("analyze needs a FILE");
  if (json && markdown) return Usage("--json and --markdown cannot be combined");
  std::string bytes, error;
  if (!ReadWholeFile(file, &bytes, &error)) {
    std::fprintf(stderr, "lectern: %s\n", error.c_str());
    return 1;
  }
  ImportResult imported = ImportArticle(bytes, file);
  if (!imported.ok()) {
    std::fprintf(stderr, "lectern: %s: %s\n", file.c_str(), imported.error.c_str());
    return 1;
  }
  // Plain text already in the article format is analysed as read, so offsets index the file.
  LoadResult r = LoadDocument(imported.verbatim ? std::move(bytes) : std::move(imported.text), file);
  if (!r.ok()) {
    std::fprintf(stderr, "lectern: %s\n", r.message.c_str());
    return 1;
  }
  if (!r.doc.invalid_utf8.empty()) {
    std::fprintf(stderr, "lectern: %s: not valid UTF-8 (first invalid byte at offset %u%s)\n", file.c_str(),
                 r.doc.invalid_utf8.front(), imported.verbatim ? "" : " of the converted text");
    return 1;
  }
  for (const std::string& note : imported.notes) std::fprintf(stderr, "lectern: note: %s\n", note.c_str());
  Analysis a = Analyze(r.doc, Gazetteer::Builtin());
  if (json || markdown) {
    const std::string out = json ? AnalysisToJson(r.doc, a) : AnalysisToMarkdown(r.doc, a);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    PrintSummary(r.doc, a);
  }
  return 0;
}

// [SECTION] prepare -------------------------------------------------------------------------------

// The packaged articles, analysed at build time: each file read as the app's library reads it
// (LoadDocument, no importer) and analysed as the app analyses an article it opens (AnalysisJob,
// slice by slice), so the app's JSON of it is the same whether it decodes this file or analyses
// the text itself. A file the app would refuse is skipped with a note; the app reports it.
int Prepare(const std::vector<std::string>& args) {
  if (args.size() != 2) return Usage("prepare takes SEEDS_DIR and OUT_DIR");
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(args[0], ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().filename().string()[0] != '.') files.push_back(it->path());
  if (ec) {
    std::fprintf(stderr, "lectern: %s: %s\n", args[0].c_str(), ec.message().c_str());
    return 1;
  }
  fs::create_directories(args[1], ec);
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::string bytes, error;
    if (!ReadWholeFile(path.string(), &bytes, &error)) {
      std::fprintf(stderr, "lectern: %s\n", error.c_str());
      return 1;
    }
    LoadResult r = LoadDocument(std::move(bytes), path.filename().string());
    if (!r.ok()) {
      std::fprintf(stderr, "lectern: note: %s skipped (%s)\n", path.string().c_str(), r.message.c_str());
      continue;
    }
    AnalysisJob job(r.doc);
    while (!job.Done()) job.Step(r.doc, Gazetteer::Builtin());
    const std::string blob = EncodeAnalysis(r.doc, job.Take(r.doc));
    const std::string out = (fs::path(args[1]) / (path.filename().string() + ".analysis")).string();
    if (!WriteWholeFile(out, blob, &error)) {
      std::fprintf(stderr, "lectern: %s\n", error.c_str());
      return 1;
    }
  }
  return 0;
}

void PrintTaggerScores(const char* set, const TaggerScores& sc) {
  const std::pair<const char*, const SpanCounts*> rows[] = {
      {"all", &sc.all}, {"PERSON", &sc.person}, {"PLACE", &sc.place}, {"ORG", &sc.org}};
  for (const auto& [name, c] : rows)
    std::printf("  %-4s %-7s P %.3f  R %.3f  F1 %.3f  (%d gold, %d found, %d right)\n", set, name, c->Precision(),
                c->Recall(), c->F1(), c->gold, c->predicted, c->correct);
}

// Trains the tagger on TRAIN, scores it on TRAIN and DEV (exact spans), writes the model.
int TrainTaggerCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  int epochs = 8;
  float prune = 0.0f;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--epochs" && i + 1 < args.size()) epochs = std::atoi(args[++i].c_str());
    else if (args[i] == "--prune" && i + 1 < args.size()) prune = float(std::atof(args[++i].c_str()));
    else files.push_back(args[i]);
  }
  if (files.size() != 3 || epochs < 1 || epochs > 100 || !(prune >= 0))
    return Usage("train-tagger takes TRAIN.bio DEV.bio OUT, --epochs 1..100 and --prune >= 0");
  std::vector<TaggedSentence> sets[2];
  for (int k = 0; k < 2; ++k) {
    std::string bytes, error;
    if (!ReadWholeFile(files[size_t(k)], &bytes, &error)) {
      std::fprintf(stderr, "lectern: %s\n", error.c_str());
      return 1;
    }
    sets[k] = ReadBio(bytes, &error);
    if (!error.empty() || sets[k].empty()) {
      std::fprintf(stderr, "lectern: %s: %s\n", files[size_t(k)].c_str(), error.empty() ? "no sentences" : error.c_str());
      return 1;
    }
  }
  const TaggerModel model = TrainTagger(sets[0], epochs, prune, &Gazetteer::Builtin());
  const std::string blob = model.Serialize();
  std::string error;
  const TaggerModel stored = TaggerModel::Parse(blob, &error);  // scored as it will be read back
  std::printf("tagger: %zu sentences, %d epochs, %zu features, %zu bytes\n", sets[0].size(), epochs,
              stored.features(), blob.size());
  PrintTaggerScores("train", ScoreTagger(stored, sets[0], &Gazetteer::Builtin()));
  PrintTaggerScores("dev", ScoreTagger(stored, sets[1], &Gazetteer::Builtin()));
  if (!WriteWholeFile(files[2], blob, &error)) {
    std::fprintf(stderr, "lectern: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("");
  const std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "analyze") return Analyze(args);
  if (cmd == "bench") return lectern::RunBench(args);
  if (cmd == "prepare") return Prepare(args);
  if (cmd == "train-tagger") return TrainTaggerCommand(args);
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  return Usage(("unknown command '" + cmd + "'").c_str());
}
