// theme.h — colours and ImGui style for the reader's three themes (light, sepia, dark).
//
//   ApplyTheme(Theme::Dark);                  // ImGui style colours for the chrome
//   const Palette& p = GetPalette(Theme::Dark); // reading colours for the article and the map
#pragma once

#include <imgui.h>

#include "analysis.h"  // lectern::EntityType

enum class Theme : int { Light = 0, Sepia = 1, Dark = 2 };
const char* ThemeName(Theme t);  // "light", "sepia", "dark"
Theme ThemeFromName(const char* name, Theme fallback);

struct Palette {
  ImU32 page;           // reading background
  ImU32 text;           // body text
  ImU32 heading;        // headline
  ImU32 muted;          // meta lines, captions
  ImU32 rule;           // thin separators
  ImU32 selection;      // selected text background
  ImU32 find;           // find matches
  ImU32 find_current;   // the current find match
  ImU32 person, place, org, group;          // entity type colours (text underline / node fill)
  ImU32 person_bg, place_bg, org_bg, group_bg;  // soft backgrounds behind highlighted mentions
  ImU32 quote_direct, quote_indirect;       // quote marks in the margin / underline
  ImU32 focus;          // the selected entity or quote
  ImU32 land, land_edge, water;             // world map
};

const Palette& GetPalette(Theme t);
ImU32 TypeColor(const Palette& p, lectern::EntityType t);       // underline, node, marker
ImU32 TypeBackground(const Palette& p, lectern::EntityType t);  // soft fill behind a mention
void ApplyTheme(Theme t);
