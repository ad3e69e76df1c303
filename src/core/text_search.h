// text_search.h — find-in-article: every match of a query, as spans of the article's bytes.
//
//   std::vector<Span> hits = FindAll(doc.bytes, doc_blocks, "ruiz");    // case-insensitive
//
// Matching folds case and Latin diacritics ("dogan" finds "Doğan"), treats any run of
// whitespace (including soft line breaks) as one space, and treats the curly apostrophe and
// quotes as their straight forms, so a reader can type what they see.
#pragma once

#include "document.h"

#include <string_view>
#include <vector>

namespace lectern {

// Matches of `query` inside `ranges` (e.g. headline + paragraphs), in text order, without
// overlaps. An empty or whitespace-only query matches nothing. At most `limit` matches.
std::vector<Span> FindAll(std::string_view text, const std::vector<Span>& ranges,
                          std::string_view query, size_t limit = 100000);

// The search key of one code point: lowercase ASCII with Latin diacritics removed (é -> e,
// ß -> ss), curly quotes -> straight ones, whitespace -> ' '. Returns "" for code points that
// do not fold to ASCII (they then match only themselves, exactly).
std::string_view FoldForSearch(char32_t cp);

}  // namespace lectern
