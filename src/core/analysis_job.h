// analysis_job.h — the analysis of a long article in slices, so the page stays responsive while
// a 20 MB text is read (the app runs a few slices per frame and shows the progress).
//
//   AnalysisJob job(doc);                          // plans the slices; cheap
//   while (!job.Done()) job.Step(doc, world);      // one slice per call (~kSliceBytes of text)
//   draw_progress(job.Progress());
//   Analysis a = job.Take(doc);
//
// An article no longer than one slice is analysed by one Analyze call: the result is exactly
// Analyze's. A longer one is cut at paragraph boundaries into slices of about kSliceBytes; each
// slice is analysed on its own (spans stay offsets into the whole article's bytes, since every
// slice sees the same bytes), and the parts are joined: tokens and sentences in order, entities
// of the same canonical name and type merged across slices, quotes renumbered, relations between
// the same pair summed, then salience, order and ids as Analyze gives them (FinishAnalysis).
// What is lost against one Analyze over the whole text: coreference across slices beyond the
// same canonical name (a bare surname in a later slice stays its own entity).
//
// Step moves doc.bytes into its slice and back, so it needs the document mutable; between Steps
// the document is unchanged.
#pragma once

#include "analysis.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace lectern {

class AnalysisJob {
 public:
  static constexpr size_t kSliceBytes = 96u << 10;  // ~15 ms of analysis in the browser

  explicit AnalysisJob(const Document& doc, size_t slice_bytes = kSliceBytes);
  void Step(Document& doc, const Gazetteer& world);  // analyses the next slice; no-op when done
  bool Done() const { return m_next >= m_slices.size(); }
  float Progress() const;                  // 0..1, by bytes analysed
  size_t Slices() const { return m_slices.size(); }
  Analysis Take(const Document& doc);      // the joined analysis; call once, when Done()

 private:
  struct Slice { uint32_t first_paragraph, paragraph_count, bytes_end; };
  void Join(Analysis&& part, const Slice& slice);

  std::vector<Slice> m_slices;
  size_t m_next = 0;
  uint32_t m_total_bytes = 1;
  Analysis m_result;
  std::vector<std::vector<uint32_t>> m_type_votes;  // per joined entity: mentions per EntityType
  std::unordered_map<std::string, int> m_by_name;  // canonical name -> joined entity index
  bool m_single = false;                   // one slice: the result is Analyze's, untouched
};

}  // namespace lectern
