// analysis_binary.h — an Analysis in a compact binary form, bound to the text it was made of.
//
//   std::string blob = EncodeAnalysis(doc, analysis);        // at build time (lectern prepare)
//   Analysis a;
//   std::string why;
//   if (!DecodeAnalysis(blob, doc, &a, &why)) analyse_live(); // in the app, at start
//
// Why: the articles packaged with the app are analysed when the app is built, so the first visit
// neither downloads the gazetteer nor waits for the analysis before the first frame (the app
// fetches the gazetteer only when it must analyse a text itself).
//
// The blob starts with a magic and format version, then the FNV-1a hash and size of doc.bytes:
// it decodes only against the very text it was made of. Decoding checks every count against
// the bytes left, every span against the text, every index against its vector and every enum
// against its range, so a truncated, corrupted or stale file is refused with a reason and never
// yields an analysis that points outside the text. Integers are LEB128 varints; doubles are
// their 8 IEEE bytes, so a decoded analysis is exactly the encoded one (the same JSON).
#pragma once

#include "analysis.h"

#include <string>
#include <string_view>

namespace lectern {

std::string EncodeAnalysis(const Document& doc, const Analysis& a);

// Fills *out and returns true, or returns false with *error saying why (and *out untouched).
bool DecodeAnalysis(std::string_view blob, const Document& doc, Analysis* out, std::string* error);

}  // namespace lectern
