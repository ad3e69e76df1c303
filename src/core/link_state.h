// link_state.h — the shareable link: what the reader is looking at, as a short URL fragment.
//
//   #a=<article>&e=<entity>&q=<quote>&p=<paragraph>.<permille>&s=<search>&v=<view>&m=<lat>,<lon>,<zoom>&t=<text>
//
//   a  article id: a slug of its headline              a=chile-and-peru-sign-10-year-...
//   e  selected entity id: a slug of its name          e=ana-ruiz
//   q  selected quote id                               q=q3
//   p  reading position: the paragraph at the top of   p=4.250  (paragraph 4, a quarter in;
//      the view (0-based; -1 the headline) and how        -1 is the headline)
//      far into it, in thousandths
//   s  find-in-article term, percent-encoded           s=nuclear%20energy
//   v  entity map view: graph or map                   v=map
//   m  world map centre (latitude, longitude, in       m=48.85,2.35,6.00
//      degrees) and zoom (1: the whole world fits),
//      when the reader has moved the map
//   t  the article's text itself, for an article the   t=AXWQwW7b...
//      reader added: base64url of the deflated text,
//      see article_link.h. Exempt from kMaxLinkValue
//      and from the kMaxLinkLength cut; its own limit
//      is kMaxArticlePayloadChars (over it: dropped,
//      "the article in this link is too long")
//
//   LinkParse r = ParseLink(hash_without_the_hash_sign);
//   for (const std::string& p : r.problems) notice(p);      // what was ignored, and why
//   std::string hash = FormatLink(r.link);
//
// Parsing never fails: unknown keys, malformed values, oversized or truncated fragments are
// dropped with a short problem message, and what remains is used. Values are percent-decoded
// UTF-8 with control characters removed, so nothing from a link can reach the UI as markup or
// escape codes (the UI draws text, never HTML, but the rule holds anyway).
#pragma once

#include "article_link.h"

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct LinkState {
  std::string article;
  std::string entity;
  std::string quote;
  bool has_position = false;
  int paragraph = -1;          // -1: the headline
  int permille = 0;            // 0..999: how far into the paragraph
  std::string search;
  std::string view;            // "graph", "map" or ""
  bool has_map_view = false;   // the world map moved by the reader:
  double map_lat = 0, map_lon = 0;  // its centre, in degrees
  double map_zoom = 1;         // 1: the whole world fits the canvas (kMinMapZoom..kMaxMapZoom)
  std::string text_payload;    // t=: the article's text, still encoded (DecodeArticlePayload)
};

struct LinkParse {
  LinkState link;
  std::vector<std::string> problems;
};

constexpr size_t kMaxLinkLength = 2048;   // longer fragments (without t=) are cut, with a problem noted
constexpr size_t kMaxLinkValue = 200;     // bytes per decoded value (t= aside)
constexpr double kMinMapZoom = 0.5, kMaxMapZoom = 64;  // map zoom a link may ask for

LinkParse ParseLink(std::string_view fragment);
std::string FormatLink(const LinkState& link);

// Percent-encoding for fragment values: unreserved characters and UTF-8 letters stay readable
// except for what would break the grammar ('&', '=', '#', '%', '+', space, controls).
std::string PercentEncode(std::string_view value);
// Decodes %XX sequences and '+' as space; malformed escapes are kept literally.
std::string PercentDecode(std::string_view value);

// True for ids as the app makes them: lowercase ASCII letters, digits and single inner '-'.
bool IsSlug(std::string_view s);

}  // namespace lectern
