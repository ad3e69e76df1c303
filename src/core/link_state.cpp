// link_state.cpp — see link_state.h.
#include "link_state.h"

#include "document.h"

#include <cstdio>
#include <cstdlib>

namespace lectern {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Valid UTF-8 without control characters (C0, DEL, C1) and without bidi overrides.
std::string CleanText(std::string_view s) {
  std::string valid = ToValidUtf8(s);
  std::string out;
  for (size_t i = 0; i < valid.size();) {
    char32_t cp;
    const uint32_t n = DecodeUtf8(valid, i, &cp);
    const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (!control) out.append(valid, i, n);
    i += n;
  }
  return out;
}

std::string Trimmed(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  s.resize(cut);
  return s;
}

// A plain decimal: an optional '-', digits, optionally '.' and digits ("48.85", "-0.5", "6").
// Nothing else (no exponent, no "inf", no hex, no locale), so every value a link can carry is
// a finite number written the way FormatLink writes it.
bool ParseDecimal(std::string_view s, double* out) {
  size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  double v = 0;
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 12; ++i, ++digits) v = v * 10 + (s[i] - '0');
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    double scale = 0.1;
    size_t decimals = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && decimals < 12; ++i, ++decimals, scale /= 10)
      v += (s[i] - '0') * scale;
    if (decimals == 0) return false;
  }
  if (i != s.size()) return false;
  *out = negative ? -v : v;
  return true;
}

// "<lat>,<lon>,<zoom>" within range.
bool ParseMapView(std::string_view value, LinkState* l) {
  double v[3];
  for (int k = 0; k < 3; ++k) {
    const size_t comma = k < 2 ? value.find(',') : value.size();
    if (comma == std::string_view::npos || !ParseDecimal(value.substr(0, comma), &v[k])) return false;
    value = k < 2 ? value.substr(comma + 1) : std::string_view();
  }
  if (v[0] < -90 || v[0] > 90 || v[1] < -180 || v[1] > 180 || v[2] < kMinMapZoom || v[2] > kMaxMapZoom) return false;
  l->has_map_view = true;
  l->map_lat = v[0];
  l->map_lon = v[1];
  l->map_zoom = v[2];
  return true;
}

}  // namespace

