// analysis_json.cpp — the Analysis as JSON (see analysis_json.h), through the core's JsonWriter.
#include "analysis_json.h"

#include "json_writer.h"

#include <cmath>

namespace lectern {

std::string EntityJsonId(int i) { return "e" + std::to_string(i + 1); }

namespace {

const char* FormName(Mention::Form f) {
  switch (f) {
    case Mention::Form::Name: return "name";
    case Mention::Form::Surname: return "surname";
    case Mention::Form::Title: return "title";
    case Mention::Form::Acronym: return "acronym";
    case Mention::Form::Demonym: return "demonym";
    case Mention::Form::Possessive: return "possessive";
    case Mention::Form::Pronoun: return "pronoun";
  }
  return "name";
}

std::string_view Slice(const Document& doc, Span s) {
  if (s.end > doc.bytes.size() || s.begin > s.end) return {};
  return std::string_view(doc.bytes).substr(s.begin, s.size());
}

// Rounded for readability: salience to 4 decimals, coordinates to 4 (about 10 m).
double Round(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

void SpanObject(JsonWriter& w, Span s) {
  w.BeginObject();
  w.Key("start");
  w.Int(s.begin);
  w.Key("end");
  w.Int(s.end);
  w.EndObject();
}

void WriteEntity(JsonWriter& w, const Document& doc, const Analysis& a, size_t i) {
  const Entity& e = a.entities[i];
  w.BeginObject();
  w.Key("id");
  w.String(EntityJsonId(int(i)));
  w.Key("slug");
  w.String(e.id);
  w.Key("name");
  w.String(e.name);
  w.Key("type");
  w.String(EntityTypeName(e.type));
  w.Key("salience");
  w.Number(Round(e.salience, 4));
  if (!e.role.empty()) {
    w.Key("role");
    w.String(e.role);
  }
  if (!e.country_code.empty()) {
    w.Key("country_code");
    w.String(e.country_code);
  }
  if (e.has_coordinates) {
    w.Key("lat");
    w.Number(Round(e.lat, 4));
    w.Key("lon");
    w.Number(Round(e.lon, 4));
  }
  if (e.located_in >= 0 && size_t(e.located_in) < a.entities.size()) {
    w.Key("located_in");
    w.String(EntityJsonId(e.located_in));
  }
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : e.mentions) {
    w.BeginObject();
    w.Key("start");
    w.Int(m.span.begin);
    w.Key("end");
    w.Int(m.span.end);
    w.Key("text");
    w.String(Slice(doc, m.span));
    w.Key("form");
    w.String(FormName(m.form));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteQuote(JsonWriter& w, const Document& doc, const Analysis& a, const Quote& q) {
  w.BeginObject();
  w.Key("id");
  w.String(q.id);
  w.Key("kind");
  w.String(q.kind == QuoteKind::Direct ? "direct" : "indirect");
  w.Key("text");
  w.String(q.Text(doc));
  w.Key("start");
  w.Int(q.extent.begin);
  w.Key("end");
  w.Int(q.extent.end);
  w.Key("speaker");
  if (q.speaker.empty()) w.Null();
  else w.String(q.speaker);
  w.Key("speaker_entity");
  if (q.speaker_entity >= 0 && size_t(q.speaker_entity) < a.entities.size()) w.String(EntityJsonId(q.speaker_entity));
  else w.Null();
  w.Key("cue");
  w.String(Slice(doc, q.cue));
  if (!q.cue.empty()) {
    w.Key("cue_start");
    w.Int(q.cue.begin);
    w.Key("cue_end");
    w.Int(q.cue.end);
  }
  if (!q.speaker_span.empty()) {
    w.Key("speaker_start");
    w.Int(q.speaker_span.begin);
    w.Key("speaker_end");
    w.Int(q.speaker_span.end);
  }
  w.Key("sentence");
  w.Int(q.sentence);
  w.Key("parts");
  w.BeginArray();
  for (Span p : q.parts) SpanObject(w, p);
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string AnalysisToJson(const Document& doc, const Analysis& a) {
  JsonWriter w;
  w.BeginObject();
  w.Key("title");
  w.String(doc.Headline());
  w.Key("id");
  w.String(doc.id);
  w.Key("stats");
  w.BeginObject();
  w.Key("paragraphs");
  w.Int(int64_t(doc.paragraphs.size()));
  w.Key("sentences");
  w.Int(int64_t(a.sentences.size()));
  w.Key("words");
  w.Int(a.word_count);
  w.EndObject();

  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < a.entities.size(); ++i) WriteEntity(w, doc, a, i);
  w.EndArray();

  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : a.quotes) WriteQuote(w, doc, a, q);
  w.EndArray();

  w.Key("relations");
  w.BeginArray();
  for (const Relation& r : a.relations) {
    if (r.source < 0 || r.target < 0 || size_t(r.source) >= a.entities.size() ||
        size_t(r.target) >= a.entities.size())
      continue;
    w.BeginObject();
    w.Key("source");
    w.String(EntityJsonId(r.source));
    w.Key("target");
    w.String(EntityJsonId(r.target));
    w.Key("kind");
    w.String(r.kind_name.empty() ? RelationKindName(r.kind) : r.kind_name);
    w.Key("label");
    w.String(RelationLabel(r));
    w.Key("weight");
    w.Number(r.weight);
    w.Key("evidence");
    w.BeginArray();
    for (Span s : r.evidence) SpanObject(w, s);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : a.diagnostics) {
    w.BeginObject();
    w.Key("level");
    w.String(d.level == Diagnostic::Level::Error ? "error" : d.level == Diagnostic::Level::Warning ? "warning" : "info");
    w.Key("start");
    w.Int(d.span.begin);
    w.Key("end");
    w.Int(d.span.end);
    w.Key("message");
    w.String(d.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

}  // namespace lectern
