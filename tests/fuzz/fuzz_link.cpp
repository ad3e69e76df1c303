// fuzz_link.cpp — any text as a shared link's fragment (what a hostile link can hold).
//
// Invariants: parsing never crashes; what it keeps is valid UTF-8 without control characters
// and within the grammar's limits (the article's payload, t=: base64url within its own limit);
// formatting what was kept and parsing it again gives the same state with no problems (a link
// the app writes is always one it reads).
#include "document.h"
#include "fuzz_check.h"
#include "link_state.h"

#include <cstdint>
#include <string>

namespace {

void CheckValue(const std::string& v) {
  FUZZ_CHECK(v.size() <= lectern::kMaxLinkValue);
  FUZZ_CHECK(lectern::FindInvalidUtf8(v, 1).empty());
  for (char c : v) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string fragment(reinterpret_cast<const char*>(data), size);
  const lectern::LinkParse r = lectern::ParseLink(fragment);
  const lectern::LinkState& l = r.link;
  for (const std::string& p : r.problems) FUZZ_CHECK(lectern::FindInvalidUtf8(p, 1).empty());
  CheckValue(l.article);
  CheckValue(l.entity);
  CheckValue(l.quote);
  CheckValue(l.search);
  FUZZ_CHECK(l.view.empty() || l.view == "graph" || l.view == "map");
  FUZZ_CHECK(l.text_payload.size() <= lectern::kMaxArticlePayloadChars);
  FUZZ_CHECK(l.text_payload.find_first_not_of(
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  FUZZ_CHECK(l.permille >= 0 && l.permille <= 999);
  if (l.has_map_view) {
    FUZZ_CHECK(l.map_lat >= -90 && l.map_lat <= 90);
    FUZZ_CHECK(l.map_lon >= -180 && l.map_lon <= 180);
    FUZZ_CHECK(l.map_zoom >= lectern::kMinMapZoom && l.map_zoom <= lectern::kMaxMapZoom);
  }

  const std::string again = lectern::FormatLink(l);
  const lectern::LinkParse r2 = lectern::ParseLink(again);
  FUZZ_CHECK(r2.problems.empty());
  FUZZ_CHECK(lectern::FormatLink(r2.link) == again);
  return 0;
}
