// html_article.cpp — a saved news page reduced to its article (see html_article.h).
//
// One pass over the bytes builds a flat tree of the page's containers (no recursion anywhere:
// parents are indices, children come after their parents, so a reverse loop visits children
// first) and the page's text blocks (paragraphs, list items, headings, runs of text split by
// <br><br>), each owned by its innermost container. Boilerplate is recognised while parsing:
// by tag (script, nav, aside, figure, ...), by hidden state, and by class/id hints (comments,
// share bars, related links, promos); the text of a tag-dropped element is never kept. Then the
// containers are scored as Readability does (each block of 25+ characters credits its parent,
// grandparent and a few more ancestors by its length and commas; class/id hints add or take
// away; the link density scales the result), the best container and its worthy siblings are the
// article, and the blocks inside it that survive a conditional clean-up are the paragraphs.
// When the class hints cost too much text (under 500 characters kept), the scoring runs again
// with only the strong ones (comments, related links, share bars, promotions), then, if nearly
// nothing is left, with none; the longer result wins. JSON-LD `articleBody` is never used.
//
// [SECTION] Character references — numeric and a table of the named ones news pages use
// [SECTION] Tags                 — what each tag is to the extractor
// [SECTION] Class and id hints   — Readability's lists, plus share/promo/byline words
// [SECTION] Parser               — tokenizer and tolerant tree builder, in one linear pass
// [SECTION] Scoring              — Readability-style candidate scores, the article's subtrees
// [SECTION] Headline
// [SECTION] Public API
#include "html_article.h"

#include "document.h"
#include "text_util.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace lectern {

namespace {

bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(unsigned char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char LowerByte(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - std::min(at, s.size()) < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (LowerByte(s[at + k]) != prefix[k]) return false;
  return true;
}

// [SECTION] Character references -----------------------------------------------------------------

struct NamedRef {
  const char* name;
  char32_t cp;  // 0: the reference stands for nothing (&shy;)
};

// Sorted by name (byte order) for binary search. The references that occur in real news text:
// punctuation and spaces, currency and signs, Latin-1 and Latin Extended-A letters, a few Greek
// letters, arrows and maths. Any other name is kept literally.
constexpr NamedRef kNamedRefs[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Agrave", 0xC0},  {"Alpha", 0x391},
    {"Aring", 0xC5},   {"Atilde", 0xC3},  {"Auml", 0xC4},    {"Beta", 0x392},   {"Ccedil", 0xC7},
    {"Dagger", 0x2021}, {"Delta", 0x394}, {"ETH", 0xD0},     {"Eacute", 0xC9},  {"Ecirc", 0xCA},
    {"Egrave", 0xC8},  {"Euml", 0xCB},    {"Gamma", 0x393},  {"Iacute", 0xCD},  {"Icirc", 0xCE},
    {"Igrave", 0xCC},  {"Iuml", 0xCF},    {"Lambda", 0x39B}, {"Ntilde", 0xD1},  {"OElig", 0x152},
    {"Oacute", 0xD3},  {"Ocirc", 0xD4},   {"Ograve", 0xD2},  {"Omega", 0x3A9},  {"Oslash", 0xD8},
    {"Otilde", 0xD5},  {"Ouml", 0xD6},    {"Phi", 0x3A6},    {"Pi", 0x3A0},     {"Prime", 0x2033},
    {"Scaron", 0x160}, {"Sigma", 0x3A3},  {"THORN", 0xDE},   {"Theta", 0x398},  {"Uacute", 0xDA},
    {"Ucirc", 0xDB},   {"Ugrave", 0xD9},  {"Uuml", 0xDC},    {"Yacute", 0xDD},  {"Yuml", 0x178},
    {"Zcaron", 0x17D}, {"aacute", 0xE1},  {"acirc", 0xE2},   {"acute", 0xB4},   {"aelig", 0xE6},
    {"agrave", 0xE0},  {"alpha", 0x3B1},  {"amp", '&'},      {"apos", '\''},    {"aring", 0xE5},
    {"asymp", 0x2248}, {"atilde", 0xE3},  {"auml", 0xE4},    {"bdquo", 0x201E}, {"beta", 0x3B2},
    {"brvbar", 0xA6},  {"bull", 0x2022},  {"cacute", 0x107}, {"ccaron", 0x10D}, {"ccedil", 0xE7},
    {"cedil", 0xB8},   {"cent", 0xA2},    {"check", 0x2713}, {"circ", 0x2C6},   {"colon", ':'},
    {"comma", ','},    {"copy", 0xA9},    {"curren", 0xA4},  {"dagger", 0x2020}, {"darr", 0x2193},
    {"deg", 0xB0},     {"delta", 0x3B4},  {"divide", 0xF7},  {"dollar", '$'},   {"eacute", 0xE9},
    {"ecaron", 0x11B}, {"ecirc", 0xEA},   {"egrave", 0xE8},  {"emsp", 0x2003},  {"ensp", 0x2002},
    {"epsilon", 0x3B5}, {"equals", '='},  {"eth", 0xF0},     {"euml", 0xEB},    {"euro", 0x20AC},
    {"excl", '!'},     {"fnof", 0x192},   {"frac12", 0xBD},  {"frac14", 0xBC},  {"frac34", 0xBE},
    {"gamma", 0x3B3},  {"ge", 0x2265},    {"gt", '>'},       {"harr", 0x2194},  {"hearts", 0x2665},
    {"hellip", 0x2026}, {"hyphen", 0x2010}, {"iacute", 0xED}, {"icirc", 0xEE},  {"iexcl", 0xA1},
    {"igrave", 0xEC},  {"infin", 0x221E}, {"iquest", 0xBF},  {"iuml", 0xEF},    {"lambda", 0x3BB},
    {"laquo", 0xAB},   {"larr", 0x2190},  {"ldquo", 0x201C}, {"le", 0x2264},    {"lpar", '('},
    {"lrm", 0x200E},   {"lsaquo", 0x2039}, {"lsqb", '['},    {"lsquo", 0x2018}, {"lstrok", 0x142},
    {"lt", '<'},       {"macr", 0xAF},    {"mdash", 0x2014}, {"micro", 0xB5},   {"middot", 0xB7},
    {"minus", 0x2212}, {"mu", 0x3BC},     {"nacute", 0x144}, {"nbsp", 0xA0},    {"ndash", 0x2013},
    {"ne", 0x2260},    {"not", 0xAC},     {"ntilde", 0xF1},  {"num", '#'},      {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"oelig", 0x153},  {"ograve", 0xF2},  {"omega", 0x3C9},  {"ordf", 0xAA},
    {"ordm", 0xBA},    {"oslash", 0xF8},  {"otilde", 0xF5},  {"ouml", 0xF6},    {"para", 0xB6},
    {"percnt", '%'},   {"period", '.'},   {"permil", 0x2030}, {"phi", 0x3C6},   {"pi", 0x3C0},
    {"plus", '+'},     {"plusmn", 0xB1},  {"pound", 0xA3},   {"prime", 0x2032}, {"quest", '?'},
    {"quot", '"'},     {"raquo", 0xBB},   {"rarr", 0x2192},  {"rcaron", 0x159}, {"rdquo", 0x201D},
    {"reg", 0xAE},     {"rlm", 0x200F},   {"rpar", ')'},     {"rsaquo", 0x203A}, {"rsqb", ']'},
    {"rsquo", 0x2019}, {"sacute", 0x15B}, {"sbquo", 0x201A}, {"scaron", 0x161}, {"sect", 0xA7},
    {"semi", ';'},     {"shy", 0},        {"sigma", 0x3C3},  {"sol", '/'},      {"sup1", 0xB9},
    {"sup2", 0xB2},    {"sup3", 0xB3},    {"szlig", 0xDF},   {"theta", 0x3B8},  {"thinsp", 0x2009},
    {"thorn", 0xFE},   {"tilde", 0x2DC},  {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},
    {"uarr", 0x2191},  {"ucirc", 0xFB},   {"ugrave", 0xF9},  {"uml", 0xA8},     {"uuml", 0xFC},
    {"yacute", 0xFD},  {"yen", 0xA5},     {"yuml", 0xFF},    {"zacute", 0x17A}, {"zcaron", 0x17E},
    {"zdot", 0x17C},   {"zwj", 0x200D},   {"zwnj", 0x200C},
};

const NamedRef* FindNamedRef(std::string_view name) {
  const NamedRef* first = std::begin(kNamedRefs);
  const NamedRef* last = std::end(kNamedRefs);
  const NamedRef* it = std::lower_bound(first, last, name, [](const NamedRef& r, std::string_view n) {
    return std::string_view(r.name) < n;
  });
  return (it != last && std::string_view(it->name) == name) ? it : nullptr;
}

// The reference starting at s[at] == '&': appends what it stands for and returns the bytes it
// took, or returns 0 (nothing appended) when it is not one, so the '&' stays literal.
size_t DecodeRef(std::string_view s, size_t at, std::string& out) {
  size_t i = at + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    uint32_t value = 0;
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      uint32_t d;
      if (IsAsciiDigit(c)) d = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
      else break;
      if (value < 0x110000) value = value * (hex ? 16 : 10) + d;  // saturates past the range
      ++i;
    }
    if (i == digits_begin) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    char32_t cp = value;
    // Numeric references to C1 controls mean the Windows-1252 character (HTML's rule): &#146; is ’.
    if (cp >= 0x80 && cp <= 0x9F && Cp1252High(uint8_t(cp))) cp = Cp1252High(uint8_t(cp));
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    AppendUtf8(out, cp);
    return i - at;
  }
  while (i < s.size() && i - at <= 10 && IsAsciiAlnum(static_cast<unsigned char>(s[i]))) ++i;
  if (i == at + 1) return 0;
  const std::string_view name = s.substr(at + 1, i - at - 1);
  const bool semicolon = i < s.size() && s[i] == ';';
  // Without its ';' only the oldest references count, and only when the name ends there
  // ("AT&T" and "&copy2019" stay as written apart from those).
  if (!semicolon && name != "amp" && name != "lt" && name != "gt" && name != "quot" &&
      name != "nbsp" && name != "copy" && name != "reg")
    return 0;
  const NamedRef* ref = FindNamedRef(name);
  if (!ref) return 0;
  if (ref->cp) AppendUtf8(out, ref->cp);
  return i - at + (semicolon ? 1 : 0);
}

