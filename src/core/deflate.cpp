// deflate.cpp — see deflate.h.
//
// [SECTION] Tables      — length and distance codes of RFC 1951 §3.2.5
// [SECTION] Bits        — the LSB-first bit writer
// [SECTION] Huffman     — length-limited code lengths and canonical codes
// [SECTION] Matching    — hash-chain LZ77 with lazy matching (zlib's deflate_slow)
// [SECTION] Blocks      — each block as dynamic, fixed or stored, whichever is smallest
// [SECTION] Inflate     — canonical Huffman decoding, in the shape of zlib's contrib/puff
#include "deflate.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace lectern {
namespace {

// [SECTION] Tables ---------------------------------------------------------------------------------

constexpr int kLitCodes = 286;    // 0..255 literals, 256 end of block, 257..285 lengths
constexpr int kDistCodes = 30;
constexpr int kCodeLengthCodes = 19;
constexpr int kMaxBits = 15;      // longest literal/length or distance code
constexpr int kMaxCodeLengthBits = 7;

constexpr uint16_t kLengthBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                    8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block header sends the code-length code's lengths.
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

int FloorLog2(uint32_t v) {
  int n = -1;
  while (v) {
    v >>= 1;
    ++n;
  }
  return n;
}

// Length 3..258 -> index into kLengthBase (symbol 257 + index).
int LengthCode(int length) {
  if (length <= 10) return length - 3;
  if (length == 258) return 28;
  const uint32_t v = uint32_t(length - 3);
  const int nb = FloorLog2(v);  // 3..7
  return 4 * (nb - 1) + int((v >> (nb - 2)) & 3);
}

// Distance 1..32768 -> index into kDistBase.
int DistCode(int distance) {
  if (distance <= 4) return distance - 1;
  const uint32_t v = uint32_t(distance - 1);
  const int nb = FloorLog2(v);  // 2..14
  return 2 * nb + int((v >> (nb - 1)) & 1);
}

int FixedLitLength(int sym) { return sym < 144 ? 8 : sym < 256 ? 9 : sym < 280 ? 7 : 8; }

// [SECTION] Bits -----------------------------------------------------------------------------------

struct BitWriter {
  std::string* out;
  uint64_t acc = 0;
  int count = 0;  // bits in acc, < 8 between calls

