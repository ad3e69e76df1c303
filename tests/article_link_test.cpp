// Tests for article_link.h: the article a link carries, how much fits, and hostile payloads.
#include "article_link.h"
#include "deflate.h"
#include "link_state.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

using namespace lectern;

namespace {

const std::string kArticle =
    "Chile and Peru Sign a Water Accord\n\nPresident Ana Ruiz said on Monday that the accord would last ten years. "
    "\xE2\x80\x9CIt is a good day,\xE2\x80\x9D she said.\n";

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// A payload from raw bytes (a version byte and whatever stream a test wants), bypassing
// EncodeArticlePayload.
std::string RawPayload(const std::string& bytes) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kBase64Url[(acc >> bits) & 63]);
    }
  }
  if (bits) out.push_back(kBase64Url[(acc << (6 - bits)) & 63]);
  return out;
}

std::string Refusal(std::string_view payload) {
  const ArticlePayloadDecode d = DecodeArticlePayload(payload);
  CHECK_FALSE(d.ok);
  CHECK(d.text.empty());
  CHECK(!d.error.empty());
  return d.ok ? std::string("(accepted)") : d.error;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// English news: the seed and the real-text articles, one after another (as many times as asked:
// a repeat is more than DEFLATE's 32 KiB window back, so it compresses like new text).
std::string NewsCorpus(size_t at_least) {
  const std::filesystem::path root(LECTERN_SOURCE_DIR);
  std::vector<std::filesystem::path> files = {root / "seeds" / "000_d1a45250eb781355.txt"};
  std::vector<std::filesystem::path> real;
  for (const auto& e : std::filesystem::directory_iterator(root / "tests" / "realtext"))
    if (e.path().extension() == ".txt") real.push_back(e.path());
  std::sort(real.begin(), real.end());
  files.insert(files.end(), real.begin(), real.end());
  std::string all;
  while (all.size() < at_least) {
    for (const auto& f : files) all += ReadFile(f) + "\n\n";
  }
  return all;
}

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

// [SECTION] Round trips ----------------------------------------------------------------------------

TEST_CASE("an article survives its link payload") {
  const std::string payload = EncodeArticlePayload(kArticle);
  CHECK(payload.find_first_not_of(kBase64Url) == std::string::npos);
  CHECK(payload.find('=') == std::string::npos);  // no padding
  CHECK(payload[0] == 'A');                        // version 1: the first six bits are zero
  const ArticlePayloadDecode d = DecodeArticlePayload(payload);
  REQUIRE(d.ok);
  CHECK(d.error.empty());
  CHECK(d.text == kArticle);
  CHECK(FitsInLink(kArticle));
  // Every length of a short text (each of the three base64 tails).
  for (size_t n = 1; n < 40; ++n) {
    const std::string text = std::string("Headline\n\n") + std::string(n, 'w') + std::to_string(n);
    const ArticlePayloadDecode e = DecodeArticlePayload(EncodeArticlePayload(text));
    REQUIRE(e.ok);
    CHECK(e.text == text);
  }
  // Exactly 1 MiB of text (the limit) still decodes.
  const std::string repeated = [] {
    std::string s = "Headline\n\n";
    while (s.size() < kMaxArticleTextBytes) s += "The same sentence, again and again. ";
    return s.substr(0, kMaxArticleTextBytes);
  }();
  const std::string repeated_payload = EncodeArticlePayload(repeated);
  REQUIRE(repeated_payload.size() <= kMaxArticlePayloadChars);
  const ArticlePayloadDecode full = DecodeArticlePayload(repeated_payload);
  REQUIRE(full.ok);
  CHECK(full.text == repeated);
}

TEST_CASE("article payload: invalid UTF-8 is let through for the loader to list, binary data is not") {
  const std::string latin1 = "Caf\xE9 society\n\nThe caf\xE9 opened in 1920.\n";
  const ArticlePayloadDecode d = DecodeArticlePayload(EncodeArticlePayload(latin1));
  REQUIRE(d.ok);
  CHECK(d.text == latin1);
  CHECK(DecodeArticlePayload(EncodeArticlePayload("Tabs\tand\r\nline ends\x0c\x0b are text")).ok);
  CHECK(Refusal(EncodeArticlePayload(std::string("a\0b", 3))).find("binary") != std::string::npos);
  CHECK(Refusal(EncodeArticlePayload("escape \x1b[31m red")).find("binary") != std::string::npos);
  CHECK(Refusal(EncodeArticlePayload("\x89PNG\r\n\x1a\n")).find("binary") != std::string::npos);
  CHECK(Refusal(EncodeArticlePayload("")).find("empty") != std::string::npos);
  CHECK(Refusal(EncodeArticlePayload(" \n\n\t ")).find("empty") != std::string::npos);
}

// [SECTION] How much fits --------------------------------------------------------------------------

TEST_CASE("the largest English news article a link carries") {
  const std::string corpus = NewsCorpus(600000);
  // Binary search over prefixes cut at a space; fitting shrinks with length (near enough: the
  // search finds the edge within one word, and both sides of the edge are checked).
  size_t lo = 0, hi = corpus.size();
  REQUIRE(FitsInLink(corpus.substr(0, 1000)));
  REQUIRE_FALSE(FitsInLink(corpus));
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    (FitsInLink(std::string_view(corpus).substr(0, mid)) ? lo : hi) = mid;
  }
  const std::string_view largest = std::string_view(corpus).substr(0, lo);
  const size_t payload = EncodeArticlePayload(largest).size();
  MESSAGE("largest news text in a link: " << lo << " bytes, " << Words(largest) << " words, payload " << payload
                                          << " characters (" << (EncodeArticlePayload(largest).size() * 3 / 4)
                                          << " bytes deflated)");
  CHECK(payload <= kMaxArticlePayloadChars);
  CHECK_FALSE(FitsInLink(std::string_view(corpus).substr(0, lo + 64)));
  // What article_link.h promises: about 114 KB, 18,000 words.
  CHECK(lo > 100000);
  CHECK(lo < 140000);
  CHECK(Words(largest) > 15000);
}