// Decoded, whitespace collapsed and trimmed: attribute values and the <title>.
std::string DecodeCollapsed(std::string_view s) {
  std::string out, ref;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::string_view piece;
    size_t take = 1;
    if (c == '&') {
      ref.clear();
      take = DecodeRef(s, i, ref);
      if (take == 0) take = 1, ref = "&";
      piece = ref;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      take = 2, piece = " ";
    } else {
      piece = s.substr(i, 1);
    }
    i += take;
    if (piece == " " || piece == "\xC2\xA0" || (piece.size() == 1 && IsAsciiSpace(piece[0]))) {
      space = true;
      continue;
    }
    if (piece.size() == 1 && static_cast<unsigned char>(piece[0]) < 0x20) continue;
    if (space && !out.empty()) out += ' ';
    space = false;
    out += piece;
  }
  return out;
}

// [SECTION] Tags ---------------------------------------------------------------------------------

enum TagProps : uint32_t {
  kVoid = 1u << 0,       // never has content: <br>, <img>, <meta>, ...
  kRawText = 1u << 1,    // content is raw text up to its end tag: <script>, <style>, <title>, ...
  kDrop = 1u << 2,       // boilerplate by its tag: its text is never kept
  kInline = 1u << 3,     // phrasing: no container of its own, does not break a text block
  kClosesP = 1u << 4,    // its start tag closes an open <p>
  kParaLike = 1u << 5,   // a text block of its own, scored through its parent (p, li, h2, ...)
  kScopeEdge = 1u << 6,  // implied closes do not reach past it (table cells, the body, ...)
  kCleanable = 1u << 7,  // subject to the conditional clean-up inside the article
};

enum class Cat : uint8_t { None, Script, Navigation, Aside, Media, Form, Hidden, Comments, Related, Share, Promo, Byline, Other };

// Boilerplate kinds whose class words are trusted even when the hints are relaxed.
bool IsStrong(Cat c) { return c == Cat::Comments || c == Cat::Related || c == Cat::Share || c == Cat::Promo; }

enum class Kind : uint8_t { Text, Para, H1, Heading, ListItem, Quote, Pre, Cell };

struct TagInfo {
  const char* name;
  uint32_t props;
  Cat cat;    // why a kDrop tag is left out
  Kind kind;  // what a text block directly inside it is
};

