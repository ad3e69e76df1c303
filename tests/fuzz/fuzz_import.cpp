// fuzz_import.cpp — what a reader pastes, drops or picks: any bytes, under any of the names or
// types the importer reads them by (the first byte picks one), through ImportArticle and on to
// LoadDocument, as the app does; and any bytes as an HTML page for ExtractHtmlArticle.
//
// Invariants: nothing crashes or reads out of bounds (ASan); a refusal says why and gives no
// text; accepted text loads as a document with a headline or a reason.
#include "document.h"
#include "fuzz_check.h"
#include "html_article.h"
#include "text_import.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kHints[] = {"", "story.txt", "story.md", "page.html", "text/html", "text/plain", "a.png", "x.htm"};
  const char* hint = kHints[data[0] % (sizeof kHints / sizeof kHints[0])];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const lectern::ImportResult r = lectern::ImportArticle(bytes, hint);
  if (!r.ok()) {
    FUZZ_CHECK(r.text.empty() || !r.error.empty());
  } else {
    const lectern::LoadResult doc = lectern::LoadDocument(r.text, hint);
    FUZZ_CHECK(doc.ok() || !doc.message.empty());
  }
  const lectern::HtmlArticle a = lectern::ExtractHtmlArticle(bytes);
  for (const std::string& p : a.paragraphs) FUZZ_CHECK(!p.empty());
  const std::string text = lectern::ArticleText(a);
  FUZZ_CHECK(!text.empty() && text.back() == '\n');
  return 0;
}
