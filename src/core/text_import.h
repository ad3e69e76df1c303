// text_import.h — what a reader pastes, drops or picks, made into an article Lectern can read.
//
//   ImportResult r = ImportArticle(bytes, "story.html");    // a file name, a MIME type, or ""
//   if (!r.ok()) notice("“story.html” could not be opened: " + r.error);
//   for (const std::string& n : r.notes) notice(n);         // "read as Windows-1252 (not UTF-8)"
//   LoadResult doc = LoadDocument(std::move(r.text), "story.html");
//
// Out comes article text in LoadDocument's format: line 1 the headline, a blank line, paragraphs
// separated by blank lines, LF line ends. In may come:
//   plain text   kept as it is when it has blank-line paragraphs; text with no blank lines but a
//                paragraph on each line (as copying from a web page gives it) gets one paragraph
//                per line. Line 1 is the headline; when it reads like a paragraph, a note says so.
//   Markdown     by name (.md, .markdown, text/markdown) or by shape (a leading "# " heading and
//                other Markdown marks): the first heading is the headline, marks are reduced to
//                their text (MarkdownToArticle below).
//   HTML         by name (.html, .htm, text/html) or by LooksLikeHtml: reduced to the article by
//                html_article.h.
// Encodings: UTF-8 (a BOM is dropped); UTF-16 and UTF-32 with a BOM, and UTF-16 without one
// (told by its NUL bytes), are converted; text that is not UTF-8 but reads as Windows-1252 (its
// stray bytes are letters inside words and common punctuation) is converted. Other invalid UTF-8
// is kept byte for byte (LoadDocument lists it and the view draws U+FFFD), with a note counting it.
// CRLF and CR line ends become LF.
//
// Refused, with `error` saying why: nothing but whitespace; images, PDFs, archives (Word, ePub),
// programs and other binary data, told by their magic numbers or by NUL bytes; more than
// kMaxDocumentBytes; HTML with no article text. `error` is a lower-case clause that reads after
// "… could not be opened: " ("this looks like a PNG image (binary data), not an article").
//
// Linear in the input (a 20 MB paste imports in one pass per stage). Never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct ImportResult {
  std::string text;                  // the article, in LoadDocument's format
  std::string format;                // "text", "markdown" or "html" (empty when refused early)
  std::vector<std::string> notes;    // what was done to it, for the reader
  std::string error;                 // non-empty: it cannot be opened, and why
  bool verbatim = false;             // text is the input but for a dropped BOM and LF line ends:
                                     // LoadDocument of the input gives the same article, with
                                     // offsets into the input (what the CLI's JSON promises)
  bool ok() const { return error.empty(); }
};

// `name_or_type` is a file name ("story.md"), a MIME type ("text/html; charset=utf-8") or "".
ImportResult ImportArticle(std::string bytes, std::string_view name_or_type);

// Markdown (UTF-8, any line ends) to article text: the first heading is the headline (else the
// first paragraph, and `*no_heading` is set); emphasis and code marks are removed, links become
// their text, images, reference definitions and HTML comments are dropped, list items, headings
// and code blocks become paragraphs, block-quote markers are removed, wrapped lines are joined.
std::string MarkdownToArticle(std::string_view markdown, bool* no_heading = nullptr);

// True when the text opens with a "# " heading (after any front matter) and has at least one
// other Markdown mark (a second heading, a list, a link, emphasis, a code fence, a block quote).
bool LooksLikeMarkdown(std::string_view text);

}  // namespace lectern