constexpr uint32_t kBlock = kClosesP;
constexpr TagInfo kTags[] = {
    {"", kScopeEdge, Cat::None, Kind::Text},  // id 0: the virtual root (and unknown overflow)
    {"html", kScopeEdge, Cat::None, Kind::Text},
    {"head", 0, Cat::None, Kind::Text},
    {"body", kScopeEdge, Cat::None, Kind::Text},
    {"p", kBlock | kParaLike, Cat::None, Kind::Para},
    {"div", kBlock | kCleanable, Cat::None, Kind::Text},
    {"section", kBlock | kCleanable, Cat::None, Kind::Text},
    {"article", kBlock | kCleanable, Cat::None, Kind::Text},
    {"main", kBlock, Cat::None, Kind::Text},
    {"center", kBlock, Cat::None, Kind::Text},
    {"h1", kBlock | kParaLike, Cat::None, Kind::H1},
    {"h2", kBlock | kParaLike, Cat::None, Kind::Heading},
    {"h3", kBlock | kParaLike, Cat::None, Kind::Heading},
    {"h4", kBlock | kParaLike, Cat::None, Kind::Heading},
    {"h5", kBlock | kParaLike, Cat::None, Kind::Heading},
    {"h6", kBlock | kParaLike, Cat::None, Kind::Heading},
    {"hgroup", kBlock, Cat::None, Kind::Text},
    {"ul", kBlock | kCleanable, Cat::None, Kind::Text},
    {"ol", kBlock | kCleanable, Cat::None, Kind::Text},
    {"li", kBlock | kParaLike, Cat::None, Kind::ListItem},
    {"dl", kBlock | kCleanable, Cat::None, Kind::Text},
    {"dt", kBlock | kParaLike, Cat::None, Kind::ListItem},
    {"dd", kBlock | kParaLike, Cat::None, Kind::ListItem},
    {"blockquote", kBlock | kParaLike, Cat::None, Kind::Quote},
    {"pre", kBlock | kParaLike, Cat::None, Kind::Pre},
    {"address", kBlock, Cat::None, Kind::Text},
    {"table", kBlock | kScopeEdge | kCleanable, Cat::None, Kind::Text},
    {"caption", kScopeEdge, Cat::Media, Kind::Text},
    {"tbody", 0, Cat::None, Kind::Text},
    {"thead", 0, Cat::None, Kind::Text},
    {"tfoot", 0, Cat::None, Kind::Text},
    {"tr", 0, Cat::None, Kind::Text},
    {"td", kParaLike | kScopeEdge, Cat::None, Kind::Cell},
    {"th", kParaLike | kScopeEdge, Cat::None, Kind::Cell},
    {"fieldset", kBlock | kCleanable, Cat::None, Kind::Text},
    {"details", kBlock, Cat::None, Kind::Text},
    {"summary", 0, Cat::None, Kind::Text},
    {"form", kBlock | kCleanable, Cat::None, Kind::Text},  // ASP.NET pages wrap everything in one
    {"hr", kVoid | kBlock, Cat::None, Kind::Text},
    // Left out by tag.
    {"nav", kBlock | kDrop, Cat::Navigation, Kind::Text},
    {"header", kBlock | kDrop, Cat::Navigation, Kind::Text},
    {"footer", kBlock | kDrop, Cat::Navigation, Kind::Text},
    {"menu", kBlock | kDrop, Cat::Navigation, Kind::Text},
    {"aside", kBlock | kDrop, Cat::Aside, Kind::Text},
    {"dialog", kBlock | kDrop, Cat::Aside, Kind::Text},
    {"figure", kBlock | kDrop, Cat::Media, Kind::Text},
    {"figcaption", kBlock | kDrop, Cat::Media, Kind::Text},
    {"picture", kInline | kDrop, Cat::Media, Kind::Text},
    {"video", kDrop, Cat::Media, Kind::Text},
    {"audio", kDrop, Cat::Media, Kind::Text},
    {"object", kDrop, Cat::Media, Kind::Text},
    {"canvas", kInline | kDrop, Cat::Media, Kind::Text},
    {"map", kInline | kDrop, Cat::Media, Kind::Text},
    {"svg", kInline | kDrop, Cat::Media, Kind::Text},
    {"math", kInline | kDrop, Cat::Media, Kind::Text},
    {"template", kDrop, Cat::Script, Kind::Text},
    {"button", kInline | kDrop, Cat::Form, Kind::Text},
    {"select", kInline | kDrop, Cat::Form, Kind::Text},
    {"label", kInline | kDrop, Cat::Form, Kind::Text},
    {"option", kInline | kDrop, Cat::Form, Kind::Text},
    {"datalist", kInline | kDrop, Cat::Form, Kind::Text},
    // Raw text: skipped to the end tag in the tokenizer; never on the stack.
    {"script", kRawText | kDrop, Cat::Script, Kind::Text},
    {"style", kRawText | kDrop, Cat::Script, Kind::Text},
    {"noscript", kRawText | kDrop, Cat::Script, Kind::Text},  // as a browser running scripts reads it
    {"title", kRawText, Cat::None, Kind::Text},
    {"textarea", kRawText | kDrop, Cat::Form, Kind::Text},
    {"iframe", kRawText | kDrop, Cat::Media, Kind::Text},
    {"noembed", kRawText | kDrop, Cat::Media, Kind::Text},
    {"noframes", kRawText | kDrop, Cat::Media, Kind::Text},
    {"xmp", kRawText | kDrop, Cat::Other, Kind::Text},
    {"plaintext", kRawText | kDrop, Cat::Other, Kind::Text},
    // Void.
    {"br", kVoid | kInline, Cat::None, Kind::Text},
    {"wbr", kVoid | kInline, Cat::None, Kind::Text},
    {"img", kVoid | kInline, Cat::None, Kind::Text},
    {"input", kVoid | kInline, Cat::None, Kind::Text},
    {"meta", kVoid, Cat::None, Kind::Text},
    {"link", kVoid, Cat::None, Kind::Text},
    {"base", kVoid, Cat::None, Kind::Text},
    {"area", kVoid | kInline, Cat::None, Kind::Text},
    {"col", kVoid, Cat::None, Kind::Text},
    {"embed", kVoid | kInline, Cat::None, Kind::Text},
    {"param", kVoid, Cat::None, Kind::Text},
    {"source", kVoid, Cat::None, Kind::Text},
    {"track", kVoid, Cat::None, Kind::Text},
    {"keygen", kVoid, Cat::None, Kind::Text},
    // Phrasing.
    {"a", kInline, Cat::None, Kind::Text},
    {"abbr", kInline, Cat::None, Kind::Text},
    {"b", kInline, Cat::None, Kind::Text},
    {"bdi", kInline, Cat::None, Kind::Text},
    {"bdo", kInline, Cat::None, Kind::Text},
    {"big", kInline, Cat::None, Kind::Text},
    {"cite", kInline, Cat::None, Kind::Text},
    {"code", kInline, Cat::None, Kind::Text},
    {"data", kInline, Cat::None, Kind::Text},
    {"del", kInline, Cat::None, Kind::Text},
    {"dfn", kInline, Cat::None, Kind::Text},
    {"em", kInline, Cat::None, Kind::Text},
    {"font", kInline, Cat::None, Kind::Text},
    {"i", kInline, Cat::None, Kind::Text},
    {"ins", kInline, Cat::None, Kind::Text},
    {"kbd", kInline, Cat::None, Kind::Text},
    {"mark", kInline, Cat::None, Kind::Text},
    {"nobr", kInline, Cat::None, Kind::Text},
    {"q", kInline, Cat::None, Kind::Text},
    {"rp", kInline, Cat::None, Kind::Text},
    {"rt", kInline, Cat::None, Kind::Text},
    {"ruby", kInline, Cat::None, Kind::Text},
    {"s", kInline, Cat::None, Kind::Text},
    {"samp", kInline, Cat::None, Kind::Text},
    {"small", kInline, Cat::None, Kind::Text},
    {"span", kInline, Cat::None, Kind::Text},
    {"strike", kInline, Cat::None, Kind::Text},
    {"strong", kInline, Cat::None, Kind::Text},
    {"sub", kInline, Cat::None, Kind::Text},
    {"sup", kInline, Cat::None, Kind::Text},
    {"time", kInline, Cat::None, Kind::Text},
    {"tt", kInline, Cat::None, Kind::Text},
    {"u", kInline, Cat::None, Kind::Text},
    {"var", kInline, Cat::None, Kind::Text},
};
constexpr uint16_t kKnownTags = uint16_t(sizeof(kTags) / sizeof(kTags[0]));
constexpr size_t kMaxTagNames = 4096;  // distinct unknown names beyond this share id 0

// Readability's starting score of a candidate by its tag.
double TagBaseScore(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form")
    return -3;
  if ((tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') || tag == "th") return -5;
  return 0;
}

// [SECTION] Class and id hints -------------------------------------------------------------------

bool ContainsAny(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

// An "ad" box by its class tokens: "ad", "ad-slot", "top_ad", "dfp-ad-unit", "advert".
bool HasAdToken(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !IsAsciiSpace(static_cast<unsigned char>(s[j]))) ++j;
    std::string_view t = s.substr(i, j - i);
    if (t == "ad" || t == "ads" || t.substr(0, 3) == "ad-" || t.substr(0, 3) == "ad_" ||
        (t.size() > 3 && (t.substr(t.size() - 3) == "-ad" || t.substr(t.size() - 3) == "_ad")) ||
        t.find("-ad-") != std::string_view::npos || t.find("_ad_") != std::string_view::npos ||
        t.find("advert") != std::string_view::npos)
      return true;
    i = j;
  }
  return false;
}

// Classes that hide an element on screen (Bootstrap's "d-none", "sr-only", WordPress's
// "screen-reader-text", "print-only"): whole tokens only, so "hidden-xs" stays.
bool HasHiddenToken(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !IsAsciiSpace(static_cast<unsigned char>(s[j]))) ++j;
    std::string_view t = s.substr(i, j - i);
    for (const char* h : {"d-none", "hidden", "hide", "is-hidden", "visually-hidden", "visuallyhidden",
                          "sr-only", "screen-reader-text", "screenreader-only", "print-only", "offscreen"})
      if (t == h) return true;
    i = j;
  }
  return false;
}

// Readability's class weight of one attribute value (lowercased): +25 for a content word, -25
// for a boilerplate word.
int ClassWeight(std::string_view v) {
  if (v.empty()) return 0;
  int w = 0;
  if (ContainsAny(v, {"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer",
                      "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
                      "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
                      "widget", "byline", "caption", "newsletter", "taboola"}))
    w -= 25;
  if (ContainsAny(v, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                      "pagination", "post", "text", "blog", "story"}))
    w += 25;
  return w;
}

