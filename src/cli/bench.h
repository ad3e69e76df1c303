// bench.h — `lectern bench`: throughput and peak memory of the whole analysis.
//
//   lectern bench                         seeds/*.txt and tests/devset/*.txt
//   lectern bench a.txt b.txt --mb 2      a 2 MB corpus of these files
//   lectern bench --shapes                the time of each pathological shape (pathological_shapes.h)
//
// The articles are repeated (each copy analysed as its own document, as the app does) until the
// corpus holds about --mb megabytes, then Analyze() runs over it until --seconds have passed
// (at least three rounds). Prints MB/s and peak memory (getrusage ru_maxrss natively; the wasm
// heap size under WebAssembly, where the process's RSS is node's, not ours).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

int RunBench(const std::vector<std::string>& args);
bool ReadWholeFile(const std::string& path, std::string* out, std::string* error);
// Writes `bytes` to `path` (replacing it); false with "path: reason" in *error.
bool WriteWholeFile(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace lectern
