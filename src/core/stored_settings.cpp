// stored_settings.cpp — settings and window arrangement from storage (see stored_settings.h).
//
// [SECTION] JSON reading     — a strict reader for one flat object of scalars
// [SECTION] Settings
// [SECTION] Window ini
#include "stored_settings.h"

#include "json_writer.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace lectern {

namespace {

// [SECTION] JSON reading -------------------------------------------------------------------------

struct JsonValue {
  enum Kind { String, Number, Bool, Null, Nested } kind = Null;
  std::string text;    // String: the decoded text
  double number = 0;
  bool boolean = false;
};

// Reads JSON text left to right; every function returns false on text that is not JSON, and
// never reads past the end.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Eat(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }

  bool ReadString(std::string* out) {
    SkipSpace();
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    ++i_;
    out->clear();
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(e); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          // Only what this file's own writer can produce matters; any \u escape is kept as a
          // '?' so the value fails its field's check rather than being half-decoded.
          if (i_ + 4 > s_.size()) return false;
          for (int k = 0; k < 4; ++k)
            if (!std::isxdigit(static_cast<unsigned char>(s_[i_ + size_t(k)]))) return false;
          i_ += 4;
          out->push_back('?');
          break;
        }
        default: return false;
      }
    }
    return false;  // unterminated
  }

  bool ReadValue(JsonValue* v, int depth = 0) {
    SkipSpace();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') {
      v->kind = JsonValue::String;
      return ReadString(&v->text);
    }
    if (c == '{' || c == '[') {
      v->kind = JsonValue::Nested;
      return SkipNested(depth);
    }
    if (Word("true")) return v->kind = JsonValue::Bool, v->boolean = true, true;
    if (Word("false")) return v->kind = JsonValue::Bool, v->boolean = false, true;
    if (Word("null")) return v->kind = JsonValue::Null, true;
    v->kind = JsonValue::Number;
    return ReadNumber(&v->number);
  }

 private:
  bool Word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }

  // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool ReadNumber(double* out) {
    const size_t start = i_;
    auto digits = [&] {
      const size_t d = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > d;
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') ++i_;
    else if (!digits()) return false;
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    if (i_ - start > 32) return false;
    const std::string t(s_.substr(start, i_ - start));
    *out = std::strtod(t.c_str(), nullptr);
    return std::isfinite(*out);
  }

  // An object or array as the value of a field this version does not know: skipped whole.
  bool SkipNested(int depth) {
    if (depth >= 16) return false;
    const char close = s_[i_] == '{' ? '}' : ']';
    ++i_;
    if (Eat(close)) return true;
    for (;;) {
      if (close == '}') {
        std::string key;
        if (!ReadString(&key) || !Eat(':')) return false;
      }
      JsonValue v;
      if (!ReadValue(&v, depth + 1)) return false;
      if (Eat(close)) return true;
      if (!Eat(',')) return false;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

// [SECTION] Settings -----------------------------------------------------------------------------

bool IsTheme(const std::string& s) { return s == "light" || s == "sepia" || s == "dark"; }

bool IsWindowSet(const std::string& s) {
  if (s.size() > 3) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != 'a' && s[i] != 'm' && s[i] != 'q') return false;
    if (s.find(s[i], i + 1) != std::string::npos) return false;
  }
  return true;
}

// Takes one field's value into `s`; false when the key is known and the value unusable.
bool TakeField(const std::string& key, const JsonValue& v, StoredSettings& s) {
  if (key == "theme") {
    if (v.kind != JsonValue::String || !IsTheme(v.text)) return false;
    s.theme = v.text;
  } else if (key == "serif") {
    if (v.kind != JsonValue::Bool) return false;
    s.serif = v.boolean;
  } else if (key == "size") {
    if (v.kind != JsonValue::Number || !(v.number >= kMinTextSize && v.number <= kMaxTextSize)) return false;
    s.text_size = float(v.number);
  } else if (key == "width") {
    if (v.kind != JsonValue::Number || !(v.number == 0 || v.number == 1 || v.number == 2)) return false;
    s.width = int(v.number);
  } else if (key == "windows") {
    if (v.kind != JsonValue::String || !IsWindowSet(v.text)) return false;
    s.windows = v.text;
  } else if (key == "highlights") {
    if (v.kind != JsonValue::String || v.text.size() != 5 || v.text.find_first_not_of("01") != std::string::npos)
      return false;
    for (int t = 0; t < 4; ++t) s.highlight[t] = v.text[size_t(t)] == '1';
    s.highlight_quotes = v.text[4] == '1';
  }
  return true;  // a key this version does not know: kept by nobody, harmless
}

}  // namespace

