// Tests for deflate.h: round trips, streams zlib wrote (and zlib's reading of ours, checked once
// by hand: see the note below), length-limited codes, every kind of malformed stream, bombs.
#include "deflate.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

using namespace lectern;

namespace {

// [SECTION] zlib's streams -------------------------------------------------------------------------
// Written once by python3, zlib 1.2/1.3: c = zlib.compressobj(9, zlib.DEFLATED, -15);
// c.compress(x) + c.flush() (kZlibTwoBlocks: c.flush(zlib.Z_SYNC_FLUSH) between its two parts).
//   kZlibHello      "Hello, world!"                               one fixed block
//   kZlibRuns       b"ab" * 5000 + b"z" * 3000                    dynamic, overlapping copies
//   kZlibTwoBlocks  b"First part. " * 20, b"Second part, different words. " * 20
//                                                                 fixed, empty stored, fixed
//   kZlibSeed       seeds/000_d1a45250eb781355.txt                dynamic
//   kZlibRandom200  kRandom200 (random.Random(1).getrandbits(8))  stored
// The other way (python3 zlib.decompress(DeflateRaw(x), -15) == x) was checked by hand for the
// inputs of the round-trip tests below, the seed, all of tests/realtext and 1 MiB of repeats.
constexpr char kZlibHello[] =
    "\xf3\x48\xcd\xc9\xc9\xd7\x51\x28\xcf\x2f\xca\x49\x51\x04\x00";

constexpr char kZlibRuns[] =
    "\xed\xc1\x01\x0d\x00\x00\x08\x03\xa0\xac\x37\x86\xe9\x5f\x43\x37\x20\x13\x55\x55\x55\x55\x55\x55"
    "\x55\x55\x55\x7d\x7f\x01\x00\x80\xf3\x0a";

constexpr char kZlibTwoBlocks[] =
    "\x72\xcb\x2c\x2a\x2e\x51\x28\x48\x2c\x2a\xd1\x53\x70\x1b\x01\x6c\x00\x00\x00\x00\xff\xff\x0b\x4e"
    "\x4d\xce\xcf\x4b\x01\x73\x74\x14\x52\x32\xd3\xd2\x52\x8b\x52\xf3\x4a\x14\xca\xf3\x8b\x52\x8a\x47"
    "\x65\x47\x65\xc9\x95\x05\x00";

constexpr char kZlibSeed[] =
    "\x6d\x56\x5b\x8e\xdb\x46\x10\xfc\xd7\x29\xe6\x00\xda\x45\x60\xe4\x02\x6b\x3b\x81\xed\xc0\xc1\x22"
    "\x71\x12\xe4\x73\x44\xb6\xc8\xf6\x0e\xa7\x89\x79\x88\x4b\x7f\xed\x35\x02\x24\x97\xf3\x49\x52\x3d"
    "\x43\x8a\x92\xb0\xc0\x02\x5a\x89\x33\xfd\xa8\xae\xaa\xe6\xc7\x60\xbd\xb1\xbe\x35\xbf\xe5\x18\xd9"
    "\x9a\x9f\x25\x74\x64\xde\xfc\x70\xf7\x37\xd9\x60\x7e\x4f\xc1\x26\xea\xb8\x31\xef\xe9\x48\x3e\x92"
    "\x79\xe8\x02\xd1\x40\x3e\xed\x76\x1f\x6f\xae\xf6\xf6\x44\x26\x72\xe7\xa9\x35\xd6\x38\x3c\x19\x6c"
    "\x78\xd2\x58\xb3\xc6\x8a\xe7\x58\xa3\x0d\xc9\x53\x88\x3d\x8f\xc6\xae\xf1\x8c\xe5\x41\x2f\x26\x3d"
    "\x48\xbe\x4b\x3d\x79\xf6\x9d\xc1\x27\x07\x33\xb0\xe3\x64\xc3\x5c\xf2\xb5\x4b\x2d\x89\x29\xde\x9b"
    "\x2f\x3d\xc7\x92\x96\x8f\xdc\x58\x04\x6a\xe9\x44\x4e\xc6\x12\x34\x89\x3c\x99\xd1\xd9\x86\x4c\x9b"
    "\x83\xc6\xd3\xaa\x19\x85\x3f\x06\x8a\xdc\xea\x99\xcf\x36\x4a\x6e\xcd\x23\x7d\xa3\xd8\x3f\xe1\xd9"
    "\xf7\x97\x7f\xa2\x39\x71\x64\xbd\x6f\x3e\x4b\x6c\x64\xda\x9b\xa9\xa7\x40\xa6\xd7\x3f\x87\x1a\x38"
    "\x36\xda\xb6\xf8\x68\x26\x4e\xfd\x02\xc2\x65\xdc\x3f\x9d\x6d\x79\x40\xf1\x8f\x39\xb1\xd7\x42\xe9"
    "\xa2\xdd\xa5\x62\x8a\xc0\xca\xd3\x64\xc6\xde\xa2\x25\xf6\xda\xb0\x39\xb0\x03\x56\xc1\x3a\x13\x08"
    "\xff\x69\x16\x05\xeb\x40\x69\x22\xaa\x47\xd2\x24\xc6\xd7\x47\x7b\x73\x14\x14\xa3\xdd\x89\x47\xfb"
    "\x34\x52\x30\x8d\x08\x3e\xca\x01\x8d\x1a\xa9\x41\xff\xa9\x02\x48\x8d\x78\x19\x30\x89\xc1\x26\xa4"
    "\x89\xf7\xbb\xdd\xee\xba\x3a\xf2\x8d\x0c\xa3\x8d\x11\xf5\x45\xe0\xa9\xa5\x34\xb8\x0f\x84\x9d\xb1"
    "\x81\x2c\x92\xb2\x6f\x5c\x6e\x35\xeb\x57\x61\xdc\x39\xcf\x88\x9e\x29\x34\x8c\xab\x7a\x26\x91\x73"
    "\xdc\x21\x1e\xb8\xd1\x5b\x1d\xc1\xbe\xd4\x80\xfa\x02\x2e\xa3\xcd\x6d\xa0\xec\x91\x01\x25\x9f\x90"
    "\x15\xc8\xdb\xb6\x05\x98\xd1\x0c\x39\x65\xcd\xdf\x5b\xe7\xc0\x0c\x1d\xfa\x43\xdb\xb2\xb6\x86\x5f"
    "\x66\x64\x49\x4b\x31\xb8\x37\x06\xd1\xd1\xe9\x5c\x8e\x12\xcc\x48\x98\xfd\x31\x3b\xe3\x73\xe3\x94"
    "\x86\x04\xe6\x75\xf3\x25\x49\xf6\x26\xe6\xa6\x37\x36\xa2\x26\x0f\xf2\xe5\x26\x69\x53\xeb\x85\x51"
    "\x26\xc0\x09\x0e\xf9\x84\xc4\x6f\x05\xb3\x6e\x24\xfb\x14\x74\x76\x27\xc6\xe8\x92\x32\xf0\x8a\xd4"
    "\x3a\xd4\x98\x68\x44\x17\x93\x0d\x2d\x2a\xc1\xb7\x42\x3f\x8b\x6e\x5c\xe2\x51\x1c\x42\x4f\x12\x40"
    "\x25\xe0\x80\x04\x15\x13\xc4\xa5\x70\xb0\x48\xd6\xe8\xe9\xce\x09\xbe\x2c\x25\xb4\xb3\xb7\x18\x9a"
    "\x4e\xeb\x7d\x5e\x82\x55\xe4\xc7\x02\x13\xaa\x3f\x82\xa2\x40\x7a\x7f\xc1\xc2\x8d\xd6\x4a\x61\x80"
    "\x1a\x63\x56\xa1\xc9\x11\x72\x29\x84\xfb\x94\xdd\x0c\x95\xbe\xf9\x71\x0f\x09\xb3\xc3\xb3\x74\xc5"
    "\x85\xd2\x4d\x23\x41\xbb\x4b\xe2\x09\x57\x8b\x8a\x8a\x4c\xe8\x24\xee\xa4\xb5\x00\x6c\x02\xa5\x51"
    "\xab\xe3\x66\xbe\x37\x1f\xc8\xd0\xa0\xa4\xe6\x6f\x88\xc8\x29\x1a\x1e\x46\x09\xc9\xfa\x9a\xf5\x20"
    "\x6e\xc5\x44\x75\x7c\x29\x22\x0c\x24\xd9\x54\x98\xf2\xfd\xe5\xdf\xaa\xef\x57\xcd\x83\xb5\xb2\x44"
    "\x38\xbd\x88\xdd\x48\x0e\x85\x66\x48\x59\x59\x50\x48\x60\x4d\x85\x54\xfd\xa5\x52\xaf\x4a\x03\x7e"
    "\xb5\x20\x7c\x0c\x08\x81\x71\x3c\xdd\x7f\x7f\xf9\xef\x12\x3d\x95\x2e\xf4\xd2\x0b\xee\x96\x42\xf0"
    "\x2b\x6b\x36\x90\xbb\xe7\xae\x07\xb7\xfb\xb4\xf8\x14\x7a\x4f\xfa\x58\xe3\x21\x2b\x3d\x8f\xc8\xa6"
    "\x70\x06\xdb\xd2\xb5\xf0\x1a\x71\xce\x1e\x64\xd1\xa7\x75\xe2\x3b\xcd\xb8\x69\xe8\x42\xbe\x98\xf7"
    "\x07\x10\x00\x22\xdc\xdf\x4c\x06\xe8\x9a\x36\xd8\xc9\x2f\xda\xe4\x38\xa0\x13\x19\xcc\x5f\xa4\xd8"
    "\xfa\xcd\x20\xa6\x9e\x41\xf1\xc2\x56\x5e\x26\xba\x15\x7b\x16\x96\x22\xa8\x8a\x0d\xf5\x1e\x1e\x01"
    "\xda\x83\x96\x84\x81\xbe\x13\x00\x18\x20\xab\xe2\xf3\x07\xf5\x21\x3b\x8c\x4e\x3d\xac\x35\x07\x18"
    "\x0b\x62\x74\x35\x1f\xca\x84\x8f\x97\xfd\xa0\x25\xc6\x3c\xe2\x1c\x4e\x45\x72\xc7\x3b\x88\xb4\x6a"
    "\x0c\x51\xda\x00\x3e\x15\xad\xaf\x93\x0f\xa4\x24\xa1\x16\x94\xcc\x51\x89\x53\xdd\x0e\xf8\x88\xa2"
    "\xac\x1c\x07\xbf\x54\xef\xe6\x8f\xa7\x60\xd9\xd3\xa2\xc9\x6a\xd3\x05\xe5\x2f\xd4\xd7\xd4\xc8\x70"
    "\xe4\x30\x38\x95\xbb\xe7\x42\x6c\xd4\x55\x37\x4a\x17\x64\xd2\x88\x57\x06\x0b\xe8\x3b\x02\x55\xad"
    "\x9f\x55\xd5\x61\x91\x64\x80\xc7\xac\x64\xae\xb3\xae\x61\x6e\xc9\x88\x98\xb9\x4c\x1c\xd5\x2d\xa6"
    "\x55\xe0\x44\xc7\xb1\x54\x16\x40\xe1\x1b\x5c\x77\xbb\x07\xfc\x30\xeb\x89\x98\x3b\x98\x5b\xda\xc2"
    "\x6f\x93\x2e\xae\xd6\x96\x65\x01\xc4\xc9\xa1\xef\xc2\xb1\x83\xb6\x7e\x33\xe5\xda\xb7\x55\xb6\xd3"
    "\x33\x66\x1c\x15\xe9\x08\xfa\xd7\xd9\x5c\x11\xa4\x38\x8b\xda\xda\x7c\xe1\x51\x8d\x93\x08\xbf\x39"
    "\x93\xb5\xe8\x53\xcb\x5f\xdd\x46\xbe\x52\xa3\x02\xb8\x85\x00\x2b\xbc\x1a\x37\xa8\x70\x82\x91\xd3"
    "\x16\xa3\x58\x54\x0e\x4b\xa0\x06\x1b\x04\x4f\x75\xef\xc9\xa8\x03\xcf\xea\xfc\x54\x2d\x5b\x27\x93"
    "\xfa\x7b\x4c\x34\x90\x6c\xac\xc7\x1a\x29\xde\xa1\x08\x07\xcc\xba\xc4\xba\x30\x06\x54\x70\x4c\xab"
    "\xe1\x2e\x2d\x9c\x87\x5b\xed\x05\x60\xe1\xc7\x9f\xec\x8d\x38\x56\xfb\xff\x15\x85\xf4\xe6\x17\x44"
    "\x06\x11\xdf\xe2\x6a\xc8\xb1\x2e\xab\x77\x3d\x36\xd5\x15\xbe\xd6\x45\xa9\xab\xd6\x57\xc3\x04\xa5"
    "\x36\x1f\x5b\xc8\x08\x1a\x04\x6a\x74\x7e\xfa\x06\xa4\xc6\xfd\x9a\x2f\xbf\xfe\xba\xa1\x66\x03\xf2"
    "\x46\x7d\x53\xd0\xb6\x8b\x6f\x97\x15\x5f\x8c\x1b\x55\xcf\x03\x3c\x14\xee\x1a\x37\x37\xc6\xd2\x1e"
    "\x38\xad\x66\x78\xfd\x22\xb5\x02\xb8\x94\xa8\x8e\xbc\x22\xb1\xce\x10\x7b\x35\x56\x4a\x6d\x1b\xce"
    "\xdb\x13\x77\x3a\xac\x55\x30\x1d\x89\x7a\xfc\xf2\x2a\x70\x65\x6a\xe7\x05\xbd\xaf\x3b\x51\x6d\xed"
    "\x0e\x19\x86\x0b\x26\x0f\x76\x46\x3e\x20\xa8\x43\x9d\xec\x5c\xad\xd2\xf7\xd5\x9e\x2f\xdf\x5a\x34"
    "\x36\x43\xee\xb9\xbc\x3c\x48\x35\x82\xc5\xaf\xa1\x9f\x8e\xee\xff\x07";

constexpr char kRandom200[] =
    "\x22\x91\xd8\xcd\xc3\x10\x41\x1e\x7e\xc2\x73\x78\xa6\x61\xc9\x35\x18\x7c\x07\xe4\xd5\x63\x6e\x9b"
    "\xc3\xc4\x00\xb2\x72\x44\xb8\xcd\x3a\x97\xf1\x1a\xe6\x51\x07\x05\x06\xa6\x8a\x02\xf0\xe1\x61\xaf"
    "\x37\xf8\x6c\xb9\x07\x87\x38\xc3\x70\xf0\x7e\x8d\x3b\x58\x3b\xad\x38\xc2\x75\xf3\x4a\xed\x05\x6a"
    "\xd6\xea\x8e\xec\xa4\x19\x2f\xa1\xfe\xb9\xdc\x4b\x1e\xbe\x55\xe5\xb8\xf9\xb6\x80\xef\xf7\x6c\x81"
    "\xd4\xe9\xab\x30\x4d\x48\x96\xf9\xe1\x7f\xd8\xf0\x81\x64\x96\xda\x08\x7a\x3e\xbe\xcc\x67\x6a\xaa"
    "\x2c\x5d\x8c\xe1\xb3\xc6\xac\xbc\x5f\x16\x70\xa9\x82\x1b\xc7\x29\x85\xd7\x64\x5e\x7d\xbb\x07\x78"
    "\x0b\x4e\xb4\xd9\xfb\x9d\x97\x94\x64\xa5\x2b\x2b\x80\x3a\xfb\x03\xc5\x33\x8a\xeb\xdc\x8c\x3b\x67"
    "\x83\x58\xf3\xd8\x93\x5a\x75\xe8\x44\xa8\x8c\x9b\xf5\xba\x01\x62\xc8\xdb\xd2\xf4\xe2\xf0\xbd\x83"
    "\xcf\x21\x84\xc7\x8f\x34\x6d\xf3";

constexpr char kZlibRandom200[] =
    "\x01\xc8\x00\x37\xff\x22\x91\xd8\xcd\xc3\x10\x41\x1e\x7e\xc2\x73\x78\xa6\x61\xc9\x35\x18\x7c\x07"
    "\xe4\xd5\x63\x6e\x9b\xc3\xc4\x00\xb2\x72\x44\xb8\xcd\x3a\x97\xf1\x1a\xe6\x51\x07\x05\x06\xa6\x8a"
    "\x02\xf0\xe1\x61\xaf\x37\xf8\x6c\xb9\x07\x87\x38\xc3\x70\xf0\x7e\x8d\x3b\x58\x3b\xad\x38\xc2\x75"
    "\xf3\x4a\xed\x05\x6a\xd6\xea\x8e\xec\xa4\x19\x2f\xa1\xfe\xb9\xdc\x4b\x1e\xbe\x55\xe5\xb8\xf9\xb6"
    "\x80\xef\xf7\x6c\x81\xd4\xe9\xab\x30\x4d\x48\x96\xf9\xe1\x7f\xd8\xf0\x81\x64\x96\xda\x08\x7a\x3e"
    "\xbe\xcc\x67\x6a\xaa\x2c\x5d\x8c\xe1\xb3\xc6\xac\xbc\x5f\x16\x70\xa9\x82\x1b\xc7\x29\x85\xd7\x64"
    "\x5e\x7d\xbb\x07\x78\x0b\x4e\xb4\xd9\xfb\x9d\x97\x94\x64\xa5\x2b\x2b\x80\x3a\xfb\x03\xc5\x33\x8a"
    "\xeb\xdc\x8c\x3b\x67\x83\x58\xf3\xd8\x93\x5a\x75\xe8\x44\xa8\x8c\x9b\xf5\xba\x01\x62\xc8\xdb\xd2"
    "\xf4\xe2\xf0\xbd\x83\xcf\x21\x84\xc7\x8f\x34\x6d\xf3";

std::string Bytes(const char* s, size_t size_with_nul) { return std::string(s, size_with_nul - 1); }
#define LITERAL_BYTES(name) Bytes(name, sizeof name)

std::string ReadFile(const char* relative) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Seed() { return ReadFile("seeds/000_d1a45250eb781355.txt"); }

// The stream decodes to exactly `data`, and max_output is honoured to the byte.
void CheckRoundTrip(const std::string& data) {
  const std::string packed = DeflateRaw(data);
  std::string out, error;
  REQUIRE(InflateRaw(packed, data.size(), &out, &error));
  CHECK(error.empty());
  CHECK(out == data);
  if (!data.empty()) {
    CHECK_FALSE(InflateRaw(packed, data.size() - 1, &out, &error));
    CHECK(error == kInflateTooLong);
    CHECK(out.empty());
  }
}

int FirstBlockType(const std::string& packed) { return packed.empty() ? -1 : (uint8_t(packed[0]) >> 1) & 3; }

// [SECTION] Stream building ------------------------------------------------------------------------
// Hand-made streams for the malformed cases.

struct Bits {
  std::string bytes;
  uint64_t acc = 0;
  int count = 0;
  Bits& Put(uint32_t value, int n) {  // LSB first: header fields and extra bits
    for (int i = 0; i < n; ++i) {
      acc |= uint64_t((value >> i) & 1) << count;
      if (++count == 8) {
        bytes.push_back(char(acc));
        acc = 0;
        count = 0;
      }
    }
    return *this;
  }
  Bits& Code(uint32_t code, int n) {  // MSB first: Huffman codes
    for (int i = n - 1; i >= 0; --i) Put((code >> i) & 1, 1);
    return *this;
  }
  std::string Done() {
    std::string out = bytes;
    if (count) out.push_back(char(acc));
    return out;
  }
};

// A final dynamic block header whose code-length code gives 0..15 four bits each (complete, and
// symbol s's code is s), followed by the given literal/length and distance code lengths.
Bits DynamicHeader(const std::vector<uint8_t>& lit, const std::vector<uint8_t>& dist) {
  static constexpr uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  Bits b;
  b.Put(1, 1).Put(2, 2).Put(uint32_t(lit.size() - 257), 5).Put(uint32_t(dist.size() - 1), 5).Put(19 - 4, 4);
  for (uint8_t s : kOrder) b.Put(s < 16 ? 4 : 0, 3);
  for (uint8_t l : lit) b.Code(l, 4);
  for (uint8_t l : dist) b.Code(l, 4);
  return b;
}

std::string Error(const std::string& stream, size_t max_output = 1000) {
  std::string out = "untouched", error;
  const bool ok = InflateRaw(stream, max_output, &out, &error);
  CHECK_FALSE(ok);
  CHECK(out.empty());
  return ok ? std::string("(accepted)") : error;
}

}  // namespace