  void Bits(uint32_t value, int n) {  // least significant bit first
    acc |= uint64_t(value) << count;
    count += n;
    while (count >= 8) {
      out->push_back(char(acc & 0xFF));
      acc >>= 8;
      count -= 8;
    }
  }
  void ToByte() {  // pads with zero bits to a byte boundary
    if (count > 0) Bits(0, 8 - count);
  }
};

// [SECTION] Huffman --------------------------------------------------------------------------------

// Huffman code lengths for `freq[0..n)`, none longer than `max_bits`, into `lengths`. Unused
// symbols get 0. At least two symbols get a code, so every code is complete (zlib does the same:
// some inflaters refuse a one-code tree).
void CodeLengths(const uint32_t* freq, int n, int max_bits, uint8_t* lengths) {
  std::vector<std::pair<uint32_t, int>> leaves;  // (frequency, symbol), rarest first
  for (int s = 0; s < n; ++s) {
    lengths[s] = 0;
    if (freq[s]) leaves.push_back({freq[s], s});
  }
  for (int s = 0; leaves.size() < 2 && s < n; ++s)
    if (!freq[s]) leaves.push_back({1, s});
  std::sort(leaves.begin(), leaves.end());
  const size_t m = leaves.size();
  // Two-queue Huffman construction: leaves in order, then internal nodes in the order made.
  std::vector<uint64_t> weight(2 * m - 1);
  std::vector<size_t> parent(2 * m - 1, 0);
  for (size_t k = 0; k < m; ++k) weight[k] = leaves[k].first;
  size_t next_leaf = 0, next_node = m, made = m;
  auto take = [&]() {
    if (next_leaf < m && (next_node >= made || weight[next_leaf] <= weight[next_node])) return next_leaf++;
    return next_node++;
  };
  while (made < 2 * m - 1) {
    const size_t a = take(), b = take();
    weight[made] = weight[a] + weight[b];
    parent[a] = parent[b] = made;
    ++made;
  }
  std::vector<int> depth(2 * m - 1, 0);  // parents come after children: fill from the root down
  for (size_t k = 2 * m - 1; k-- > 0;) depth[k] = k == 2 * m - 2 ? 0 : depth[parent[k]] + 1;
  // Count codes per length, folding the too-long ones into max_bits, then restore the Kraft
  // sum (miniz's method): each step shortens the tree by moving one code down a level.
  int count[kMaxBits + 1] = {};
  for (size_t k = 0; k < m; ++k) count[std::min(depth[k], max_bits)]++;
  uint32_t total = 0;
  for (int len = 1; len <= max_bits; ++len) total += uint32_t(count[len]) << (max_bits - len);
  while (total > (1u << max_bits)) {
    count[max_bits]--;
    for (int len = max_bits - 1; len > 0; --len) {
      if (count[len]) {
        count[len]--;
        count[len + 1] += 2;
        break;
      }
    }
    total--;
  }
  // The rarest symbols get the longest codes.
  size_t k = 0;
  for (int len = max_bits; len >= 1; --len)
    for (int c = 0; c < count[len]; ++c) lengths[leaves[k++].second] = uint8_t(len);
}

// Canonical codes (RFC 1951 §3.2.2), bit-reversed so BitWriter can send them LSB first.
void CanonicalCodes(const uint8_t* lengths, int n, uint16_t* codes) {
  int count[kMaxBits + 1] = {};
  for (int s = 0; s < n; ++s) count[lengths[s]]++;
  count[0] = 0;
  uint32_t next[kMaxBits + 1] = {};
  uint32_t code = 0;
  for (int len = 1; len <= kMaxBits; ++len) {
    code = (code + uint32_t(count[len - 1])) << 1;
    next[len] = code;
  }
  for (int s = 0; s < n; ++s) {
    const int len = lengths[s];
    codes[s] = 0;
    if (!len) continue;
    const uint32_t c = next[len]++;
    uint32_t reversed = 0;
    for (int i = 0; i < len; ++i) reversed |= ((c >> i) & 1u) << (len - 1 - i);
    codes[s] = uint16_t(reversed);
  }
}

// [SECTION] Matching -------------------------------------------------------------------------------

struct Symbol {
  uint16_t length;    // 0: a literal
  uint16_t value;     // the literal byte, or the match distance
};

constexpr int kMinMatch = 3, kMaxMatch = 258;
constexpr int kWindowBits = 15;
constexpr size_t kWindowMask = (size_t(1) << kWindowBits) - 1;
// 32767, one short of the window: a chain slot is then never overwritten by a newer position
// before the search that reads it is out of range.
constexpr size_t kMaxDistance = kWindowMask;
constexpr int kMaxHashBits = 15;
// zlib level 9's configuration_table row: good 32, lazy 258, nice 258, chain 4096.
constexpr int kGoodLength = 32, kNiceLength = 258, kMaxChain = 4096;
constexpr size_t kTooFar = 4096;  // a 3-byte match this far back costs more than its literals

class Matcher {
 public:
  // The tables shrink with a short input (a link's article is often a few KB): a chain slot per
  // position when all of them fit, and no more hash buckets than positions.
  explicit Matcher(std::string_view data)
      : m_p(reinterpret_cast<const uint8_t*>(data.data())), m_n(data.size()),
        m_hash_bits(std::min(kMaxHashBits, std::max(8, FloorLog2(uint32_t(std::min<size_t>(m_n, 1u << 16))) + 1))),
        m_slot_mask(std::min(kWindowMask, (size_t(1) << m_hash_bits) - 1)),
        m_head(size_t(1) << m_hash_bits, -1), m_prev(m_slot_mask + 1, -1) {}

  // Adds position i to the chains (when three bytes remain from it).
  void Insert(size_t i) {
    if (i + kMinMatch > m_n) return;
    const uint32_t h = Hash(i);
    m_prev[i & m_slot_mask] = m_head[h];
    m_head[h] = int32_t(i);
  }