// Is an element with this class + " " + id (lowercased) boilerplate, and of which kind?
// Readability's "unlikely candidates" (spared when a content word also occurs), plus words that
// mark boilerplate even beside a content word ("article-share", "story-related").
Cat UnlikelyCategory(std::string_view v) {
  if (v.empty()) return Cat::None;
  if (ContainsAny(v, {"comment", "disqus", "replies", "respond"})) return Cat::Comments;
  if (ContainsAny(v, {"related", "recirc", "more-stories", "outbrain", "taboola", "trending",
                      "most-popular", "mostpopular", "most-read", "read-more", "readmore",
                      "recommend"}))
    return Cat::Related;
  if (ContainsAny(v, {"share", "sharing", "social", "sociable", "follow-us"})) return Cat::Share;
  if (ContainsAny(v, {"newsletter", "subscri", "signup", "sign-up", "promo", "sponsor", "paywall",
                      "donate", "banner"}) ||
      HasAdToken(v))
    return Cat::Promo;
  if (ContainsAny(v, {"byline", "dateline", "timestamp", "caption", "credit", "breadcrumb"}))
    return Cat::Byline;
  const bool unlikely =
      ContainsAny(v, {"combx", "community", "cover-wrap", "extra", "footer", "gdpr", "header",
                      "legends", "menu", "remark", "rss", "shoutbox", "sidebar", "skyscraper",
                      "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
                      "yom-remote", "-nav", "nav-", "navbar", "masthead", "toolbar", "modal"});
  if (unlikely && !ContainsAny(v, {"and", "article", "body", "column", "content", "main", "mathjax",
                                   "shadow"}))
    return Cat::Other;
  return Cat::None;
}

// [SECTION] Parser -------------------------------------------------------------------------------

enum NodeFlags : uint8_t {
  kNodeUnlikely = 1u << 0,  // its class/id marks it boilerplate (left out unless relaxed)
  kNodeSentence = 1u << 1,  // one of its own blocks ends a sentence
  kNodeArticleProp = 1u << 2,  // itemprop="articleBody" or the <article> tag
  kNodeStrong = 1u << 3,    // unlikely as comments, related links, a share bar or a promotion
};

struct Node {
  uint32_t parent = 0;
  uint32_t last = 0;       // the last node of its subtree (pre-order): descendants are (i, last]
  uint16_t tag = 0;
  uint8_t flags = 0;
  int8_t weight = 0;       // class/id weight, -50..50
  uint32_t imgs = 0;       // <img> directly in it (not in a child container)
  uint32_t inputs = 0;     // <input>, <select>, <textarea>, <button> directly in it
  uint32_t class_begin = 0, class_size = 0;  // the class attribute, for notes
};

struct Block {
  uint32_t owner;         // node it sits in
  uint32_t begin, end;    // into Parser::arena
  uint32_t link_bytes;    // of its text inside <a href>
  Kind kind;
  bool unlikely;          // inside a node marked kNodeUnlikely
  bool strong;            // ... one marked as comments, related links, share bar or promotion
};

struct Entry {               // one open element
  uint16_t tag;
  uint32_t node;             // its own node, or its container's for phrasing and dropped tags
  bool own_node;
  bool dropped;              // its text is left out (a kDrop tag, hidden, or inside one)
  bool unlikely;
  bool strong;               // unlikely as comments, related links, a share bar or a promotion
  bool link;
  bool h1;                   // collecting the first <h1>'s text for the headline
  Kind kind;
};

struct Attribute {
  std::string_view name, value;  // name as written (compare lowercased), value undecoded
};

struct Parser {
  std::string_view html;
  std::vector<TagInfo> tag_info;                      // by id
  std::unordered_map<std::string, uint16_t> tag_ids;
  std::vector<uint32_t> open_count;                   // open elements by tag id
  std::vector<Entry> stack;
  std::vector<Node> nodes;
  std::vector<uint32_t> node_text;                    // direct text bytes per node, to reclaim
  std::vector<Block> blocks;
  std::string arena;                                  // the blocks' text, back to back
  uint32_t block_begin = 0, block_links = 0;
  bool pending_space = false, after_br = false;

  std::string title, og_title, og_site, h1;
  bool h1_done = false, h1_space = false, title_done = false;
  uint32_t left_out[size_t(Cat::Other) + 1] = {};
  std::vector<Attribute> attrs;
  std::string scratch;

  explicit Parser(std::string_view h) : html(h) {
    for (uint16_t id = 0; id < kKnownTags; ++id) {
      tag_info.push_back(kTags[id]);
      if (id) tag_ids.emplace(kTags[id].name, id);
    }
    open_count.assign(tag_info.size(), 0);
    nodes.emplace_back();  // the virtual root
    node_text.push_back(0);
    stack.push_back(Entry{0, 0, true, false, false, false, false, false, Kind::Text});
  }

  uint16_t TagId(std::string_view lower_name) {
    scratch.assign(lower_name);
    auto it = tag_ids.find(scratch);
    if (it != tag_ids.end()) return it->second;
    if (tag_info.size() >= kMaxTagNames) return 0;
    const uint16_t id = uint16_t(tag_info.size());
    // An unknown element (a custom one: <amp-img>, <gallery-widget>) is a plain container.
    tag_info.push_back(TagInfo{"", kBlock | kCleanable, Cat::None, Kind::Text});
    open_count.push_back(0);
    tag_ids.emplace(scratch, id);
    return id;
  }
  std::string_view Attr(std::string_view name) const {
    for (const auto& a : attrs)
      if (a.name.size() == name.size() && StartsWithNoCase(a.name, 0, name)) return a.value;
    return {};
  }
  bool HasAttr(std::string_view name) const {
    for (const auto& a : attrs)
      if (a.name.size() == name.size() && StartsWithNoCase(a.name, 0, name)) return true;
    return false;
  }

  // --- text --------------------------------------------------------------------------------------

  void PutByte(char c, bool link) {
    if (pending_space && arena.size() > block_begin) arena += ' ';
    pending_space = false;
    after_br = false;
    arena += c;
    if (link) ++block_links;
  }
  void PutH1(std::string_view piece, bool space) {
    if (space) h1_space = true;
    if (piece.empty()) return;
    if (h1_space && !h1.empty()) h1 += ' ';
    h1_space = false;
    if (h1.size() < 4096) h1 += piece;
  }

  // Text between tags: references decoded, white space collapsed, C0 controls dropped, any other
  // byte (invalid UTF-8 included) kept as it is.
  void Text(size_t begin, size_t end) {
    const Entry& top = stack.back();
    const bool keep = !top.dropped, h1_text = top.h1 && !h1_done;
    if (!keep && !h1_text) return;
    std::string ref;
    for (size_t i = begin; i < end;) {
      unsigned char c = static_cast<unsigned char>(html[i]);
      std::string_view piece;
      size_t take = 1;
      bool space = false;
      if (IsAsciiSpace(c)) {
        space = true;
      } else if (c == '&') {
        ref.clear();
        take = DecodeRef(html, i, ref);
        if (take == 0) take = 1, ref = "&";
        if (take > end - i) take = end - i;  // a reference never reaches past the text's end
        piece = ref;
        space = piece == "\xC2\xA0";
      } else if (c == 0xC2 && i + 1 < end && static_cast<unsigned char>(html[i + 1]) == 0xA0) {
        take = 2, space = true;
      } else if (c < 0x20 || c == 0x7F) {
        i += 1;
        continue;
      } else {
        piece = html.substr(i, 1);
      }
      i += take;
      if (h1_text) PutH1(space ? std::string_view() : piece, space);
      if (!keep) continue;
      if (space) {
        pending_space = true;
        continue;
      }
      for (char b : piece) PutByte(b, top.link);
    }
  }

  void Flush() {
    const uint32_t end = uint32_t(arena.size());
    bool has_word = false;
    for (uint32_t k = block_begin; k < end && !has_word; ++k) {
      unsigned char c = static_cast<unsigned char>(arena[k]);
      has_word = IsAsciiAlnum(c) || c >= 0x80;
    }
    if (has_word) {
      const Entry& top = stack.back();
      blocks.push_back(Block{top.node, block_begin, end, block_links, top.kind, top.unlikely,
                             top.strong});
      node_text[top.node] += end - block_begin;
      const char last = arena[end - 1];
      if (last == '.' || std::string_view(arena).substr(block_begin, end - block_begin).find(". ") !=
                             std::string_view::npos)
        nodes[top.node].flags |= kNodeSentence;
      block_begin = end;
    } else {
      arena.resize(block_begin);
    }
    block_links = 0;
    pending_space = false;
    after_br = false;
  }

  // --- the stack ---------------------------------------------------------------------------------