// [SECTION] Round trips ----------------------------------------------------------------------------

TEST_CASE("deflate round trips: empty, one byte, text, the seed, random bytes, long runs") {
  CheckRoundTrip("");
  CHECK(DeflateRaw("") == std::string("\x03\x00", 2));  // what zlib writes: an empty fixed block
  CheckRoundTrip("a");
  CheckRoundTrip(std::string(1, '\0'));
  CheckRoundTrip("Hello, world!");
  CheckRoundTrip("The minister said on Monday that talks with Peru would resume after a pause of several weeks.");
  const std::string seed = Seed();
  REQUIRE(seed.size() > 2000);
  CheckRoundTrip(seed);
  std::string all_bytes;
  for (int i = 0; i < 256 * 4; ++i) all_bytes.push_back(char(i * 7 % 256));
  CheckRoundTrip(all_bytes);
  std::mt19937 rng(7);
  for (size_t size : {size_t(1), size_t(100), size_t(65535), size_t(65536), size_t(200000)}) {
    CAPTURE(size);
    std::string random(size, '\0');
    for (char& c : random) c = char(rng());
    CheckRoundTrip(random);
    // Stored blocks when nothing compresses: 5 bytes a block of 16,383 symbols (as zlib -9).
    CHECK(DeflateRaw(random).size() <= size + 5 * (size / 16383 + 2));
  }
  std::string runs(1 << 20, 'x');
  for (size_t i = 0; i < runs.size(); i += 1000) runs[i] = 'y';
  CheckRoundTrip(runs);
  CHECK(DeflateRaw(runs).size() < 4000);
  CheckRoundTrip(std::string(300000, '\0'));
  std::string repeated;
  while (repeated.size() < (1u << 20)) repeated += seed;
  CheckRoundTrip(repeated);
  CHECK(DeflateRaw(repeated).size() < 10000);
  // Runs across the 32 KiB window and matches of every length.
  std::string lengths;
  for (int len = 1; len <= 300; ++len) lengths += std::string(size_t(len), char('a' + len % 26)) + "|" + std::to_string(len);
  for (int k = 0; k < 3; ++k) lengths += lengths.substr(lengths.size() / 3);
  CheckRoundTrip(lengths);
}