  // The longest match for position i (already inserted) better than `prev_length`; 0 if none.
  int Longest(size_t i, int prev_length, size_t* distance) const {
    if (i + kMinMatch > m_n) return 0;
    const size_t limit = std::min<size_t>(kMaxMatch, m_n - i);
    int chain = prev_length >= kGoodLength ? kMaxChain / 4 : kMaxChain;
    int best = prev_length;
    int32_t c = m_prev[i & m_slot_mask];
    size_t last = i;
    while (c >= 0 && size_t(c) < last && i - size_t(c) <= kMaxDistance && chain-- > 0) {
      const uint8_t* a = m_p + c;
      const uint8_t* b = m_p + i;
      if (size_t(best) < limit && a[best] == b[best] && a[0] == b[0] && a[1] == b[1]) {
        size_t len = 2;
        while (len < limit && a[len] == b[len]) ++len;
        if (int(len) > best) {
          best = int(len);
          *distance = i - size_t(c);
          if (len >= size_t(kNiceLength) || len == limit) break;
        }
      }
      last = size_t(c);
      c = m_prev[size_t(c) & m_slot_mask];
    }
    return best > prev_length && best >= kMinMatch ? best : 0;
  }

 private:
  uint32_t Hash(size_t i) const {
    const uint32_t three = uint32_t(m_p[i]) << 16 | uint32_t(m_p[i + 1]) << 8 | m_p[i + 2];
    return (three * 2654435761u) >> (32 - m_hash_bits);  // Fibonacci hashing of the 3 bytes
  }

