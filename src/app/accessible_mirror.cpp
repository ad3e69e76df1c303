// accessible_mirror.cpp — see accessible_mirror.h.
#include "accessible_mirror.h"

#include "app.h"
#include "json_writer.h"
#include "platform.h"
#include "quote_query.h"
#include "selection.h"

#include <cstdint>

namespace {

constexpr size_t kMirrorBytes = 256u << 10;  // of article text in the accessible copy (~40,000 words)
constexpr size_t kMirrorQuotes = 5000;

const char* TypeWord(lectern::EntityType t) {
  switch (t) {
    case lectern::EntityType::Person: return "person";
    case lectern::EntityType::Place: return "place";
    case lectern::EntityType::Org: return "organisation";
    case lectern::EntityType::Group: return "group";
  }
  return "entity";
}

std::string Announcement(const AppState& app) {
  const lectern::Analysis* a = app.OpenAnalysis();
  const lectern::Document* doc = app.OpenDocument();
  if (!a || !doc) return {};
  const lectern::Selection& s = app.selection;
  if (s.quote >= 0 && s.quote < int(a->quotes.size())) {
    const lectern::Quote& q = a->quotes[size_t(s.quote)];
    std::string who = lectern::SpeakerName(*a, q);
    return "Selected quote " + std::to_string(s.quote + 1) + " of " + std::to_string(a->quotes.size()) + ", by " +
           lectern::ToValidLine(who.empty() ? std::string("an unnamed speaker") : who) + ": " +
           lectern::ToValidLine(q.Text(*doc));
  }
  if (s.entity >= 0 && s.entity < int(a->entities.size())) {
    const lectern::Entity& e = a->entities[size_t(s.entity)];
    std::string out = "Selected " + std::string(TypeWord(e.type)) + ": " + lectern::ToValidLine(e.name);
    if (!e.role.empty()) out += ", " + lectern::ToValidLine(e.role);
    out += ", " + std::to_string(e.mentions.size()) + (e.mentions.size() == 1 ? " mention" : " mentions");
    return out;
  }
  return "Nothing selected";
}

// How many paragraphs the copy holds: those that begin within its first kMirrorBytes of text.
size_t MirroredParagraphs(const lectern::Document& doc) {
  size_t bytes = 0, shown = 0;
  for (lectern::Span p : doc.paragraphs) {
    if (bytes >= kMirrorBytes) break;
    bytes += p.size();
    ++shown;
  }
  return shown;
}

}  // namespace

std::string AccessibleArticleJson(const AppState& app) {
  lectern::JsonWriter w;
  const lectern::Document* doc = app.OpenDocument();
  w.BeginObject();
  w.Key("title");
  w.String(doc ? lectern::ToValidLine(doc->Headline()) : std::string());
  // The copy holds the first kMirrorBytes of the text (every real article; a book-length paste
  // would make the browser lay out and shape megabytes of hidden text), and says where it stops.
  w.Key("paragraphs");
  w.BeginArray();
  const size_t shown = doc ? MirroredParagraphs(*doc) : 0;
  for (size_t i = 0; i < shown; ++i) w.String(lectern::ToValidLine(doc->Text(doc->paragraphs[i])));
  w.EndArray();
  w.Key("more");
  w.Int(doc ? int64_t(doc->paragraphs.size() - shown) : 0);
  w.EndObject();
  return w.Take();
}

std::string AccessibleAnalysisJson(const AppState& app) {
  lectern::JsonWriter w;
  const lectern::Document* doc = app.OpenDocument();
  const lectern::Analysis* a = app.OpenAnalysis();
  w.BeginObject();
  w.Key("analysing");
  w.Bool(doc && !a);
  w.Key("entities");
  w.BeginArray();
  if (a) {
    for (const lectern::Entity& e : a->entities) {
      w.BeginObject();
      w.Key("name");
      w.String(lectern::ToValidLine(e.name));
      w.Key("type");
      w.String(TypeWord(e.type));
      w.Key("role");
      w.String(lectern::ToValidLine(e.role));
      w.Key("mentions");
      w.Int(int64_t(e.mentions.size()));
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  // The quotes of the text the copy holds (a book-length paste has tens of thousands).
  size_t quotes = 0;
  if (a && doc) {
    const size_t shown = MirroredParagraphs(*doc);
    const uint32_t text_end = shown < doc->paragraphs.size() ? doc->paragraphs[shown].begin : UINT32_MAX;
    for (const lectern::Quote& q : a->quotes) {
      if (quotes == kMirrorQuotes) break;
      if (q.extent.begin >= text_end) continue;
      ++quotes;
      w.BeginObject();
      w.Key("speaker");
      w.String(lectern::ToValidLine(lectern::SpeakerName(*a, q)));
      w.Key("kind");
      w.String(q.kind == lectern::QuoteKind::Direct ? "direct" : "reported");
      w.Key("text");
      w.String(lectern::ToValidLine(q.Text(*doc)));
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("moreQuotes");
  w.Int(a ? int64_t(a->quotes.size() - quotes) : 0);
  w.EndObject();
  return w.Take();
}

void SyncAccessibleMirror(AppState& app) {
  // The text once per article; the entities and quotes once per analysis (a long article's
  // arrives later); the selection on every change.
  const void* doc = app.OpenDocument();
  const void* analysis = app.OpenAnalysis();
  const bool new_document = doc != app.mirror_document;
  if (new_document) {
    app.mirror_document = doc;
    platform::SetAccessibleArticle(AccessibleArticleJson(app));  // empties the entity and quote lists
  }
  if (new_document || analysis != app.mirror_analysis) {
    app.mirror_analysis = analysis;
    app.mirror_serial = ~0ull;
    platform::SetAccessibleAnalysis(AccessibleAnalysisJson(app));
  }
  if (app.selection.serial != app.mirror_serial) {
    app.mirror_serial = app.selection.serial;
    platform::SetAccessibleSelection(app.selection.entity, app.selection.quote, Announcement(app));
  }
}

void SelectFromMirror(AppState& app, int kind, int index) {
  const lectern::Analysis* a = app.OpenAnalysis();
  if (!a) return;
  if (kind == 0) lectern::SelectEntity(app.selection, *a, index, lectern::SelectOrigin::Map);
  if (kind == 1) lectern::SelectQuote(app.selection, *a, index, lectern::SelectOrigin::Quotes);
  platform::RequestFrames(0.3);
}
