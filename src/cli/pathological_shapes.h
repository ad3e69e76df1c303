// pathological_shapes.h — articles of shapes that break naive analysis: one huge paragraph, no
// punctuation, all capitals, thousands of distinct names, the same sources over and over.
//
//   for (const PathologicalShape& s : PathologicalShapes(1.0)) Analyze(LoadDocument(s.text, s.name).doc, world);
//
// Shared by `lectern bench --shapes` (which times them) and tests/analysis_test.cpp (which checks
// that the work grows in proportion to the size, without reading a clock). `scale` multiplies the
// length of each shape (1.0: about 300 KB to 1 MB each).
#pragma once

#include <random>
#include <string>
#include <vector>

namespace lectern {

struct PathologicalShape {
  const char* name;
  std::string text;
};

inline std::vector<PathologicalShape> PathologicalShapes(double scale) {
  auto n = [scale](int count) { return int(count * scale); };
  std::vector<PathologicalShape> out;
  std::string big = "Title\n\n";  // one paragraph, no sentence end
  for (int i = 0; i < n(60000); ++i) big += (i % 7 == 0) ? "Ortiz Lane said " : "word ";
  out.push_back({"one huge paragraph", std::move(big)});
  std::string caps = "TITLE\n\n";
  for (int i = 0; i < n(30000); ++i) caps += "ALPHA BETA GAMMA ";
  out.push_back({"all capitals", std::move(caps)});
  std::string marks = "T\n\n";
  for (int i = 0; i < n(30000); ++i) marks += "\xE2\x80\x9C a \xE2\x80\x9D b \" c ";
  out.push_back({"quote marks", std::move(marks)});
  // Thousands of distinct names: clustering and relations must not go quadratic.
  std::string names = "Directory\n\n";
  std::mt19937 rng(3);
  auto word = [&] {
    std::string w(1, char('A' + rng() % 26));
    for (int i = 0, len = 3 + int(rng() % 6); i < len; ++i) w += char('a' + rng() % 26);
    return w;
  };
  for (int i = 0; i < n(8000); ++i)
    names += word() + " " + word() + " said that " + word() + " Group and " + word() + " Party met in " + word() + ". ";
  out.push_back({"distinct names", std::move(names)});
  // The same unnamed sources and descriptions over and over.
  std::string sources = "Reports\n\n";
  for (int i = 0; i < n(20000); ++i) sources += "The company said the firm at the agency was fine, analysts at the firm said. ";
  out.push_back({"repeated sources", std::move(sources)});
  // Pronoun sources and repeated head words ("the Commission") by the thousand.
  std::string pronouns = "Talks\n\n";
  for (int i = 0; i < n(15000); ++i)
    pronouns += "Lars Ekberg met Maja Lind. He said that it was fine. The Trade Commission met, and the "
                "Commission said so. ";
  out.push_back({"pronoun sources", std::move(pronouns)});
  return out;
}

}  // namespace lectern
