// html_article.h — a saved web page reduced to its article: the headline and the body's text
// blocks, with the page's boilerplate (navigation, scripts, styles, captions, share bars,
// related links, comment sections) left out and character references decoded.
//
//   HtmlArticle a = ExtractHtmlArticle(page_bytes);
//   if (a.paragraphs.empty()) report("no article text in this page");
//   std::string text = ArticleText(a);   // Lectern's article format, ready for LoadDocument
//
// Tolerant of any input: unclosed or misnested tags, stray '<', comments, CDATA, invalid UTF-8
// (kept byte for byte; LoadDocument lists it). Never throws; linear in the page's size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct HtmlArticle {
  std::string headline;                 // og:title, else the first <h1>, else <title> (site suffix cut)
  std::vector<std::string> paragraphs;  // the body's text blocks, in order, whitespace collapsed
  std::vector<std::string> notes;       // what was done, for the reader ("left out 14 navigation blocks")
};

// True when the bytes look like an HTML document (a doctype, <html>, <head>, <body>, or several
// block tags near the start), not plain text that happens to hold a '<'.
bool LooksLikeHtml(std::string_view bytes);

HtmlArticle ExtractHtmlArticle(std::string_view html);

// The character reference at text[at] == '&' ("&amp;", "&#8217;", "&eacute;"): appends what it
// stands for to `out` and returns the bytes it took, or returns 0 and appends nothing when it is
// none (the '&' is then literal). Numeric references to C1 controls are read as Windows-1252.
size_t DecodeCharacterReference(std::string_view text, size_t at, std::string& out);

// Line 1 the headline, a blank line, then the paragraphs separated by blank lines.
std::string ArticleText(const HtmlArticle& article);

}  // namespace lectern
