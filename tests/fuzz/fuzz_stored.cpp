// fuzz_stored.cpp — any text where the app reads browser storage: the settings object, the
// window arrangement's ini, an entity map's pins. The first byte picks which; the rest is the
// stored text.
//
// Invariants: nothing crashes; what is read is within range; writing it back and reading that
// again gives the same thing (the app never stores what it cannot read).
#include "fuzz_check.h"
#include "graph_layout.h"
#include "stored_settings.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace {

void FuzzSettings(std::string_view text) {
  const lectern::SettingsParse r = lectern::ParseSettings(text, lectern::StoredSettings{});
  const lectern::StoredSettings& s = r.settings;
  FUZZ_CHECK(s.theme == "light" || s.theme == "sepia" || s.theme == "dark");
  FUZZ_CHECK(s.text_size >= lectern::kMinTextSize && s.text_size <= lectern::kMaxTextSize);
  FUZZ_CHECK(s.width >= 0 && s.width <= 2);
  FUZZ_CHECK(s.windows.find_first_not_of("amq") == std::string::npos);
  FUZZ_CHECK(r.ignored == 0 || !r.problem.empty());
  const std::string stored = lectern::FormatSettings(s);
  const lectern::SettingsParse again = lectern::ParseSettings(stored, lectern::StoredSettings{});
  FUZZ_CHECK(again.problem.empty());
  FUZZ_CHECK(lectern::FormatSettings(again.settings) == stored);
}

void FuzzWindowIni(std::string_view text) {
  int dropped = 0;
  const std::string clean = lectern::CleanWindowIni(text, &dropped);
  FUZZ_CHECK(clean.size() <= text.size() + 1);
  int dropped_again = -1;
  FUZZ_CHECK(lectern::CleanWindowIni(clean, &dropped_again) == clean);  // cleaning is idempotent
  FUZZ_CHECK(dropped_again == 0);
}

void FuzzPins(std::string_view text) {
  lectern::GraphLayout layout;
  lectern::RestorePins(layout, text);
  const std::string stored = lectern::FormatPins(layout);
  lectern::GraphLayout again;
  lectern::RestorePins(again, stored);
  FUZZ_CHECK(lectern::FormatPins(again) == stored);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: FuzzSettings(text); break;
    case 1: FuzzWindowIni(text); break;
    case 2: FuzzPins(text); break;
  }
  return 0;
}