  void Pop() {
    const Entry e = stack.back();
    if (!(tag_info[e.tag].props & kInline)) Flush();
    else if (e.dropped && !stack[stack.size() - 2].dropped) pending_space = true;
    stack.pop_back();
    --open_count[e.tag];
    if (e.h1 && (stack.empty() || !stack.back().h1)) h1_done = true;
    // A container that kept nothing (no text, images or fields, no children left) is reclaimed,
    // so 100k nested empty <div>s cost no memory.
    if (e.own_node && e.node + 1 == nodes.size() && node_text[e.node] == 0 &&
        nodes[e.node].imgs == 0 && nodes[e.node].inputs == 0) {
      nodes.pop_back();
      node_text.pop_back();
    }
  }
  void PopThrough(size_t index) {  // pops stack[index] and everything above it
    while (stack.size() > index && stack.size() > 1) Pop();
  }
  // The nearest open `tag` above any scope edge, looking at most `cap` entries down; 0 if none.
  size_t FindInScope(uint16_t tag, size_t cap, uint32_t stop_props, uint16_t stop_a = 0,
                     uint16_t stop_b = 0) const {
    if (open_count[tag] == 0) return 0;
    for (size_t k = stack.size() - 1, seen = 0; k >= 1 && seen < cap; --k, ++seen) {
      const uint16_t t = stack[k].tag;
      if (t == tag) return k;
      if ((tag_info[t].props & stop_props) || (stop_a && t == stop_a) || (stop_b && t == stop_b)) return 0;
    }
    return 0;
  }

  uint16_t Id(const char* known) const { return tag_ids.find(known)->second; }

