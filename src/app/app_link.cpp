// app_link.cpp — see app_link.h.
#include "app_link.h"

#include "app.h"
#include "platform.h"

#include <cmath>

lectern::LinkState CurrentLinkState(const AppState& app, LinkScope scope) {
  lectern::LinkState l;
  const LibraryEntry* e = app.Open();
  if (!e) return l;
  l.article = e->loaded.doc.id;
  const lectern::Analysis* a = app.OpenAnalysis();
  if (a) {
    const int ent = app.selection.entity, q = app.selection.quote;
    if (scope != LinkScope::Quote && ent >= 0 && ent < int(a->entities.size())) l.entity = a->entities[size_t(ent)].id;
    if (scope != LinkScope::Entity && q >= 0 && q < int(a->quotes.size())) l.quote = a->quotes[size_t(q)].id;
  }
  if (scope == LinkScope::View) {
    if (app.article.has_pending_position) {
      // Not laid out yet (the link was just applied): keep what the link asked for.
      l.has_position = true;
      l.paragraph = app.article.pending_position.paragraph;
      l.permille = int(std::lround(app.article.pending_position.fraction * 1000));
    } else if (!app.article.layout.lines.empty() && app.article.scroll > 0.5f) {
      const ReadingPosition pos = CurrentReadingPosition(app.article);
      l.has_position = true;
      l.paragraph = pos.paragraph;
      l.permille = std::min(999, int(std::lround(pos.fraction * 1000)));
    }
    if (app.article.find_open) l.search = app.article.find_query;
    if (app.map.show_map) {
      l.view = "map";
      l.has_map_view = ReaderMapView(app.map, &l.map_lat, &l.map_lon, &l.map_zoom);
    }
  }
  return l;
}

std::string ShareableLink(const AppState& app, LinkScope scope) {
  const lectern::LinkState l = CurrentLinkState(app, scope);
  if (l.article.empty()) return {};
  std::string url = platform::PageUrl();
  const size_t hash = url.find('#');
  if (hash != std::string::npos) url.resize(hash);
  return url + "#" + lectern::FormatLink(l);
}

void ApplyLink(AppState& app, std::string_view fragment) {
  const lectern::LinkParse parsed = lectern::ParseLink(fragment);
  const lectern::LinkState& l = parsed.link;
  // At most two notices per link, so a link with many bad fields cannot flood the screen.
  int notices = 0;
  auto notice = [&](const std::string& text) {
    if (notices++ < 2) AddNotice(app, text, 10);
  };
  for (const std::string& p : parsed.problems) notice(p);

  if (!l.article.empty()) {
    const int index = FindArticle(app, l.article);
    if (index >= 0) {
      OpenArticle(app, index);
    } else {
      notice("The linked article is not in this library; showing \xE2\x80\x9C" +
             lectern::ToValidUtf8(app.library.empty() ? std::string() : std::string(app.library[0].loaded.doc.Headline())) +
             "\xE2\x80\x9D instead.");
      if (app.open < 0 && !app.library.empty()) OpenArticle(app, 0);
      return;  // the rest of the link was about that other article
    }
  }
  if (app.open < 0) return;
  const lectern::Analysis* a = app.OpenAnalysis();
  if (a) {
    if (!l.quote.empty()) {
      const int q = a->FindQuote(l.quote);
      if (q >= 0) {
        lectern::SelectQuote(app.selection, *a, q, lectern::SelectOrigin::Link);
      } else {
        notice("The linked quote (" + l.quote + ") is not in this article.");
      }
    }
    if (!l.entity.empty()) {
      const int e = a->FindEntity(l.entity);
      if (e >= 0) {
        lectern::SelectEntity(app.selection, *a, e, lectern::SelectOrigin::Link);
      } else {
        notice("The linked entity (" + l.entity + ") is not in this article.");
      }
    }
  }
  if (l.has_position) {
    const int paragraphs = int(app.Open()->loaded.doc.paragraphs.size());
    app.article.pending_position = {std::min(l.paragraph, paragraphs - 1), float(l.permille) / 1000.0f};
    app.article.has_pending_position = true;
    // The position wins over scrolling to the selection: it is what the reader was looking at.
    app.article.seen_serial = app.selection.serial;
  }
  if (!l.search.empty()) {
    app.article.find_open = true;
    app.article.find_query = l.search;
    app.article.find_done_for.clear();
    app.article.find_keep_scroll = l.has_position;
  }
  if (!l.view.empty()) app.map.show_map = l.view == "map";
  if (l.has_map_view) app.map.linked_map_view = {true, l.map_lat, l.map_lon, l.map_zoom};
  platform::RequestFrames(0.3);
}

void SyncUrl(AppState& app, bool animating) {
  if (app.open < 0) return;
  const std::string hash = lectern::FormatLink(CurrentLinkState(app, LinkScope::View));
  if (hash == app.url_written) return;
  // Browsers throttle replaceState (Chromium: about 100 calls per 10 s); while the view is
  // moving, write at most four times a second, and always once it has settled.
  if (animating && app.now - app.url_written_at < 0.25) {
    platform::RequestFrames(0.3);
    return;
  }
  platform::ReplaceUrlHash(hash);
  app.url_written = hash;
  app.url_written_at = app.now;
}

void CopyLink(AppState& app, LinkScope scope, bool share) {
  const std::string url = ShareableLink(app, scope);
  if (url.empty()) return;
  platform::SetClipboardText(url);
  app.last_link = url;
  if (share && platform::CanShare()) {
    const LibraryEntry* e = app.Open();
    platform::Share(e ? lectern::ToValidUtf8(e->loaded.doc.Headline()) : "Lectern", "", url);
  } else {
    AddNotice(app, scope == LinkScope::Quote    ? "Link to this quote copied."
                   : scope == LinkScope::Entity ? "Link to this entity copied."
                                                : "Link to this view copied.",
              3);
  }
}
