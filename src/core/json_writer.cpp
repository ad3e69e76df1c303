// json_writer.cpp — see json_writer.h.
#include "json_writer.h"

#include "document.h"

#include <cmath>
#include <cstdio>

namespace lectern {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      char32_t cp;
      const uint32_t n = DecodeUtf8(s, i, &cp);
      if (cp == 0xFFFD && n == 1) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(s.substr(i, n));
      }
      i += n;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
    ++i;
  }
  out += '"';
}

void JsonWriter::Value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_first.empty()) {
    if (!m_first.back()) m_out += ',';
    m_first.back() = false;
  }
}

void JsonWriter::Open(char c) {
  Value();
  m_out += c;
  m_first.push_back(true);
}

void JsonWriter::Close(char c) {
  m_out += c;
  if (!m_first.empty()) m_first.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  Value();
  AppendJsonString(m_out, key);
  m_out += ':';
  m_after_key = true;
}

void JsonWriter::String(std::string_view s) {
  Value();
  AppendJsonString(m_out, s);
}

void JsonWriter::Number(double v) {
  Value();
  if (!std::isfinite(v)) {
    m_out += "null";
    return;
  }
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.6g", v);
  }
  m_out += buf;
}

void JsonWriter::Int(int64_t v) {
  Value();
  m_out += std::to_string(v);
}

void JsonWriter::Bool(bool v) {
  Value();
  m_out += v ? "true" : "false";
}

void JsonWriter::Null() {
  Value();
  m_out += "null";
}

}  // namespace lectern