  const uint8_t* m_p;
  size_t m_n;
  int m_hash_bits;
  size_t m_slot_mask;           // m_prev's size - 1: kWindowMask, or less for a short input
  std::vector<int32_t> m_head;  // newest position with each hash, -1: none
  std::vector<int32_t> m_prev;  // per window slot: the previous position with the same hash
};

// LZ77 with lazy evaluation: a match is taken only if the match starting one byte later is not
// longer (zlib's deflate_slow).
std::vector<Symbol> Parse(std::string_view data) {
  std::vector<Symbol> out;
  out.reserve(data.size() / 3 + 16);
  const auto* p = reinterpret_cast<const uint8_t*>(data.data());
  const size_t n = data.size();
  Matcher m(data);
  int prev_length = 0;
  size_t prev_distance = 0;
  bool pending_literal = false;  // the byte before i is not yet written
  size_t i = 0;
  while (i < n) {
    m.Insert(i);
    size_t distance = 0;
    int length = prev_length < kMaxMatch ? m.Longest(i, prev_length > 0 ? prev_length : kMinMatch - 1, &distance) : 0;
    if (length == kMinMatch && distance > kTooFar) length = 0;
    if (prev_length >= kMinMatch && length <= prev_length) {
      // The match that began at i - 1 wins: write it and skip past it.
      out.push_back({uint16_t(prev_length), uint16_t(prev_distance)});
      const size_t end = i - 1 + size_t(prev_length);
      for (size_t k = i + 1; k < end; ++k) m.Insert(k);
      i = end;
      prev_length = 0;
      pending_literal = false;
      continue;
    }
    if (pending_literal) out.push_back({0, p[i - 1]});
    pending_literal = true;
    prev_length = length;
    prev_distance = distance;
    ++i;
  }
  if (pending_literal) out.push_back({0, p[n - 1]});
  return out;
}

// [SECTION] Blocks ---------------------------------------------------------------------------------

constexpr size_t kBlockSymbols = 16383;  // zlib's lit_bufsize - 1 at memLevel 8

struct Rle {
  uint8_t sym;    // 0..18 of the code-length code
  uint8_t extra;  // its repeat count's extra bits' value
};

// The code lengths of both trees as one run-length coded sequence (runs may cross between them).
std::vector<Rle> RunLengths(const uint8_t* lengths, int total) {
  std::vector<Rle> out;
  for (int i = 0; i < total;) {
    const uint8_t cur = lengths[i];
    int run = 1;
    while (i + run < total && lengths[i + run] == cur) ++run;
    i += run;
    if (cur == 0) {
      while (run >= 11) {
        const int r = std::min(run, 138);
        out.push_back({18, uint8_t(r - 11)});
        run -= r;
      }
      if (run >= 3) {
        out.push_back({17, uint8_t(run - 3)});
        run = 0;
      }
    } else {
      out.push_back({cur, 0});
      --run;
      while (run >= 3) {
        const int r = std::min(run, 6);
        out.push_back({16, uint8_t(r - 3)});
        run -= r;
      }
    }
    for (; run > 0; --run) out.push_back({cur, 0});
  }
  return out;
}

int RleExtraBits(int sym) { return sym == 16 ? 2 : sym == 17 ? 3 : sym == 18 ? 7 : 0; }

void WriteStored(BitWriter& w, std::string_view raw, bool last) {
  size_t at = 0;
  do {
    const size_t n = std::min<size_t>(65535, raw.size() - at);
    const bool final_chunk = last && at + n == raw.size();
    w.Bits(final_chunk ? 1 : 0, 1);
    w.Bits(0, 2);
    w.ToByte();
    w.Bits(uint32_t(n), 16);
    w.Bits(uint32_t(~n & 0xFFFF), 16);
    w.out->append(raw.data() + at, n);
    at += n;
  } while (at < raw.size());
}

void WriteSymbols(BitWriter& w, const Symbol* syms, size_t count, const uint8_t* lit_len, const uint16_t* lit_code,
                  const uint8_t* dist_len, const uint16_t* dist_code) {
  for (size_t k = 0; k < count; ++k) {
    const Symbol& s = syms[k];
    if (s.length == 0) {
      w.Bits(lit_code[s.value], lit_len[s.value]);
      continue;
    }
    const int l = LengthCode(s.length);
    w.Bits(lit_code[257 + l], lit_len[257 + l]);
    if (kLengthExtra[l]) w.Bits(uint32_t(s.length - kLengthBase[l]), kLengthExtra[l]);
    const int d = DistCode(s.value);
    w.Bits(dist_code[d], dist_len[d]);
    if (kDistExtra[d]) w.Bits(uint32_t(s.value - kDistBase[d]), kDistExtra[d]);
  }
  w.Bits(lit_code[256], lit_len[256]);
}

// One block of `count` symbols that spell `raw`, in its smallest form.
void WriteBlock(BitWriter& w, const Symbol* syms, size_t count, std::string_view raw, bool last) {
  uint32_t lit_freq[kLitCodes] = {}, dist_freq[kDistCodes] = {};
  uint64_t extra_bits = 0;  // length and distance extra bits: the same in either Huffman form
  for (size_t k = 0; k < count; ++k) {
    if (syms[k].length == 0) {
      lit_freq[syms[k].value]++;
      continue;
    }
    const int l = LengthCode(syms[k].length), d = DistCode(syms[k].value);
    lit_freq[257 + l]++;
    dist_freq[d]++;
    extra_bits += kLengthExtra[l] + kDistExtra[d];
  }
  lit_freq[256] = 1;

  uint8_t lengths[kLitCodes + kDistCodes];
  uint8_t* lit_len = lengths;
  uint8_t* dist_len = lengths + kLitCodes;
  CodeLengths(lit_freq, kLitCodes, kMaxBits, lit_len);
  CodeLengths(dist_freq, kDistCodes, kMaxBits, dist_len);
  int hlit = kLitCodes, hdist = kDistCodes;
  while (hlit > 257 && lit_len[hlit - 1] == 0) --hlit;
  while (hdist > 1 && dist_len[hdist - 1] == 0) --hdist;
  uint8_t header_lengths[kLitCodes + kDistCodes];
  std::copy(lit_len, lit_len + hlit, header_lengths);
  std::copy(dist_len, dist_len + hdist, header_lengths + hlit);
  const std::vector<Rle> rle = RunLengths(header_lengths, hlit + hdist);
  uint32_t cl_freq[kCodeLengthCodes] = {};
  for (const Rle& r : rle) cl_freq[r.sym]++;
  uint8_t cl_len[kCodeLengthCodes];
  CodeLengths(cl_freq, kCodeLengthCodes, kMaxCodeLengthBits, cl_len);
  int hclen = kCodeLengthCodes;
  while (hclen > 4 && cl_len[kCodeLengthOrder[hclen - 1]] == 0) --hclen;

  uint64_t dynamic_bits = 3 + 5 + 5 + 4 + 3 * uint64_t(hclen) + extra_bits;
  for (const Rle& r : rle) dynamic_bits += cl_len[r.sym] + RleExtraBits(r.sym);
  uint64_t fixed_bits = 3 + extra_bits;
  for (int s = 0; s < kLitCodes; ++s) {
    dynamic_bits += uint64_t(lit_freq[s]) * lit_len[s];
    fixed_bits += uint64_t(lit_freq[s]) * FixedLitLength(s);
  }
  for (int d = 0; d < kDistCodes; ++d) {
    dynamic_bits += uint64_t(dist_freq[d]) * dist_len[d];
    fixed_bits += uint64_t(dist_freq[d]) * 5;
  }
  const uint64_t chunks = raw.size() / 65535 + (raw.size() % 65535 || raw.empty() ? 1 : 0);
  const uint64_t first_pad = uint64_t(8 - (w.count + 3) % 8) % 8;
  const uint64_t stored_bits = chunks * (3 + 32) + first_pad + (chunks - 1) * 5 + 8 * uint64_t(raw.size());

  if (stored_bits <= fixed_bits && stored_bits <= dynamic_bits) {
    WriteStored(w, raw, last);
    return;
  }
  w.Bits(last ? 1 : 0, 1);
  if (fixed_bits <= dynamic_bits) {
    w.Bits(1, 2);
    uint8_t fixed_lit[288], fixed_dist[kDistCodes];
    for (int s = 0; s < 288; ++s) fixed_lit[s] = uint8_t(FixedLitLength(s));
    std::fill(fixed_dist, fixed_dist + kDistCodes, uint8_t(5));
    uint16_t lit_code[288], dist_code[kDistCodes];
    CanonicalCodes(fixed_lit, 288, lit_code);
    CanonicalCodes(fixed_dist, kDistCodes, dist_code);
    WriteSymbols(w, syms, count, fixed_lit, lit_code, fixed_dist, dist_code);
    return;
  }
  w.Bits(2, 2);
  w.Bits(uint32_t(hlit - 257), 5);
  w.Bits(uint32_t(hdist - 1), 5);
  w.Bits(uint32_t(hclen - 4), 4);
  for (int k = 0; k < hclen; ++k) w.Bits(cl_len[kCodeLengthOrder[k]], 3);
  uint16_t cl_code[kCodeLengthCodes];
  CanonicalCodes(cl_len, kCodeLengthCodes, cl_code);
  for (const Rle& r : rle) {
    w.Bits(cl_code[r.sym], cl_len[r.sym]);
    if (RleExtraBits(r.sym)) w.Bits(r.extra, RleExtraBits(r.sym));
  }
  uint16_t lit_code[kLitCodes], dist_code[kDistCodes];
  CanonicalCodes(lit_len, kLitCodes, lit_code);
  CanonicalCodes(dist_len, kDistCodes, dist_code);
  WriteSymbols(w, syms, count, lit_len, lit_code, dist_len, dist_code);
}

}  // namespace