TEST_CASE("deflate picks the smallest block form and comes close to zlib level 9") {
  const std::string seed = Seed();
  const std::string ours = DeflateRaw(seed);
  CHECK(FirstBlockType(ours) == 2);                           // dynamic codes for prose
  CHECK(FirstBlockType(DeflateRaw("Hello, world!")) == 1);   // fixed codes: no header to pay for
  std::mt19937 rng(3);
  std::string random(1000, '\0');
  for (char& c : random) c = char(rng());
  CHECK(FirstBlockType(DeflateRaw(random)) == 0);            // stored
  const size_t zlib9 = sizeof kZlibSeed - 1;
  MESSAGE("seed article: " << seed.size() << " bytes, DeflateRaw " << ours.size() << ", zlib -9 " << zlib9);
  CHECK(ours.size() <= zlib9 + zlib9 / 50);  // within 2%
  CHECK(ours.size() * 2 < seed.size());
}

TEST_CASE("deflate limits code lengths: Fibonacci frequencies would need codes of 20+ bits") {
  // Byte k appears fib(k) times, shuffled so LZ77 finds little: an optimal Huffman code for these
  // frequencies is 23 bits deep, over DEFLATE's 15; the codes must be limited and still complete
  // (InflateRaw refuses over-subscribed and incomplete codes).
  std::vector<uint32_t> fib = {1, 1};
  while (fib.size() < 24) fib.push_back(fib[fib.size() - 1] + fib[fib.size() - 2]);
  std::string text;
  for (size_t k = 0; k < fib.size(); ++k) text += std::string(fib[k], char('A' + k));
  std::shuffle(text.begin(), text.end(), std::mt19937(5));
  const std::string packed = DeflateRaw(text);
  CHECK(FirstBlockType(packed) == 2);
  CheckRoundTrip(text);
  // Code-length codes too (7 bits): many symbols with skewed lengths in each block.
  std::string skewed;
  std::mt19937 rng(11);
  for (int i = 0; i < 300000; ++i) {
    const uint32_t r = rng();
    skewed.push_back(char(__builtin_ctz(r | 0x80000000u) * 9 + (r >> 28) % 2));
  }
  CheckRoundTrip(skewed);
}

