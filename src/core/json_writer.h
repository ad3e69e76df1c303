// json_writer.h — a small streaming JSON writer (objects, arrays, strings, numbers, bools).
//
//   JsonWriter w;
//   w.BeginObject();
//   w.Key("article"); w.String(doc.id);
//   w.Key("paragraphs"); w.Number(7);
//   w.EndObject();
//   std::string json = w.Take();
//
// Commas are inserted automatically. Strings are escaped per RFC 8259: quotes, backslashes and
// control characters; bytes that are not valid UTF-8 become U+FFFD so the output always parses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view s);
  void Number(double v);           // non-finite numbers are written as null
  void Int(int64_t v);
  void Bool(bool v);
  void Null();
  const std::string& str() const { return m_out; }
  std::string Take() { return std::move(m_out); }

 private:
  void Open(char c);
  void Close(char c);
  void Value();                    // comma handling before a value
  std::string m_out;
  std::vector<bool> m_first;       // per open container: no element written yet
  bool m_after_key = false;
};

// Appends `s` as a quoted, escaped JSON string.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace lectern