std::string DeflateRaw(std::string_view data) {
  const std::vector<Symbol> syms = Parse(data);
  std::string out;
  out.reserve(data.size() / 2 + 64);
  BitWriter w{&out};
  size_t at = 0, raw_at = 0;
  do {
    const size_t count = std::min(kBlockSymbols, syms.size() - at);
    size_t raw_size = 0;
    for (size_t k = at; k < at + count; ++k) raw_size += syms[k].length ? syms[k].length : 1;
    const bool last = at + count == syms.size();
    WriteBlock(w, syms.data() + at, count, data.substr(raw_at, raw_size), last);
    at += count;
    raw_at += raw_size;
  } while (at < syms.size());
  w.ToByte();
  return out;
}

// [SECTION] Inflate --------------------------------------------------------------------------------

namespace {

struct Huffman {
  uint16_t count[kMaxBits + 1] = {};  // codes of each length
  uint16_t symbol[288] = {};          // symbols in canonical order
};

// Builds a canonical code from lengths. Returns < 0 over-subscribed, 0 complete, > 0 incomplete
// (the number of codes missing at length 15).
int Build(Huffman& h, const uint8_t* lengths, int n) {
  for (uint16_t& c : h.count) c = 0;
  for (int s = 0; s < n; ++s) h.count[lengths[s]]++;
  if (h.count[0] == n) return 0;  // no codes: complete, but nothing decodes
  int left = 1;
  for (int len = 1; len <= kMaxBits; ++len) {
    left <<= 1;
    left -= h.count[len];
    if (left < 0) return left;
  }
  uint16_t offs[kMaxBits + 1];
  offs[1] = 0;
  for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = uint16_t(offs[len] + h.count[len]);
  for (int s = 0; s < n; ++s)
    if (lengths[s]) h.symbol[offs[lengths[s]]++] = uint16_t(s);
  return left;
}

struct Inflater {
  const uint8_t* in = nullptr;
  size_t size = 0;
  size_t max_output = 0;
  std::string* out = nullptr;
  size_t pos = 0;
  uint32_t bit_buf = 0;
  int bit_count = 0;  // < 8 between calls
  const char* error = nullptr;
  bool fixed_built = false;
  Huffman fixed_lit, fixed_dist;