std::string FormatSettings(const StoredSettings& s) {
  JsonWriter w;
  w.BeginObject();
  w.Key("theme");
  w.String(s.theme);
  w.Key("serif");
  w.Bool(s.serif);
  w.Key("size");
  w.Number(s.text_size);
  w.Key("width");
  w.Int(s.width);
  w.Key("windows");
  w.String(s.windows);
  w.Key("highlights");
  std::string h;
  for (bool on : s.highlight) h += on ? '1' : '0';
  h += s.highlight_quotes ? '1' : '0';
  w.String(h);
  w.EndObject();
  return w.str();
}

SettingsParse ParseSettings(std::string_view json, const StoredSettings& defaults) {
  SettingsParse r;
  r.settings = defaults;
  if (json.empty()) return r;
  if (json.size() > kMaxStoredSettings) {
    r.problem = "the stored settings are " + std::to_string(json.size()) + " bytes, not a settings object";
    return r;
  }
  // Read into a copy first: text that turns out not to be one JSON object changes nothing.
  StoredSettings s = defaults;
  int ignored = 0;
  JsonReader in(json);
  bool ok = in.Eat('{');
  if (ok && !in.Eat('}')) {
    for (;;) {
      std::string key;
      JsonValue v;
      if (!in.ReadString(&key) || !in.Eat(':') || !in.ReadValue(&v)) {
        ok = false;
        break;
      }
      if (!TakeField(key, v, s)) ++ignored;
      if (in.Eat('}')) break;
      if (!in.Eat(',')) {
        ok = false;
        break;
      }
    }
  }
  if (!ok || !in.AtEnd()) {
    r.problem = "the stored settings are not a JSON object";
    return r;
  }
  r.settings = s;
  r.ignored = ignored;
  if (ignored) r.problem = std::to_string(ignored) + (ignored == 1 ? " stored setting had" : " stored settings had") +
                           " a value out of range";
  return r;
}

// [SECTION] Window ini ---------------------------------------------------------------------------

namespace {

bool IsPrintableAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
  return true;
}

// "[Type][Name]": both parts non-empty, no brackets inside.
bool IsSectionHeader(std::string_view line) {
  if (line.size() < 5 || line.front() != '[' || line.back() != ']') return false;
  const size_t mid = line.find("][");
  if (mid == std::string_view::npos || mid < 2 || mid + 3 >= line.size()) return false;
  const std::string_view type = line.substr(1, mid - 1), name = line.substr(mid + 2, line.size() - mid - 3);
  return type.find_first_of("[]") == std::string_view::npos && name.find_first_of("[]") == std::string_view::npos;
}

// "x,y" as two integers within ±kMaxWindowCoordinate (sizes: 0..kMaxWindowCoordinate).
bool IsCoordinatePair(std::string_view v, bool size) {
  const size_t comma = v.find(',');
  if (comma == std::string_view::npos) return false;
  auto integer = [&](std::string_view t) {
    if (t.empty() || t.size() > 6) return false;
    size_t k = t[0] == '-' ? 1 : 0;
    if (k == t.size()) return false;
    for (size_t j = k; j < t.size(); ++j)
      if (t[j] < '0' || t[j] > '9') return false;
    const long n = std::strtol(std::string(t).c_str(), nullptr, 10);
    return size ? n >= 0 && n <= kMaxWindowCoordinate : n >= -kMaxWindowCoordinate && n <= kMaxWindowCoordinate;
  };
  return integer(v.substr(0, comma)) && integer(v.substr(comma + 1));
}

}  // namespace

std::string CleanWindowIni(std::string_view ini, int* dropped) {
  int lost = 0;
  std::string out;
  if (ini.size() > kMaxWindowIni) {
    if (dropped) *dropped = 1;
    return out;
  }
  bool in_section = false, window_section = false;
  while (!ini.empty()) {
    const size_t nl = ini.find('\n');
    std::string_view line = ini.substr(0, nl);
    ini = nl == std::string_view::npos ? std::string_view() : ini.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      out += '\n';
      continue;
    }
    bool keep = line.size() <= 512 && IsPrintableAscii(line);
    if (keep && line.front() == '[') {
      keep = IsSectionHeader(line);
      in_section = keep;
      window_section = keep && line.compare(0, 9, "[Window][") == 0;
    } else if (keep) {
      const size_t eq = line.find('=');
      keep = in_section && eq != std::string_view::npos && eq > 0;
      if (keep && window_section) {
        const std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "Pos") keep = IsCoordinatePair(value, false);
        else if (key == "Size") keep = IsCoordinatePair(value, true);
      }
    }
    if (!keep) {
      ++lost;
      continue;
    }
    out.append(line.data(), line.size());
    out += '\n';
  }
  if (dropped) *dropped = lost;
  return out;
}

}  // namespace lectern
