// bench.cpp — `lectern bench` (see bench.h).
#include "bench.h"

#include "analysis.h"
#include "gazetteer.h"
#include "pathological_shapes.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <sys/resource.h>

#include <algorithm>

#ifndef LECTERN_SOURCE_DIR
#define LECTERN_SOURCE_DIR "."
#endif

namespace lectern {

namespace {

std::vector<std::string> TextFilesIn(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0) out.push_back(dir + "/" + n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Peak memory in bytes: the process's maximum resident set natively; the size of the linear
// memory under WebAssembly (getrusage is not meaningful there).
size_t PeakMemory() {
#if defined(__wasm__)
  return size_t(__builtin_wasm_memory_size(0)) * 65536u;
#else
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return size_t(ru.ru_maxrss) * 1024u;  // KiB on Linux
#endif
}

}  // namespace

// `lectern bench --shapes`: the time of each pathological shape (pathological_shapes.h), the
// figures the unit tests no longer assert (they count work instead).
int RunShapes() {
  using Clock = std::chrono::steady_clock;
  const Gazetteer& world = Gazetteer::Builtin();
  for (const PathologicalShape& shape : PathologicalShapes(1.0)) {
    LoadResult r = LoadDocument(shape.text, shape.name);
    const auto t0 = Clock::now();
    Analysis a = Analyze(r.doc, world);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::printf("%-20s %8.2f MB %9.1f ms %6zu entities %6zu quotes\n", shape.name,
                r.doc.bytes.size() / (1024.0 * 1024.0), ms, a.entities.size(), a.quotes.size());
  }
  return 0;
}

int RunBench(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& a : args)
    if (a == "--shapes") return RunShapes();
  double target_mb = 1.0, seconds = 3.0;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--mb" || args[i] == "--seconds") && i + 1 < args.size()) {
      double v = std::atof(args[i + 1].c_str());
      if (v <= 0) {
        std::fprintf(stderr, "lectern: %s needs a positive number\n", args[i].c_str());
        return 2;
      }
      (args[i] == "--mb" ? target_mb : seconds) = v;
      ++i;
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "lectern: unknown option %s\nusage: lectern bench [FILES...] [--mb N] [--seconds S] | lectern bench --shapes\n",
                   args[i].c_str());
      return 2;
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty()) {
    for (const char* d : {"/seeds", "/tests/devset"})
      for (const std::string& f : TextFilesIn(std::string(LECTERN_SOURCE_DIR) + d)) files.push_back(f);
  }
  std::vector<Document> docs;
  size_t bytes = 0;
  for (const std::string& f : files) {
    std::string data, error;
    if (!ReadWholeFile(f, &data, &error)) {
      std::fprintf(stderr, "lectern: %s\n", error.c_str());
      return 1;
    }
    LoadResult r = LoadDocument(std::move(data), f);
    if (!r.ok()) {
      std::fprintf(stderr, "lectern: %s\n", r.message.c_str());
      return 1;
    }
    bytes += r.doc.bytes.size();
    docs.push_back(std::move(r.doc));
  }
  if (docs.empty() || bytes == 0) {
    std::fprintf(stderr, "lectern: no articles to benchmark\n");
    return 1;
  }
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  const Gazetteer& world = Gazetteer::Builtin();
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  // The corpus: the articles repeated up to the target size.
  const size_t target = size_t(target_mb * 1024 * 1024);
  std::vector<const Document*> corpus;
  size_t corpus_bytes = 0;
  while (corpus_bytes < target)
    for (const Document& d : docs) {
      corpus.push_back(&d);
      corpus_bytes += d.bytes.size();
    }

  size_t entities = 0, quotes = 0;
  for (const Document& d : docs) Analyze(d, world);  // warm-up
  int rounds = 0;
  const std::clock_t cpu_start = std::clock();
  auto start = Clock::now();
  double elapsed = 0;
  while (rounds < 3 || elapsed < seconds) {
    for (const Document* d : corpus) {
      Analysis a = Analyze(*d, world);
      entities += a.entities.size();
      quotes += a.quotes.size();
    }
    ++rounds;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  const double cpu = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double mb = double(corpus_bytes) * rounds / (1024.0 * 1024.0);
  std::printf("corpus      %zu articles (%zu distinct), %.2f MB\n", corpus.size(), docs.size(),
              corpus_bytes / (1024.0 * 1024.0));
  std::printf("gazetteer   %zu places, loaded in %.1f ms\n", world.size(), load_ms);
  std::printf("rounds      %d in %.2f s (%zu entities, %zu quotes per round)\n", rounds, elapsed,
              entities / rounds, quotes / rounds);
  std::printf("throughput  %.2f MB/s\n", mb / elapsed);
  // CPU time is steadier than wall time on a busy machine (one thread: they agree when idle).
  if (cpu > 0) std::printf("cpu         %.2f MB/s of process CPU time\n", mb / cpu);
  std::printf("peak memory %.1f MB\n", PeakMemory() / (1024.0 * 1024.0));
  return 0;
}

}  // namespace lectern