std::string PercentDecode(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size()) {
      const int hi = HexValue(v[i + 1]), lo = HexValue(v[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += char(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += v[i] == '+' ? ' ' : v[i];
  }
  return out;
}

std::string PercentEncode(std::string_view v) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : v) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '!' || c == '*' || c == '(' ||
                      c == ')' || c == ',' || c == ';' || c == ':' || c == '@' || c == '/' || c == '?';
    if (keep) {
      out += char(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > kMaxLinkValue || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

LinkParse ParseLink(std::string_view fragment) {
  LinkParse r;
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  // [t=] The article's text has its own limit and alphabet and is taken out first; the rest of
  // the link is read as always, within kMaxLinkLength.
  std::string rest;
  for (size_t at = 0; at <= fragment.size();) {
    size_t end = fragment.find('&', at);
    if (end == std::string_view::npos) end = fragment.size();
    const std::string_view field = fragment.substr(at, end - at);
    at = end + 1;
    if (field.size() >= 2 && field[0] == 't' && field[1] == '=') {
      const std::string_view value = field.substr(2);
      if (value.empty()) {
        r.problems.push_back("The link's article is empty and was ignored.");
      } else if (value.size() > kMaxArticlePayloadChars) {
        r.problems.push_back("The article in this link is too long and was ignored.");
      } else if (!IsBase64Url(value)) {
        r.problems.push_back("The article in this link is damaged (characters that are not base64url) and was ignored.");
      } else if (!r.link.text_payload.empty()) {
        r.problems.push_back("The link holds more than one article; only the first was read.");
      } else {
        r.link.text_payload = std::string(value);
      }
    } else if (!field.empty()) {
      if (!rest.empty()) rest += '&';
      rest.append(field.data(), field.size());
    }
  }
  fragment = rest;
  if (fragment.size() > kMaxLinkLength) {
    r.problems.push_back("The link was too long; only its beginning was read.");
    fragment = fragment.substr(0, kMaxLinkLength);
    // Drop the last, cut-off field.
    const size_t amp = fragment.rfind('&');
    fragment = amp == std::string_view::npos ? std::string_view() : fragment.substr(0, amp);
  }
  size_t pos = 0;
  while (pos <= fragment.size() && !fragment.empty()) {
    size_t end = fragment.find('&', pos);
    if (end == std::string_view::npos) end = fragment.size();
    const std::string_view field = fragment.substr(pos, end - pos);
    pos = end + 1;
    if (field.empty()) {
      if (end >= fragment.size()) break;
      continue;
    }
    const size_t eq = field.find('=');
    const std::string key = CleanText(PercentDecode(field.substr(0, eq)));
    if (eq == std::string_view::npos) {
      r.problems.push_back("Ignored \xE2\x80\x9C" + Trimmed(key, 24) + "\xE2\x80\x9D in the link (no value).");
      continue;
    }
    std::string value = CleanText(PercentDecode(field.substr(eq + 1)));
    if (value.size() > kMaxLinkValue) {
      r.problems.push_back("A value in the link was too long and was ignored.");
      continue;
    }
    auto slug = [&](std::string& out, const char* what) {
      if (IsSlug(value)) {
        out = value;
      } else {
        r.problems.push_back(std::string("The link's ") + what + " id is not valid and was ignored.");
      }
    };
    if (key == "a") {
      slug(r.link.article, "article");
    } else if (key == "e") {
      slug(r.link.entity, "entity");
    } else if (key == "q") {
      slug(r.link.quote, "quote");
    } else if (key == "p") {
      // "<paragraph>" or "<paragraph>.<permille>"; paragraph >= -1.
      char* rest = nullptr;
      const long para = std::strtol(value.c_str(), &rest, 10);
      long permille = 0;
      bool ok = rest != value.c_str() && para >= -1 && para < 10000000;
      if (ok && *rest == '.') {
        const char* digits = rest + 1;
        permille = std::strtol(digits, &rest, 10);
        ok = rest != digits && rest - digits <= 3 && permille >= 0;
        for (long scale = rest - digits; ok && scale < 3; ++scale) permille *= 10;  // ".5" = 500
      }
      if (ok && *rest == '\0') {
        r.link.has_position = true;
        r.link.paragraph = int(para);
        r.link.permille = int(permille);
      } else {
        r.problems.push_back("The link's reading position is not valid and was ignored.");
      }
    } else if (key == "s") {
      r.link.search = value;
    } else if (key == "v") {
      if (value == "graph" || value == "map") {
        r.link.view = value;
      } else {
        r.problems.push_back("The link's view is not \xE2\x80\x9Cgraph\xE2\x80\x9D or \xE2\x80\x9Cmap\xE2\x80\x9D and was ignored.");
      }
    } else if (key == "m") {
      if (!ParseMapView(value, &r.link)) r.problems.push_back("The link's map view is not valid and was ignored.");
    } else if (key == "t") {  // a percent-encoded key: not how a link is made
      r.problems.push_back("The article in this link is damaged (an escaped key) and was ignored.");
    } else {
      r.problems.push_back("Ignored \xE2\x80\x9C" + Trimmed(key, 24) + "\xE2\x80\x9D in the link (unknown).");
    }
    if (end >= fragment.size()) break;
  }
  return r;
}

std::string FormatLink(const LinkState& l) {
  std::string out;
  auto field = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out += key;
    out += '=';
    out += PercentEncode(value);
  };
  field("a", l.article);
  field("e", l.entity);
  field("q", l.quote);
  if (l.has_position) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%03d", l.paragraph, l.permille < 0 ? 0 : l.permille > 999 ? 999 : l.permille);
    field("p", buf);
  }
  field("s", l.search);
  field("v", l.view);
  if (l.has_map_view) {
    const auto clamp = [](double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; };
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f,%.2f,%.2f", clamp(l.map_lat, -90, 90), clamp(l.map_lon, -180, 180),
                  clamp(l.map_zoom, kMinMapZoom, kMaxMapZoom));
    field("m", buf);
  }
  // Last, as it is long; base64url needs no escaping. A payload ParseLink would drop is left out.
  if (!l.text_payload.empty() && l.text_payload.size() <= kMaxArticlePayloadChars && IsBase64Url(l.text_payload)) {
    if (!out.empty()) out += '&';
    out += "t=";
    out += l.text_payload;
  }
  return out;
}

}  // namespace lectern
