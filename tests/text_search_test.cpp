// Tests for text_search.h: folded, whitespace-tolerant find.
#include "text_search.h"

#include <doctest/doctest.h>

using namespace lectern;

namespace {
std::vector<std::string> Texts(std::string_view t, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span s : spans) out.emplace_back(t.substr(s.begin, s.size()));
  return out;
}
std::vector<Span> Whole(std::string_view t) { return {Span{0, uint32_t(t.size())}}; }
}  // namespace

TEST_CASE("case-insensitive, every match, in order, no overlaps") {
  std::string_view t = "Marlow met marlow; MARLOW left. aaaa";
  CHECK(Texts(t, FindAll(t, Whole(t), "marlow")) == std::vector<std::string>{"Marlow", "marlow", "MARLOW"});
  CHECK(FindAll(t, Whole(t), "aa").size() == 2);
}

TEST_CASE("diacritics, curly apostrophes and soft line breaks fold to what a reader types") {
  std::string_view t = "Yağmur said Peru\xE2\x80\x99s\nplan";
  CHECK(Texts(t, FindAll(t, Whole(t), "yagmur")) == std::vector<std::string>{"Yağmur"});
  CHECK(Texts(t, FindAll(t, Whole(t), "peru's plan")) ==
        std::vector<std::string>{"Peru\xE2\x80\x99s\nplan"});
  CHECK(Texts(t, FindAll(t, Whole(t), "Yağmur")) == std::vector<std::string>{"Yağmur"});
}

TEST_CASE("only inside the given ranges / empty queries match nothing / limit holds") {
  std::string_view t = "abc abc abc";
  CHECK(FindAll(t, {Span{4, 11}}, "abc").size() == 2);
  CHECK(FindAll(t, Whole(t), "").empty());
  CHECK(FindAll(t, Whole(t), "   ").empty());
  CHECK(FindAll(t, Whole(t), "abc", 1).size() == 1);
  CHECK(FindAll(t, Whole(t), "zzz").empty());
  CHECK(FindAll(t, {Span{5, 99}}, "abc").empty());  // a range past the end is ignored
}