// [SECTION] zlib compatibility ---------------------------------------------------------------------

TEST_CASE("deflate: inflate reads what zlib wrote: fixed, dynamic, stored and several blocks") {
  std::string out, error;
  REQUIRE(InflateRaw(LITERAL_BYTES(kZlibHello), 100, &out, &error));
  CHECK(out == "Hello, world!");
  REQUIRE(InflateRaw(LITERAL_BYTES(kZlibRuns), 1 << 20, &out, &error));
  std::string runs;
  for (int i = 0; i < 5000; ++i) runs += "ab";
  runs += std::string(3000, 'z');
  CHECK(out == runs);
  REQUIRE(InflateRaw(LITERAL_BYTES(kZlibTwoBlocks), 1 << 20, &out, &error));
  std::string two;
  for (int i = 0; i < 20; ++i) two += "First part. ";
  for (int i = 0; i < 20; ++i) two += "Second part, different words. ";
  CHECK(out == two);
  REQUIRE(InflateRaw(LITERAL_BYTES(kZlibSeed), 1 << 20, &out, &error));
  CHECK(out == Seed());
  REQUIRE(InflateRaw(LITERAL_BYTES(kZlibRandom200), 1 << 20, &out, &error));
  CHECK(out == LITERAL_BYTES(kRandom200));
  // Level 0: one stored block.
  REQUIRE(InflateRaw(std::string("\x01\x05\x00\xfa\xff" "hello", 10), 100, &out, &error));
  CHECK(out == "hello");
}

