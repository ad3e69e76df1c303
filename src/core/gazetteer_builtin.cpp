// gazetteer_builtin.cpp — Gazetteer::Builtin(): the generated gazetteer compiled in, for the
// native CLI, the tests and the fuzzers (library lectern_gazetteer). The web app does not link
// it: it fetches the same text as gazetteer.txt when it first has to analyse a text itself, and
// the packaged articles come analysed at build time (analysis_binary.h).
#include "gazetteer.h"

namespace lectern {

extern const char kGazetteerData[];   // generated/gazetteer_data.cpp
extern const size_t kGazetteerDataSize;

const Gazetteer& Gazetteer::Builtin() {
  // Parsed once, immutable afterwards; thread-safe initialisation of a function-local static.
  static const Gazetteer g = Parse(std::string_view(kGazetteerData, kGazetteerDataSize));
  return g;
}

}  // namespace lectern