// [SECTION] Hostile payloads -----------------------------------------------------------------------

TEST_CASE("hostile payloads: empty, too long, not base64url, percent-encoded junk") {
  CHECK(Refusal("").find("empty") != std::string::npos);
  CHECK(Refusal(std::string(kMaxArticlePayloadChars + 1, 'A')).find("too long") != std::string::npos);
  CHECK(Refusal(std::string(10u << 20, 'A')).find("too long") != std::string::npos);
  const std::string good = EncodeArticlePayload(kArticle);
  for (const char* junk : {"<script>alert(1)</script>", "AX+/", "AXWQ==", "AX WQ", "AX\nWQ",
                           "caf\xC3\xA9", "AX.WQ", "AX#WQ", "AX&WQ"}) {
    CAPTURE(junk);
    CHECK(Refusal(std::string(junk) + good).find("not base64url") != std::string::npos);
  }
  CHECK(Refusal(std::string("AX\0WQ", 5)).find("not base64url") != std::string::npos);
  for (const char* escaped : {"%41%58%57%51", "AXWQ%3D", "%FF%FE%00", "%", "%%%"}) {
    CAPTURE(escaped);
    CHECK(Refusal(escaped).find("'%'") != std::string::npos);
  }
}

TEST_CASE("hostile payloads: truncated, altered, non-canonical base64") {
  const std::string good = EncodeArticlePayload(kArticle);
  for (size_t cut = 0; cut < good.size(); ++cut) {
    CAPTURE(cut);
    const std::string why = Refusal(good.substr(0, cut));
    CHECK((why.find("damaged") != std::string::npos || why.find("empty") != std::string::npos));
  }
  CHECK(Refusal(good + "A").find("damaged") != std::string::npos);      // 6 bits more: no byte
  CHECK(Refusal(good + "AAAA").find("damaged") != std::string::npos);   // bytes after the stream
  // The last character's unused low bits must be zero: "AB" and "AC" would spell the same byte.
  CHECK(Refusal("AB").find("damaged") != std::string::npos);
  // Every character replaced by every other: a refusal with a reason, or (DEFLATE has no
  // checksum) some text; never a crash, never more than the limit.
  size_t refused = 0, total = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    for (const char* c = kBase64Url; *c; ++c) {
      if (*c == good[i]) continue;
      std::string altered = good;
      altered[i] = *c;
      const ArticlePayloadDecode d = DecodeArticlePayload(altered);
      ++total;
      if (!d.ok) {
        ++refused;
        CHECK(!d.error.empty());
        CHECK(d.text.empty());
      } else {
        CHECK(d.text.size() <= kMaxArticleTextBytes);
      }
    }
  }
  MESSAGE(refused << " of " << total << " one-character changes refused");
  CHECK(refused > total / 2);
}