  bool Fail(const char* why) {
    if (!error) error = why;
    return false;
  }
  // Reads `need` (0..13) bits; on truncation sets the error and returns 0.
  uint32_t Bits(int need) {
    uint32_t v = bit_buf;
    while (bit_count < need) {
      if (pos >= size) {
        Fail("the data ends too soon");
        return 0;
      }
      v |= uint32_t(in[pos++]) << bit_count;
      bit_count += 8;
    }
    bit_buf = v >> need;
    bit_count -= need;
    return v & ((1u << need) - 1);
  }
  // One symbol, a bit at a time (codes arrive most significant bit first); -1 on error.
  int Decode(const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code |= int(Bits(1));
      if (error) return -1;
      const int count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    Fail("a code that is not in the table");
    return -1;
  }
};

bool Codes(Inflater& f, const Huffman& lit, const Huffman& dist) {
  for (;;) {
    const int sym = f.Decode(lit);
    if (sym < 0) return false;
    if (sym < 256) {
      if (f.out->size() >= f.max_output) return f.Fail(kInflateTooLong.data());
      f.out->push_back(char(sym));
      continue;
    }
    if (sym == 256) return true;
    const int l = sym - 257;
    if (l >= 29) return f.Fail("a length code out of range");
    const size_t len = kLengthBase[l] + f.Bits(kLengthExtra[l]);
    const int d = f.Decode(dist);
    if (d < 0) return false;
    if (d >= 30) return f.Fail("a distance code out of range");
    const size_t distance = kDistBase[d] + f.Bits(kDistExtra[d]);
    if (f.error) return false;
    if (distance > f.out->size()) return f.Fail("a distance too far back");
    if (len > f.max_output - f.out->size()) return f.Fail(kInflateTooLong.data());
    const size_t from = f.out->size() - distance;
    for (size_t k = 0; k < len; ++k) f.out->push_back((*f.out)[from + k]);  // may overlap itself
  }
}

bool Stored(Inflater& f) {
  f.bit_buf = 0;
  f.bit_count = 0;  // the rest of the current byte is padding
  if (f.size - f.pos < 4) return f.Fail("the data ends too soon");
  const size_t len = f.in[f.pos] | (size_t(f.in[f.pos + 1]) << 8);
  const size_t nlen = f.in[f.pos + 2] | (size_t(f.in[f.pos + 3]) << 8);
  f.pos += 4;
  if (len != (~nlen & 0xFFFF)) return f.Fail("a stored block's length does not match its complement");
  if (f.size - f.pos < len) return f.Fail("the data ends too soon");
  if (len > f.max_output - f.out->size()) return f.Fail(kInflateTooLong.data());
  f.out->append(reinterpret_cast<const char*>(f.in + f.pos), len);
  f.pos += len;
  return true;
}

bool Fixed(Inflater& f) {
  if (!f.fixed_built) {
    uint8_t lengths[288];
    for (int s = 0; s < 288; ++s) lengths[s] = uint8_t(FixedLitLength(s));
    Build(f.fixed_lit, lengths, 288);
    std::fill(lengths, lengths + 32, uint8_t(5));  // 30 and 31 are codes, of no distance
    Build(f.fixed_dist, lengths, 32);
    f.fixed_built = true;
  }
  return Codes(f, f.fixed_lit, f.fixed_dist);
}

bool Dynamic(Inflater& f) {
  const int nlen = int(f.Bits(5)) + 257, ndist = int(f.Bits(5)) + 1, ncode = int(f.Bits(4)) + 4;
  if (f.error) return false;
  if (nlen > kLitCodes || ndist > kDistCodes) return f.Fail("too many codes in a block header");
  uint8_t lengths[kLitCodes + kDistCodes] = {};
  for (int i = 0; i < ncode; ++i) lengths[kCodeLengthOrder[i]] = uint8_t(f.Bits(3));
  if (f.error) return false;
  Huffman code;
  if (Build(code, lengths, kCodeLengthCodes) != 0) return f.Fail("an over-subscribed or incomplete code-length code");
  int at = 0;
  while (at < nlen + ndist) {
    const int sym = f.Decode(code);
    if (sym < 0) return false;
    if (sym < 16) {
      lengths[at++] = uint8_t(sym);
      continue;
    }
    uint8_t len = 0;
    int repeat;
    if (sym == 16) {
      if (at == 0) return f.Fail("a repeated code length with none before it");
      len = lengths[at - 1];
      repeat = 3 + int(f.Bits(2));
    } else if (sym == 17) {
      repeat = 3 + int(f.Bits(3));
    } else {
      repeat = 11 + int(f.Bits(7));
    }
    if (f.error) return false;
    if (at + repeat > nlen + ndist) return f.Fail("more code lengths than the header says");
    while (repeat--) lengths[at++] = len;
  }
  if (lengths[256] == 0) return f.Fail("no end-of-block code");
  // An incomplete code is allowed only when it is a single code of one bit (as zlib allows).
  Huffman lit, dist;
  const int lit_left = Build(lit, lengths, nlen);
  if (lit_left < 0 || (lit_left > 0 && nlen - lit.count[0] != lit.count[1]))
    return f.Fail("an over-subscribed or incomplete literal/length code");
  const int dist_left = Build(dist, lengths + nlen, ndist);
  if (dist_left < 0 || (dist_left > 0 && ndist - dist.count[0] != dist.count[1]))
    return f.Fail("an over-subscribed or incomplete distance code");
  return Codes(f, lit, dist);
}

}  // namespace

bool InflateRaw(std::string_view data, size_t max_output, std::string* out, std::string* error) {
  Inflater f;
  f.in = reinterpret_cast<const uint8_t*>(data.data());
  f.size = data.size();
  f.max_output = max_output;
  f.out = out;
  out->clear();
  bool last = false;
  while (!last && !f.error) {
    last = f.Bits(1) != 0;
    const uint32_t type = f.Bits(2);
    if (f.error) break;
    if (type == 0) Stored(f);
    else if (type == 1) Fixed(f);
    else if (type == 2) Dynamic(f);
    else f.Fail("an invalid block type");
  }
  if (!f.error && f.pos != f.size) f.Fail("data after the end of the stream");
  if (f.error) {
    if (error) *error = f.error;
    out->clear();
    return false;
  }
  if (error) error->clear();
  return true;
}

}  // namespace lectern