  void StartTag(uint16_t id, bool self_closing) {
    const TagInfo& info = tag_info[id];
    const std::string_view name = id < kKnownTags ? std::string_view(info.name) : std::string_view();
    if (name == "meta") {
      std::string_view prop = Attr("property");
      if (prop.empty()) prop = Attr("name");
      std::string p = LowerAscii(prop);
      if (p == "og:title" && og_title.empty()) og_title = DecodeCollapsed(Attr("content"));
      if (p == "og:site_name" && og_site.empty()) og_site = DecodeCollapsed(Attr("content"));
      return;
    }
    // Implied end tags, within a few entries (a bounded look keeps this linear).
    static constexpr size_t kScan = 64;
    if (info.props & kClosesP) {
      if (size_t k = FindInScope(Id("p"), kScan, kScopeEdge)) PopThrough(k);
    }
    if (name == "li") {
      if (size_t k = FindInScope(id, kScan, kScopeEdge, Id("ul"), Id("ol"))) PopThrough(k);
    } else if (name == "dd" || name == "dt") {
      size_t k = FindInScope(Id("dd"), kScan, kScopeEdge, Id("dl"));
      if (!k) k = FindInScope(Id("dt"), kScan, kScopeEdge, Id("dl"));
      if (k) PopThrough(k);
    } else if (name == "td" || name == "th" || name == "tr") {
      if (name == "tr") {
        if (size_t k = FindInScope(id, kScan, 0, Id("table"))) PopThrough(k);
      } else {
        size_t k = FindInScope(Id("td"), kScan, 0, Id("tr"), Id("table"));
        if (!k) k = FindInScope(Id("th"), kScan, 0, Id("tr"), Id("table"));
        if (k) PopThrough(k);
      }
    } else if (info.kind == Kind::Heading || info.kind == Kind::H1) {
      const TagInfo& top = tag_info[stack.back().tag];
      if (top.kind == Kind::Heading || top.kind == Kind::H1) PopThrough(stack.size() - 1);
    } else if (name == "a") {
      if (size_t k = FindInScope(id, 8, ~uint32_t(kInline))) PopThrough(k);
    } else if (name == "p" || name == "option") {
      // (p handled by kClosesP; an <option> closes an open one)
      if (name == "option" && tag_info[stack.back().tag].name == std::string_view("option"))
        PopThrough(stack.size() - 1);
    }

    const Entry& parent = stack.back();
    if (info.props & kVoid) {
      if (name == "br") {
        // One <br> is a space; two in a row end the block.
        if (parent.dropped) return;
        if (after_br) Flush();
        else if (arena.size() > block_begin) pending_space = true, after_br = true;
      } else if (name == "hr") {
        Flush();
      } else if (!parent.dropped && name == "img") {
        ++nodes[parent.node].imgs;
      } else if (!parent.dropped && name == "input") {
        std::string type = LowerAscii(Attr("type"));
        if (type != "hidden") ++nodes[parent.node].inputs;
      }
      return;
    }

    // Why would its text be left out?
    Cat drop = Cat::None;
    if (info.props & kDrop) drop = info.cat;
    std::string style = LowerAscii(Attr("style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (HasAttr("hidden") || LowerAscii(Attr("aria-hidden")) == "true" ||
        style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
      drop = Cat::Hidden;
    const std::string role = LowerAscii(Attr("role"));
    if (role == "navigation" || role == "menu" || role == "menubar" || role == "banner" ||
        role == "contentinfo" || role == "search")
      drop = Cat::Navigation;
    else if (role == "complementary" || role == "dialog" || role == "alertdialog")
      drop = Cat::Aside;
    if (drop != Cat::None && !parent.dropped) ++left_out[size_t(drop)];

    const std::string_view cls_raw = Attr("class");
    std::string cls = LowerAscii(cls_raw), id_attr = LowerAscii(Attr("id"));
    if (drop == Cat::None && HasHiddenToken(cls)) {
      drop = Cat::Hidden;
      if (!parent.dropped) ++left_out[size_t(drop)];
    }
    Cat unlikely_cat = Cat::None;
    if (name != "html" && name != "body" && name != "main" && name != "a" && !(info.props & kInline)) {
      unlikely_cat = UnlikelyCategory(cls + " " + id_attr);
    }
    const bool article_prop = LowerAscii(Attr("itemprop")) == "articlebody";
    if (article_prop) unlikely_cat = Cat::None;

    Entry e{id, parent.node, false, parent.dropped || drop != Cat::None,
            parent.unlikely || unlikely_cat != Cat::None, parent.strong || IsStrong(unlikely_cat),
            parent.link || (name == "a" && HasAttr("href")),
            parent.h1 || (name == "h1" && !h1_done), parent.kind};
    if (unlikely_cat != Cat::None && !parent.unlikely && !e.dropped) ++left_out[size_t(unlikely_cat)];
    if (!(info.props & kInline)) {
      Flush();
      e.kind = info.kind;
      if (!e.dropped) {
        e.node = uint32_t(nodes.size());
        e.own_node = true;
        Node n;
        n.parent = parent.node;
        n.tag = id;
        n.weight = int8_t(std::clamp(ClassWeight(cls) + ClassWeight(id_attr), -50, 50));
        if (unlikely_cat != Cat::None) n.flags |= kNodeUnlikely;
        if (IsStrong(unlikely_cat)) n.flags |= kNodeStrong;
        if (article_prop || name == "article") n.flags |= kNodeArticleProp;
        if (article_prop) n.weight = int8_t(std::min(50, n.weight + 25));
        n.class_begin = cls_raw.empty() ? 0 : uint32_t(cls_raw.data() - html.data());
        n.class_size = uint32_t(std::min<size_t>(cls_raw.size(), 200));
        nodes.push_back(n);
        node_text.push_back(0);
      }
    } else if (e.dropped && !parent.dropped) {
      pending_space = true;
    }
    if (!parent.dropped && (name == "select" || name == "button" || name == "textarea"))
      ++nodes[parent.node].inputs;
    stack.push_back(e);
    ++open_count[id];
    if (self_closing) Pop();  // <div/>: tolerated as empty (foreign-content habit)
  }

  void EndTag(uint16_t id) {
    const TagInfo& info = tag_info[id];
    if (id < kKnownTags && info.name == std::string_view("br")) {
      attrs.clear();
      StartTag(id, false);
      return;
    }
    if (open_count[id] == 0) {
      if (id < kKnownTags && info.name == std::string_view("p")) Flush();  // a stray </p> breaks
      return;
    }
    if (!(info.props & kInline)) {
      // A container's end tag closes whatever was left open inside it (each element is popped
      // once, so this stays linear).
      for (size_t k = stack.size() - 1; k >= 1; --k)
        if (stack[k].tag == id) {
          PopThrough(k);
          return;
        }
      return;
    }
    // A phrasing end tag never closes a container it is misnested across ("<b><div></b>").
    for (size_t k = stack.size() - 1, seen = 0; k >= 1 && seen < 256; --k, ++seen) {
      if (stack[k].tag == id) {
        PopThrough(k);
        return;
      }
      if (!(tag_info[stack[k].tag].props & kInline)) return;
    }
  }

  // --- the tokenizer -----------------------------------------------------------------------------

  size_t ParseName(size_t i, std::string& lower) const {
    lower.clear();
    while (i < html.size()) {
      unsigned char c = static_cast<unsigned char>(html[i]);
      if (IsAsciiSpace(c) || c == '/' || c == '>') break;
      if (lower.size() < 64) lower += LowerByte(char(c));
      ++i;
    }
    return i;
  }

  // Attributes from `i` up to the tag's '>'; returns the index after it.
  size_t ParseAttrs(size_t i, bool& self_closing) {
    attrs.clear();
    self_closing = false;
    const size_t n = html.size();
    while (i < n) {
      while (i < n && (IsAsciiSpace(static_cast<unsigned char>(html[i])) || html[i] == '/')) {
        self_closing = html[i] == '/';
        ++i;
      }
      if (i >= n) break;
      if (html[i] == '>') return i + 1;
      self_closing = false;
      const size_t name_begin = i;
      ++i;  // the first character may be anything, even '='
      while (i < n) {
        unsigned char c = static_cast<unsigned char>(html[i]);
        if (IsAsciiSpace(c) || c == '/' || c == '>' || c == '=') break;
        ++i;
      }
      Attribute a{html.substr(name_begin, i - name_begin), {}};
      size_t j = i;
      while (j < n && IsAsciiSpace(static_cast<unsigned char>(html[j]))) ++j;
      if (j < n && html[j] == '=') {
        ++j;
        while (j < n && IsAsciiSpace(static_cast<unsigned char>(html[j]))) ++j;
        if (j < n && (html[j] == '"' || html[j] == '\'')) {
          const size_t close = html.find(html[j], j + 1);
          const size_t value_end = close == std::string_view::npos ? n : close;
          a.value = html.substr(j + 1, value_end - j - 1);
          i = close == std::string_view::npos ? n : close + 1;
        } else {
          const size_t vb = j;
          while (j < n && !IsAsciiSpace(static_cast<unsigned char>(html[j])) && html[j] != '>') ++j;
          a.value = html.substr(vb, j - vb);
          i = j;
        }
      }
      if (attrs.size() < 64) attrs.push_back(a);
    }
    return n;
  }

  // The end of raw text opened by `name`: the index of its "</name", or the end of the input.
  size_t FindRawEnd(size_t from, std::string_view name) const {
    size_t k = from;
    while ((k = html.find("</", k)) != std::string_view::npos) {
      if (StartsWithNoCase(html, k + 2, name)) {
        const size_t after = k + 2 + name.size();
        if (after >= html.size() || IsAsciiSpace(static_cast<unsigned char>(html[after])) ||
            html[after] == '>' || html[after] == '/')
          return k;
      }
      k += 2;
    }
    return html.size();
  }

  void Run() {
    const size_t n = html.size();
    size_t i = 0;
    std::string name;
    while (i < n) {
      const size_t lt = html.find('<', i);
      if (lt == std::string_view::npos) {
        Text(i, n);
        break;
      }
      if (lt > i) Text(i, lt);
      i = lt;
      const unsigned char c = lt + 1 < n ? static_cast<unsigned char>(html[lt + 1]) : 0;
      if (c == '!') {
        if (html.compare(lt, 4, "<!--") == 0) {
          if (lt + 4 < n && html[lt + 4] == '>') { i = lt + 5; continue; }           // <!-->
          if (html.compare(lt + 4, 2, "->") == 0) { i = lt + 6; continue; }          // <!--->
          const size_t end = html.find("-->", lt + 4);
          i = end == std::string_view::npos ? n : end + 3;
        } else if (html.compare(lt, 9, "<![CDATA[") == 0) {
          const size_t end = html.find("]]>", lt + 9);
          Text(lt + 9, end == std::string_view::npos ? n : end);
          i = end == std::string_view::npos ? n : end + 3;
        } else {  // <!DOCTYPE ...> and other declarations
          const size_t end = html.find('>', lt + 2);
          i = end == std::string_view::npos ? n : end + 1;
        }
      } else if (c == '/') {
        const unsigned char c2 = lt + 2 < n ? static_cast<unsigned char>(html[lt + 2]) : 0;
        const size_t end = html.find('>', lt + 2);
        i = end == std::string_view::npos ? n : end + 1;
        if (IsAsciiAlpha(c2)) {
          ParseName(lt + 2, name);
          EndTag(TagId(name));
        }  // "</>" and "</3 ...>" are ignored (a bogus comment)
      } else if (c == '?') {
        const size_t end = html.find('>', lt + 2);
        i = end == std::string_view::npos ? n : end + 1;
      } else if (IsAsciiAlpha(c)) {
        size_t j = ParseName(lt + 1, name);
        bool self_closing = false;
        j = ParseAttrs(j, self_closing);
        const uint16_t id = TagId(name);
        const TagInfo& info = tag_info[id];
        if (info.props & kRawText) {
          const size_t raw_end = self_closing ? j : FindRawEnd(j, name);
          if (name == "title" && !title_done && !stack.back().dropped) {
            title = DecodeCollapsed(html.substr(j, raw_end - j));
            title_done = true;
          } else if (info.props & kDrop) {
            if (!stack.back().dropped) ++left_out[size_t(info.cat)];
          }
          if (raw_end >= n) {
            i = n;
          } else {
            const size_t close = html.find('>', raw_end);
            i = close == std::string_view::npos ? n : close + 1;
          }
          if (!(info.props & kInline)) pending_space = true;
        } else {
          StartTag(id, self_closing);
          i = j;
        }
      } else {
        Text(lt, lt + 1);  // a stray '<'
        i = lt + 1;
      }
    }
    Flush();
    while (stack.size() > 1) Pop();
    // Subtree ends: children come after their parents.
    for (uint32_t k = 0; k < nodes.size(); ++k) nodes[k].last = k;
    for (uint32_t k = uint32_t(nodes.size()) - 1; k >= 1; --k) {
      Node& p = nodes[nodes[k].parent];
      p.last = std::max(p.last, nodes[k].last);
    }
  }
};

// [SECTION] Scoring ------------------------------------------------------------------------------

struct Counts {  // of a subtree's kept text
  uint32_t text = 0, links = 0, commas = 0, paras = 0, items = 0, heading = 0, imgs = 0, inputs = 0;
  void Add(const Counts& o) {
    text += o.text, links += o.links, commas += o.commas, paras += o.paras, items += o.items;
    heading += o.heading, imgs += o.imgs, inputs += o.inputs;
  }
};

struct Stats : Counts {
  double score = 0;
  bool scored = false;
  uint32_t children = 0;
};

uint32_t CountCommas(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0) ++n;  // ，
  }
  return n;
}

// The standing lines under many articles: "Follow us on Twitter", the copyright notice, the
// "Citation: ... retrieved from" of science news, "Sign up for our newsletter".
bool IsStandingLine(std::string_view t) {
  if (t.size() > 400) return false;
  const std::string low = LowerAscii(t);
  if (low.compare(0, 9, "citation:") == 0 || low.compare(0, 10, "copyright ") == 0 ||
      low.compare(0, 2, "\xC2\xA9") == 0)
    return true;
  return ContainsAny(low, {"follow us on", "subject to copyright", "all rights reserved",
                           "sign up for our", "subscribe to our", "click here to"});
}

