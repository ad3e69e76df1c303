// analysis_json.h — the Analysis as JSON: what `lectern analyze --json` prints and what the web
// app can hand to the page. Byte offsets index the file as read.
//
//   std::string json = AnalysisToJson(doc, analysis);
//
// Shape (extra fields beyond the CLI contract are marked +):
//   {"title": "...", "id"+: "doc-slug",
//    "stats": {"paragraphs": 7, "sentences": 21, "words": 431},
//    "entities": [{"id": "e1", "slug"+: "camila-rojas", "name": "Camila Rojas",
//                  "type": "PERSON", "salience": 0.2, "role": "President of Chile",
//                  "country_code"+, "lat"+, "lon"+, "located_in"+: "e3",
//                  "mentions": [{"start": 812, "end": 829, "text": "Camila Rojas", "form"+: "name"}]}],
//    "quotes": [{"id": "q1", "kind": "direct", "text": "...", "start": 1203, "end": 1317,
//                "speaker": "Camila Rojas", "speaker_entity": "e1", "cue": "said",
//                "parts"+: [{"start", "end"}], "cue_start"+, "cue_end"+, "sentence"+}],
//    "relations": [{"source": "e2", "target": "e5", "kind": "president_of", "label"+, "weight": 1,
//                   "evidence": [{"start": 400, "end": 520}]}],
//    "diagnostics"+: [{"level": "warning", "start", "end", "message"}]}
// Entity "id" is "e1".. in the order of Analysis::entities (most salient first); "slug" is
// Entity::id. Written with JsonWriter (json_writer.h): strings escaped per RFC 8259, an invalid
// UTF-8 byte (which the CLI refuses anyway) becomes U+FFFD, so the output always parses.
#pragma once

#include "analysis.h"

#include <string>
#include <string_view>

namespace lectern {

std::string AnalysisToJson(const Document& doc, const Analysis& a);
// "e1", "e2" ...: the JSON id of the entity at index `i` of Analysis::entities.
std::string EntityJsonId(int i);

}  // namespace lectern