// [SECTION] Malformed streams ----------------------------------------------------------------------

TEST_CASE("deflate: inflate refuses malformed streams with a reason and never overruns") {
  CHECK(Error("").find("ends too soon") != std::string::npos);
  CHECK(Error(std::string("\x07", 1)).find("block type") != std::string::npos);  // BTYPE 11
  CHECK(Error(std::string("\x06", 1)).find("block type") != std::string::npos);
  CHECK(Error(std::string("\x01\x05\x00\x00\x00hello", 10)).find("complement") != std::string::npos);
  CHECK(Error(std::string("\x01\x05\x00\xfa\xffhel", 8)).find("ends too soon") != std::string::npos);
  CHECK(Error(std::string("\x01\x05\x00", 3)).find("ends too soon") != std::string::npos);
  // Bytes after the final block.
  CHECK(Error(LITERAL_BYTES(kZlibHello) + std::string(1, '\0')).find("after the end") != std::string::npos);
  // A non-final block and then nothing.
  CHECK(Error(std::string("\x00\x00\x00\xff\xff", 5)).find("ends too soon") != std::string::npos);
}

TEST_CASE("deflate: inflate refuses a stream cut anywhere") {
  const std::string zlib_seed = LITERAL_BYTES(kZlibSeed);
  const std::string ours = DeflateRaw(Seed());
  for (const std::string* s : {&zlib_seed, &ours}) {
    for (size_t cut = 0; cut < s->size(); ++cut) {
      CAPTURE(cut);
      const std::string why = Error(s->substr(0, cut), 1 << 20);
      CHECK(!why.empty());
    }
  }
}

