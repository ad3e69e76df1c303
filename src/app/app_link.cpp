// app_link.cpp — see app_link.h.
#include "app_link.h"

#include "app.h"
#include "article_link.h"
#include "own_articles.h"
#include "platform.h"

#include <cmath>
#include <functional>

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

const std::string& ArticlePayload(const LibraryEntry& e) {
  if (!e.payload_done) {
    // Encoded once per article (a link is asked for on every state query and copy).
    e.payload_done = true;
    e.payload = lectern::LinkPayload(e.loaded.doc.bytes);  // "" when too long for a link
  }
  return e.payload;
}

std::string ShareableLink(const AppState& app, LinkScope scope) {
  lectern::LinkState l = CurrentLinkState(app, scope);
  if (l.article.empty()) return {};
  const LibraryEntry* e = app.Open();
  if (e->own) {
    // The receiver has no copy of the reader's own article: the link carries it.
    l.text_payload = ArticlePayload(*e);
    if (l.text_payload.empty()) return {};
  }
  std::string url = platform::PageUrl();
  const size_t hash = url.find('#');
  if (hash != std::string::npos) url.resize(hash);
  return url + "#" + lectern::FormatLink(l);
}

namespace {

// Everything in a link but the article: the selection, the reading position, the search and the
// map view, applied to the open article (whose analysis is done).
void ApplyViewPart(AppState& app, const lectern::LinkState& l, const std::function<void(const std::string&)>& notice) {
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

}  // namespace

void ApplyLink(AppState& app, std::string_view fragment) {
  const lectern::LinkParse parsed = lectern::ParseLink(fragment);
  const lectern::LinkState& l = parsed.link;
  // At most two notices per link, so a link with many bad fields cannot flood the screen.
  int notices = 0;
  auto notice = [&](const std::string& text) {
    if (notices++ < 2) AddNotice(app, text, 10);
  };
  for (const std::string& p : parsed.problems) notice(p);

  if (!l.text_payload.empty()) {
    // The link carries its article (one the sender added): open it, and keep it here too.
    const lectern::ArticlePayloadDecode decoded = lectern::DecodeArticlePayload(l.text_payload);
    int index = -1;
    if (!decoded.ok) {
      notice("The article in this link cannot be read (" + decoded.error + ").");
    } else {
      index = AddOwnArticle(app, decoded.text, "", OwnOrigin::Link);
    }
    if (index < 0) {
      if (app.open < 0 && !app.library.empty()) OpenArticle(app, 0);
      return;
    }
    OpenArticle(app, index);
  } else if (!l.article.empty()) {
    const int index = FindArticle(app, l.article);
    if (index >= 0) {
      OpenArticle(app, index);
    } else if (!app.own_loaded) {
      app.link_waiting_for_library = std::string(fragment);  // the reader's own, still being read
      return;
    } else {
      notice("The linked article is not in this library; showing \xE2\x80\x9C" +
             lectern::ToValidUtf8(app.library.empty() ? std::string() : std::string(app.library[0].loaded.doc.Headline())) +
             "\xE2\x80\x9D instead.");
      if (app.open < 0 && !app.library.empty()) OpenArticle(app, 0);
      return;  // the rest of the link was about that other article
    }
  }
  if (app.open < 0) return;
  if (!app.OpenAnalysis()) {
    app.pending_link = std::string(fragment);  // a long article, still being analysed
    app.pending_link_notices = notices;
    return;
  }
  ApplyViewPart(app, l, notice);
}

void ApplyLinkToOpenArticle(AppState& app, std::string_view fragment) {
  int notices = app.pending_link_notices;
  auto notice = [&](const std::string& text) {
    if (notices++ < 2) AddNotice(app, text, 10);
  };
  ApplyViewPart(app, lectern::ParseLink(fragment).link, notice);
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
  if (url.empty()) {
    const LibraryEntry* e = app.Open();
    if (e && e->own)
      AddNotice(app, "This article is too long to travel in a link (" + std::to_string(e->words) +
                         " words; a link carries about " + std::to_string(lectern::kMaxArticlePayloadChars / 1000) +
                         " thousand characters of compressed text). Use Export to send it as a file.", 12);
    return;
  }
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
