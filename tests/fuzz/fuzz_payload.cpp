// fuzz_payload.cpp — the article a link carries: any text as a `t=` payload, any bytes as a raw
// DEFLATE stream, any bytes to compress. The first byte picks which (0, 1, 2 modulo 3); the rest
// is the input.
//
// Invariants: nothing crashes or reads out of bounds (ASan); a refusal always says why and
// returns no text; what is accepted is within the limits (kMaxArticleTextBytes, no binary bytes);
// DeflateRaw's output always inflates back to its input, byte for byte.
#include "article_link.h"
#include "deflate.h"
#include "fuzz_check.h"

#include <cstdint>
#include <string>

namespace {

constexpr size_t kInflateLimit = 1 << 18;  // smaller than the app's, so bombs hit it quickly

void CheckRoundTrip(std::string_view data) {
  const std::string packed = lectern::DeflateRaw(data);
  std::string back, error;
  FUZZ_CHECK(lectern::InflateRaw(packed, data.size(), &back, &error));
  FUZZ_CHECK(back == data);
  FUZZ_CHECK(packed.size() <= data.size() + 5 * (data.size() / 16383 + 2));  // stored at worst
}

void FuzzPayload(std::string_view payload) {
  const lectern::ArticlePayloadDecode d = lectern::DecodeArticlePayload(payload);
  if (!d.ok) {
    FUZZ_CHECK(!d.error.empty());
    FUZZ_CHECK(d.text.empty());
    return;
  }
  FUZZ_CHECK(d.error.empty());
  FUZZ_CHECK(!d.text.empty() && d.text.size() <= lectern::kMaxArticleTextBytes);
  for (unsigned char c : d.text) FUZZ_CHECK(c >= 0x20 || (c >= 0x09 && c <= 0x0D));
  // What a link brought can be sent on (when it still fits): encoding it again reads back.
  const std::string again = lectern::EncodeArticlePayload(d.text);
  if (again.size() <= lectern::kMaxArticlePayloadChars) {
    const lectern::ArticlePayloadDecode d2 = lectern::DecodeArticlePayload(again);
    FUZZ_CHECK(d2.ok && d2.text == d.text);
  }
}

void FuzzInflate(std::string_view stream) {
  std::string out = "not cleared", error;
  if (!lectern::InflateRaw(stream, kInflateLimit, &out, &error)) {
    FUZZ_CHECK(!error.empty());
    FUZZ_CHECK(out.empty());
    return;
  }
  FUZZ_CHECK(error.empty());
  FUZZ_CHECK(out.size() <= kInflateLimit);
  CheckRoundTrip(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: FuzzPayload(input); break;
    case 1: FuzzInflate(input); break;
    default: CheckRoundTrip(input); break;
  }
  return 0;
}