TEST_CASE("deflate: inflate refuses bad Huffman codes: over-subscribed, incomplete, missing end of block") {
  std::vector<uint8_t> lit(257, 0), dist(2, 0);
  // A good one first, to show the stream builder is right: 'a' and end of block, one bit each.
  lit['a'] = 1;
  lit[256] = 1;
  dist = {1, 1};
  {
    std::string out, error;
    REQUIRE(InflateRaw(DynamicHeader(lit, dist).Code(0, 1).Code(0, 1).Code(1, 1).Done(), 10, &out, &error));
    CHECK(out == "aa");
  }
  {  // Over-subscribed literal/length code: three codes of one bit.
    std::vector<uint8_t> bad = lit;
    bad['b'] = 1;
    CHECK(Error(DynamicHeader(bad, dist).Done()).find("over-subscribed or incomplete literal") != std::string::npos);
  }
  {  // Incomplete: 'a' 1 bit, end of block 2 bits, nothing for 11.
    std::vector<uint8_t> bad = lit;
    bad[256] = 2;
    CHECK(Error(DynamicHeader(bad, dist).Done()).find("incomplete literal") != std::string::npos);
  }
  {  // Over-subscribed distance code.
    CHECK(Error(DynamicHeader(lit, {1, 1, 1}).Done()).find("distance code") != std::string::npos);
  }
  {  // Incomplete distance code of more than one code.
    CHECK(Error(DynamicHeader(lit, {1, 2}).Done()).find("distance code") != std::string::npos);
  }
  {  // A single one-bit code is allowed (zlib writes them); the other bit value is not a code.
    std::string out, error;
    CHECK(InflateRaw(DynamicHeader(lit, {1, 0}).Code(0, 1).Code(1, 1).Done(), 10, &out, &error));
    CHECK(out == "a");
    std::vector<uint8_t> only_end(257, 0);
    only_end[256] = 1;
    CHECK(InflateRaw(DynamicHeader(only_end, {0}).Code(0, 1).Done(), 10, &out, &error));
    CHECK(out.empty());
    CHECK(Error(DynamicHeader(only_end, {0}).Code(1, 1).Put(0, 14).Done()).find("not in the table") != std::string::npos);
  }
  {  // No end-of-block code.
    std::vector<uint8_t> bad = lit;
    bad[256] = 0;
    bad['b'] = 1;
    CHECK(Error(DynamicHeader(bad, dist).Done()).find("end-of-block") != std::string::npos);
  }
  {  // More literal/length codes than exist (HLIT 287).
    Bits b;
    b.Put(1, 1).Put(2, 2).Put(30, 5).Put(0, 5).Put(0, 4);
    CHECK(Error(b.Done()).find("too many codes") != std::string::npos);
  }
  {  // Code-length code over-subscribed (19 codes of one bit) or incomplete (one code of one bit).
    Bits b;
    b.Put(1, 1).Put(2, 2).Put(0, 5).Put(0, 5).Put(15, 4);
    for (int i = 0; i < 19; ++i) b.Put(1, 3);
    CHECK(Error(b.Done()).find("code-length code") != std::string::npos);
    Bits c;
    c.Put(1, 1).Put(2, 2).Put(0, 5).Put(0, 5).Put(0, 4).Put(0, 3).Put(0, 3).Put(0, 3).Put(1, 3);
    CHECK(Error(c.Done()).find("code-length code") != std::string::npos);
  }
  {  // A repeat (16) before any length: code-length code {0: '0', 16: '1'}.
    Bits b;
    b.Put(1, 1).Put(2, 2).Put(0, 5).Put(0, 5).Put(0, 4).Put(1, 3).Put(0, 3).Put(0, 3).Put(1, 3);
    b.Code(1, 1).Put(0, 2);
    CHECK(Error(b.Done()).find("none before it") != std::string::npos);
  }
  {  // Runs of zeros (18) past the 258 lengths the header announced: code-length code {0, 18}.
    Bits b;
    b.Put(1, 1).Put(2, 2).Put(0, 5).Put(0, 5).Put(0, 4).Put(0, 3).Put(0, 3).Put(1, 3).Put(1, 3);
    for (int i = 0; i < 3; ++i) b.Code(1, 1).Put(127, 7);
    CHECK(Error(b.Done()).find("more code lengths") != std::string::npos);
  }
}

