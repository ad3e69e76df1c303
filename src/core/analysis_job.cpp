// analysis_job.cpp — see analysis_job.h.
#include "analysis_job.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace lectern {

AnalysisJob::AnalysisJob(const Document& doc, size_t slice_bytes) {
  m_total_bytes = uint32_t(std::max<size_t>(1, doc.bytes.size()));
  const uint32_t n = uint32_t(doc.paragraphs.size());
  uint32_t first = 0;
  uint32_t start = 0;  // byte where the current slice begins
  for (uint32_t p = 0; p < n; ++p) {
    const uint32_t end = doc.paragraphs[p].end;
    if (end - start >= slice_bytes || p + 1 == n) {
      m_slices.push_back({first, p + 1 - first, p + 1 == n ? m_total_bytes : end});
      first = p + 1;
      start = end;
    }
  }
  if (m_slices.empty()) m_slices.push_back({0, 0, m_total_bytes});  // a headline alone
  m_single = m_slices.size() == 1;
  // The joined tokens and sentences grow to the whole article's (about a token per 5 bytes):
  // reserved once, so a 20 MB article is not copied each time a vector doubles.
  if (!m_single) {
    m_result.tokens.reserve(m_total_bytes / 5 + 16);
    m_result.sentences.reserve(m_total_bytes / 100 + 16);
  }
}

float AnalysisJob::Progress() const {
  if (Done()) return 1.0f;
  return m_next == 0 ? 0.0f : float(m_slices[m_next - 1].bytes_end) / float(m_total_bytes);
}

void AnalysisJob::Step(Document& doc, const Gazetteer& world) {
  if (Done()) return;
  const Slice& slice = m_slices[m_next];
  if (m_single) {
    m_result = Analyze(doc, world);
    ++m_next;
    return;
  }
  // The slice sees the whole article's bytes (moved in and back: no copy), the headline only in
  // the first slice, and its own paragraphs; every span it returns is an offset into doc.bytes.
  Document part_doc;
  part_doc.name = doc.name;
  part_doc.id = doc.id;
  part_doc.bytes = std::move(doc.bytes);
  part_doc.bom_size = doc.bom_size;
  part_doc.headline = m_next == 0 ? doc.headline : Span{};
  part_doc.paragraphs.assign(doc.paragraphs.begin() + slice.first_paragraph,
                             doc.paragraphs.begin() + slice.first_paragraph + slice.paragraph_count);
  Analysis part = Analyze(part_doc, world);
  doc.bytes = std::move(part_doc.bytes);
  Join(std::move(part), slice);
  ++m_next;
}

void AnalysisJob::Join(Analysis&& part, const Slice& slice) {
  Analysis& out = m_result;
  const uint32_t token_base = uint32_t(out.tokens.size());
  const uint32_t sentence_base = uint32_t(out.sentences.size());
  out.tokens.insert(out.tokens.end(), part.tokens.begin(), part.tokens.end());
  for (Sentence s : part.sentences) {
    s.first_token += token_base;
    if (s.paragraph != ~0u) s.paragraph += slice.first_paragraph;
    out.sentences.push_back(s);
  }
  out.word_count += part.word_count;

  // Entities: the same canonical name is the same referent; its type is what most mentions say.
  std::vector<int> where(part.entities.size(), -1), located(part.entities.size(), -1);
  for (size_t i = 0; i < part.entities.size(); ++i) located[i] = part.entities[i].located_in;
  for (size_t i = 0; i < part.entities.size(); ++i) {
    Entity& e = part.entities[i];
    auto [it, added] = m_by_name.emplace(e.name, int(out.entities.size()));
    where[i] = it->second;
    if (added) {
      m_type_votes.emplace_back(4, 0);
      m_type_votes.back()[size_t(e.type)] += uint32_t(e.mentions.size());
      e.located_in = -1;  // rewritten below, once every entity of the part has its place
      out.entities.push_back(std::move(e));
      continue;
    }
    Entity& joined = out.entities[size_t(it->second)];
    m_type_votes[size_t(it->second)][size_t(e.type)] += uint32_t(e.mentions.size());
    joined.mentions.insert(joined.mentions.end(), e.mentions.begin(), e.mentions.end());
    if (joined.role.empty()) joined.role = std::move(e.role);
    if (!joined.has_coordinates && e.has_coordinates) {
      joined.has_coordinates = true;
      joined.lat = e.lat;
      joined.lon = e.lon;
    }
    if (joined.country_code.empty()) joined.country_code = std::move(e.country_code);
  }
  for (size_t i = 0; i < part.entities.size(); ++i) {
    const int in = located[i];
    Entity& joined = out.entities[size_t(where[i])];
    if (joined.located_in < 0 && in >= 0 && size_t(in) < where.size() && where[size_t(in)] != where[i])
      joined.located_in = where[size_t(in)];
  }
  auto remap = [&](int idx) { return idx >= 0 && size_t(idx) < where.size() ? where[size_t(idx)] : -1; };

  for (Quote& q : part.quotes) {
    q.speaker_entity = remap(q.speaker_entity);
    q.sentence += sentence_base;
    out.quotes.push_back(std::move(q));
  }
  // Relations between the same pair, of the same kind, add up.
  std::map<std::tuple<int, int, std::string, std::string>, size_t> known;
  for (size_t i = 0; i < out.relations.size(); ++i) {
    const Relation& r = out.relations[i];
    known.emplace(std::make_tuple(r.source, r.target, r.kind_name, r.label), i);
  }
  for (Relation& r : part.relations) {
    r.source = remap(r.source);
    r.target = remap(r.target);
    if (r.source < 0 || r.target < 0 || r.source == r.target) continue;
    auto [it, added] = known.emplace(std::make_tuple(r.source, r.target, r.kind_name, r.label), out.relations.size());
    if (added) {
      out.relations.push_back(std::move(r));
      continue;
    }
    Relation& joined = out.relations[it->second];
    joined.weight += r.weight;
    for (Span s : r.evidence)
      if (joined.evidence.size() < 16) joined.evidence.push_back(s);
  }
  for (Diagnostic& d : part.diagnostics)
    if (out.diagnostics.size() < 64) out.diagnostics.push_back(std::move(d));
}

Analysis AnalysisJob::Take(const Document& doc) {
  Analysis a = std::move(m_result);
  m_result = Analysis{};
  if (m_single) return a;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const std::vector<uint32_t>& votes = m_type_votes[i];
    a.entities[i].type = EntityType(std::max_element(votes.begin(), votes.end()) - votes.begin());
    std::sort(a.entities[i].mentions.begin(), a.entities[i].mentions.end(),
              [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  }
  FinishAnalysis(doc, a);
  for (uint32_t off : doc.invalid_utf8) {
    if (a.diagnostics.size() >= 16) break;
    a.diagnostics.push_back(Diagnostic{Diagnostic::Level::Warning, Span{off, off + 1}, "invalid UTF-8 byte"});
  }
  return a;
}

}  // namespace lectern
