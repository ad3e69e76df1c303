// article_link.cpp — see article_link.h.
#include "article_link.h"

#include "deflate.h"

#include <utility>

namespace lectern {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64Url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out.push_back(kAlphabet[(v >> k) & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest) {
    uint32_t v = uint32_t(uint8_t(bytes[i])) << 16;
    if (rest == 2) v |= uint32_t(uint8_t(bytes[i + 1])) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Strict: only the 64 characters, no padding, and the unused low bits of the last character
// zero (so every byte string has exactly one spelling and a changed last character is noticed).
bool FromBase64Url(std::string_view text, std::string* out) {
  out->clear();
  if (text.size() % 4 == 1) return false;  // 6 bits: no whole byte ends there
  out->reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = Sextet(c);
    if (v < 0) return false;
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(char((acc >> bits) & 0xFF));
    }
  }
  return (acc & ((1u << bits) - 1)) == 0;
}

// A byte that no article holds: NUL and the C0 controls other than \t \n \v \f \r.
bool IsBinaryByte(unsigned char c) { return c < 0x20 && !(c >= 0x09 && c <= 0x0D); }

ArticlePayloadDecode Refuse(std::string error) {
  ArticlePayloadDecode r;
  r.error = std::move(error);
  return r;
}

}  // namespace

std::string EncodeArticlePayload(std::string_view article_text) {
  std::string packed(1, char(kArticlePayloadVersion));
  packed += DeflateRaw(article_text);
  return Base64Url(packed);
}

std::string LinkPayload(std::string_view article_text) {
  // A text the decoder would refuse for its length does not fit, however well it compresses
  // (and is not deflated to find out).
  if (article_text.size() > kMaxArticleTextBytes) return {};
  std::string payload = EncodeArticlePayload(article_text);
  if (payload.size() > kMaxArticlePayloadChars) payload.clear();
  return payload;
}

bool IsBase64Url(std::string_view text) { return text.find_first_not_of(kAlphabet) == std::string_view::npos; }

bool FitsInLink(std::string_view article_text) { return !LinkPayload(article_text).empty(); }

ArticlePayloadDecode DecodeArticlePayload(std::string_view payload) {
  if (payload.empty()) return Refuse("the link's article is empty");
  if (payload.size() > kMaxArticlePayloadChars) return Refuse("the article in this link is too long");
  const size_t bad = payload.find_first_not_of(kAlphabet);
  if (bad != std::string_view::npos) {
    return Refuse(payload[bad] == '%' ? "the article in this link is damaged (a '%' escape, not base64url)"
                                      : "the article in this link is damaged (characters that are not base64url)");
  }
  std::string packed;
  if (!FromBase64Url(payload, &packed) || packed.empty())
    return Refuse("the article in this link is damaged (cut short or altered)");
  if (uint8_t(packed[0]) != kArticlePayloadVersion) {
    if (uint8_t(packed[0]) > kArticlePayloadVersion) return Refuse("this link was made by a newer Lectern");
    return Refuse("the article in this link is damaged (no known format)");
  }
  ArticlePayloadDecode r;
  std::string why;
  if (!InflateRaw(std::string_view(packed).substr(1), kMaxArticleTextBytes, &r.text, &why)) {
    if (why == kInflateTooLong) {
      return Refuse("the article in this link is longer than " + std::to_string(kMaxArticleTextBytes >> 20) +
                    " MiB of text");
    }
    return Refuse("the article in this link is damaged (" + why + ")");
  }
  for (unsigned char c : r.text)
    if (IsBinaryByte(c)) return Refuse("the link's article is binary data, not text");
  if (r.text.find_first_not_of(" \t\r\n\v\f") == std::string::npos) return Refuse("the link's article is empty");
  r.ok = true;
  return r;
}

}  // namespace lectern