TEST_CASE("deflate: inflate refuses distances before the start and codes out of range") {
  // Fixed block: literal 'a', then length 3 at distance 2 (code 1): one byte too far back.
  auto fixed = [](int dist_code, int dist_extra, int extra_bits) {
    Bits b;
    b.Put(1, 1).Put(1, 2).Code(0x30 + 'a', 8).Code(1, 7).Code(uint32_t(dist_code), 5).Put(uint32_t(dist_extra), extra_bits);
    b.Code(0, 7);  // end of block
    return b.Done();
  };
  std::string out, error;
  CHECK(InflateRaw(fixed(0, 0, 0), 10, &out, &error));  // distance 1: "aaaa"
  CHECK(out == "aaaa");
  CHECK(Error(fixed(1, 0, 0)).find("too far back") != std::string::npos);
  CHECK(Error(fixed(29, 8191, 13)).find("too far back") != std::string::npos);
  CHECK(Error(fixed(30, 0, 0)).find("distance code out of range") != std::string::npos);
  CHECK(Error(fixed(31, 0, 0)).find("distance code out of range") != std::string::npos);
  // Length codes 286 and 287 exist in the fixed code but mean nothing.
  Bits b;
  b.Put(1, 1).Put(1, 2).Code(0xC0 + 6, 8);
  CHECK(Error(b.Done()).find("length code out of range") != std::string::npos);
}

