// analysis_binary.cpp — EncodeAnalysis / DecodeAnalysis (see analysis_binary.h).
//
// Layout, in order: magic "LECTERNA", format version (varint), hash of doc.bytes (8 bytes),
// doc.bytes.size(), word_count, then each vector as a count followed by its elements, fields in
// the order of analysis.h. A span is two varints (begin, end); a string is a length and bytes.
#include "analysis_binary.h"

#include "text_util.h"

#include <cstring>

namespace lectern {

namespace {

constexpr char kMagic[8] = {'L', 'E', 'C', 'T', 'E', 'R', 'N', 'A'};
constexpr uint32_t kVersion = 1;

class Writer {
 public:
  void U(uint64_t v) {
    do {
      const uint8_t b = uint8_t(v & 0x7f);
      v >>= 7;
      out_.push_back(char(v ? b | 0x80 : b));
    } while (v);
  }
  void I(int v) { U(uint64_t(uint32_t(v + 1))); }  // indices that may be -1
  void Fixed64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(char((v >> (8 * i)) & 0xff));
  }
  void D(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    Fixed64(bits);
  }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void Sp(Span s) {
    U(s.begin);
    U(s.end);
  }
  void Raw(const char* p, size_t n) { out_.append(p, n); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads with bounds checks; the first failure sticks (later reads return zeros) and keeps why.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
  }
  size_t left() const { return in_.size() - pos_; }

  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail("it ends early"), 0;
      const uint8_t b = uint8_t(in_[pos_++]);
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail("a number is too long"), 0;
  }
  uint32_t U32() {
    const uint64_t v = U();
    if (v > 0xffffffffull) return Fail("a number is out of range"), 0;
    return uint32_t(v);
  }
  uint8_t Enum(uint8_t count, const char* what) {
    const uint64_t v = U();
    if (v >= count) return Fail(std::string("an unknown ") + what), 0;
    return uint8_t(v);
  }
  int I(size_t count, const char* what) {  // -1 or an index below count
    const uint64_t v = U();
    if (v > count) return Fail(std::string("a ") + what + " index is out of range"), -1;
    return int(v) - 1;
  }
  uint64_t Fixed64() {
    if (left() < 8) return Fail("it ends early"), 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(uint8_t(in_[pos_ + size_t(i)])) << (8 * i);
    pos_ += 8;
    return v;
  }
  double D() {
    const uint64_t bits = Fixed64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string S() {
    const uint64_t n = U();
    if (n > left()) return Fail("a string runs past the end"), std::string();
    std::string s(in_.substr(pos_, size_t(n)));
    pos_ += size_t(n);
    return s;
  }
  // A span of the text: begin <= end <= text_size.
  Span Sp(uint32_t text_size) {
    Span s{U32(), U32()};
    if (s.begin > s.end || s.end > text_size) return Fail("a span lies outside the text"), Span{};
    return s;
  }
  // A vector's length: every element takes at least one byte, so a count beyond the bytes left
  // is corruption (and never a huge allocation).
  size_t Count() {
    const uint64_t n = U();
    if (n > left()) return Fail("a count exceeds the bytes left"), 0;
    return size_t(n);
  }
  bool Skip(std::string_view expected) {
    if (in_.substr(pos_, expected.size()) != expected) return false;
    pos_ += expected.size();
    return true;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

std::string EncodeAnalysis(const Document& doc, const Analysis& a) {
  Writer w;
  w.Raw(kMagic, sizeof kMagic);
  w.U(kVersion);
  w.Fixed64(Fnv1a(doc.bytes));
  w.U(doc.bytes.size());
  w.U(a.word_count);
  w.U(a.tokens.size());
  for (const Token& t : a.tokens) {
    w.Sp(t.span);
    w.U(uint8_t(t.kind));
    w.U(t.flags);
  }
  w.U(a.sentences.size());
  for (const Sentence& s : a.sentences) {
    w.Sp(s.span);
    w.U(s.paragraph == ~0u ? 0 : uint64_t(s.paragraph) + 1);  // the headline's ~0u is 0
    w.U(s.first_token);
    w.U(s.token_count);
  }
  w.U(a.entities.size());
  for (const Entity& e : a.entities) {
    w.S(e.id);
    w.S(e.name);
    w.U(uint8_t(e.type));
    w.D(e.salience);
    w.S(e.role);
    w.U(e.mentions.size());
    for (const Mention& m : e.mentions) {
      w.Sp(m.span);
      w.U(uint8_t(m.form));
    }
    w.U(e.has_coordinates);
    w.D(e.lat);
    w.D(e.lon);
    w.S(e.country_code);
    w.I(e.located_in);
  }
  w.U(a.quotes.size());
  for (const Quote& q : a.quotes) {
    w.S(q.id);
    w.U(uint8_t(q.kind));
    w.U(q.parts.size());
    for (Span p : q.parts) w.Sp(p);
    w.Sp(q.extent);
    w.Sp(q.cue);
    w.Sp(q.speaker_span);
    w.I(q.speaker_entity);
    w.S(q.speaker);
    w.U(q.sentence);
  }
  w.U(a.relations.size());
  for (const Relation& r : a.relations) {
    w.I(r.source);
    w.I(r.target);
    w.U(uint8_t(r.kind));
    w.S(r.label);
    w.S(r.kind_name);
    w.D(r.weight);
    w.U(r.evidence.size());
    for (Span s : r.evidence) w.Sp(s);
  }
  w.U(a.diagnostics.size());
  for (const Diagnostic& d : a.diagnostics) {
    w.U(uint8_t(d.level));
    w.Sp(d.span);
    w.S(d.message);
  }
  return w.Take();
}

bool DecodeAnalysis(std::string_view blob, const Document& doc, Analysis* out, std::string* error) {
  Reader r(blob);
  const auto refuse = [&](const std::string& why) {
    if (error) *error = "the stored analysis cannot be used: " + why;
    return false;
  };
  if (!r.Skip(std::string_view(kMagic, sizeof kMagic))) return refuse("it is not an analysis file");
  const uint64_t version = r.U();
  if (r.ok() && version != kVersion)
    return refuse("it has format version " + std::to_string(version) + ", this build reads " + std::to_string(kVersion));
  const uint64_t hash = r.Fixed64();
  const uint64_t size = r.U();
  if (r.ok() && (size != doc.bytes.size() || hash != Fnv1a(doc.bytes)))
    return refuse("it was made of another text (a stale file?)");
  const uint32_t text = uint32_t(doc.bytes.size());

  Analysis a;
  a.word_count = r.U32();
  a.tokens.resize(r.Count());
  for (Token& t : a.tokens) {
    t.span = r.Sp(text);
    t.kind = Token::Kind(r.Enum(4, "token kind"));
    t.flags = uint8_t(r.Enum(32, "token flag"));
  }
  a.sentences.resize(r.Count());
  for (Sentence& s : a.sentences) {
    s.span = r.Sp(text);
    const uint64_t paragraph = r.U();
    if (paragraph > doc.paragraphs.size()) r.Fail("a sentence's paragraph is out of range");
    s.paragraph = paragraph == 0 ? ~0u : uint32_t(paragraph - 1);
    s.first_token = r.U32();
    s.token_count = r.U32();
    if (uint64_t(s.first_token) + s.token_count > a.tokens.size()) r.Fail("a sentence's tokens are out of range");
  }
  a.entities.resize(r.Count());
  const size_t n_entities = a.entities.size();
  for (Entity& e : a.entities) {
    e.id = r.S();
    e.name = r.S();
    e.type = EntityType(r.Enum(4, "entity type"));
    e.salience = r.D();
    e.role = r.S();
    e.mentions.resize(r.Count());
    for (Mention& m : e.mentions) {
      m.span = r.Sp(text);
      m.form = Mention::Form(r.Enum(7, "mention form"));
    }
    e.has_coordinates = r.Enum(2, "flag") != 0;
    e.lat = r.D();
    e.lon = r.D();
    e.country_code = r.S();
    e.located_in = r.I(n_entities, "place");
    if (!r.ok()) break;
  }
  a.quotes.resize(r.Count());
  for (Quote& q : a.quotes) {
    q.id = r.S();
    q.kind = QuoteKind(r.Enum(2, "quote kind"));
    q.parts.resize(r.Count());
    for (Span& p : q.parts) p = r.Sp(text);
    q.extent = r.Sp(text);
    q.cue = r.Sp(text);
    q.speaker_span = r.Sp(text);
    q.speaker_entity = r.I(n_entities, "speaker");
    q.speaker = r.S();
    q.sentence = r.U32();
    if (q.sentence >= a.sentences.size()) r.Fail("a quote's sentence is out of range");
    if (!r.ok()) break;
  }
  a.relations.resize(r.Count());
  for (Relation& rel : a.relations) {
    rel.source = r.I(n_entities, "relation");
    rel.target = r.I(n_entities, "relation");
    if (r.ok() && (rel.source < 0 || rel.target < 0)) r.Fail("a relation lacks an end");
    rel.kind = RelationKind(r.Enum(6, "relation kind"));
    rel.label = r.S();
    rel.kind_name = r.S();
    rel.weight = r.D();
    rel.evidence.resize(r.Count());
    for (Span& s : rel.evidence) s = r.Sp(text);
    if (!r.ok()) break;
  }
  a.diagnostics.resize(r.Count());
  for (Diagnostic& d : a.diagnostics) {
    d.level = Diagnostic::Level(r.Enum(3, "diagnostic level"));
    d.span = r.Sp(text);
    d.message = r.S();
  }
  if (r.ok() && r.left() != 0) r.Fail("it has bytes after its end");
  if (!r.ok()) return refuse(r.error());
  *out = std::move(a);
  return true;
}

}  // namespace lectern