bool IsBylineOrDateline(std::string_view t) {
  if (t.size() > 90) return false;
  std::string low = LowerAscii(t.substr(0, 24));
  for (const char* p : {"by ", "updated", "published", "posted", "last updated", "last modified",
                        "first published", "written by", "photo:", "image:", "image copyright",
                        "getty", "associated press", "(ap)"})
    if (low.compare(0, std::strlen(p), p) == 0) return true;
  return false;
}

struct Extraction {
  std::vector<uint32_t> paragraphs;  // block indices
  size_t text_bytes = 0;
  uint32_t top = 0;
  uint32_t removed = 0;              // containers left out by the conditional clean-up
};

// hints: 2 = class/id hints in full; 1 = only the strong ones (comments, related, share, promo)
// leave text out, and no class weights; 0 = no hints at all.
Extraction Extract(const Parser& p, const std::string& headline, int hints) {
  const bool use_hints = hints >= 2;
  const auto& nodes = p.nodes;
  const size_t n = nodes.size();
  auto included = [&](const Block& b) { return !(use_hints && b.unlikely) && !(hints >= 1 && b.strong); };
  auto text_of = [&](const Block& b) {
    return std::string_view(p.arena).substr(b.begin, b.end - b.begin);
  };

  std::vector<Stats> st(n);
  {
    // Images and fields count where their container's text counts.
    std::vector<uint8_t> unlikely(n, 0);  // bit 1: unlikely, bit 2: strong
    for (size_t k = 1; k < n; ++k) {
      unlikely[k] = uint8_t(((nodes[k].flags & kNodeUnlikely) ? 1 : 0) |
                            ((nodes[k].flags & kNodeStrong) ? 2 : 0) | unlikely[nodes[k].parent]);
      if ((use_hints && (unlikely[k] & 1)) || (hints >= 1 && (unlikely[k] & 2))) continue;
      st[k].imgs = nodes[k].imgs, st[k].inputs = nodes[k].inputs;
    }
  }
  std::vector<uint32_t> commas(p.blocks.size());
  for (size_t bi = 0; bi < p.blocks.size(); ++bi) {
    const Block& b = p.blocks[bi];
    if (!included(b)) continue;
    Stats& s = st[b.owner];
    const uint32_t len = b.end - b.begin;
    commas[bi] = CountCommas(text_of(b));
    s.text += len;
    s.links += b.link_bytes;
    s.commas += commas[bi];
    // Text straight in a <div> or between <br><br> counts as a paragraph too (Readability turns
    // such runs into <p> before counting).
    if (b.kind == Kind::Para || (b.kind == Kind::Text && len >= 25)) ++s.paras;
    if (b.kind == Kind::ListItem) s.items += len;
    if (b.kind == Kind::Heading || b.kind == Kind::H1) s.heading += len;
  }
  std::vector<Counts> direct(st.begin(), st.end());  // each node's own, for the clean-up
  for (size_t k = n - 1; k >= 1; --k) {
    Stats& parent = st[nodes[k].parent];
    parent.Add(st[k]);
    if (st[k].text > 0) ++parent.children;
  }
  auto link_density = [&](uint32_t k) {
    return st[k].text ? double(st[k].links) / st[k].text : 0.0;
  };
  auto tag_name = [&](uint32_t k) -> std::string_view {
    const uint16_t t = nodes[k].tag;
    return t < kKnownTags ? std::string_view(kTags[t].name) : std::string_view("div");
  };
  auto is_para_like = [&](uint32_t k) { return (p.tag_info[nodes[k].tag].props & kParaLike) != 0; };
  auto touch = [&](uint32_t k) {
    if (st[k].scored) return;
    st[k].scored = true;
    st[k].score = TagBaseScore(tag_name(k)) + (use_hints ? nodes[k].weight : 0);
  };

  // Each block of 25+ characters credits its container's ancestors.
  for (size_t bi = 0; bi < p.blocks.size(); ++bi) {
    const Block& b = p.blocks[bi];
    // List items and headings are not scored (Readability's choice): a list of links or a
    // subhead does not make its box the article.
    if (!included(b) || b.end - b.begin < 25 || b.kind == Kind::H1 || b.kind == Kind::ListItem) continue;
    const double content = 1.0 + commas[bi] + std::min<double>((b.end - b.begin) / 100, 3);
    uint32_t k = is_para_like(b.owner) ? nodes[b.owner].parent : b.owner;
    for (int level = 0; level < 5 && k != 0; ++level, k = nodes[k].parent) {
      touch(k);
      st[k].score += content / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  uint32_t top = 0;
  std::vector<uint32_t> best;  // the five best, best first
  for (uint32_t k = 1; k < n; ++k) {
    if (!st[k].scored) continue;
    st[k].score *= 1.0 - link_density(k);
    auto it = std::find_if(best.begin(), best.end(), [&](uint32_t o) { return st[k].score > st[o].score; });
    best.insert(it, k);
    if (best.size() > 5) best.pop_back();
  }
  if (!best.empty()) top = best[0];
  auto class_of = [&](uint32_t k) { return p.html.substr(nodes[k].class_begin, nodes[k].class_size); };
  auto contains = [&](uint32_t anc, uint32_t k) { return k >= anc && k <= nodes[anc].last; };

  if (top != 0) {
    // Several near-best candidates under one ancestor: the article is that ancestor.
    std::vector<uint32_t> alternatives;
    for (size_t a = 1; a < best.size(); ++a)
      if (st[best[a]].score / st[top].score >= 0.75) alternatives.push_back(best[a]);
    if (alternatives.size() >= 3) {
      for (uint32_t anc = nodes[top].parent; anc != 0; anc = nodes[anc].parent) {
        size_t inside = 0;
        for (uint32_t a : alternatives) inside += contains(anc, a);
        if (inside >= 3) {
          top = anc;
          break;
        }
      }
    }
    touch(top);
    // Climb while the parent scores better (the article's text spread over sibling boxes).
    double last = st[top].score;
    const double threshold = last / 3;
    for (uint32_t anc = nodes[top].parent; anc != 0 && tag_name(anc) != "body"; anc = nodes[anc].parent) {
      if (!st[anc].scored) continue;
      if (st[anc].score < threshold) break;
      if (st[anc].score > last) {
        top = anc;
        break;
      }
      last = st[anc].score;
    }
    // An only child is no better than its parent.
    // It holds the same text, so it keeps the child's score for judging its siblings.
    while (nodes[top].parent != 0 && st[nodes[top].parent].children == 1 &&
           tag_name(nodes[top].parent) != "body") {
      const double child_score = st[top].score;
      top = nodes[top].parent;
      touch(top);
      st[top].score = std::max(st[top].score, child_score);
    }
    touch(top);
  }

  // The article: the top candidate and the siblings that look like part of it.
  std::vector<char> in_article(n, 0);
  std::vector<uint32_t> roots;
  if (top == 0) {
    roots.push_back(0);
  } else {
    const uint32_t parent = nodes[top].parent;
    const double threshold = std::max(10.0, st[top].score * 0.2);
    for (uint32_t k = parent + 1; k <= nodes[parent].last; k = nodes[k].last + 1) {
      if (nodes[k].parent != parent) continue;
      bool take = k == top;
      // A sibling of the same class is likely the article's next part (split by a figure).
      const double bonus = nodes[k].class_size && class_of(k) == class_of(top) ? st[top].score * 0.2 : 0;
      if (!take && st[k].text > 0 && (st[k].scored || (bonus > 0 && link_density(k) < 0.5)) &&
          (st[k].scored ? st[k].score : 0) + bonus >= threshold)
        take = true;
      if (!take && tag_name(k) == "p") {
        const double ld = link_density(k);
        const uint32_t len = st[k].text;
        if (len > 80 && ld < 0.25) take = true;
        else if (len > 0 && len <= 80 && ld == 0 && (nodes[k].flags & kNodeSentence)) take = true;
      }
      if (take) roots.push_back(k);
    }
  }
  for (uint32_t r : roots)
    for (uint32_t k = r; k <= nodes[r].last; ++k) in_article[k] = 1;

  // Conditional clean-up inside the article (Readability's _cleanConditionally): boxes of links,
  // forms and image strips go.
  Extraction ex;
  ex.top = top;
  // Bottom up (children come after their parents), so a box is judged by what is left in it once
  // the link lists inside it are gone; each node adds its kept counts to its parent.
  std::vector<char> removed(n, 0);
  for (uint32_t k = uint32_t(n) - 1; k >= 1; --k) {
    if (!in_article[k]) continue;
    const Counts& s = direct[k];
    bool drop = false;
    if (k != top && (p.tag_info[nodes[k].tag].props & kCleanable) && s.text > 0) {
      const int weight = use_hints ? nodes[k].weight : 0;
      const double score = st[k].scored ? st[k].score : 0;
      const std::string_view tag = tag_name(k);
      const bool is_list = tag == "ul" || tag == "ol" || double(s.items) / s.text > 0.9;
      const double ld = double(s.links) / s.text;
      drop = weight + score < 0;
      if (!drop && s.commas < 10) {
        const double heading_density = double(s.heading) / s.text;
        drop = (s.imgs > 1 && double(s.paras) / s.imgs < 0.5) ||
               (s.inputs > s.paras / 3) ||
               (!is_list && heading_density < 0.9 && s.text < 25 && (s.imgs == 0 || s.imgs > 2) && ld > 0) ||
               (!is_list && weight < 25 && ld > 0.2) ||
               (weight >= 25 && ld > 0.5) ||
               (is_list && ld > 0.5);
      }
      if (drop) {
        removed[k] = 1;
        ++ex.removed;
      }
    }
    if (!drop && in_article[nodes[k].parent]) direct[nodes[k].parent].Add(s);
  }
  for (uint32_t k = 1; k < n; ++k)
    if (in_article[k] && in_article[nodes[k].parent] && removed[nodes[k].parent]) removed[k] = 1;

  // The paragraphs, in page order.
  bool any = false;
  for (size_t bi = 0; bi < p.blocks.size(); ++bi) {
    const Block& b = p.blocks[bi];
    if (!included(b) || !in_article[b.owner] || removed[b.owner]) continue;
    const std::string_view t = text_of(b);
    const uint32_t len = b.end - b.begin;
    if (b.link_bytes * 2 > len) continue;                       // a link on its own ("Read more: ...")
    if (b.kind == Kind::H1 && (!any || t == headline)) continue;  // the headline again
    if (IsBylineOrDateline(t) || IsStandingLine(t)) continue;
    ex.paragraphs.push_back(uint32_t(bi));
    ex.text_bytes += len;
    any = true;
  }
  return ex;
}

// [SECTION] Headline -----------------------------------------------------------------------------

// "Headline | Site", "Headline - Site Name": the last part goes when it is short and the rest is
// not (or when it is the site's own name).
std::string CutSiteSuffix(std::string title, const std::string& site) {
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos, sep_size = 0;
    for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 "}) {
      const size_t at = title.rfind(sep);
      if (at != std::string::npos && (best == std::string::npos || at > best)) best = at, sep_size = std::strlen(sep);
    }
    if (best == std::string::npos || best == 0) break;
    const std::string suffix = title.substr(best + sep_size);
    const size_t suffix_words = size_t(std::count(suffix.begin(), suffix.end(), ' ')) + 1;
    const std::string prefix = title.substr(0, best);
    const size_t prefix_words = size_t(std::count(prefix.begin(), prefix.end(), ' ')) + 1;
    const bool is_site = !site.empty() && LowerAscii(suffix) == LowerAscii(site);
    if (!is_site && (suffix_words > 4 || prefix_words < 3 || suffix.size() >= prefix.size())) break;
    title = prefix;
    if (is_site) break;
  }
  return title;
}

}  // namespace