TEST_CASE("deflate: inflate honours max_output: a deflate bomb stops at the limit") {
  // 10 MiB of one byte deflates to about 10 KB (DEFLATE's best is 1032:1).
  const std::string bomb = DeflateRaw(std::string(10u << 20, 'z'));
  CHECK(bomb.size() < 12000);
  CHECK(Error(bomb, 1 << 20) == kInflateTooLong);
  // Literals, copies and stored bytes each stop at the limit, to the byte.
  std::string out, error;
  CHECK(InflateRaw(LITERAL_BYTES(kZlibHello), 13, &out, &error));
  CHECK(Error(LITERAL_BYTES(kZlibHello), 12) == kInflateTooLong);
  CHECK(Error(LITERAL_BYTES(kZlibRuns), 12999) == kInflateTooLong);
  CHECK(InflateRaw(LITERAL_BYTES(kZlibRandom200), 200, &out, &error));
  CHECK(Error(LITERAL_BYTES(kZlibRandom200), 199) == kInflateTooLong);
  CHECK(Error(LITERAL_BYTES(kZlibRandom200), 0) == kInflateTooLong);
}

TEST_CASE("deflate: inflate survives every single-bit flip and random garbage") {
  const std::string packed = DeflateRaw("The same words again and again. The same words again and again. The same words.");
  for (size_t i = 0; i < packed.size() * 8; ++i) {
    std::string flipped = packed;
    flipped[i / 8] = char(flipped[i / 8] ^ (1 << (i % 8)));
    std::string o, e;
    if (!InflateRaw(flipped, 4096, &o, &e)) CHECK(!e.empty());
    CHECK(o.size() <= 4096);
  }
  std::mt19937 rng(99);
  for (int round = 0; round < 2000; ++round) {
    std::string junk(rng() % 200, '\0');
    for (char& c : junk) c = char(rng());
    std::string o, e;
    if (!InflateRaw(junk, 4096, &o, &e)) CHECK(!e.empty());
    CHECK(o.size() <= 4096);
  }
}
