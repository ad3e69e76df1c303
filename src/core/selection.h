// selection.h — the one shared selection that links the three windows.
//
//   Selection sel;
//   SelectEntity(sel, analysis, 3, SelectOrigin::Map);    // a node was clicked on the map
//   SelectQuote(sel, analysis, 1, SelectOrigin::Quotes);  // also selects the quote's speaker
//   if (sel.serial != my_seen_serial) { react(); my_seen_serial = sel.serial; }
//   Span next = NextMention(sel, analysis);               // "show me the next place it occurs"
//
// Windows never copy the selection: they read it every frame and compare `serial` to react
// once to a change (the article scrolls, the map centres, the quote table scrolls to the row).
// Ids for links and for the page's state query come from the analysis (Entity::id, Quote::id).
#pragma once

#include "analysis.h"

#include <cstdint>

namespace lectern {

enum class SelectOrigin : uint8_t { None, Article, Map, Quotes, Link, Search };

struct Selection {
  int entity = -1;                  // index into Analysis::entities, -1 for none
  int quote = -1;                   // index into Analysis::quotes, -1 for none
  int mention = -1;                 // the entity's mention last revealed, for "next mention"
  SelectOrigin origin = SelectOrigin::None;
  uint64_t serial = 0;              // bumped on every change
};

// Selects an entity (or clears it with -1). Keeps the quote only if the quote's speaker is this
// entity. Out-of-range indices clear. Returns true when something changed.
bool SelectEntity(Selection& sel, const Analysis& a, int entity, SelectOrigin origin);

// Selects an entity and one of its mentions: the views show exactly that mention (where
// SelectEntity lets them pick the next one after the reader's place). An invalid mention index
// selects the entity alone. Returns true when something changed.
bool SelectMention(Selection& sel, const Analysis& a, int entity, int mention, SelectOrigin origin);

// Selects a quote and its speaker entity (when the speaker is an entity). -1 clears the quote.
bool SelectQuote(Selection& sel, const Analysis& a, int quote, SelectOrigin origin);

void ClearSelection(Selection& sel);

// Advances sel.mention to the next mention of the selected entity after `after` (a byte offset,
// e.g. the top of the view), wrapping around; returns its span (empty when nothing to show).
Span NextMention(Selection& sel, const Analysis& a, uint32_t after);

// The span the views should show for the selection: the quote's extent, else the entity's
// current mention (sel.mention), else its first mention.
Span SelectionSpan(const Selection& sel, const Analysis& a);

// Entities related to `entity` (by any relation or co-occurrence), strongest first.
std::vector<int> RelatedEntities(const Analysis& a, int entity);

}  // namespace lectern