// [SECTION] Public API ---------------------------------------------------------------------------

bool LooksLikeHtml(std::string_view bytes) {
  size_t i = 0;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < bytes.size() && IsAsciiSpace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (StartsWithNoCase(bytes, i, "<!doctype html") || StartsWithNoCase(bytes, i, "<html") ||
      StartsWithNoCase(bytes, i, "<head") || StartsWithNoCase(bytes, i, "<body"))
    return true;
  const std::string_view probe = bytes.substr(i, 4096);
  size_t blocks = 0;
  for (size_t k = probe.find('<'); k != std::string_view::npos; k = probe.find('<', k + 1)) {
    for (const char* t : {"<html", "<head>", "<head ", "<body", "<meta "})
      if (StartsWithNoCase(probe, k, t)) return true;
    for (const char* t : {"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<li>", "<ul>", "<h1", "<h2",
                          "<h3", "<table", "<a href", "<span", "<!--"})
      if (StartsWithNoCase(probe, k, t)) {
        ++blocks;
        break;
      }
  }
  return blocks >= 3;
}

HtmlArticle ExtractHtmlArticle(std::string_view html) {
  HtmlArticle out;
  try {
    Parser p(html);
    p.Run();

    out.headline = CutSiteSuffix(p.og_title, p.og_site);
    if (out.headline.empty()) out.headline = DecodeCollapsed(p.h1);
    if (out.headline.empty()) out.headline = CutSiteSuffix(p.title, p.og_site);

    Extraction ex = Extract(p, out.headline, 2);
    bool relaxed = false;
    if (ex.text_bytes < 500) {
      // Readability's fallback: the class hints may have cost the article itself. Comment
      // sections, related links, share bars and promotions stay out unless nearly nothing is
      // left with them out.
      Extraction loose = Extract(p, out.headline, 1);
      if (loose.text_bytes > ex.text_bytes) ex = std::move(loose), relaxed = true;
      if (ex.text_bytes < 140) {
        Extraction loosest = Extract(p, out.headline, 0);
        if (loosest.text_bytes > ex.text_bytes) ex = std::move(loosest), relaxed = true;
      }
    }
    for (uint32_t bi : ex.paragraphs) {
      const Block& b = p.blocks[bi];
      out.paragraphs.emplace_back(p.arena, b.begin, b.end - b.begin);
    }

    // Notes for the reader.
    static const char* const kCatNames[] = {"", "scripts and styles", "navigation blocks",
                                            "asides", "figures, captions and embeds",
                                            "forms and buttons", "hidden blocks", "comment sections",
                                            "related-link boxes", "share bars",
                                            "promotions and ads", "bylines and captions",
                                            "other boilerplate boxes"};
    std::string left;
    for (size_t c = 1; c < std::size(kCatNames); ++c) {
      if (!p.left_out[c] || (relaxed && c >= size_t(Cat::Comments))) continue;
      if (!left.empty()) left += ", ";
      left += std::to_string(p.left_out[c]) + " " + kCatNames[c];
    }
    if (!left.empty()) out.notes.push_back("left out " + left);
    if (ex.removed) out.notes.push_back("left out " + std::to_string(ex.removed) + " link lists or form boxes inside the article");
    if (ex.top != 0) {
      const Node& t = p.nodes[ex.top];
      std::string where = "<" + std::string(t.tag < kKnownTags ? kTags[t.tag].name : "element");
      if (t.class_size) where += " class=\"" + std::string(html.substr(t.class_begin, t.class_size)) + "\"";
      out.notes.push_back("article text taken from " + where + ">");
    }
    if (relaxed) out.notes.push_back("class and id hints ignored: with them too little text was left");
    if (out.paragraphs.empty()) out.notes.push_back("no article text found in this page");
  } catch (...) {
    // Only allocation can throw here; what was found so far is kept.
    out.notes.push_back("the page could not be read completely");
  }
  return out;
}

std::string ArticleText(const HtmlArticle& article) {
  std::string out;
  std::string headline = article.headline;
  for (char& c : headline)
    if (c == '\n' || c == '\r') c = ' ';
  out += headline.empty() ? std::string("Untitled") : headline;
  out += '\n';
  for (const std::string& p : article.paragraphs) {
    out += '\n';
    out += p;
    out += '\n';
  }
  return out;
}

size_t DecodeCharacterReference(std::string_view text, size_t at, std::string& out) {
  return at < text.size() && text[at] == '&' ? DecodeRef(text, at, out) : 0;
}

}  // namespace lectern