TEST_CASE("hostile payloads: other versions, huge declared lengths, a deflate bomb") {
  const std::string stream = DeflateRaw(kArticle);
  CHECK(DecodeArticlePayload(RawPayload(std::string(1, '\x01') + stream)).ok);
  CHECK(Refusal(RawPayload(std::string(1, '\x02') + stream)) == "this link was made by a newer Lectern");
  CHECK(Refusal(RawPayload(std::string(1, '\xff') + stream)) == "this link was made by a newer Lectern");
  CHECK(Refusal(RawPayload(std::string(1, '\x00') + stream)).find("damaged") != std::string::npos);
  CHECK(Refusal(RawPayload(std::string(1, '\x01'))).find("damaged") != std::string::npos);  // no stream
  // A stored block that says 65,535 bytes follow, and then 3 do.
  CHECK(Refusal(RawPayload(std::string("\x01\x01\xff\xff\x00\x00" "abc", 9))).find("ends too soon") !=
        std::string::npos);
  // A stored block whose length and complement disagree.
  CHECK(Refusal(RawPayload(std::string("\x01\x01\xff\xff\xff\xff" "abc", 9))).find("damaged") != std::string::npos);
  // Non-final stored blocks of 65,535 bytes, declared but absent.
  std::string declared(1, '\x01');
  for (int i = 0; i < 100; ++i) declared += std::string("\x00\xff\xff\x00\x00", 5);
  CHECK(Refusal(RawPayload(declared)).find("damaged") != std::string::npos);
  // A bomb: 16 MiB of one letter deflates to ~16 KB, a payload well under the limit.
  const std::string bomb = EncodeArticlePayload(std::string(16u << 20, 'a'));
  REQUIRE(bomb.size() <= kMaxArticlePayloadChars);
  CHECK(Refusal(bomb) == "the article in this link is longer than 1 MiB of text");
  // One byte over the limit is over.
  CHECK(Refusal(EncodeArticlePayload(std::string(kMaxArticleTextBytes + 1, 'a'))).find("longer than") !=
        std::string::npos);
  // Random garbage of every length that passes the alphabet check.
  std::mt19937 rng(17);
  for (int round = 0; round < 3000; ++round) {
    std::string junk(1 + rng() % 300, 'A');
    for (char& c : junk) c = kBase64Url[rng() % 64];
    if (round % 2 && junk.size() > 1) {  // version 1: "A" and a character from 'Q' to 'f'
      junk[0] = 'A';
      junk[1] = kBase64Url[16 + rng() % 16];
    }
    const ArticlePayloadDecode d = DecodeArticlePayload(junk);
    if (!d.ok) CHECK(!d.error.empty());
  }
}

// [SECTION] Through the link -----------------------------------------------------------------------

TEST_CASE("a payload goes through the link grammar and back with the rest of the view") {
  const std::string payload = EncodeArticlePayload(NewsCorpus(20000).substr(0, 20000));
  REQUIRE(payload.size() > kMaxLinkLength);
  LinkState l;
  l.article = "chile-and-peru-sign-a-water-accord";
  l.quote = "q1";
  l.has_position = true;
  l.paragraph = 3;
  l.text_payload = payload;
  const std::string hash = FormatLink(l);
  CHECK(hash.size() == hash.find("&t=") + 3 + payload.size());  // t= comes last
  const LinkParse p = ParseLink("#" + hash);
  CHECK(p.problems.empty());
  CHECK(p.link.text_payload == payload);
  CHECK(p.link.quote == "q1");
  CHECK(p.link.paragraph == 3);
  const ArticlePayloadDecode d = DecodeArticlePayload(p.link.text_payload);
  REQUIRE(d.ok);
  CHECK(d.text == NewsCorpus(20000).substr(0, 20000));
}

TEST_CASE("a text longer than a link's decoder takes does not fit, however well it compresses") {
  const std::string runs(kMaxArticleTextBytes + 1, 'a');  // deflates to a few KB
  CHECK(LinkPayload(runs).empty());
  CHECK_FALSE(FitsInLink(runs));
  const std::string small = "Headline\n\nA short article of one paragraph.\n";
  const std::string payload = LinkPayload(small);
  REQUIRE(!payload.empty());
  CHECK(payload == EncodeArticlePayload(small));
  CHECK(DecodeArticlePayload(payload).text == small);
}
