// deflate.h — raw DEFLATE (RFC 1951), both ways, for the article a link carries (article_link.h).
// Written here because the WebAssembly build has no zlib; streams interoperate with zlib's raw
// mode (windowBits -15) in both directions.
//
//   std::string packed = DeflateRaw(text);
//   std::string text2, error;
//   if (!InflateRaw(packed, 1 << 20, &text2, &error)) report(error);   // "a distance too far back"
//
// DeflateRaw: LZ77 over a 32 KiB window with hash chains and lazy matching (zlib level 9's
// search parameters), then blocks of about 16,000 symbols, each written as whichever of dynamic
// Huffman codes (length-limited: 15 bits, 7 for the code-length code), the fixed codes or stored
// bytes is smallest. Its output is as small as zlib -9's (the seed article: 1,287 bytes against
// zlib's 1,289; tests/realtext: 44,787 against 44,807). Inputs up to 2 GiB (int32 positions).
//
// InflateRaw reads every DEFLATE stream (stored, fixed and dynamic blocks) and is strict: a
// malformed stream (a bad block type, an over-subscribed or incomplete code, a distance before
// the start, truncation, bytes after the final block, more than `max_output` bytes: a bomb)
// returns false with a short lower-case reason and an empty `out`. It never reads or writes out
// of bounds, never throws, and runs in time linear in its input plus its output (which
// `max_output` bounds). `error` may be null.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lectern {

std::string DeflateRaw(std::string_view data);
bool InflateRaw(std::string_view data, size_t max_output, std::string* out, std::string* error);

// InflateRaw's error when the output would pass max_output (a bomb, or simply too much text).
constexpr std::string_view kInflateTooLong = "the output is longer than allowed";

}  // namespace lectern
