// Tests for stored_settings.h: settings round-trip, and whatever else storage may hold.
#include "stored_settings.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

bool Same(const StoredSettings& a, const StoredSettings& b) {
  for (int t = 0; t < 4; ++t)
    if (a.highlight[t] != b.highlight[t]) return false;
  return a.theme == b.theme && a.serif == b.serif && a.text_size == b.text_size && a.width == b.width &&
         a.windows == b.windows && a.highlight_quotes == b.highlight_quotes;
}

StoredSettings NonDefault() {
  StoredSettings s;
  s.theme = "sepia";
  s.serif = false;
  s.text_size = 27;
  s.width = 2;
  s.windows = "aq";
  s.highlight[1] = false;
  s.highlight_quotes = false;
  return s;
}

}  // namespace

TEST_CASE("settings round-trip through their stored text") {
  const StoredSettings s = NonDefault();
  const std::string json = FormatSettings(s);
  CHECK(json.find("\"theme\":\"sepia\"") != std::string::npos);
  const SettingsParse r = ParseSettings(json, StoredSettings{});
  CHECK(r.problem.empty());
  CHECK(r.ignored == 0);
  CHECK(Same(r.settings, s));
}

TEST_CASE("nothing stored yet gives the defaults without a problem") {
  const SettingsParse r = ParseSettings("", NonDefault());
  CHECK(r.problem.empty());
  CHECK(Same(r.settings, NonDefault()));
}

TEST_CASE("text that is not one JSON object changes nothing and says so") {
  for (const char* bad : {"{\"theme\":\"dark\"", "{\"theme\":\"dark\",}", "[1,2]", "\"dark\"", "null",
                          "{\"theme\":\"dark\"} trailing", "{theme:\"dark\"}", "{\"theme\":\"da\nrk\"}",
                          "{\"size\":01}", "{\"size\":1.}", "{\"size\":-}", "\xff\xfe{", "{\"a\":" "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}"}) {
    CAPTURE(bad);
    const SettingsParse r = ParseSettings(bad, StoredSettings{});
    CHECK(r.problem == "the stored settings are not a JSON object");
    CHECK(Same(r.settings, StoredSettings{}));
  }
}

TEST_CASE("a field of the wrong kind or range keeps its default, the others are read") {
  const SettingsParse r = ParseSettings(
      "{\"theme\":\"neon\",\"serif\":\"no\",\"size\":1e9,\"width\":1.5,\"windows\":\"amqx\","
      "\"highlights\":\"01012\",\"future\":{\"nested\":[1,{\"x\":null}]},\"size\":24}",
      StoredSettings{});
  CHECK(r.ignored == 6);  // theme, serif, the first size, width, windows, highlights
  CHECK(r.settings.theme == "light");
  CHECK(r.settings.serif == true);
  CHECK(r.settings.text_size == 24.0f);  // the later, valid duplicate wins
  CHECK(r.settings.width == 1);
  CHECK(r.settings.windows == "amq");
  CHECK(r.problem == "6 stored settings had a value out of range");
}

TEST_CASE("oversized stored settings are not read") {
  const std::string big = "{\"theme\":\"" + std::string(kMaxStoredSettings, 'x') + "\"}";
  const SettingsParse r = ParseSettings(big, StoredSettings{});
  CHECK(!r.problem.empty());
  CHECK(Same(r.settings, StoredSettings{}));
}

TEST_CASE("the window ini keeps ImGui's own lines and drops the rest") {
  const std::string good =
      "[Window][Article]\nPos=0,20\nSize=640,800\nCollapsed=0\n\n"
      "[Table][0x8A3B1C2D,3]\nColumn 0  Width=120 Sort=0v\n";
  int dropped = -1;
  CHECK(CleanWindowIni(good, &dropped) == good);
  CHECK(dropped == 0);

  const std::string bad =
      "Pos=1,1\n"                          // outside any section
      "[Window][Entity map]\n"
      "Pos=99999999,5\n"                   // beyond any screen
      "Size=-40,300\n"                     // a negative size
      "Size=400,300\n"
      "Collapsed=0\x01\n"                  // a control character
      "[Broken\nPos=3,4\n"                 // a header that is not one, and what follows it
      "[Window][Quote explorer]\r\nPos=10,x\nnot a key value line\n";
  const std::string cleaned = CleanWindowIni(bad, &dropped);
  CHECK(cleaned == "[Window][Entity map]\nSize=400,300\n[Window][Quote explorer]\n");
  CHECK(dropped == 8);
}

TEST_CASE("an oversized window ini is dropped whole") {
  int dropped = 0;
  CHECK(CleanWindowIni(std::string(kMaxWindowIni + 1, '\n'), &dropped).empty());
  CHECK(dropped == 1);
}
