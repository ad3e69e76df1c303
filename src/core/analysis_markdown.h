// analysis_markdown.h — what was found in an article, as Markdown for people to read and paste:
// what the app's Export writes and `lectern analyze FILE --markdown` prints.
//
//   std::string md = AnalysisToMarkdown(doc, analysis);
//
// Shape:
//   # <headline>
//   431 words · 2 min read
//   ## People / ## Places / ## Organisations   (always; "None found." when empty)
//   - **Ana Ruiz** — President of Chile · 5 mentions
//   - **Lima** · 3 mentions · PE · -12.0464, -77.0428 · in Peru
//   ## Groups                                  (when there are any)
//   ## Quotes                                  (always)
//   > the quote's words
//   — **Ana Ruiz**, direct · ¶ 4, bytes 812–929
//   ## Relations                               (stated ones, when there are any; co-occurrence
//   - **Ana Ruiz** president of **Chile** (¶ 2)  is left out)
// Entities are listed most salient first; quotes in text order. A citation's ¶ counts the body's
// paragraphs from 1 (the headline is "headline") and its bytes are the quoted words' offsets into
// doc.bytes, from the first part's start to the last part's end. Everything taken from the
// article is escaped (EscapeMarkdown), so a name or a quote can never become markup. Pure and
// deterministic: the same analysis gives the same bytes.
#pragma once

#include "analysis.h"

#include <string>
#include <string_view>

namespace lectern {

std::string AnalysisToMarkdown(const Document& doc, const Analysis& a);

// `text` as one line of Markdown that shows exactly that text: invalid UTF-8 becomes U+FFFD,
// line breaks and tabs spaces, the ends are trimmed, \ ` * _ [ ] < > # | ~ & are backslash-escaped
// everywhere, and a leading "-", "+", "=" or "12." / "12)" cannot start a list or a heading.
std::string EscapeMarkdown(std::string_view text);

}  // namespace lectern
