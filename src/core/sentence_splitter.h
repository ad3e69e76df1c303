// sentence_splitter.h — groups tokens into sentences and marks sentence / paragraph starts.
//
//   std::vector<Token> tokens = Tokenize(doc);
//   std::vector<Sentence> sentences = SplitSentences(doc, tokens);  // also sets token flags
//
// The headline is one sentence (paragraph ~0u); every paragraph ends a sentence. Inside a
// paragraph a sentence ends at . ! ? or an ellipsis followed by a capital, a digit or an opening
// mark, with closing quotes and brackets kept on the sentence they close. It does not end after
//   titles            Mr. Dr. Gov. Sen. Gen. St. (never)
//   other short forms Inc. Corp. Jan. U.S. a.m. (only before a typical sentence opener: "The")
//   initials          John F. Meyer, Anna K. Berg (only before a typical opener)
//   a lowercase word  “Why now?” she asked.   “…,” he said.
// Decimals ("2.1") are single tokens already. Sentences longer than kMaxSentenceTokens are cut so
// that later stages stay linear on pathological input (a paragraph with no punctuation).
#pragma once

#include "analysis.h"

#include <vector>

namespace lectern {

constexpr uint32_t kMaxSentenceTokens = 300;

std::vector<Sentence> SplitSentences(const Document& doc, std::vector<Token>& tokens);

}  // namespace lectern
