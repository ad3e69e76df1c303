// stored_settings.h — what the app keeps in the browser's storage, as text, read defensively.
//
//   std::string json = FormatSettings(s);                   // {"theme":"dark","serif":true,...}
//   SettingsParse r = ParseSettings(stored_json, defaults);  // never fails
//   if (r.problem) notice("Saved settings could not be read: ...");
//   std::string ini = CleanWindowIni(stored_ini, &dropped); // then ImGui::LoadIniSettingsFromMemory
//
// Storage is the reader's, not ours: another version of the app, an extension or a full disk may
// have left anything there. ParseSettings reads a JSON object and takes each known field only when
// its value is of the right kind and range; a field that is not leaves the default, and text that
// is not a JSON object at all gives the defaults with a problem. CleanWindowIni keeps only the
// lines of Dear ImGui's ini grammar ("[Type][Name]" headers, "Key=Value" lines of printable text)
// and window positions and sizes a screen can hold, so a corrupted arrangement cannot put a window
// out of reach or feed ImGui's parser what it was not written for.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

struct StoredSettings {
  std::string theme = "light";       // "light", "sepia" or "dark" (the app maps the name)
  bool serif = true;                 // reading face: serif or sans
  float text_size = 20.0f;           // body text size in CSS pixels, kMinTextSize..kMaxTextSize
  int width = 1;                     // measure: 0 narrow, 1 standard, 2 wide
  std::string windows = "amq";       // the open windows: any of a(rticle), m(ap), q(uotes)
  bool highlight[4] = {true, true, true, true};  // per entity type: person, place, org, group
  bool highlight_quotes = true;
};

constexpr float kMinTextSize = 12.0f, kMaxTextSize = 40.0f;
constexpr size_t kMaxStoredSettings = 4096;   // longer stored text is not read at all

struct SettingsParse {
  StoredSettings settings;
  int ignored = 0;        // known fields present with a value of the wrong kind or range
  std::string problem;    // why nothing (or not everything) could be used; "" when all was read
};

std::string FormatSettings(const StoredSettings& s);
// Empty text (nothing stored yet) gives the defaults and no problem.
SettingsParse ParseSettings(std::string_view json, const StoredSettings& defaults);

constexpr size_t kMaxWindowIni = 64 * 1024;   // an arrangement is a few hundred bytes
constexpr int kMaxWindowCoordinate = 16384;   // CSS pixels; a Pos or Size beyond is dropped

// The lines of `ini` that Dear ImGui's own writer could have written, in order; `dropped` (when
// given) counts the lines left out. Text over kMaxWindowIni gives "".
std::string CleanWindowIni(std::string_view ini, int* dropped = nullptr);

}  // namespace lectern
