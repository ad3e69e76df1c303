// Tests for json_writer.h.
#include "json_writer.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace lectern;

TEST_CASE("objects and arrays get their commas / nesting closes correctly") {
  JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.Int(1);
  w.Key("b");
  w.BeginArray();
  w.String("x");
  w.Bool(true);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.EndArray();
  w.Key("c");
  w.Number(0.25);
  w.EndObject();
  CHECK(w.str() == R"({"a":1,"b":["x",true,null,{}],"c":0.25})");
}

TEST_CASE("strings escape quotes, backslashes, controls / invalid UTF-8 becomes U+FFFD") {
  std::string out;
  AppendJsonString(out, "say \"hi\"\\\n\t\x01 \xE2\x80\x9C\xC3");
  CHECK(out == "\"say \\\"hi\\\"\\\\\\n\\t\\u0001 \xE2\x80\x9C\xEF\xBF\xBD\"");
}

TEST_CASE("numbers: integers exact, non-finite as null") {
  JsonWriter w;
  w.BeginArray();
  w.Number(42);
  w.Number(-3.5);
  w.Number(std::nan(""));
  w.Number(INFINITY);
  w.EndArray();
  CHECK(w.str() == "[42,-3.5,null,null]");
}
